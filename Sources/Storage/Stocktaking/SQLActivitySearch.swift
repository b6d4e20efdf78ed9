import Foundation
import Review
import SQLKit

/// Search over published activities, the same on both databases:
///
/// 1. The database finds the activities whose words match (FTS5 on SQLite, the GIN-indexed
///    tsvector on PostgreSQL) and returns only their numbers, in one value.
/// 2. Filters, the exact total and every facet's counts come from the in-memory `FacetIndex`,
///    in one pass over those numbers.
/// 3. The page is ranked: by BM25 (FTS5) or ts_rank (PostgreSQL) when the words match at most
///    `bestMatchLimit` activities; beyond that, title matches first and newest first (see
///    `ActivitySearchPage.Ranking`), which needs no score per match.
/// 4. Only the page's activities are read, and their snippets made here (`Snippet`).
///
/// The facet index follows the database: every write to an activity takes a change number; a
/// search first reads the newest number and, when it moved, reads the changed activities.
public final class SQLActivitySearch: ActivitySearchIndex, @unchecked Sendable {
    let backend: any DatabaseBackend
    /// Above this many matches, ranking switches from best match to title-then-newest.
    public static let bestMatchLimit = 5000

    private let lock = NSLock()
    private var index: FacetIndex?
    private var lastChange: Int64 = 0
    /// Words' document counts, forgotten whenever the index changes.
    private var frequencies: [String: Int] = [:]
    private let refreshing = AsyncLock()

    public init(backend: any DatabaseBackend) {
        self.backend = backend
    }

    private var snapshot: FacetIndex? { lock.withLock { index } }

