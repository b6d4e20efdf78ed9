import Foundation
import Hummingbird
import Logging
import Metrics
import OpenAPIHummingbird
import Prometheus
import Review
import ServiceLifecycle

/// The Prometheus registry behind `/metrics`. swift-metrics allows one backend per process,
/// so it is set up once, however many applications a process (a test run) builds.
public enum PlatformMetrics {
    public static let registry = PrometheusCollectorRegistry()
    private static let bootstrap: Void = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }()

    static func bootstrapOnce() { _ = bootstrap }
}

/// The router of the whole site: pages, the JSON API and the machine endpoints, behind the
/// middleware that authenticates, enforces `SiteMap`, checks forms and turns errors into answers.
public func buildRouter(services: Services, health: any HealthCheck, settings: WebSettings) async throws -> Router<WebContext> {
    PlatformMetrics.bootstrapOnce()
    let renderer = try await Renderer.bundled()
    let assets = try Assets.load(goals: try await services.reference.goals())

    // HEAD is answered on every GET route, with GET's headers and no body.
    let router = Router(context: WebContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestMetricsMiddleware(registry: PlatformMetrics.registry))
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: CompressionMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: CORSMiddleware())
    // Outside authentication, so that it sees every cookie an answer hands out.
    router.add(middleware: CachingMiddleware())
    // Errors are turned into answers twice: inside authentication, so that an error page still
    // shows who is signed in; and outside it, for what authentication itself refuses (a bad token).
    router.add(middleware: ErrorMiddleware(renderer: renderer))
    router.add(middleware: AuthenticationMiddleware(services: services, settings: settings))
    router.add(middleware: ErrorMiddleware(renderer: renderer))
    router.add(middleware: AccountLanguageMiddleware(services: services))
    router.add(middleware: NoticeMiddleware(settings: settings))
    router.add(middleware: MethodNotAllowedMiddleware())
    router.add(middleware: PermissionMiddleware())
    router.add(middleware: BodyLimitMiddleware())
    router.add(middleware: FormMiddleware())

    PublicPages(services: services, renderer: renderer, assets: assets, healthCheck: health).register(on: router)
    AccountPages(services: services, renderer: renderer, settings: settings).register(on: router)
    AdminPages(services: services, renderer: renderer).register(on: router)
    AuditPages(services: services, renderer: renderer).register(on: router)
    ResolutionPages(services: services, renderer: renderer).register(on: router)
    MandatePages(services: services, renderer: renderer).register(on: router)
    CalendarPages(services: services, renderer: renderer, settings: settings).register(on: router)
    ActivityPages(services: services, renderer: renderer).register(on: router)
    MatrixPages(services: services, renderer: renderer).register(on: router)
    // Compact JSON (sorted keys, no indentation): a search answer with its facets is a third the size.
    try APIHandler(services: services).registerHandlers(on: router, configuration: .init(dateTranscoder: .iso8601WithFractionalSeconds, jsonEncodingOptions: [.sortedKeys]))
    return router
}

/// The HTTP application, with the platform's `background` work (the job runner, the start-up
/// reading of the search index) in its service group, so that they start with the server and
/// stop with it. `onRunning` is called once the server listens, with the address it got.
public func buildApplication(
    services: Services, health: any HealthCheck, settings: WebSettings, logger: Logger, background: [any Service] = [],
    onRunning: @escaping @Sendable (String) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(services: services, health: health, settings: settings)
    return Application(
        router: Site(router: router),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "wsis"),
        services: background,
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? settings.port
            let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
            await onRunning("http://\(host):\(port)/")
        },
        logger: logger
    )
}
