import Foundation
import Hummingbird
import Prometheus

/// The site's request metrics for `/metrics`, named by Prometheus' conventions: counters end in
/// `_total`, a duration is in seconds with the unit in its name, every family says what it counts.
/// Errors are counted from the status answered (400 and above), since the error middleware turns
/// every thrown error into an answer before it gets here.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static var requests: MetricNameDescriptor { MetricNameDescriptor(namespace: "wsis", subsystem: "http", metricName: "requests", unitName: "total",
                                               helpText: "HTTP requests answered, by method, route and status.") }
    static var errors: MetricNameDescriptor { MetricNameDescriptor(namespace: "wsis", subsystem: "http", metricName: "request_errors", unitName: "total",
                                             helpText: "HTTP requests answered with an error status (400 and above), by method, route and status.") }
    static var duration: MetricNameDescriptor { MetricNameDescriptor(namespace: "wsis", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                                               helpText: "Time from a request's arrival to its answer's headers, by method and route.") }
    static var inFlight: MetricNameDescriptor { MetricNameDescriptor(namespace: "wsis", subsystem: "http", metricName: "requests_in_flight", unitName: "",
                                               helpText: "HTTP requests being answered now.") }
    static let buckets: [Duration] = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                                      .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)]

    let registry: PrometheusCollectorRegistry

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let inFlight = registry.makeGauge(descriptor: Self.inFlight)
        inFlight.increment()
        defer { inFlight.decrement() }
        let status: Int
        do {
            let response = try await next(request, context)
            status = response.status.code
            count(request, context, status: status, since: started)
            return response
        } catch {
            // What no middleware inside answered: the server's own error answer.
            count(request, context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: started)
            throw error
        }
    }

    private func count(_ request: Request, _ context: WebContext, status: Int, since started: ContinuousClock.Instant) {
        // The route as declared (`/mandates/{id}`), so that ids do not each make a series.
        let route = context.endpointPath ?? "unknown"
        let method = request.method.rawValue
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        if status >= 400 { registry.makeCounter(descriptor: Self.errors, labels: labels).increment() }
        registry.makeDurationHistogram(descriptor: Self.duration, labels: [("method", method), ("route", route)], buckets: Self.buckets)
            .record(ContinuousClock.now - started)
    }
}
