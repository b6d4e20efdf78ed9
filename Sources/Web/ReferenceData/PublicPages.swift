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
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
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
        let viewer = context.actor
        let dashboard = try await services.dashboard(for: viewer, language: context.language.rawValue)
        let page = HomePage(dashboard, framework: try await services.reference.framework(), actorNames: Dictionary(try await services.mandates.actors().map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }),
                            viewer: viewer, language: context.language, catalog: renderer.catalog)
        return renderer.page("home", title: t("home.title", context), content: page, request: request, context: context)
    }

    @Sendable func goals(_ request: Request, context: WebContext) async throws -> Response {
        let page = GoalsPage(try await services.reference.framework(), language: context.language, catalog: renderer.catalog)
        return renderer.page("sdgs", title: t("sdgs.title", context), content: page, request: request, context: context)
    }

    @Sendable func goal(_ request: Request, context: WebContext) async throws -> Response {
        guard let number = context.parameters.get("goal", as: Int.self),
              let page = GoalPage(number: number, try await services.reference.framework(), language: context.language) else {
            throw HTTPError(.notFound)
        }
        return renderer.page("sdg", title: "\(t("sdgs.goal", context)) \(number): \(page.badge.short)", content: page,
                             request: request, context: context)
    }

    @Sendable func actionLines(_ request: Request, context: WebContext) async throws -> Response {
        let page = ActionLinesPage(try await services.reference.framework(), language: context.language)
        return renderer.page("action-lines", title: t("action_lines.title", context), content: page, request: request, context: context)
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
