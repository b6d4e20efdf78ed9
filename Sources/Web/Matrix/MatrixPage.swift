import Foundation
import Reporting
import Resolutions
import Review

/// The model of the WSIS-SDG Matrix's page (`matrix.mustache`): its links as a table, published
/// activities per cell as a heat map, the history of changes, and for the secretariat the form
/// to change a link.
struct MatrixPage: Sendable {
    struct Cell: Sendable, Equatable {
        /// The number of links; absent when there is none (the cell stays blank).
        var links: Int?
        /// One of five shades (0 for none); the number is always printed too, so colour is never the only signal.
        var level: Int
        var targets: String
    }

    struct Row: Sendable, Equatable {
        var code, title: String
        var total: Int
        var cells: [Cell]
    }

    struct Change: Sendable, Equatable {
        var at, actor, change, link: String
        var reason: String?
    }

    var summary: String
    var goals: [GoalBadge]
    var rows: [Row]
    /// The heat map, as SVG markup made by `MatrixHeatMap` (every text in it escaped there).
    var heatMap: String
    var history: [Change]
    var staff: Bool
    var lineCodes: [String]
    var changeHref: String
    var error: String?

    init(_ framework: ReferenceFramework, history: [MatrixChange], activities: [String: Int], staff: Bool,
         language: Language, catalog: Catalog, error: String? = nil) {
        func t(_ key: String, _ parameters: [String: String] = [:]) -> String { catalog.text(key, language, parameters) }
        let grid = MatrixGrid(actionLines: framework.actionLines, goals: framework.goals, links: framework.matrix)
        let maximum = max(grid.maximum, 1)
        summary = t("matrix.summary", ["links": String(grid.totalLinks), "lines": String(grid.rows.count), "goals": String(grid.goals.count)])
        goals = grid.goals.map { GoalBadge($0, language: language) }
        rows = grid.rows.map { row in
            Row(code: row.actionLine.code, title: row.actionLine.title.text(language), total: row.total, cells: row.cells.map { cell in
                Cell(links: cell.links == 0 ? nil : cell.links, level: cell.links == 0 ? 0 : min(5, 1 + (cell.links * 5 - 1) / maximum),
                     targets: cell.targets.isEmpty ? t("matrix.whole_goal") : cell.targets.joined(separator: ", "))
            })
        }
        heatMap = MatrixHeatMap.svg(grid: grid, activities: activities, title: t("matrix.heat_title"), description: t("matrix.heat_description"))
        self.history = history.map { change in
            Change(at: LocaleFormat.date(String(Timestamp.string(change.at).prefix(10)), language), actor: change.actor, change: t("matrix.change_\(change.kind.rawValue)"),
                   link: "\(change.link.actionLine) → \(change.link.target ?? String(change.link.goal))", reason: change.reason)
        }
        self.staff = staff
        lineCodes = framework.actionLines.filter(\.isCategory).map(\.code)
        changeHref = SiteURL.matrixChanges.path
        self.error = error
    }
}
