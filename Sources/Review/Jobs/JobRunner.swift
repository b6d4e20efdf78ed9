import Foundation

/// Runs queued jobs one at a time, each by the handler of its kind, until cancelled. The
/// application runs one as a service of its service group; on PostgreSQL several servers' runners
/// share the queue. A job whose server stopped while it ran is queued again when a runner starts
/// (once its runner has been silent for `staleAfter` where several servers may share the database),
/// and failed as interrupted after `maximumAttempts` starts.
public struct JobRunner: Sendable {
    let store: any Store
    let clock: any WallClock
    let board: JobBoard
    let handlers: [String: any JobHandler]
    /// How long to wait before looking for work again when none waits.
    let idlePause: Duration

    public static let maximumAttempts = 3
    /// How often a running job's progress is saved (the heartbeat that tells other servers it is alive).
    static let heartbeat: Duration = .seconds(2)
    static let staleAfter: TimeInterval = 60

    public init(store: any Store, clock: any WallClock, board: JobBoard, handlers: [any JobHandler], idlePause: Duration = .milliseconds(500)) {
        self.store = store
        self.clock = clock
        self.board = board
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        self.idlePause = idlePause
    }

    /// Queues again the jobs left running by a server that stopped; returns how many.
    @discardableResult
    public func recover() async throws -> Int {
        // With one writer (SQLite) one server uses the file, so whatever is marked running was left
        // by a server that is gone; otherwise only a job whose runner has been silent for a minute.
        let now = clock.now()
        let before = store.concurrentWriters ? now.addingTimeInterval(-Self.staleAfter) : now.addingTimeInterval(1)
        return try await store.write { try await $0.jobs.requeueStale(before: before, maximumAttempts: Self.maximumAttempts) }
    }

    /// Runs jobs until the task is cancelled (the service group shutting down). A failure to reach
    /// the database is told to `failed` and the runner tries again a few seconds later, so a
    /// database that comes back finds it still at work.
    public func run(failed: @escaping @Sendable (any Error) -> Void = { _ in }) async throws {
        while !Task.isCancelled {
            do {
                if try await runNext() == nil { try await Task.sleep(for: idlePause) }
            } catch is CancellationError {
                return
            } catch {
                failed(error)
                do { try await Task.sleep(for: .seconds(5)) } catch { return }
            }
        }
    }

    /// Runs the queued jobs until none waits (tests and the command line); returns them as they ended.
    @discardableResult
    public func runPending() async throws -> [Job] {
        var ran: [Job] = []
        while let job = try await runNext() { ran.append(job) }
        return ran
    }

    /// Claims the oldest queued job and runs it; nil when none waits.
    func runNext() async throws -> Job? {
        guard let job = try await store.write({ [clock] in try await $0.jobs.claimNext(now: clock.now()) }) else { return nil }
        var state = Job.State.failed
        var result: Data?
        var failure: String?
        do {
            guard let handler = handlers[job.kind] else { throw JobFailure("no handler for jobs of kind \(job.kind)") }
            guard let ownerID = job.ownerID, let owner = try await store.read({ try await $0.accounts.user(id: ownerID) }) else {
                throw JobFailure("the account that asked for this job no longer exists")
            }
            result = try await withWorkAndHeartbeat(job) {
                try await handler.run(job, as: Actor(user: owner)) { [board] progress in board.set(job.id, progress) }
            }
            state = .done
        } catch is CancellationError {
            // The server is stopping: the job stays marked running, and the next runner to start queues it again.
            board.set(job.id, nil)
            throw CancellationError()
        } catch {
            failure = String(describing: error)
        }
        board.set(job.id, nil)
        let finishedAt = clock.now()
        try await store.write { [state, result, failure] in
            try await $0.jobs.finish(id: job.id, state: state, result: result, failure: failure, at: finishedAt)
        }
        return try await store.read { try await $0.jobs.job(id: job.id) }
    }

    /// Runs the work; meanwhile, where the database lets another transaction write (PostgreSQL),
    /// saves the latest progress every `heartbeat`, so that any server can show it.
    private func withWorkAndHeartbeat(_ job: Job, _ work: @escaping @Sendable () async throws -> Data) async throws -> Data {
        guard store.concurrentWriters else { return try await work() }
        return try await withThrowingTaskGroup(of: Data?.self) { group in
            group.addTask { try await work() }
            group.addTask { [store, clock, board] in
                while true {
                    do { try await Task.sleep(for: Self.heartbeat) } catch { return nil }
                    let progress = board.progress(of: job.id) ?? JobProgress(phase: "start", items: 0, done: 0, total: 0)
                    let now = clock.now()
                    _ = try? await store.write { try await $0.jobs.saveProgress(id: job.id, progress, at: now) }
                }
            }
            defer { group.cancelAll() }
            while let value = try await group.next() {
                if let value { return value }
            }
            throw CancellationError()
        }
    }
}

/// Why a job could not even start, in words.
struct JobFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
