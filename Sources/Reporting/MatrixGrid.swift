import Review
import Foundation

/// The WSIS-SDG Matrix as a grid: one row per Action Line category, one column per SDG,
/// each cell counting the links between them (a goal-level link counts one; each target link one).
public struct MatrixGrid: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var goal: Int
        public var links: Int
        /// The linked targets, in code order; empty when only the whole goal is linked.
        public var targets: [String]
    }

    public struct Row: Sendable, Equatable {
        public var actionLine: ActionLine
        public var cells: [Cell]
        public var total: Int { cells.reduce(0) { $0 + $1.links } }
    }

    public var goals: [SDGGoal]
    public var rows: [Row]

    /// The largest cell, for scaling a heat map.
    public var maximum: Int { rows.flatMap(\.cells).map(\.links).max() ?? 0 }
    public var totalLinks: Int { rows.reduce(0) { $0 + $1.total } }

    public init(actionLines: [ActionLine], goals: [SDGGoal], links: [MatrixLink]) {
        self.goals = goals
        var byCell: [String: [MatrixLink]] = [:]
        for link in links {
            byCell["\(link.actionLine)|\(link.goal)", default: []].append(link)
        }
        self.rows = actionLines.filter(\.isCategory).map { line in
            Row(actionLine: line, cells: goals.map { goal in
                let cellLinks = byCell["\(line.code)|\(goal.number)"] ?? []
                return Cell(goal: goal.number, links: cellLinks.count,
                            targets: cellLinks.compactMap(\.target).sorted { $0.compare($1, options: .numeric) == .orderedAscending })
            })
        }
    }
}
