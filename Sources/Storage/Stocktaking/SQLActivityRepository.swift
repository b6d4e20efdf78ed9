import Foundation
import Review
import SQLKit

/// Activities, their comments and pending revisions. Every write keeps the search index in step
/// in the same transaction: a published activity is in it, any other is not; and every write
/// takes the next change number, so each server's facet index can catch up (`SQLActivitySearch`).
struct SQLActivityRepository: ActivityRepository {
    let db: any SQLDatabase
    let kind: DatabaseKind

    /// The activity's columns; a prepared row holds them after `doc` and `change_seq`, which are
    /// numbers taken only when the row is written.
    private static let numberColumns = ["doc", "change_seq"]
    private static let columns = ["id", "external_id", "organization_id", "created_by", "state", "record", "facets", "version", "updated_at"]

    static let encoder = Timestamp.jsonEncoder()
    static let decoder = Timestamp.jsonDecoder()

    static func recordText(_ activity: Activity) -> String {
        ActivityRecordJSON.encode(activity)
    }

    static func activity(_ row: any SQLRow) throws -> Activity {
        try decoder.decode(Activity.self, from: Data(try row.string("record").utf8))
    }

    /// Takes `count` numbers from a named counter; returns the first. The counter's row stays
    /// locked until the transaction ends, so numbers are handed out in commit order.
    private func take(_ counter: String, _ count: Int) async throws -> Int64 {
        guard let row = try await db.row("UPDATE counters SET value = value + \(bind: count) WHERE name = \(bind: counter) RETURNING value") else {
            throw StorageError.migration("the counter \(counter) is missing")
        }
        return Int64(try row.decode(column: "value", as: Int.self)) - Int64(count) + 1
    }

    /// Activities' rows without their doc and change numbers, which are taken when they are written.
    struct Prepared: PreparedActivities {
        let activities: [Activity]
        let rows: [[PlainValue]]
        /// The search index's rows of the published ones (at these offsets in `activities`), also without their doc.
        let search: SearchDocuments.Rows
        let searchOffsets: [Int]
    }

    func prepare(_ activities: [Activity]) async -> any PreparedActivities {
        var rows: [[PlainValue]] = []
        rows.reserveCapacity(activities.count)
        for (offset, activity) in activities.enumerated() {
            rows.append([.text(activity.id), PlainValue(activity.externalID), PlainValue(activity.organizationID), .text(activity.createdBy),
                         .text(activity.state.rawValue), .text(Self.recordText(activity)), .text(FacetIndex.pack(activity)),
                         .integer(activity.version), .text(Timestamp.string(activity.updatedAt))])
            if offset % 256 == 255 { await Task.yield() }
        }
        let published = activities.indices.filter { activities[$0].state == .published }
        return Prepared(activities: activities, rows: rows, search: await SearchDocuments.rows(published.map { activities[$0] }, kind: kind),
                        searchOffsets: published)
    }

    func insert(_ prepared: any PreparedActivities) async throws {
        guard let prepared = prepared as? Prepared else {
            try await insert(await prepare(prepared.activities))
            return
        }
        guard !prepared.rows.isEmpty else { return }
        let firstDoc = Int(try await take("activity_doc", prepared.rows.count))
        let firstChange = Int(try await take("search_change", prepared.rows.count))
        let rows = prepared.rows.enumerated().map { offset, row in [.integer(firstDoc + offset), .integer(firstChange + offset)] + row }
        try await insertPlainRows(db, into: "activities", columns: Self.numberColumns + Self.columns, rows: rows, bindings: Self.bindings)
        try await SearchDocuments.insert(prepared.search, docs: prepared.searchOffsets.map { Int64(firstDoc + $0) }, db: db, kind: kind)
    }

    /// FTS5's settings while a bulk import writes (SQLite), and after it: its usual ones. FTS5 writes
    /// each statement's words as a new segment and merges segments as they pile up, four at a time by
    /// default, so the words of a million activities were rewritten once per level. During an import it
    /// keeps up to 16 MB of words before writing a segment and merges 16 at a time (a million rows:
    /// 92 → 78 s); the segments it leaves are merged by the usual rules as later writes come. The
    /// settings live in the index's own table, so a rolled-back import leaves them as they were.
    static let bulkSettings = [("hashsize", 16 << 20), ("automerge", 16), ("crisismerge", 64)]
    static let usualSettings = [("hashsize", 1 << 20), ("automerge", 4), ("crisismerge", 16)]

    func beginBulkLoad() async throws {
        try await setSearchSettings(Self.bulkSettings)
    }

    func endBulkLoad() async throws {
        try await setSearchSettings(Self.usualSettings)
    }

    private func setSearchSettings(_ settings: [(String, Int)]) async throws {
        guard kind == .sqlite else { return }
        for (name, value) in settings {
            try await db.raw("INSERT INTO activity_fts (activity_fts, rank) VALUES (\(bind: name), \(bind: value))").run()
        }
    }

    /// Values bound per bulk statement (SQLite allows 32,766): large statements, because each
    /// statement into FTS5 flushes its pending terms.
    static let bindings = 30_000

