import Foundation
import Hummingbird
import HTTPTypes
import Synchronization

/// What an action did, said on the page it leads to ("Confirmed: …"), in the reader's language
/// and announced to screen readers. An action posts its notice before it redirects; the notice
/// travels in a short-lived cookie and is shown once, by the next page rendered.
enum Notice: String, CaseIterable, Sendable {
    case resolutionImported = "resolution-imported"
    case resolutionAlreadyImported = "resolution-already-imported"
    case resolutionConfirmed = "resolution-confirmed"
    case resolutionCorrected = "resolution-corrected"
    case mandatesAccepted = "mandates-accepted"
    case mandateDecided = "mandate-decided"
    case mandateUpdated = "mandate-updated"
    case actorAdded = "actor-added"
    case milestoneAdded = "milestone-added"
    case milestoneChanged = "milestone-changed"
    case activitySaved = "activity-saved"
    case activityMoved = "activity-moved"
    case commentAdded = "comment-added"
    case importStarted = "import-started"
    case matrixChanged = "matrix-changed"
    case signedOut = "signed-out"

    /// The cookie's value: the code, and a count when the message has one (`mandates-accepted.12`).
    func cookieValue(count: Int?) -> String { rawValue + (count.map { ".\($0)" } ?? "") }

    /// Reads a cookie's value; anything else (a forged or stale value) is no notice.
    static func read(_ value: String) -> (Notice, Int?)? {
        let parts = value.split(separator: ".", maxSplits: 1)
        guard let first = parts.first, let notice = Notice(rawValue: String(first)) else { return nil }
        guard parts.count == 2 else { return (notice, nil) }
        guard let count = Int(parts[1]), count >= 0, parts[1].count <= 9 else { return nil }
        return (notice, count)
    }
}

/// The notices of one request: the one it brought (from the cookie) and the one it posts.
final class NoticeExchange: Sendable {
    static let cookie = "wsis_notice"
    @TaskLocal static var current: NoticeExchange?

    private struct State {
        var incoming: (Notice, Int?)?
        var shown = false
        var outgoing: String?
    }
    private let state: Mutex<State>

    init(incoming: (Notice, Int?)?) {
        state = Mutex(State(incoming: incoming))
    }

    /// Posts a notice for the page the action leads to.
    static func post(_ notice: Notice, count: Int? = nil) {
        current?.state.withLock { $0.outgoing = notice.cookieValue(count: count) }
    }

    /// The notice this request brought, once: a page that shows it takes it.
    func take() -> (Notice, Int?)? {
        state.withLock { state in
            guard let incoming = state.incoming else { return nil }
            state.incoming = nil
            state.shown = true
            return incoming
        }
    }

    var outcome: (outgoing: String?, shown: Bool) { state.withLock { ($0.outgoing, $0.shown) } }
}

/// Carries notices from an action to the next page: reads the cookie, lets the handlers post,
/// sets the cookie for the next page or clears the one just shown.
struct NoticeMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let settings: WebSettings

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let incoming = request.cookies[NoticeExchange.cookie].flatMap { Notice.read($0.value) }
        let exchange = NoticeExchange(incoming: incoming)
        var response = try await NoticeExchange.$current.withValue(exchange) { try await next(request, context) }
        let outcome = exchange.outcome
        if let outgoing = outcome.outgoing {
            response.setCookie(AuthenticationMiddleware.cookie(NoticeExchange.cookie, outgoing, maxAge: 120, settings: settings))
        } else if outcome.shown || (request.cookies[NoticeExchange.cookie] != nil && incoming == nil) {
            response.setCookie(AuthenticationMiddleware.cookie(NoticeExchange.cookie, "", maxAge: 0, settings: settings))
        }
        return response
    }
}
