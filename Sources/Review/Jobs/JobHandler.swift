import Foundation

/// The work of one kind of job, run by `JobRunner` with the rights of the person who asked for it.
public protocol JobHandler: Sendable {
    var kind: String { get }
    /// Does the work and returns what to keep as the job's result (JSON). `progress` may be called
    /// as often as the work likes; the runner keeps the latest. Throwing fails the job with the
    /// error's words; a cancellation (the server stopping) leaves it to be run again.
    func run(_ job: Job, as actor: Actor, progress: @escaping @Sendable (JobProgress) -> Void) async throws -> Data
}