    func update(_ activity: Activity, expectedVersion: Int) async throws -> Bool {
        let lock = kind == .postgres ? " FOR UPDATE" : ""
        guard let current = try await db.row("SELECT doc, version, state FROM activities WHERE id = \(bind: activity.id)\(unsafeRaw: lock)"),
              try current.int("version") == expectedVersion else { return false }
        let doc = Int64(try current.int("doc"))
        let change = try await take("search_change", 1)
        try await db.update("activities")
            .set("external_id", to: bindOrNull(activity.externalID))
            .set("organization_id", to: bindOrNull(activity.organizationID))
            .set("state", to: activity.state.rawValue)
            .set("record", to: Self.recordText(activity))
            .set("facets", to: FacetIndex.pack(activity))
            .set("change_seq", to: Int(change))
            .set("version", to: activity.version)
            .set("updated_at", to: Timestamp.string(activity.updatedAt))
            .where("id", .equal, activity.id)
            .run()
        if try current.string("state") == Activity.State.published.rawValue {
            try await SearchDocuments.remove([doc], db: db, kind: kind)
        }
        if activity.state == .published { try await SearchDocuments.add([(doc, activity)], db: db, kind: kind) }
        return true
    }

    func activity(id: String) async throws -> Activity? {
        try await db.row("SELECT record FROM activities WHERE id = \(bind: id)").map(Self.activity)
    }

    func activities(externalIDs: [String]) async throws -> [String: Activity] {
        guard !externalIDs.isEmpty else { return [:] }
        var result: [String: Activity] = [:]
        // The ids cross as one value (an import asks for 5,000 at a time), by external id or by id.
        let rows: [any SQLRow]
        switch kind {
        case .sqlite:
            var list: [UInt8] = [UInt8(ascii: "[")]
            for (index, id) in externalIDs.enumerated() {
                if index > 0 { list.append(UInt8(ascii: ",")) }
                ActivityRecordJSON.append(id, to: &list)
            }
            list.append(UInt8(ascii: "]"))
            let ids = String(decoding: list, as: UTF8.self)
            rows = try await db.rows("""
                SELECT record FROM activities WHERE external_id IN (SELECT value FROM json_each(\(bind: ids)))
                UNION ALL SELECT record FROM activities WHERE id IN (SELECT value FROM json_each(\(bind: ids)))
                """)
        case .postgres:
            rows = try await db.rows("SELECT record FROM activities WHERE external_id = ANY(\(bind: externalIDs)) OR id = ANY(\(bind: externalIDs))")
        }
        for row in rows {
            let activity = try Self.activity(row)
            if let external = activity.externalID { result[external] = activity }
            if result[activity.id] == nil { result[activity.id] = activity }
        }
        return result
    }

    func activities(_ filter: ActivityFilter) async throws -> [Activity] {
        var query = db.select().column("record").from("activities")
        if !filter.states.isEmpty { query = query.where("state", .in, SQLBind.group(filter.states.map(\.rawValue).sorted())) }
        if let organization = filter.organizationID { query = query.where("organization_id", .equal, organization) }
        if let creator = filter.createdBy { query = query.where("created_by", .equal, creator) }
        return try await query.orderBy("updated_at", .descending).orderBy("doc", .descending).limit(filter.limit).all().map(Self.activity)
    }

    func count(state: Activity.State?) async throws -> Int {
        if let state {
            return try await db.row("SELECT COUNT(*) AS n FROM activities WHERE state = \(bind: state.rawValue)")?.int("n") ?? 0
        }
        return try await db.row("SELECT COUNT(*) AS n FROM activities")?.int("n") ?? 0
    }

    func published(after position: Int64, limit: Int) async throws -> [(position: Int64, activity: Activity)] {
        try await db.raw("SELECT doc, record FROM activities WHERE state = 'published' AND doc > \(bind: Int(position)) ORDER BY doc LIMIT \(literal: limit)")
            .all().map { (Int64(try $0.int("doc")), try Self.activity($0)) }
    }

    func records(docs: [Int64]) async throws -> [Int64: Activity] {
        guard !docs.isEmpty else { return [:] }
        let rows = try await db.select().column("doc").column("record").from("activities")
            .where("doc", .in, SQLBind.group(docs.map { Int($0) })).all()
        var result: [Int64: Activity] = [:]
        for row in rows { result[Int64(try row.int("doc"))] = try Self.activity(row) }
        return result
    }

    func insert(_ comment: ActivityComment) async throws {
        // Numbered in order per activity (the caller's transaction holds the activity's row or the audit head).
        let previous = try await db.row("SELECT COUNT(*) AS n FROM activity_comments WHERE activity_id = \(bind: comment.activityID)")?.int("n") ?? 0
        try await db.insert(into: "activity_comments")
            .columns("id", "activity_id", "seq", "at", "author", "transition", "from_state", "to_state", "text")
            .values(SQLBind(comment.id), SQLBind(comment.activityID), SQLBind(previous + 1), SQLBind(Timestamp.string(comment.at)), SQLBind(comment.author),
                    bindOrNull(comment.transition), bindOrNull(comment.fromState?.rawValue), bindOrNull(comment.toState?.rawValue),
                    SQLBind(comment.text))
            .run()
    }

