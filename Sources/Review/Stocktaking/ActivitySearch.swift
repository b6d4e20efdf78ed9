import Foundation

/// The facets of the registry: each a way to narrow a search, with counts.
public enum Facet: String, Sendable, CaseIterable, Codable {
    case actionLine = "action_line"
    case sdg
    case country
    case region
    case stakeholderType = "stakeholder_type"
    case year
    case status
}

/// One search of the published registry.
public struct ActivitySearchRequest: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        /// Best match first (see `ActivitySearchPage.Ranking`); without words, the newest.
        case relevance
        /// Newest start date first.
        case date
    }

    public var query: SearchQuery
    /// Facet to the values any of which must match (values of different facets must all match).
    public var filters: [Facet: Set<String>]
    public var sort: Sort
    /// Where the previous page ended (opaque; from `ActivitySearchPage.nextCursor`).
    public var cursor: String?
    public var limit: Int

    public static let maximumLimit = 100

    public init(query: SearchQuery = SearchQuery(groups: []), filters: [Facet: Set<String>] = [:], sort: Sort = .relevance,
                cursor: String? = nil, limit: Int = 20) {
        self.query = query
        self.filters = filters
        self.sort = sort
        self.cursor = cursor
        self.limit = limit
    }

    /// A short digest of what was asked, so a cursor is only used with the search that made it.
    public var fingerprint: String {
        let filterText = filters.keys.sorted { $0.rawValue < $1.rawValue }.map { "\($0.rawValue)=\(filters[$0]!.sorted().joined(separator: ","))" }
        // Joined by hand: interpolating an array goes through its debug description, a tenth of an empty search's time.
        let words = query.groups.map { $0.words.joined(separator: " ") + ($0.prefix ? "*" : "") }.joined(separator: ";")
        let text = words + "|" + filterText.joined(separator: ";") + "|" + sort.rawValue
        return String(AuditTrail.sha256(text).prefix(12))
    }
}

/// What a search found: a page of hits, the exact total, and counts per facet value.
public struct ActivitySearchPage: Sendable {
    /// How the page was ordered.
    public enum Ranking: String, Sendable, Codable {
        /// BM25 over the words, a title match counting most.
        case bestMatch = "best-match"
        /// The query matched so much of the registry that BM25 no longer tells activities apart:
        /// activities with the words in their title first, newest first within each.
        case titleThenNewest = "title-then-newest"
        case newest
    }

    public struct Hit: Sendable {
        public var activity: Activity
        public var snippet: Snippet
        public var titleSnippet: Snippet
        public var language: String

        public init(activity: Activity, snippet: Snippet, titleSnippet: Snippet, language: String) {
            self.activity = activity
            self.snippet = snippet
            self.titleSnippet = titleSnippet
            self.language = language
        }

        /// The hit in the reader's language when the words are found there, else in the first
        /// language where they are; its snippet from the summary, unless only the description holds them.
        public init(_ activity: Activity, query: SearchQuery, language: String) {
            var chosen = activity.texts[language] != nil ? language : (activity.texts["en"] != nil ? "en" : activity.languages.first ?? "en")
            let matcher = query.matcher
            func hasMatch(_ text: Activity.Text) -> Bool {
                matcher.found(in: text.title) || matcher.found(in: text.summary) || matcher.found(in: text.description)
            }
            if !query.isEmpty, !hasMatch(activity.text(chosen)), let other = activity.languages.first(where: { hasMatch(activity.texts[$0]!) }) {
                chosen = other
            }
            let text = activity.text(chosen)
            let fromDescription = !query.isEmpty && !text.description.isEmpty && !matcher.found(in: text.summary) && matcher.found(in: text.description)
            self.init(activity: activity, snippet: Snippet(text: fromDescription ? text.description : text.summary, matcher: matcher),
                      titleSnippet: Snippet(text: text.title, matcher: matcher, length: 1000), language: chosen)
        }
    }

    public struct FacetValue: Sendable, Equatable, Codable {
        public var value: String
        public var count: Int

        public init(value: String, count: Int) {
            self.value = value
            self.count = count
        }
    }

    public var hits: [Hit]
    public var total: Int
    public var facets: [Facet: [FacetValue]]
    public var nextCursor: String?
    public var ranking: Ranking

