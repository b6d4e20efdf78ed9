import Foundation

/// Searching the published registry, for the pages, the API and the command line alike. The
/// rules live here: how many hits a page may hold, what a cursor means, and how a page is ranked
/// (`ActivitySearchPage.Ranking`); the index only matches, counts and scores.
public struct ActivitySearchService: Sendable {
    let index: any ActivitySearchIndex

    /// Above this many word matches, best match gives way to title-then-newest: BM25 no longer
    /// tells the activities apart, and scoring them all would cost more than the search.
    public static let bestMatchLimit = 5000

    public init(index: any ActivitySearchIndex) {
        self.index = index
    }

    /// Reads the index now (the facet counts of every published activity), so that the first
    /// search does not wait for it.
    public func warmUp() async throws {
        try await index.refresh()
    }

    /// Published activities per Action Line and goal, for the matrix heat map.
    public func cooccurrence() async throws -> [String: Int] {
        try await index.cooccurrence()
    }

    public func search(_ request: ActivitySearchRequest, language: String) async throws -> ActivitySearchPage {
        guard (1...ActivitySearchRequest.maximumLimit).contains(request.limit) else {
            throw DomainError.invalid([FieldError(field: "limit", code: "out-of-range",
                                                  parameters: ["min": "1", "max": String(ActivitySearchRequest.maximumLimit)])])
        }
        let fingerprint = request.fingerprint
        var after: SearchCursor?
        if let text = request.cursor, !text.isEmpty {
            guard let cursor = SearchCursor(parsing: text, fingerprint: fingerprint) else {
                throw DomainError.invalid([FieldError(field: "cursor", code: "invalid-cursor")])
            }
            after = cursor
        }

        // 1. What the words match and the filters let through, with the total and the facets.
        let candidates = try await index.candidates(request.query, filters: request.filters)

        // 2. The ranking: best match while the words match few enough activities to score them all.
        var ranking = ActivitySearchPage.Ranking.newest
        var scores: [Int32: Double] = [:]
        var inTitle = Bits(upperBound: 0)
        if let wordMatches = candidates.wordMatches, request.sort == .relevance {
            if wordMatches <= Self.bestMatchLimit {
                ranking = .bestMatch
                if wordMatches > 0 { scores = try await index.scores(request.query, limit: Self.bestMatchLimit + 1) }
            } else {
                ranking = .titleThenNewest
                if let last = candidates.docs.last {
                    inTitle = Bits(upperBound: Int(last) + 1)
                    for doc in try await index.titleMatches(request.query) { inTitle.insert(doc) }
                }
            }
        }
        func key(_ position: Int) -> SearchCursor {
            let doc = candidates.docs[position], day = candidates.days[position]
            switch ranking {
            case .bestMatch: return SearchCursor(primary: scores[doc] ?? 0, secondary: day, doc: doc)
            case .titleThenNewest: return SearchCursor(primary: inTitle.contains(doc) ? 1 : 0, secondary: day, doc: doc)
            case .newest: return SearchCursor(primary: 0, secondary: day, doc: doc)
            }
        }

        // 3. The best `limit + 1` after the cursor, kept sorted best first.
        var best: [SearchCursor] = []
        let keep = request.limit + 1
        for position in candidates.docs.indices {
            let candidate = key(position)
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

        // 4. The page's activities, each with its snippets.
        let records = try await index.activities(page.map(\.doc))
        let hits: [ActivitySearchPage.Hit] = page.compactMap { key in
            records[key.doc].map { ActivitySearchPage.Hit($0, query: request.query, language: language) }
        }
        return ActivitySearchPage(hits: hits, total: candidates.docs.count, facets: candidates.facets,
                                  nextCursor: more ? page.last?.text(fingerprint, ranking) : nil, ranking: ranking)
    }

    /// A set of activity numbers as bits, for asking "is it in the title?" of every match.
    struct Bits {
        private var words: [UInt64]

        init(upperBound: Int) { words = [UInt64](repeating: 0, count: upperBound / 64 + 1) }

        mutating func insert(_ doc: Int32) {
            let index = Int(doc) >> 6
            if index < words.count { words[index] |= 1 << UInt64(doc & 63) }
        }

        func contains(_ doc: Int32) -> Bool {
            let index = Int(doc) >> 6
            return index < words.count && words[index] & (1 << UInt64(doc & 63)) != 0
        }
    }
}

/// A position in a ranked list (larger comes first), and the opaque cursor a page hands out so
/// that the next page starts after it. A cursor holds the search's fingerprint: it is refused by
/// any other search.
struct SearchCursor: Comparable {
    var primary: Double
    var secondary: Int32
    var doc: Int32

    init(primary: Double, secondary: Int32, doc: Int32) {
        self.primary = primary
        self.secondary = secondary
        self.doc = doc
    }

    static func < (lhs: SearchCursor, rhs: SearchCursor) -> Bool {
        (lhs.primary, lhs.secondary, lhs.doc) < (rhs.primary, rhs.secondary, rhs.doc)
    }

    func text(_ fingerprint: String, _ ranking: ActivitySearchPage.Ranking) -> String {
        let text = "1|\(fingerprint)|\(ranking.rawValue)|\(String(primary.bitPattern, radix: 16))|\(secondary)|\(doc)"
        return Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init?(parsing cursor: String, fingerprint: String) {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard base64.count < 400, let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "1", parts[1] == fingerprint, ActivitySearchPage.Ranking(rawValue: parts[2]) != nil,
              let bits = UInt64(parts[3], radix: 16), let secondary = Int32(parts[4]), let doc = Int32(parts[5]) else { return nil }
        self.init(primary: Double(bitPattern: bits), secondary: secondary, doc: doc)
    }
}
