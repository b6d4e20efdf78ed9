import Foundation
import Synchronization

/// Asking for background work and following it. The work itself is done by a `JobRunner`.
public struct JobService: Sendable {
    let store: any Store
    let clock: any WallClock
    let ids: any IDGenerator
    let board: JobBoard

    public init(store: any Store, clock: any WallClock, ids: any IDGenerator, board: JobBoard) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.board = board
    }

    /// Records a job; a runner picks it up (`JobRunner.run`) in the order jobs were asked for.
    public func enqueue(kind: String, title: String, payload: Data, by actor: Actor) async throws -> Job {
        let job = Job(id: ids.newID(), kind: kind, title: title, ownerID: actor.userID, ownerLabel: actor.label, payload: payload,
                      createdAt: clock.now())
        try await store.write { try await $0.jobs.insert(job) }
        return job
    }

    /// A job as its owner or the secretariat sees it; while this server runs it, with its latest progress.
    public func job(id: String, for actor: Actor) async throws -> Job {
        guard var job = try await store.read({ try await $0.jobs.job(id: id) }),
              actor.has(.secretariat) || (job.ownerID != nil && job.ownerID == actor.userID) else {
            throw DomainError.notFound(kind: "job", id: id)
        }
        if job.state == .running, let latest = board.progress(of: id) { job.progress = latest }
        return job
    }

    /// The newest jobs, for the secretariat.
    public func recent(limit: Int = 50, for actor: Actor) async throws -> [Job] {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        return try await store.read { try await $0.jobs.recent(limit: limit) }
    }
}

/// The progress of the jobs this process runs, as their work reports it (many times a second),
/// kept in memory; the runner saves it to the job's row every few seconds where the database lets
/// it write meanwhile.
public final class JobBoard: Sendable {
    private let entries = Mutex<[String: JobProgress]>([:])

    public init() {}

    func set(_ id: String, _ progress: JobProgress?) {
        entries.withLock { $0[id] = progress }
    }

    public func progress(of id: String) -> JobProgress? {
        entries.withLock { $0[id] }
    }
}
