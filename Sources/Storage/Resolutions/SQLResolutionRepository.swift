import Foundation
import Resolutions
import Review
import SQLKit

struct SQLResolutionRepository: ResolutionRepository {
    let db: any SQLDatabase

    private static let summaryColumns = "id, work_id, version, status, symbol, title, language, preamble_count, operative_count, created_at"

    func insert(_ resolution: StoredResolution) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let structure = String(decoding: try encoder.encode(resolution.structure), as: UTF8.self)
        try await db.insert(into: "resolutions")
            .columns("id", "work_id", "version", "status", "symbol", "title", "language", "preamble_count", "operative_count",
                     "source_format", "source_digest",
                     "source_text", "structure", "created_at", "created_by", "confirmed_at")
            .values([
                SQLBind(resolution.id), SQLBind(resolution.workID), SQLBind(resolution.version), SQLBind(resolution.status.rawValue),
                bindOrNull(resolution.symbol), bindOrNull(resolution.title), SQLBind(resolution.structure.language.rawValue),
                SQLBind(resolution.structure.preambularParagraphCount), SQLBind(resolution.structure.operativeParagraphCount),
                SQLBind(resolution.sourceFormat), SQLBind(resolution.sourceDigest), SQLBind(resolution.sourceText), SQLBind(structure),
                SQLBind(Timestamp.string(resolution.createdAt)), SQLBind(resolution.createdBy),
                bindOrNull(resolution.confirmedAt.map(Timestamp.string)),
            ])
            .run()
    }

    func resolution(id: String) async throws -> StoredResolution? {
        try await db.row("SELECT * FROM resolutions WHERE id = \(bind: id)").map(Self.resolution)
    }

    func resolution(digest: String) async throws -> StoredResolution? {
        try await db.row("SELECT * FROM resolutions WHERE source_digest = \(bind: digest)").map(Self.resolution)
    }

    func latestVersion(workID: String, language: String) async throws -> Int? {
        try await db.row("SELECT MAX(version) AS v FROM resolutions WHERE work_id = \(bind: workID) AND language = \(bind: language)")?
            .decode(column: "v", as: Int?.self)
    }

    func summaries(includeDrafts: Bool) async throws -> [ResolutionSummary] {
        let query: SQLQueryString = includeDrafts
            ? "SELECT \(unsafeRaw: Self.summaryColumns) FROM resolutions ORDER BY created_at DESC, id"
            : "SELECT \(unsafeRaw: Self.summaryColumns) FROM resolutions WHERE status = 'confirmed' ORDER BY created_at DESC, id"
        return try await db.rows(query).map(Self.summary)
    }

    func confirm(id: String, at date: Date) async throws {
        try await db.raw("UPDATE resolutions SET status = 'confirmed', confirmed_at = \(bind: Timestamp.string(date)) WHERE id = \(bind: id)").run()
    }

    func confirmedWorks(_ workIDs: Set<String>) async throws -> [String: String] {
        guard !workIDs.isEmpty else { return [:] }
        var result: [String: (String, Int)] = [:]
        let rows = try await db.select().column("id").column("work_id").column("version").from("resolutions")
            .where("status", .equal, "confirmed").where("work_id", .in, Array(workIDs)).all()
        for row in rows {
            let work = try row.string("work_id")
            let version = try row.int("version")
            if (result[work]?.1 ?? 0) < version { result[work] = (try row.string("id"), version) }
        }
        return result.mapValues(\.0)
    }

    func recordCitations(resolutionID: String, _ citations: [(paragraphID: String, workID: String, text: String)]) async throws {
        try await db.raw("DELETE FROM resolution_citations WHERE resolution_id = \(bind: resolutionID)").run()
        try await insertRows(db, into: "resolution_citations", columns: ["resolution_id", "paragraph_id", "cited_work_id", "cited_text"],
                             rows: citations.map { [SQLBind(resolutionID), SQLBind($0.paragraphID), SQLBind($0.workID), SQLBind($0.text)] })
    }

    func replaceStructure(id: String, _ structure: Resolution) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(structure), as: UTF8.self)
        try await db.raw("""
            UPDATE resolutions SET structure = \(bind: json), preamble_count = \(bind: structure.preambularParagraphCount),
            operative_count = \(bind: structure.operativeParagraphCount) WHERE id = \(bind: id)
            """).run()
    }

    func citing(workID: String) async throws -> [CitingParagraph] {
        try await db.rows("""
            SELECT r.id, r.work_id, r.version, r.status, r.symbol, r.title, r.language, r.preamble_count, r.operative_count,
                   r.created_at, c.paragraph_id, c.cited_text
            FROM resolution_citations c JOIN resolutions r ON r.id = c.resolution_id
            WHERE c.cited_work_id = \(bind: workID) AND r.status = 'confirmed'
            ORDER BY r.created_at, r.id, c.paragraph_id
            """).map { row in
            CitingParagraph(resolution: try Self.summary(row), paragraphID: try row.string("paragraph_id"), citedText: try row.string("cited_text"))
        }
    }

    static func summary(_ row: any SQLRow) throws -> ResolutionSummary {
        ResolutionSummary(
            id: try row.string("id"), workID: try row.string("work_id"), version: try row.int("version"),
            status: StoredResolution.Status(rawValue: try row.string("status")) ?? .draft,
            symbol: try row.optionalString("symbol"), title: try row.optionalString("title"),
            language: try row.string("language"), preambularParagraphs: try row.int("preamble_count"),
            operativeParagraphs: try row.int("operative_count"), createdAt: try row.date("created_at")
        )
    }

    static func resolution(_ row: any SQLRow) throws -> StoredResolution {
        let structure = try JSONDecoder().decode(Resolution.self, from: Data(try row.string("structure").utf8))
        return StoredResolution(
            id: try row.string("id"), workID: try row.string("work_id"), version: try row.int("version"),
            status: StoredResolution.Status(rawValue: try row.string("status")) ?? .draft,
            sourceFormat: try row.string("source_format"), sourceDigest: try row.string("source_digest"),
            sourceText: try row.string("source_text"), structure: structure, createdAt: try row.date("created_at"),
            createdBy: try row.string("created_by"), confirmedAt: try row.optionalString("confirmed_at").flatMap(Timestamp.date)
        )
    }
}
