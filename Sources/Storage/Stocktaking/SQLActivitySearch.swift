import Foundation
import Review
import SQLKit
import Synchronization

/// The index of published activities, the same on both databases:
///
/// 1. The database finds the activities whose words match (FTS5 on SQLite, the GIN-indexed
///    tsvector on PostgreSQL) and returns only their numbers, in one value.
/// 2. Filters, the exact total and every facet's counts come from the in-memory `FacetIndex`,
///    in one pass over those numbers.
/// 3. Scores come from BM25 (FTS5) or ts_rank (PostgreSQL), title matches from the title column;
///    `ActivitySearchService` decides which it asks for and ranks the page.
/// 4. Only the page's activities are read.
///
/// The facet index follows the database: every write to an activity takes a change number; a
/// search first reads the newest number and, when it moved, reads the changed activities.
public final class SQLActivitySearch: ActivitySearchIndex {
    let backend: any DatabaseBackend

    private struct State {
        var index: FacetIndex?
        var lastChange: Int64 = 0
        /// Words' document counts, forgotten whenever the index changes.
        var frequencies: [String: Int] = [:]
    }

    private let state = Mutex(State())
    private let refreshing = AsyncLock()

    public init(backend: any DatabaseBackend) {
        self.backend = backend
    }

    private var snapshot: FacetIndex? { state.withLock { $0.index } }

    public func refresh() async throws {
        try await refreshing.withLock {
            let current = try await self.backend.withReader { db in
                Int64(try await db.row("SELECT value FROM counters WHERE name = 'search_change'")?.int("value") ?? 0)
            }
            var working: FacetIndex
            var from: Int64
            let (existing, lastChange) = self.state.withLock { ($0.index, $0.lastChange) }
            if let existing {
                if current == lastChange { return }
                working = existing
                from = lastChange
            } else {
                working = try await self.backend.withReader { db in
                    let reference = SQLReferenceRepository(db: db)
                    let lines = try await reference.actionLines().filter(\.isCategory).map(\.code)
                    return FacetIndex(actionLines: lines, countries: try await reference.countries(), regions: try await reference.regions().map(\.m49))
                }
                from = 0
            }
            // Read what changed, a slice at a time (the first load reads every activity).
            while from < current {
                let rows = try await self.backend.withReader { [from] db in
                    try await db.raw("SELECT doc, state, facets, change_seq FROM activities WHERE change_seq > \(bind: Int(from)) ORDER BY change_seq LIMIT 50000").all()
                }
                if rows.isEmpty { break }
                for row in rows {
                    let doc = try row.int("doc")
                    if try row.string("state") == Activity.State.published.rawValue {
                        working.set(doc: doc, packed: try row.string("facets"))
                    } else {
                        working.remove(doc: doc)
                    }
                    from = Int64(try row.int("change_seq"))
                }
            }
            self.state.withLock { [from] in
                $0.index = working
                $0.lastChange = max(from, current)
                $0.frequencies.removeAll()
            }
        }
    }

    public func cooccurrence() async throws -> [String: Int] {
        try await refresh()
        return snapshot?.cooccurrence() ?? [:]
    }

    // MARK: The engines

    /// The numbers of the published activities whose words match, in ascending order. They cross
    /// from the database as one value (a comma-separated text on SQLite, an array on PostgreSQL),
    /// not as a row each: a million rows would cost more than the search itself.
    func matching(_ query: SearchQuery, titleOnly: Bool = false) async throws -> [Int32] {
        var docs: [Int32]
        switch backend.kind {
        case .sqlite:
            let expression = query.fts5(column: titleOnly ? "title" : nil)
            docs = try await backend.withReader { db in
                guard let row = try await db.row("SELECT group_concat(rowid) AS docs FROM activity_fts WHERE activity_fts MATCH \(bind: expression)"),
                      let text = try row.decode(column: "docs", as: String?.self) else { return [] }
                return Self.numbers(text)
            }
        case .postgres:
            let tsquery = query.tsquery()
            let column = titleOnly ? "title" : "tsv"
            docs = try await withIndexScans { db in
                guard let row = try await db.row("SELECT array_agg(doc) AS docs FROM activity_search WHERE \(ident: column) @@ CAST(\(bind: tsquery) AS tsquery)"),
                      let docs = try row.decode(column: "docs", as: [Int]?.self) else { return [] }
                return docs.map { Int32(truncatingIfNeeded: $0) }
            }
        }
        // Both engines give them in order almost always; sort only when not.
        if zip(docs, docs.dropFirst()).contains(where: { $0 > $1 }) { docs.sort() }
        return docs
    }

