import Foundation
import Review
import SQLKit

struct SQLCalendarRepository: CalendarRepository {
    let db: any SQLDatabase
    let kind: DatabaseKind

    private static let columns = ["key", "kind", "title", "start_date", "end_date", "place", "confirmed", "source", "version", "updated_at"]

    private static func values(_ milestone: Milestone) -> [any SQLExpression] {
        [
            SQLBind(milestone.key), SQLBind(milestone.kind.rawValue), SQLBind(milestone.title), SQLBind(milestone.start),
            bindOrNull(milestone.end), bindOrNull(milestone.place), SQLBind(milestone.confirmed ? 1 : 0), bindOrNull(milestone.source),
            SQLBind(milestone.version), SQLBind(Timestamp.string(milestone.updatedAt)),
        ]
    }

    func milestones() async throws -> [Milestone] {
        try await db.rows("SELECT * FROM milestones ORDER BY start_date, key").map(Self.milestone)
    }

    func milestone(key: String) async throws -> Milestone? {
        try await db.row("SELECT * FROM milestones WHERE key = \(bind: key)").map(Self.milestone)
    }

    func insert(_ milestones: [Milestone]) async throws {
        try await insertRows(db, into: "milestones", columns: Self.columns, rows: milestones.map(Self.values))
    }

    func update(_ milestone: Milestone, expectedVersion: Int) async throws -> Bool {
        try await updateVersioned(db, kind, table: "milestones", key: ("key", milestone.key), expectedVersion: expectedVersion,
                                  columns: Self.columns, values: Self.values(milestone))
    }

    static func milestone(_ row: any SQLRow) throws -> Milestone {
        Milestone(
            key: try row.string("key"), kind: Milestone.Kind(rawValue: try row.string("kind")) ?? .deadline, title: try row.string("title"),
            start: try row.string("start_date"), end: try row.optionalString("end_date"), place: try row.optionalString("place"),
            confirmed: try row.flag("confirmed"), source: try row.optionalString("source"), version: try row.int("version"),
            updatedAt: try row.date("updated_at")
        )
    }
}
