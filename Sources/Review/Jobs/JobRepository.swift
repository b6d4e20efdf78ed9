import Foundation

public protocol JobRepository: Sendable {
    func insert(_ job: Job) async throws
    func job(id: String) async throws -> Job?
    /// The oldest queued job, now marked running by this runner (its attempts counted, its
    /// heartbeat set); nil when none waits. Two runners never claim the same job.
    func claimNext(now: Date) async throws -> Job?
    /// Notes how far a running job is, and that its runner is still at work.
    func saveProgress(id: String, _ progress: JobProgress, at now: Date) async throws
    /// Ends a job: done with its result, or failed with why.
    func finish(id: String, state: Job.State, result: Data?, failure: String?, at now: Date) async throws
    /// Jobs marked running whose runner has not spoken since `staleBefore` (their server stopped):
    /// queued again, or failed as interrupted once they have been started `maximumAttempts` times.
    /// Returns how many were queued again.
    func requeueStale(before staleBefore: Date, maximumAttempts: Int) async throws -> Int
    /// The newest jobs first, at most `limit`.
    func recent(limit: Int) async throws -> [Job]
}
