import Foundation
import Review
import SQLKit

/// Imports started from the web: one row each, written when they start and when they end.
struct SQLImportJobRepository: ImportJobRepository {
    let db: any SQLDatabase

    func save(_ job: ImportJob) async throws {
        let report = try job.report.map { String(decoding: try SQLActivityRepository.encoder.encode($0), as: UTF8.self) }
        try await db.raw("DELETE FROM import_jobs WHERE id = \(bind: job.id)").run()
        try await db.insert(into: "import_jobs")
            .columns("id", "created_by", "file_name", "state", "report", "failure", "created_at", "finished_at")
            .values(SQLBind(job.id), SQLBind(job.createdBy), SQLBind(job.fileName), SQLBind(job.state.rawValue), bindOrNull(report),
                    bindOrNull(job.failure), SQLBind(Timestamp.string(job.createdAt)), bindOrNull(job.finishedAt.map(Timestamp.string)))
            .run()
    }

    func job(id: String) async throws -> ImportJob? {
        guard let row = try await db.row("SELECT * FROM import_jobs WHERE id = \(bind: id)") else { return nil }
        let report = try row.optionalString("report").map {
            try SQLActivityRepository.decoder.decode(ActivityImportReport.self, from: Data($0.utf8))
        }
        return ImportJob(id: try row.string("id"), createdBy: try row.string("created_by"), fileName: try row.string("file_name"),
                         state: ImportJob.State(rawValue: try row.string("state")) ?? .failed, report: report,
                         failure: try row.optionalString("failure"), createdAt: try row.date("created_at"),
                         finishedAt: try row.optionalString("finished_at").flatMap(Timestamp.date))
    }

    func interruptRunning() async throws -> Int {
        let running = try await db.raw("SELECT id FROM import_jobs WHERE state = 'running'").all().count
        try await db.raw("UPDATE import_jobs SET state = 'interrupted' WHERE state = 'running'").run()
        return running
    }
}
