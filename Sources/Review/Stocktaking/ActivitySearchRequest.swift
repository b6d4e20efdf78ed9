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
