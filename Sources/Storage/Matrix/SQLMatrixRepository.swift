import Foundation
import Review
import SQLKit

/// The WSIS-SDG Matrix's links (the reference table) and the history of the secretariat's changes to them.
struct SQLMatrixRepository: MatrixRepository {
    let db: any SQLDatabase

    func add(_ link: MatrixLink) async throws {
        try await db.insert(into: "matrix_links").columns("action_line", "goal", "target")
            .values(SQLBind(link.actionLine), SQLBind(link.goal), SQLBind(link.target ?? "")).run()
    }

    func remove(_ link: MatrixLink) async throws {
        try await db.raw("DELETE FROM matrix_links WHERE action_line = \(bind: link.actionLine) AND goal = \(bind: link.goal) AND target = \(bind: link.target ?? "")").run()
    }

    func changes(limit: Int) async throws -> [MatrixChange] {
        try await db.raw("SELECT * FROM matrix_changes ORDER BY sequence DESC LIMIT \(literal: limit)").all().map { row in
            let target = try row.string("target")
            return MatrixChange(sequence: try row.int("sequence"), at: try row.date("at"), actor: try row.string("actor"),
                                kind: MatrixChange.Kind(rawValue: try row.string("kind")) ?? .add,
                                link: MatrixLink(actionLine: try row.string("action_line"), goal: try row.int("goal"), target: target.isEmpty ? nil : target),
                                reason: try row.string("reason"))
        }
    }

    func append(_ change: MatrixChange) async throws -> Int {
        let next = (try await db.row("SELECT COALESCE(MAX(sequence), 0) + 1 AS n FROM matrix_changes")?.int("n")) ?? 1
        try await db.insert(into: "matrix_changes").columns("sequence", "at", "actor", "kind", "action_line", "goal", "target", "reason")
            .values(SQLBind(next), SQLBind(Timestamp.string(change.at)), SQLBind(change.actor), SQLBind(change.kind.rawValue),
                    SQLBind(change.link.actionLine), SQLBind(change.link.goal), SQLBind(change.link.target ?? ""), SQLBind(change.reason))
            .run()
        return next
    }
}
