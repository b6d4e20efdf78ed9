import Foundation
import Hummingbird
import Reporting
import Resolutions
import Review

/// The pages everyone may read: home, the SDGs, the Action Lines, the WSIS-SDG Matrix; and the
/// machine endpoints (health, metrics, the OpenAPI document, the style sheet).
struct PublicPages: PageGroup {
    let services: Services
    let renderer: Renderer
    let assets: Assets
    let healthCheck: any HealthCheck

    func register(on router: Router<WebContext>) {
        router.get(SiteURL.home.route, use: home)
        router.get(SiteURL.goals.route, use: goals)
        router.get(SiteURL.goal(":goal").route, use: goal)
        router.get(SiteURL.actionLines.route, use: actionLines)
        router.get(SiteURL.healthz.route, use: healthz)
        router.get(SiteURL.metrics.route) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: PlatformMetrics.registry.emitToBuffer())))
        }
        router.get(SiteURL.openAPI.route) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: assets.openAPIDocument)))
        }
        router.get(SiteURL.asset(":name").route) { _, context in
            let name = try context.parameters.require("name")
            guard let css = assets.styleSheets[name] else { throw HTTPError(.notFound) }
            return Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                            body: .init(byteBuffer: ByteBuffer(string: css)))
        }
    }

    @Sendable func home(_ request: Request, context: WebContext) async throws -> Response {
        let t = { (key: String, parameters: [String: String]) in renderer.catalog.text(key, context.language, parameters) }
        let goals = try await services.reference.goals()
        let targets = try await services.reference.targets()
        let lines = try await services.reference.actionLines().filter(\.isCategory)
        let links = try await services.reference.matrix()
        return renderer.page("home", title: t("home.title", [:]), content: [
            "facts": [
                ["href": SiteURL.goals.path, "text": t("home.fact_goals", ["goals": String(goals.count), "targets": String(targets.count)])],
                ["href": SiteURL.actionLines.path, "text": t("home.fact_action_lines", ["count": String(lines.count)])],
                ["href": SiteURL.matrix.path, "text": t("home.fact_matrix", ["count": String(links.count)])],
            ],
        ], request: request, context: context)
    }

    @Sendable func goals(_ request: Request, context: WebContext) async throws -> Response {
        let language = context.language
        let goals = try await services.reference.goals()
        let targets = Dictionary(grouping: try await services.reference.targets(), by: \.goal)
        return renderer.page("sdgs", title: renderer.catalog.text("sdgs.title", language), content: [
            "goals": goals.map { goal in
                [
                    "number": goal.number, "color_class": "sdg-\(goal.number)",
                    "short": goal.shortTitle.text(language), "title": goal.title.text(language),
                    "targets": renderer.catalog.text("sdgs.target_count", language, ["count": String(targets[goal.number]?.count ?? 0)]),
                ] as [String: Any]
            },
        ], request: request, context: context)
    }

    @Sendable func goal(_ request: Request, context: WebContext) async throws -> Response {
        let language = context.language
        guard let number = context.parameters.get("goal", as: Int.self),
              let goal = try await services.reference.goals().first(where: { $0.number == number }) else {
            throw HTTPError(.notFound)
        }
        let targets = try await services.reference.targets(goal: number)
        let lines = Dictionary(uniqueKeysWithValues: try await services.reference.actionLines().map { ($0.code, $0) })
        let links = try await services.reference.matrix().filter { $0.goal == number }
        let linked = Dictionary(grouping: links, by: \.actionLine).sorted { (lines[$0.key]?.sortKey ?? 0) < (lines[$1.key]?.sortKey ?? 0) }
        return renderer.page("sdg", title: "\(renderer.catalog.text("sdgs.goal", language)) \(number): \(goal.shortTitle.text(language))", content: [
            "number": number, "color_class": "sdg-\(number)",
            "short": goal.shortTitle.text(language), "title": goal.title.text(language),
            "targets": targets.map { ["code": $0.code, "title": $0.title.text(language)] },
            "action_lines": linked.map { code, links in
                [
                    "code": code, "title": lines[code]?.title.text(language) ?? code,
                    "targets": links.compactMap(\.target).joined(separator: ", "),
                ]
            },
            "has_action_lines": !linked.isEmpty,
        ], request: request, context: context)
    }

    @Sendable func actionLines(_ request: Request, context: WebContext) async throws -> Response {
        let language = context.language
        let links = Dictionary(grouping: try await services.reference.matrix(), by: \.actionLine)
        let lines = try await services.reference.actionLines()
        return renderer.page("action-lines", title: renderer.catalog.text("action_lines.title", language), content: [
            "lines": lines.map { line in
                [
                    "code": line.code, "title": line.title.text(language), "sub": line.parent != nil,
                    "heading": !line.isCategory,
                    "lead": line.leadFacilitators, "other": line.otherFacilitators,
                    "goals": Set((links[line.code] ?? []).map(\.goal)).sorted().map { ["number": $0] },
                ] as [String: Any]
            },
        ], request: request, context: context)
    }

    @Sendable func healthz(_ request: Request, context: WebContext) async throws -> Response {
        let health = await healthCheck.check()
        let body = "{\"status\":\"\(health.rawValue)\",\"database\":\"\(healthCheck.database)\"}"
        return Response(status: health == .ok ? .ok : .serviceUnavailable,
                        headers: [.contentType: "application/json", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

/// Files served as they are: the style sheet (with the SDG colours added from the reference data)
/// and the OpenAPI document.
struct Assets: Sendable {
    let styleSheets: [String: String]
    let openAPIDocument: String

    static func load(goals: [SDGGoal]) throws -> Assets {
        let resources = Bundle.module.resourceURL!
        let css = try String(contentsOf: resources.appendingPathComponent("Assets/site.css"), encoding: .utf8)
        let colours = goals.map { ".sdg-\($0.number) { background: \($0.color); color: \(textColour(on: $0.color)); }" }
            .joined(separator: "\n")
        let openAPI = try String(contentsOf: resources.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        return Assets(styleSheets: ["site.css": css + "\n/* SDG colours, from the reference data */\n" + colours + "\n"],
                      openAPIDocument: openAPI)
    }
}

/// Black or white, whichever contrasts more with the background (WCAG relative luminance).
func textColour(on hex: String) -> String {
    let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
    guard digits.count == 6, let value = Int(digits, radix: 16) else { return "#000" }
    func channel(_ shift: Int) -> Double {
        let c = Double((value >> shift) & 0xFF) / 255
        return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    let withWhite = 1.05 / (luminance + 0.05)
    let withBlack = (luminance + 0.05) / 0.05
    return withWhite >= withBlack ? "#fff" : "#000"
}
