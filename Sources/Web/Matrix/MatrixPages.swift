import Foundation
import Hummingbird
import Reporting
import Resolutions
import Review

/// The WSIS-SDG Matrix: its links as a table, published activities per cell as a heat map, the
/// history of its changes, and the secretariat's form to change a link.
struct MatrixPages: PageGroup {
    let services: Services
    let renderer: Renderer

    func register(on router: Router<WebContext>) {
        router.get(SiteURL.matrix.route, use: matrix)
        router.group(context: SignedInContext.self).post(SiteURL.matrixChanges.route, use: changeMatrix)
    }

    @Sendable func changeMatrix(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = context.form
        do {
            _ = try await services.matrix.change(form["change"] == "remove" ? .remove : .add, actionLine: form["action_line"] ?? "",
                                                 goal: form["goal"] ?? "", target: form["target"], reason: form["reason"], by: context.actor)
            return .redirect(to: SiteURL.matrix.path(anchor: "history"), type: .normal)
        } catch let error as DomainError {
            guard let (message, status) = renderer.refusal(error, context.language) else { throw error }
            return try await matrixPage(request: request, context: context, error: message, status: status)
        }
    }

    @Sendable func matrix(_ request: Request, context: WebContext) async throws -> Response {
        try await matrixPage(request: request, context: context)
    }

    /// The matrix's links as a table, published activities per cell as a heat map, the history of
    /// changes, and for the secretariat the form to change a link.
    func matrixPage(request: Request, context: some SiteContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = context.language
        let lines = try await services.reference.actionLines()
        let goals = try await services.reference.goals()
        let grid = MatrixGrid(actionLines: lines, goals: goals, links: try await services.reference.matrix())
        let maximum = max(grid.maximum, 1)
        let activityCounts = try await services.search.cooccurrence()
        let history = try await services.matrix.history()
        var content: [String: Any] = [
            "summary": t("matrix.summary", context, [
                "links": String(grid.totalLinks), "lines": String(grid.rows.count), "goals": String(grid.goals.count),
            ]),
            "goals": grid.goals.map { ["number": $0.number, "short": $0.shortTitle.text(language), "color_class": "sdg-\($0.number)"] },
            "rows": grid.rows.map { row in
                [
                    "code": row.actionLine.code, "title": row.actionLine.title.text(language), "total": row.total,
                    "cells": row.cells.map { cell in
                        [
                            "links": cell.links, "has_links": cell.links > 0,
                            // Five shades; the number is always printed too, so colour is never the only signal.
                            "level": cell.links == 0 ? 0 : min(5, 1 + (cell.links * 5 - 1) / maximum),
                            "targets": cell.targets.isEmpty ? t("matrix.whole_goal", context) : cell.targets.joined(separator: ", "),
                        ] as [String: Any]
                    },
                ] as [String: Any]
            },
            "heat_map": MatrixHeatMap.svg(grid: grid, activities: activityCounts, title: t("matrix.heat_title", context),
                                          description: t("matrix.heat_description", context)),
            "history": history.map { change in
                ["at": Timestamp.string(change.at).prefix(10), "actor": change.actor, "change": t("matrix.change_\(change.kind.rawValue)", context),
                 "link": "\(change.link.actionLine) → \(change.link.target ?? String(change.link.goal))", "reason": change.reason] as [String: Any]
            },
            "has_history": !history.isEmpty,
            "staff": context.isStaff,
            "line_codes": lines.filter(\.isCategory).map { ["code": $0.code] },
        ]
        if let error { content["error"] = error }
        return renderer.page("matrix", title: t("matrix.title", context), content: content, request: request, context: context, status: status)
    }
}
