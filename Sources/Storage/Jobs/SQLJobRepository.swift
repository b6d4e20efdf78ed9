import Foundation
import Review
import SQLKit

/// Jobs, one row each (migration 11). A runner claims the oldest queued job in one statement; on
/// PostgreSQL `FOR UPDATE SKIP LOCKED` lets several servers' runners claim side by side, each a
/// different job; SQLite has one writer, so its claim cannot race.
struct SQLJobRepository: JobRepository {
    let db: any SQLDatabase
    let kind: DatabaseKind

    static let columns = "id, kind, title, owner_id, owner_label, state, payload, progress, result, failure, attempts, created_at, started_at, heartbeat_at, finished_at"

    func insert(_ job: Job) async throws {
        try await db.insert(into: "jobs")
            .columns("id", "kind", "title", "owner_id", "owner_label", "state", "payload", "progress", "result", "failure", "attempts",
                     "created_at", "started_at", "heartbeat_at", "finished_at")
            .values(SQLBind(job.id), SQLBind(job.kind), SQLBind(job.title), bindOrNull(job.ownerID), SQLBind(job.ownerLabel),
                    SQLBind(job.state.rawValue), SQLBind(Self.text(job.payload)), bindOrNull(try job.progress.map(Self.json)),
                    bindOrNull(job.result.map(Self.text)), bindOrNull(job.failure), SQLBind(job.attempts),
                    SQLBind(Timestamp.string(job.createdAt)), bindOrNull(job.startedAt.map(Timestamp.string)),
                    bindOrNull(job.heartbeatAt.map(Timestamp.string)), bindOrNull(job.finishedAt.map(Timestamp.string)))
            .run()
    }

    func job(id: String) async throws -> Job? {
        try await db.row("SELECT \(unsafeRaw: Self.columns) FROM jobs WHERE id = \(bind: id)").map(Self.job)
    }

    func claimNext(now: Date) async throws -> Job? {
        let lock = kind == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let at = Timestamp.string(now)
        return try await db.row("""
            UPDATE jobs SET state = 'running', attempts = attempts + 1, started_at = \(bind: at), heartbeat_at = \(bind: at), progress = NULL
            WHERE id = (SELECT id FROM jobs WHERE state = 'queued' ORDER BY created_at, id LIMIT 1\(unsafeRaw: lock))
            RETURNING \(unsafeRaw: Self.columns)
            """).map(Self.job)
    }

    func saveProgress(id: String, _ progress: JobProgress, at now: Date) async throws {
        try await db.raw("UPDATE jobs SET progress = \(bind: try Self.json(progress)), heartbeat_at = \(bind: Timestamp.string(now)) WHERE id = \(bind: id) AND state = 'running'").run()
    }

    func finish(id: String, state: Job.State, result: Data?, failure: String?, at now: Date) async throws {
        try await db.update("jobs")
            .set("state", to: SQLBind(state.rawValue)).set("result", to: bindOrNull(result.map(Self.text)))
            .set("failure", to: bindOrNull(failure)).set("finished_at", to: SQLBind(Timestamp.string(now)))
            .where("id", .equal, SQLBind(id))
            .run()
    }

    func requeueStale(before staleBefore: Date, maximumAttempts: Int) async throws -> Int {
        let cutoff = Timestamp.string(staleBefore)
        try await db.raw("""
            UPDATE jobs SET state = 'failed', failure = \(bind: Job.interrupted), finished_at = \(bind: cutoff)
            WHERE state = 'running' AND heartbeat_at < \(bind: cutoff) AND attempts >= \(bind: maximumAttempts)
            """).run()
        let stale = try await db.rows("SELECT id FROM jobs WHERE state = 'running' AND heartbeat_at < \(bind: cutoff)")
        try await db.raw("UPDATE jobs SET state = 'queued', progress = NULL WHERE state = 'running' AND heartbeat_at < \(bind: cutoff)").run()
        return stale.count
    }

    func recent(limit: Int) async throws -> [Job] {
        try await db.rows("SELECT \(unsafeRaw: Self.columns) FROM jobs ORDER BY created_at DESC, id DESC LIMIT \(literal: limit)").map(Self.job)
    }

    static func job(_ row: any SQLRow) throws -> Job {
        var job = Job(id: try row.string("id"), kind: try row.string("kind"), title: try row.string("title"),
                      ownerID: try row.optionalString("owner_id"), ownerLabel: try row.string("owner_label"),
                      payload: Data(try row.string("payload").utf8), createdAt: try row.date("created_at"))
        job.state = Job.State(rawValue: try row.string("state")) ?? .failed
        job.progress = try row.optionalString("progress").map { try Timestamp.jsonDecoder().decode(JobProgress.self, from: Data($0.utf8)) }
        job.result = try row.optionalString("result").map { Data($0.utf8) }
        job.failure = try row.optionalString("failure")
        job.attempts = try row.int("attempts")
        job.startedAt = try row.optionalString("started_at").flatMap(Timestamp.date)
        job.heartbeatAt = try row.optionalString("heartbeat_at").flatMap(Timestamp.date)
        job.finishedAt = try row.optionalString("finished_at").flatMap(Timestamp.date)
        return job
    }

    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }
    static func json(_ progress: JobProgress) throws -> String { text(try Timestamp.jsonEncoder().encode(progress)) }
}