    func comments(activityID: String) async throws -> [ActivityComment] {
        try await db.raw("SELECT * FROM activity_comments WHERE activity_id = \(bind: activityID) ORDER BY seq").all().map { row in
            ActivityComment(id: try row.string("id"), activityID: try row.string("activity_id"), at: try row.date("at"),
                            author: try row.string("author"), transition: try row.optionalString("transition"),
                            fromState: try row.optionalString("from_state").flatMap(Activity.State.init(rawValue:)),
                            toState: try row.optionalString("to_state").flatMap(Activity.State.init(rawValue:)), text: try row.string("text"))
        }
    }

    func revision(activityID: String) async throws -> ActivityRevision? {
        try await db.row("SELECT * FROM activity_revisions WHERE activity_id = \(bind: activityID)").map(Self.revision)
    }

    private static func revision(_ row: any SQLRow) throws -> ActivityRevision {
        ActivityRevision(activityID: try row.string("activity_id"), proposed: try Self.activity(row),
                         submittedBy: try row.string("submitted_by"), submittedAt: try row.date("submitted_at"))
    }

    func save(_ revision: ActivityRevision) async throws {
        try await deleteRevision(activityID: revision.activityID)
        try await db.insert(into: "activity_revisions")
            .columns("activity_id", "record", "submitted_by", "submitted_at")
            .values(SQLBind(revision.activityID), SQLBind(Self.recordText(revision.proposed)), SQLBind(revision.submittedBy),
                    SQLBind(Timestamp.string(revision.submittedAt)))
            .run()
    }

    func deleteRevision(activityID: String) async throws {
        try await db.raw("DELETE FROM activity_revisions WHERE activity_id = \(bind: activityID)").run()
    }

    func revisions() async throws -> [ActivityRevision] {
        try await db.raw("SELECT * FROM activity_revisions ORDER BY submitted_at").all().map(Self.revision)
    }
}

/// The rows of the full-text index: FTS5 (contentless, the words as `SearchText` made them) on
/// SQLite; a tsvector built by `ActivityDocument` on PostgreSQL.
enum SearchDocuments {
    static func add(_ documents: [(doc: Int64, activity: Activity)], db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await insert(await rows(documents.map(\.activity), kind: kind), docs: documents.map(\.doc), db: db, kind: kind)
    }

    /// The index's rows for some activities (their words made here, in Swift), without their doc.
    enum Rows: Sendable {
        /// FTS5's: each column's words joined by spaces.
        case plain([[PlainValue]])
        /// PostgreSQL's: two tsvectors.
        case expressions([[any SQLExpression]])
    }

    /// Yields now and then (see `ActivityRepository.prepare`).
    static func rows(_ activities: [Activity], kind: DatabaseKind) async -> Rows {
        switch kind {
        case .sqlite:
            var rows: [[PlainValue]] = []
            rows.reserveCapacity(activities.count)
            for (offset, activity) in activities.enumerated() {
                rows.append(ActivityDocument.columnTexts(activity).map { .text($0) })
                if offset % 256 == 255 { await Task.yield() }
            }
            return .plain(rows)
        case .postgres:
            var rows: [[any SQLExpression]] = []
            rows.reserveCapacity(activities.count)
            for (offset, activity) in activities.enumerated() {
                let document = ActivityDocument(activity)
                rows.append([SQLQueryString("CAST(\(bind: document.tsvectorLiteral) AS tsvector)"),
                             SQLQueryString("CAST(\(bind: document.titleTsvectorLiteral) AS tsvector)")])
                if offset % 256 == 255 { await Task.yield() }
            }
            return .expressions(rows)
        }
    }

    /// Writes the rows, each under its doc (in order).
    static func insert(_ rows: Rows, docs: [Int64], db: any SQLDatabase, kind: DatabaseKind) async throws {
        guard !docs.isEmpty else { return }
        switch rows {
        case .plain(let rows):
            try await insertPlainRows(db, into: "activity_fts", columns: ["rowid", "title", "summary", "body", "organization"],
                                      rows: zip(docs, rows).map { [.integer(Int($0))] + $1 }, bindings: SQLActivityRepository.bindings)
        case .expressions(let rows):
            try await insertRows(db, into: "activity_search", columns: ["doc", "tsv", "title"],
                                 rows: zip(docs, rows).map { [SQLBind(Int($0))] + $1 }, bindings: SQLActivityRepository.bindings)
        }
    }

    static func remove(_ docs: [Int64], db: any SQLDatabase, kind: DatabaseKind) async throws {
        guard !docs.isEmpty else { return }
        let table = kind == .sqlite ? "activity_fts" : "activity_search"
        let column = kind == .sqlite ? "rowid" : "doc"
        try await db.delete(from: table).where(SQLIdentifier(column), .in, SQLBind.group(docs.map { Int($0) })).run()
    }
}