    public func refresh() async throws {
        try await refreshing.withLock {
            let current = try await self.backend.withReader { db in
                Int64(try await db.row("SELECT value FROM counters WHERE name = 'search_change'")?.int("value") ?? 0)
            }
            var working: FacetIndex
            var from: Int64
            if let existing = self.snapshot {
                if current == self.lock.withLock({ self.lastChange }) { return }
                working = existing
                from = self.lock.withLock { self.lastChange }
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
            self.lock.withLock {
                self.index = working
                self.lastChange = max(from, current)
                self.frequencies.removeAll()
            }
        }
    }

    /// Published activities per Action Line and goal, for the matrix heat map.
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
    func scores(_ query: SearchQuery, limit: Int) async throws -> [Int32: Double] {
        let rows: [any SQLRow]
        switch backend.kind {
        case .sqlite:
            // Title counts ten times a description word, a summary four times, the organization twice.
            // Words found in more than `bestMatchLimit` activities are left out of the score: BM25 gives them
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

    /// The query's rarer groups (each held by at most `bestMatchLimit` activities, read from FTS5's
    /// vocabulary), or the whole query when none is rare. Every activity the query matches holds the
    /// rarer groups, so scoring them scores every match.
    func scoringQuery(_ query: SearchQuery) async throws -> SearchQuery {
        var rare: [SearchQuery.Group] = []
        for group in query.groups {
            var frequency = Int.max
            for (offset, word) in group.words.enumerated() {
                frequency = min(frequency, try await documentFrequency(word, prefix: group.prefix && offset == group.words.count - 1))
            }
            if frequency <= Self.bestMatchLimit { rare.append(group) }
        }
        return rare.isEmpty ? query : SearchQuery(groups: rare)
    }

    /// How many published activities hold a word (or words starting with it). FTS5 counts them by
    /// reading the word's whole list, as long for "digital" as the search itself, so the answer is
    /// kept until the index changes.
    func documentFrequency(_ word: String, prefix: Bool) async throws -> Int {
        let key = prefix ? word + "*" : word
        if let known = lock.withLock({ frequencies[key] }) { return known }
        let count = try await backend.withReader { db -> Int in
            let row: (any SQLRow)?
            if prefix {
                row = try await db.row("SELECT COALESCE(SUM(doc), 0) AS n FROM activity_fts_vocabulary WHERE term >= \(bind: word) AND term < \(bind: word + "\u{10FFFF}")")
            } else {
                row = try await db.row("SELECT COALESCE(SUM(doc), 0) AS n FROM activity_fts_vocabulary WHERE term = \(bind: word)")
            }
            return try row?.int("n") ?? 0
        }
        lock.withLock {
            if frequencies.count > 10_000 { frequencies.removeAll() }
            frequencies[key] = count
        }
        return count
    }

    // MARK: The search

    /// A position in a ranked list: larger comes first.
    struct Key: Comparable {
        var primary: Double
        var secondary: Int32
        var doc: Int32

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.primary, lhs.secondary, lhs.doc) < (rhs.primary, rhs.secondary, rhs.doc)
        }

        func cursor(_ fingerprint: String, _ ranking: ActivitySearchPage.Ranking) -> String {
            let text = "1|\(fingerprint)|\(ranking.rawValue)|\(String(primary.bitPattern, radix: 16))|\(secondary)|\(doc)"
            return Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }

        static func parse(_ cursor: String, fingerprint: String) -> (Key, ActivitySearchPage.Ranking)? {
            var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            while base64.count % 4 != 0 { base64 += "=" }
            guard base64.count < 400, let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
            let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 6, parts[0] == "1", parts[1] == fingerprint, let ranking = ActivitySearchPage.Ranking(rawValue: parts[2]),
                  let bits = UInt64(parts[3], radix: 16), let secondary = Int32(parts[4]), let doc = Int32(parts[5]) else { return nil }
            return (Key(primary: Double(bitPattern: bits), secondary: secondary, doc: doc), ranking)
        }
    }

    public func search(_ request: ActivitySearchRequest, language: String) async throws -> ActivitySearchPage {
        guard (1...ActivitySearchRequest.maximumLimit).contains(request.limit) else {
            throw DomainError.invalid([FieldError(field: "limit", code: "out-of-range", parameters: ["min": "1", "max": String(ActivitySearchRequest.maximumLimit)])])
        }
        let fingerprint = request.fingerprint
        var after: Key?
        if let cursor = request.cursor, !cursor.isEmpty {
            guard let (key, _) = Key.parse(cursor, fingerprint: fingerprint) else {
                throw DomainError.invalid([FieldError(field: "cursor", code: "invalid-cursor")])
            }
            after = key
        }
        try await refresh()
        guard let index = snapshot else {
            return ActivitySearchPage(hits: [], total: 0, facets: [:], nextCursor: nil, ranking: .newest)
        }
        let filter = index.compile(request.filters)

        // 1. What the words match (every published activity when there are no words); scores only
        //    when they are few enough to rank by best match.
        var textMatches: [Int32]?
        var scores: [Int32: Double] = [:]
        var ranking = ActivitySearchPage.Ranking.newest
        if !request.query.isEmpty {
            let matches = try await matching(request.query)
            textMatches = matches
            if request.sort == .relevance {
                if matches.count <= Self.bestMatchLimit {
                    ranking = .bestMatch
                    scores = matches.isEmpty ? [:] : try await self.scores(request.query, limit: Self.bestMatchLimit + 1)
                } else {
                    ranking = .titleThenNewest
                }
            }
        }

        // 2. Filters, total and facets in one pass. Each facet counts the matches that pass every
        //    *other* facet's filter, so a chosen country still shows the other countries to add.
        var counts = FacetIndex.Counts()
        var matched: [Int32] = []
        func consider(_ doc: Int) {
            let failed = index.failures(doc, filter)
            if failed == 0 {
                matched.append(Int32(doc))
                index.count(doc, into: &counts)
            } else if failed & FacetIndex.Bit.absent == 0 && failed.nonzeroBitCount == 1 {
                index.count(doc, into: &counts, only: failed)
            }
        }
        if let textMatches {
            matched.reserveCapacity(textMatches.count)
            for doc in textMatches { consider(Int(doc)) }
        } else {
            matched.reserveCapacity(index.count)
            for doc in 1..<index.upperBound { consider(doc) }
        }

        // 3. The ranking: for many matches, whether each has the words in its title.
        var inTitle: [UInt64] = []
        if ranking == .titleThenNewest, !matched.isEmpty {
            inTitle = [UInt64](repeating: 0, count: index.upperBound / 64 + 1)
            for doc in try await matching(request.query, titleOnly: true) where Int(doc) < index.upperBound {
                inTitle[Int(doc) >> 6] |= 1 << UInt64(doc & 63)
            }
        }
        func key(_ doc: Int32) -> Key {
            let day = index.days[Int(doc)]
            switch ranking {
            case .bestMatch: return Key(primary: scores[doc] ?? 0, secondary: day, doc: doc)
            case .titleThenNewest: return Key(primary: inTitle[Int(doc) >> 6] & (1 << UInt64(doc & 63)) != 0 ? 1 : 0, secondary: day, doc: doc)
            case .newest: return Key(primary: 0, secondary: day, doc: doc)
            }
        }

        // The best `limit + 1` after the cursor, kept sorted best first.
        var best: [Key] = []
        let keep = request.limit + 1
        for doc in matched {
            let candidate = key(doc)
            if let after, !(candidate < after) { continue }
            if best.count == keep, let last = best.last, !(last < candidate) { continue }
            var low = 0, high = best.count
            while low < high {
                let middle = (low + high) / 2
                if best[middle] < candidate { high = middle } else { low = middle + 1 }
            }
            best.insert(candidate, at: low)
            if best.count > keep { best.removeLast() }
        }
        let more = best.count > request.limit
        let page = Array(best.prefix(request.limit))

        // 4. The page's activities and snippets.
        let docs = page.map { Int64($0.doc) }
        let kind = backend.kind
        let records = try await backend.withReader { db in try await SQLActivityRepository(db: db, kind: kind).records(docs: docs) }
        let hits: [ActivitySearchPage.Hit] = page.compactMap { key in
            guard let activity = records[Int64(key.doc)] else { return nil }
            return ActivitySearchPage.Hit(activity, query: request.query, language: language)
        }
        return ActivitySearchPage(hits: hits, total: matched.count, facets: index.facets(counts),
                                  nextCursor: more ? page.last?.cursor(fingerprint, ranking) : nil, ranking: ranking)
    }
}