    public init(hits: [Hit], total: Int, facets: [Facet: [FacetValue]], nextCursor: String?, ranking: Ranking) {
        self.hits = hits
        self.total = total
        self.facets = facets
        self.nextCursor = nextCursor
        self.ranking = ranking
    }
}

/// The search index of published activities: FTS5 on SQLite, tsvector and GIN on PostgreSQL,
/// with the facet counts kept beside it. Both answer the same search with the same rows.
public protocol ActivitySearchIndex: Sendable {
    func search(_ request: ActivitySearchRequest, language: String) async throws -> ActivitySearchPage
    /// Catches up with changes other servers made (the next search does it anyway).
    func refresh() async throws
}

/// An activity's words by column, as both search engines index them.
public struct ActivityDocument: Sendable, Equatable {
    public var title: [String]
    public var summary: [String]
    public var body: [String]
    public var organization: [String]

    public init(_ activity: Activity) {
        var title: [String] = [], summary: [String] = [], body: [String] = []
        for language in activity.languages {
            let text = activity.texts[language]!
            SearchText.forEachWord(text.title) { title.append($0) }
            SearchText.forEachWord(text.summary) { summary.append($0) }
            SearchText.forEachWord(text.description) { body.append($0) }
        }
        self.title = title
        self.summary = summary
        self.body = body
        self.organization = SearchText.words(activity.organization)
    }

    public var columns: [[String]] { [title, summary, body, organization] }

    /// The four columns' words, each column's joined by spaces, as FTS5 is given them: the same
    /// text as `columns` joined, made without a string per word (a million activities are imported
    /// at a time).
    public static func columnTexts(_ activity: Activity) -> [String] {
        var title: [UInt8] = [], summary: [UInt8] = [], body: [UInt8] = [], organization: [UInt8] = []
        for language in activity.languages {
            let text = activity.texts[language]!
            SearchText.appendWords(text.title, to: &title)
            SearchText.appendWords(text.summary, to: &summary)
            SearchText.appendWords(text.description, to: &body)
        }
        SearchText.appendWords(activity.organization, to: &organization)
        return [title, summary, body, organization].map { String(decoding: $0, as: UTF8.self) }
    }

    /// A PostgreSQL tsvector literal: each word with its positions and the column's weight
    /// (A title, B summary, D description, C organization). Columns are 100 positions apart so
    /// that no phrase runs from one into the next, as in FTS5. Each two words that stand next to
    /// each other are also a lexeme of their own ("digital tools", without positions), so a phrase
    /// is found by the GIN index alone: PostgreSQL need not read every match's positions to check it.
    public var tsvectorLiteral: String { Self.literal(columns, weights: ["A", "B", "D", "C"]) }

    /// The title's words alone (and their pairs), as a tsvector literal without weights.
    public var titleTsvectorLiteral: String { Self.literal([title], weights: [""]) }

    /// PostgreSQL keeps at most this many positions of a word, and none beyond `maximumPosition`.
    static let maximumPositions = 255
    static let maximumPosition = 16383

    static func literal(_ columns: [[String]], weights: [String]) -> String {
        var entries: [String: [String]] = [:]
        var order: [String] = []
        var pairs: [String] = []
        var seenPairs = Set<String>()
        var position = 1
        for (column, words) in columns.enumerated() {
            // The word before, if its position was kept: a pair is made of kept positions only,
            // as PostgreSQL's `<->` sees them (migration 10 made the pairs of older rows so).
            var previous: String?
            for word in words {
                if position > maximumPosition { break }
                if entries[word] == nil { order.append(word) }
                let kept = entries[word, default: []].count < maximumPositions
                if kept {
                    entries[word, default: []].append("\(position)\(weights[column])")
                    if let previous {
                        let pair = previous + " " + word
                        if seenPairs.insert(pair).inserted { pairs.append(pair) }
                    }
                }
                previous = kept ? word : nil
                position += 1
            }
            position += 100
        }
        return (order.map { "'\($0)':" + entries[$0]!.joined(separator: ",") } + pairs.map { "'\($0)'" }).joined(separator: " ")
    }
}
