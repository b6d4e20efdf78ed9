import Foundation
import Review
import SQLKit

struct SQLMandateRepository: MandateRepository {
    let db: any SQLDatabase
    let kind: DatabaseKind

    private static let columns = [
        "id", "resolution_id", "work_id", "paragraph_id", "block_id", "position", "actors", "action", "due_kind", "due_value", "due_text",
        "action_lines", "sdgs", "suggested_sdgs", "proposal", "status", "status_reason", "progress", "weight", "owner",
        "owner_organization_id", "blocked", "version", "created_at", "updated_at", "last_activity_at",
    ]

    private static func values(_ mandate: Mandate) -> [any SQLExpression] {
        [
            SQLBind(mandate.id), SQLBind(mandate.resolutionID), SQLBind(mandate.workID), SQLBind(mandate.paragraphID),
            SQLBind(mandate.blockID), SQLBind(mandate.position), SQLBind(jsonText(mandate.actors)), SQLBind(mandate.action),
            SQLBind(mandate.due.kind), SQLBind(mandate.due.value), SQLBind(mandate.due.text ?? ""), SQLBind(jsonText(mandate.actionLines)),
            SQLBind(jsonText(mandate.sdgs)), SQLBind(jsonText(mandate.suggestedSDGs)), SQLBind(mandate.proposal.rawValue),
            SQLBind(mandate.status.rawValue), bindOrNull(mandate.statusReason), SQLBind(mandate.progress), SQLBind(mandate.weight),
            bindOrNull(mandate.owner), bindOrNull(mandate.ownerOrganizationID), SQLBind(mandate.blocked ? 1 : 0), SQLBind(mandate.version),
            SQLBind(Timestamp.string(mandate.createdAt)), SQLBind(Timestamp.string(mandate.updatedAt)),
            SQLBind(Timestamp.string(mandate.lastActivityAt)),
        ]
    }

    func insert(_ mandates: [Mandate]) async throws {
        try await insertRows(db, into: "mandates", columns: Self.columns, rows: mandates.map(Self.values))
    }

    func mandate(id: String) async throws -> Mandate? {
        try await db.row("SELECT * FROM mandates WHERE id = \(bind: id)").map(Self.mandate)
    }

    func mandates(_ filter: MandateFilter) async throws -> [Mandate] {
        var query = db.select().column("*").from("mandates")
        if let resolution = filter.resolutionID { query = query.where("resolution_id", .equal, resolution) }
        if let status = filter.status { query = query.where("status", .equal, status.rawValue) }
        if let proposal = filter.proposal { query = query.where("proposal", .equal, proposal.rawValue) }
        if let organization = filter.ownerOrganizationID { query = query.where("owner_organization_id", .equal, organization) }
        // Actors are a JSON array of codes: the quoted code is a whole element.
        if let actor = filter.actor { query = query.where("actors", .like, "%" + jsonText(actor) + "%") }
        return try await query.orderBy("resolution_id").orderBy("position").orderBy("created_at").orderBy("id").all().map(Self.mandate)
    }

    func count(resolutionID: String) async throws -> Int {
        try await db.row("SELECT COUNT(*) AS n FROM mandates WHERE resolution_id = \(bind: resolutionID)")?.int("n") ?? 0
    }

    func update(_ mandate: Mandate, expectedVersion: Int) async throws -> Bool {
        try await updateVersioned(db, kind, table: "mandates", key: ("id", mandate.id), expectedVersion: expectedVersion,
                                  columns: Self.columns, values: Self.values(mandate))
    }

    func insert(_ update: MandateUpdate) async throws {
        // Numbered in order per mandate (the mandate's row is locked by the caller's update of it).
        let previous = try await db.row("SELECT COUNT(*) AS n FROM mandate_updates WHERE mandate_id = \(bind: update.mandateID)")?.int("n") ?? 0
        try await db.insert(into: "mandate_updates")
            .columns("id", "mandate_id", "seq", "at", "author", "note", "status_from", "status_to", "reason", "progress", "blocked", "evidence", "corrects",
                     "period")
            .values([
                SQLBind(update.id), SQLBind(update.mandateID), SQLBind(previous + 1), SQLBind(Timestamp.string(update.at)), SQLBind(update.author),
                SQLBind(update.note), bindOrNull(update.statusFrom?.rawValue), bindOrNull(update.statusTo?.rawValue), bindOrNull(update.reason),
                update.progress.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null, SQLBind(update.blocked ? 1 : 0), SQLBind(jsonText(update.evidence)),
                bindOrNull(update.corrects), bindOrNull(update.period),
            ])
            .run()
    }

    func updates(mandateID: String) async throws -> [MandateUpdate] {
        try await db.rows("SELECT * FROM mandate_updates WHERE mandate_id = \(bind: mandateID) ORDER BY seq").map(Self.update)
    }

    func allUpdates() async throws -> [MandateUpdate] {
        try await db.rows("SELECT * FROM mandate_updates ORDER BY mandate_id, seq").map(Self.update)
    }

