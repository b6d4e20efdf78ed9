import Foundation
import Review
import SQLKit

struct SQLAuditRepository: AuditRepository {
    let db: any SQLDatabase
    let kind: DatabaseKind

    private static let columns = "sequence, at, actor, action, object_type, object_id, before_digest, after_digest, previous_hash, hash"

    func lockHead() async throws -> AuditRecord? {
        if kind == .postgres {
            // SQLite needs no lock here: its writes are serialised by BEGIN IMMEDIATE and one writer connection.
            try await db.raw("SELECT id FROM audit_head WHERE id = 1 FOR UPDATE").run()
        }
        return try await db.row("SELECT \(unsafeRaw: Self.columns) FROM audit_log ORDER BY sequence DESC LIMIT 1").map(Self.record)
    }

    func append(_ record: AuditRecord) async throws {
        try await db.insert(into: "audit_log")
            .columns("sequence", "at", "actor", "action", "object_type", "object_id", "before_digest", "after_digest", "previous_hash", "hash")
            .values([
                SQLBind(record.sequence), SQLBind(Timestamp.string(record.at)), SQLBind(record.actor), SQLBind(record.action),
                SQLBind(record.objectType), SQLBind(record.objectID), SQLBind(record.beforeDigest), SQLBind(record.afterDigest),
                SQLBind(record.previousHash), SQLBind(record.hash),
            ])
            .run()
    }

    func records(after afterSequence: Int64, limit: Int) async throws -> [AuditRecord] {
        try await db.rows("SELECT \(unsafeRaw: Self.columns) FROM audit_log WHERE sequence > \(bind: afterSequence) ORDER BY sequence LIMIT \(bind: limit)").map(Self.record)
    }

    func search(_ filter: AuditFilter, limit: Int) async throws -> [AuditRecord] {
        var query = SQLQueryString("SELECT \(unsafeRaw: Self.columns) FROM audit_log WHERE 1 = 1")
        if let actor = filter.actor, !actor.isEmpty { query.appendInterpolation(unsafeRaw: " AND actor = "); query.appendInterpolation(bind: actor) }
        if let action = filter.action, !action.isEmpty { query.appendInterpolation(unsafeRaw: " AND action = "); query.appendInterpolation(bind: action) }
        if let type = filter.objectType, !type.isEmpty { query.appendInterpolation(unsafeRaw: " AND object_type = "); query.appendInterpolation(bind: type) }
        if let from = filter.from { query.appendInterpolation(unsafeRaw: " AND at >= "); query.appendInterpolation(bind: Timestamp.string(from)) }
        if let to = filter.to { query.appendInterpolation(unsafeRaw: " AND at < "); query.appendInterpolation(bind: Timestamp.string(to)) }
        query.appendInterpolation(unsafeRaw: " ORDER BY sequence DESC LIMIT ")
        query.appendInterpolation(bind: limit)
        return try await db.rows(query).map(Self.record)
    }

    static func record(_ row: any SQLRow) throws -> AuditRecord {
        AuditRecord(
            sequence: try row.decode(column: "sequence", as: Int64.self),
            at: try row.date("at"),
            actor: try row.string("actor"),
            action: try row.string("action"),
            objectType: try row.string("object_type"),
            objectID: try row.string("object_id"),
            beforeDigest: try row.string("before_digest"),
            afterDigest: try row.string("after_digest"),
            previousHash: try row.string("previous_hash"),
            hash: try row.string("hash")
        )
    }
}
