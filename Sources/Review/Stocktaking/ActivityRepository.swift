import Foundation

public protocol ActivityRepository: Sendable {
    /// Makes what `insert` writes (the rows, the search index's words): work without the database,
    /// so an import prepares one batch on a core of its own while the batch before it is written.
    /// It yields now and then, so that the writer, waiting for a thread to send its next statement,
    /// is not kept waiting by a long batch.
    func prepare(_ activities: [Activity]) async -> any PreparedActivities
    /// Adds activities; the published ones join the search index in the same transaction.
    func insert(_ prepared: any PreparedActivities) async throws
    /// Replaces the activity if its version is still `expectedVersion`, and keeps the index in step.
    func update(_ activity: Activity, expectedVersion: Int) async throws -> Bool
    func activity(id: String) async throws -> Activity?
    /// Activities by their external id or, failing that, their id (for imports).
    func activities(externalIDs: [String]) async throws -> [String: Activity]
    func activities(_ filter: ActivityFilter) async throws -> [Activity]
    func count(state: Activity.State?) async throws -> Int
    /// Published activities in the order they were added, after the given position (for exports).
    func published(after position: Int64, limit: Int) async throws -> [(position: Int64, activity: Activity)]

    func insert(_ comment: ActivityComment) async throws
    func comments(activityID: String) async throws -> [ActivityComment]
    func revision(activityID: String) async throws -> ActivityRevision?
    func save(_ revision: ActivityRevision) async throws
    func deleteRevision(activityID: String) async throws
    func revisions() async throws -> [ActivityRevision]
}

/// Activities ready to be written, made by `ActivityRepository.prepare`.
public protocol PreparedActivities: Sendable {
    var activities: [Activity] { get }
}

extension ActivityRepository {
    /// Adds activities; the published ones join the search index in the same transaction.
    public func insert(_ activities: [Activity]) async throws {
        try await insert(await prepare(activities))
    }
}