    static func update(_ row: any SQLRow) throws -> MandateUpdate {
        MandateUpdate(
            id: try row.string("id"), mandateID: try row.string("mandate_id"), at: try row.date("at"), author: try row.string("author"),
            note: try row.string("note"), statusFrom: try row.optionalString("status_from").flatMap(Mandate.Status.init(rawValue:)),
            statusTo: try row.optionalString("status_to").flatMap(Mandate.Status.init(rawValue:)), reason: try row.optionalString("reason"),
            progress: try row.decode(column: "progress", as: Int?.self), blocked: try row.flag("blocked"),
            evidence: try jsonArray(row.string("evidence")), corrects: try row.optionalString("corrects"), period: try row.optionalString("period")
        )
    }

    func occurrences(mandateIDs: [String]) async throws -> [Occurrence] {
        guard !mandateIDs.isEmpty else { return [] }
        return try await db.select().column("*").from("mandate_occurrences").where("mandate_id", .in, mandateIDs)
            .orderBy("mandate_id").orderBy("period").all().map { row in
                Occurrence(mandateID: try row.string("mandate_id"), period: try row.string("period"),
                           status: Occurrence.Status(rawValue: try row.string("status")) ?? .notStarted, progress: try row.int("progress"))
            }
    }

    func save(_ occurrence: Occurrence) async throws {
        // The mandate's row is locked by the caller's update of it, so no other writer saves the same period meanwhile.
        try await db.raw("DELETE FROM mandate_occurrences WHERE mandate_id = \(bind: occurrence.mandateID) AND period = \(bind: occurrence.period)").run()
        try await db.insert(into: "mandate_occurrences").columns("mandate_id", "period", "status", "progress")
            .values([SQLBind(occurrence.mandateID), SQLBind(occurrence.period), SQLBind(occurrence.status.rawValue), SQLBind(occurrence.progress)])
            .run()
    }

    func actors() async throws -> [MandateActor] {
        try await db.rows("SELECT code, name, patterns FROM mandate_actors ORDER BY code").map { row in
            MandateActor(code: try row.string("code"), name: try row.string("name"), patterns: try jsonArray(row.string("patterns")))
        }
    }

    func insert(_ actor: MandateActor) async throws {
        try await db.insert(into: "mandate_actors").columns("code", "name", "patterns")
            .values([SQLBind(actor.code), SQLBind(actor.name), SQLBind(jsonText(actor.patterns))]).run()
    }

    func insert(_ evidence: StoredEvidence) async throws {
        try await db.insert(into: "evidence_files").columns("id", "mandate_id", "file_name", "media_type", "size", "digest", "created_at")
            .values([SQLBind(evidence.id), SQLBind(evidence.mandateID), SQLBind(evidence.fileName), SQLBind(evidence.mediaType),
                     SQLBind(evidence.size), SQLBind(evidence.digest), SQLBind(Timestamp.string(evidence.createdAt))]).run()
    }

    func evidence(id: String) async throws -> StoredEvidence? {
        try await db.row("SELECT * FROM evidence_files WHERE id = \(bind: id)").map(Self.evidence)
    }

    func evidence(mandateID: String) async throws -> [StoredEvidence] {
        try await db.rows("SELECT * FROM evidence_files WHERE mandate_id = \(bind: mandateID) ORDER BY created_at, id").map(Self.evidence)
    }

    static func evidence(_ row: any SQLRow) throws -> StoredEvidence {
        StoredEvidence(id: try row.string("id"), mandateID: try row.string("mandate_id"), fileName: try row.string("file_name"),
                       mediaType: try row.string("media_type"), size: try row.int("size"), digest: try row.string("digest"),
                       createdAt: try row.date("created_at"))
    }

    static func mandate(_ row: any SQLRow) throws -> Mandate {
        let dueText = try row.string("due_text")
        let due: Due = switch try row.string("due_kind") {
        case "date": .date(try row.string("due_value"), text: dueText)
        case "event": .event(try row.string("due_value"), text: dueText)
        case "recurrence": .recurrence(try row.string("due_value"), text: dueText)
        default: .none
        }
        return Mandate(
            id: try row.string("id"), resolutionID: try row.string("resolution_id"), workID: try row.string("work_id"),
            paragraphID: try row.string("paragraph_id"), blockID: try row.string("block_id"), position: try row.int("position"),
            actors: try jsonArray(row.string("actors")), action: try row.string("action"), due: due,
            actionLines: try jsonArray(row.string("action_lines")), sdgs: try jsonArray(row.string("sdgs")),
            suggestedSDGs: try jsonArray(row.string("suggested_sdgs")),
            proposal: Mandate.Proposal(rawValue: try row.string("proposal")) ?? .proposed,
            status: Mandate.Status(rawValue: try row.string("status")) ?? .notStarted, statusReason: try row.optionalString("status_reason"),
            progress: try row.int("progress"), weight: try row.int("weight"), owner: try row.optionalString("owner"),
            ownerOrganizationID: try row.optionalString("owner_organization_id"), blocked: try row.flag("blocked"),
            version: try row.int("version"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            lastActivityAt: try row.date("last_activity_at")
        )
    }
}

/// A list of strings as JSON text, for the list columns.
func jsonText(_ values: [String]) -> String {
    String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
}

/// One string as a JSON string literal (with its quotes), to find it inside a JSON list.
func jsonText(_ value: String) -> String {
    let list = jsonText([value])
    return String(list.dropFirst().dropLast())
}

func jsonArray(_ text: String) throws -> [String] {
    try JSONDecoder().decode([String].self, from: Data(text.utf8))
}
