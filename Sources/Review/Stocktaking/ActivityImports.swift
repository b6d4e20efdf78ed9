import Foundation

/// Imports of activities applied in the background (from the web, where a million rows would
/// outlast any request): the file is kept in the blob store, a job of kind `activity-import`
/// applies it with the rights of the person who sent it, and the job's result is the import's report.
public struct ActivityImports: JobHandler {
    public static let kind = "activity-import"
    public var kind: String { Self.kind }

    let activities: ActivityService
    let jobs: JobService
    let blobs: (any BlobStore)?

    public init(activities: ActivityService, jobs: JobService, blobs: (any BlobStore)?) {
        self.activities = activities
        self.jobs = jobs
        self.blobs = blobs
    }

    struct Payload: Codable {
        /// The file's SHA-256 in the blob store.
        var blob: String
        var fileName: String
    }

    /// Keeps the file and queues its import; returns at once.
    public func start(_ data: Data, fileName: String, by actor: Actor) async throws -> Job {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        guard let blobs else { throw DomainError.conflict("no-file-store") }
        let digest = try blobs.put(data)
        let payload = try Timestamp.jsonEncoder().encode(Payload(blob: digest, fileName: fileName))
        return try await jobs.enqueue(kind: Self.kind, title: fileName, payload: payload, by: actor)
    }

    /// An import job and, once it has ended well, its report.
    public func status(id: String, for actor: Actor) async throws -> (job: Job, report: ActivityImportReport?) {
        let job = try await jobs.job(id: id, for: actor)
        guard job.kind == Self.kind else { throw DomainError.notFound(kind: "import", id: id) }
        return (job, try job.result.map { try Timestamp.jsonDecoder().decode(ActivityImportReport.self, from: $0) })
    }

    public func run(_ job: Job, as actor: Actor, progress: @escaping @Sendable (JobProgress) -> Void) async throws -> Data {
        let payload = try Timestamp.jsonDecoder().decode(Payload.self, from: job.payload)
        guard let data = try blobs?.get(payload.blob) else { throw DomainError.notFound(kind: "file", id: payload.fileName) }
        let report = try await activities.importActivities(.upload(data, fileName: payload.fileName), apply: true, by: actor) { step in
            progress(JobProgress(phase: step.phase, items: step.rows, done: step.bytes, total: step.totalBytes))
        }
        return try Timestamp.jsonEncoder().encode(report)
    }
}
