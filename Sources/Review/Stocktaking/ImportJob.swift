import Foundation

/// An import started from the web: it runs after the page answers, and its page follows it.
/// The job's row is written when it starts and when it ends; its progress in between is kept by
/// the server running it (a SQLite import holds the only writer until it commits).
public struct ImportJob: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable {
        case running, done, failed
        /// The server stopped while it ran: its transaction was rolled back, nothing was written.
        case interrupted
    }

    public var id: String
    public var createdBy: String
    public var fileName: String
    public var state: State
    public var report: ActivityImportReport?
    /// Why it failed, in words, when it did.
    public var failure: String?
    public var createdAt: Date
    public var finishedAt: Date?

    public init(id: String, createdBy: String, fileName: String, state: State, report: ActivityImportReport? = nil, failure: String? = nil,
                createdAt: Date, finishedAt: Date? = nil) {
        self.id = id
        self.createdBy = createdBy
        self.fileName = fileName
        self.state = state
        self.report = report
        self.failure = failure
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }
}

public protocol ImportJobRepository: Sendable {
    func save(_ job: ImportJob) async throws
    func job(id: String) async throws -> ImportJob?
    /// Marks jobs still running as interrupted (at start-up: no server runs them any more).
    func interruptRunning() async throws -> Int
}

/// Starts imports in the background and tells how far they are.
public final class ImportJobs: @unchecked Sendable {
    let service: ActivityService
    let store: any Store
    let clock: any WallClock
    let ids: any IDGenerator
    private let lock = NSLock()
    private var progress: [String: ImportProgress] = [:]
    private var tasks: [String: Task<Void, Never>] = [:]

    public init(service: ActivityService, store: any Store, clock: any WallClock, ids: any IDGenerator) {
        self.service = service
        self.store = store
        self.clock = clock
        self.ids = ids
    }

    /// Records the job and starts it; returns at once.
    public func start(_ file: ActivityFile, fileName: String, by actor: Actor) async throws -> ImportJob {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        let job = ImportJob(id: ids.newID(), createdBy: actor.label, fileName: fileName, state: .running, createdAt: clock.now())
        try await store.write { try await $0.importJobs.save(job) }
        let task = Task { [self] in
            var finished = job
            do {
                finished.report = try await service.importActivities(file, apply: true, by: actor) { [self] step in
                    lock.withLock { progress[job.id] = step }
                }
                finished.state = .done
            } catch {
                finished.state = .failed
                finished.failure = "\(error)"
            }
            finished.finishedAt = clock.now()
            try? await store.write { [finished] in try await $0.importJobs.save(finished) }
            lock.withLock {
                progress[job.id] = nil
                tasks[job.id] = nil
            }
        }
        lock.withLock { tasks[job.id] = task }
        return job
    }

    /// The job and, while it runs here, how far it is.
    public func status(id: String, for actor: Actor) async throws -> (job: ImportJob, progress: ImportProgress?) {
        guard actor.has(.secretariat), let job = try await store.read({ try await $0.importJobs.job(id: id) }) else {
            throw DomainError.notFound(kind: "import", id: id)
        }
        return (job, lock.withLock { progress[id] })
    }

    /// Waits for a job started here to end (for tests and the command line).
    public func wait(id: String) async {
        let task = lock.withLock { tasks[id] }
        await task?.value
    }
}