    /// Runs a PostgreSQL search read with sequential scans ruled out. The words live out of the rows
    /// (TOAST, see migration 10), so the planner thinks a scan of the narrow table cheap for a common
    /// word; in fact it would fetch and unpack every activity's words, where the GIN index answers
    /// which rows match without them (about 10 times faster at a million activities).
    func withIndexScans<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await backend.withTransaction { db in
            try await db.raw("SET LOCAL enable_seqscan = off").run()
            return try await work(db)
        }
    }

    /// "12,13,200" as numbers, read byte by byte.
    static func numbers(_ text: String) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(text.utf8.count / 7 + 1)
        var value: Int32 = 0
        var inNumber = false
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                value = value &* 10 &+ Int32(byte - 48)
                inNumber = true
            } else if inNumber {
                result.append(value)
                value = 0
                inNumber = false
            }
        }
        if inNumber { result.append(value) }
        return result
    }

    /// A relevance score per matching activity, higher is better; at most `limit` of them, in no
    /// particular order (so the engine stops early when the words are common).
    public func scores(_ query: SearchQuery, limit: Int) async throws -> [Int32: Double] {
        let rows: [any SQLRow]
        switch backend.kind {
        case .sqlite:
            // Title counts ten times a description word, a summary four times, the organization twice.
            // Words found in more than `ActivitySearchService.bestMatchLimit` activities are left out of the score: BM25 gives them
            // almost no weight, and FTS5 would first count every activity that holds them.
            let expression = try await scoringQuery(query).fts5()
            rows = try await backend.withReader { db in
                try await db.raw("SELECT rowid AS doc, -bm25(activity_fts, 10.0, 4.0, 1.0, 2.0) AS score FROM activity_fts WHERE activity_fts MATCH \(bind: expression) LIMIT \(literal: limit)").all()
            }
        case .postgres:
            let tsquery = query.tsquery()
            rows = try await withIndexScans { db in
                try await db.raw("SELECT doc, CAST(ts_rank(tsv, CAST(\(bind: tsquery) AS tsquery)) AS DOUBLE PRECISION) AS score FROM activity_search WHERE tsv @@ CAST(\(bind: tsquery) AS tsquery) LIMIT \(literal: limit)").all()
            }
        }
        var scores: [Int32: Double] = [:]
        scores.reserveCapacity(rows.count)
        for row in rows {
            scores[Int32(try row.int("doc"))] = try row.decode(column: "score", as: Double.self)
        }
        return scores
    }

    /// The query's rarer groups (each held by at most `ActivitySearchService.bestMatchLimit` activities, read from FTS5's
    /// vocabulary), or the whole query when none is rare. Every activity the query matches holds the
    /// rarer groups, so scoring them scores every match.
    func scoringQuery(_ query: SearchQuery) async throws -> SearchQuery {
        var rare: [SearchQuery.Group] = []
        for group in query.groups {
            var frequency = Int.max
            for (offset, word) in group.words.enumerated() {
                frequency = min(frequency, try await documentFrequency(word, prefix: group.prefix && offset == group.words.count - 1))
            }
            if frequency <= ActivitySearchService.bestMatchLimit { rare.append(group) }
        }
        return rare.isEmpty ? query : SearchQuery(groups: rare)
    }

    /// How many published activities hold a word (or words starting with it). FTS5 counts them by
    /// reading the word's whole list, as long for "digital" as the search itself, so the answer is
    /// kept until the index changes.
    func documentFrequency(_ word: String, prefix: Bool) async throws -> Int {
        let key = prefix ? word + "*" : word
        if let known = state.withLock({ $0.frequencies[key] }) { return known }
        let count = try await backend.withReader { db -> Int in
            let row: (any SQLRow)?
            if prefix {
                row = try await db.row("SELECT COALESCE(SUM(doc), 0) AS n FROM activity_fts_vocabulary WHERE term >= \(bind: word) AND term < \(bind: word + "\u{10FFFF}")")
            } else {
                row = try await db.row("SELECT COALESCE(SUM(doc), 0) AS n FROM activity_fts_vocabulary WHERE term = \(bind: word)")
            }
            return try row?.int("n") ?? 0
        }
        state.withLock {
            if $0.frequencies.count > 10_000 { $0.frequencies.removeAll() }
            $0.frequencies[key] = count
        }
        return count
    }

    // MARK: The questions of the search service

    public func titleMatches(_ query: SearchQuery) async throws -> [Int32] {
        try await matching(query, titleOnly: true)
    }

    public func activities(_ docs: [Int32]) async throws -> [Int32: Activity] {
        guard !docs.isEmpty else { return [:] }
        let kind = backend.kind
        let records = try await backend.withReader { db in try await SQLActivityRepository(db: db, kind: kind).records(docs: docs.map(Int64.init)) }
        return Dictionary(uniqueKeysWithValues: records.map { (Int32(truncatingIfNeeded: $0.key), $0.value) })
    }

    /// Filters, total and facets in one pass over what the words matched (or over every published
    /// activity). Each facet counts the matches that pass every *other* facet's filter, so a chosen
    /// country still shows the other countries to add.
    public func candidates(_ query: SearchQuery, filters: [Facet: Set<String>]) async throws -> ActivityCandidates {
        try await refresh()
        guard let index = snapshot else { return ActivityCandidates(docs: [], days: [], wordMatches: query.isEmpty ? nil : 0, facets: [:]) }
        let filter = index.compile(filters)
        let textMatches: [Int32]? = query.isEmpty ? nil : try await matching(query)
        var counts = FacetIndex.Counts()
        var docs: [Int32] = []
        var days: [Int32] = []
        func consider(_ doc: Int) {
            let failed = index.failures(doc, filter)
            if failed == 0 {
                docs.append(Int32(doc))
                days.append(index.days[doc])
                index.count(doc, into: &counts)
            } else if failed & FacetIndex.Bit.absent == 0 && failed.nonzeroBitCount == 1 {
                index.count(doc, into: &counts, only: failed)
            }
        }
        if let textMatches {
            docs.reserveCapacity(textMatches.count)
            days.reserveCapacity(textMatches.count)
            for doc in textMatches { consider(Int(doc)) }
        } else {
            docs.reserveCapacity(index.count)
            days.reserveCapacity(index.count)
            for doc in 1..<index.upperBound { consider(doc) }
        }
        return ActivityCandidates(docs: docs, days: days, wordMatches: textMatches?.count, facets: index.facets(counts))
    }
}
