import Foundation

/// Long work done after the request that asked for it has been answered (an import of a large
/// file today; reports and batch postings later). A job is a row in the database: any server shows
/// how far it is, a server that stops leaves it to be run again, several servers share the work.
public struct Job: Sendable, Equatable {
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Waiting for a runner.
        case queued
        case running
        case done
        case failed
    }

    public var id: String
    /// Which handler runs it (`ActivityImportJob.kind`).
    public var kind: String
    /// What it works on, for people (a file's name).
    public var title: String
    /// Who asked for it: the work runs with their rights.
    public var ownerID: String?
    public var ownerLabel: String
    public var state: State
    /// What the handler needs to do the work, as JSON.
    public var payload: Data
    public var progress: JobProgress?
    /// What the handler answered, as JSON, once done.
    public var result: Data?
    /// Why it failed, in words, when it did (`Job.interrupted` when its server stopped too often).
    public var failure: String?
    /// How many times a runner has started it.
    public var attempts: Int
    public var createdAt: Date
    public var startedAt: Date?
    /// When its runner last said it was still at work.
    public var heartbeatAt: Date?
    public var finishedAt: Date?

    /// A new job, queued; a stored one is read back the same way, then its state and times set.
    public init(id: String, kind: String, title: String, ownerID: String?, ownerLabel: String, payload: Data, createdAt: Date) {
        self.id = id
        self.kind = kind
        self.title = title
        self.ownerID = ownerID
        self.ownerLabel = ownerLabel
        self.state = .queued
        self.payload = payload
        self.attempts = 0
        self.createdAt = createdAt
    }

    /// The failure of a job whose server stopped while it ran, `JobRunner.maximumAttempts` times.
    public static let interrupted = "interrupted"

    public var isFinished: Bool { state == .done || state == .failed }
}

/// How far a running job is: a phase (`check`, `write`) and counts within it.
public struct JobProgress: Sendable, Equatable, Codable {
    public var phase: String
    /// Items done (rows of a file).
    public var items: Int
    /// Work done and to do, in the job's own unit (bytes of a file), for a percentage.
    public var done: Int
    public var total: Int

    public init(phase: String, items: Int, done: Int, total: Int) {
        self.phase = phase
        self.items = items
        self.done = done
        self.total = total
    }

    public var percent: Int { total > 0 ? min(100, done * 100 / total) : 0 }
}
