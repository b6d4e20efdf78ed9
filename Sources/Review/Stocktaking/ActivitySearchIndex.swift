import Foundation

/// The search index of published activities, as the search service asks it: which activities
/// match and pass the filters, with facet counts; scores; title matches; the records of a page.
/// Storage keeps it (FTS5 on SQLite, tsvector and GIN on PostgreSQL, with the facet counts in
/// memory beside it); both answer the same questions with the same activities.
///
/// An activity is known here by its number in the index (`doc`): small, dense, ascending in the
/// order activities were added.
public protocol ActivitySearchIndex: Sendable {
    /// Catches up with what changed since the last look (other servers' writes included); the
    /// first call reads the whole registry. Every question below does it first.
    func refresh() async throws
    /// The published activities whose words match `query` (every one when it is empty) and that
    /// pass `filters`, with their days and the facet counts, each facet counting what passes the
    /// *other* facets' filters.
    func candidates(_ query: SearchQuery, filters: [Facet: Set<String>]) async throws -> ActivityCandidates
    /// The published activities whose title alone holds the words.
    func titleMatches(_ query: SearchQuery) async throws -> [Int32]
    /// A relevance score for the activities the words match, higher is better (BM25 on SQLite,
    /// ts_rank on PostgreSQL); at most `limit` of them, in no particular order.
    func scores(_ query: SearchQuery, limit: Int) async throws -> [Int32: Double]
    /// The activities with these numbers (one read).
    func activities(_ docs: [Int32]) async throws -> [Int32: Activity]
    /// Published activities per Action Line and goal (`"C4|4"`), for the matrix heat map.
    func cooccurrence() async throws -> [String: Int]
}

/// What `ActivitySearchIndex.candidates` found.
public struct ActivityCandidates: Sendable {
    /// The numbers of the activities that match and pass the filters, ascending.
    public var docs: [Int32]
    /// Each one's start day (days since 1970; later is larger), in the same order.
    public var days: [Int32]
    /// How many published activities the words matched before the filters; nil without words.
    public var wordMatches: Int?
    public var facets: [Facet: [ActivitySearchPage.FacetValue]]

    public init(docs: [Int32], days: [Int32], wordMatches: Int?, facets: [Facet: [ActivitySearchPage.FacetValue]]) {
        self.docs = docs
        self.days = days
        self.wordMatches = wordMatches
        self.facets = facets
    }
}
