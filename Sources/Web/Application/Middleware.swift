import Foundation
import Hummingbird
import Logging
import Review

/// Who is asking: the session cookie for pages, a bearer token for the API.
/// Also hands out the CSRF token and makes the user available to the API handlers.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let sessionCookie = "wsis_session"
    static let csrfCookie = "wsis_csrf"

    let services: Services
    let settings: WebSettings

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        context.bodyLimit = settings.maxBodyBytes
        context.uploadLimit = settings.maxUploadBytes
        var clearSessionCookie = false
        var newCSRFCookie: String?

        // Only bearer tokens are ours; another scheme (say, Basic from a proxy in front) is not for us.
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            guard let user = try await services.auth.user(apiToken: token) else {
                throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: "The API token is not valid.")
            }
            context.user = user
        } else if let token = request.cookies[Self.sessionCookie]?.value {
            switch try await services.auth.session(token: token) {
            case .valid(let user, let session):
                context.user = user
                context.session = session
                context.csrfToken = session.csrfToken
            case .expired:
                context.sessionExpired = true
                clearSessionCookie = true
            case .unknown:
                clearSessionCookie = true
            }
        }
        if context.session == nil {
            if let existing = request.cookies[Self.csrfCookie]?.value, existing.count >= 32 {
                context.csrfToken = existing
            } else {
                context.csrfToken = Secrets.token()
                newCSRFCookie = context.csrfToken
            }
        }

        var response = try await RequestUser.$current.withValue(context.user) {
            try await next(request, context)
        }
        // Only a page can hold a form: data, feeds and the API's answers carry no cookie (so they can be kept by caches).
        if let newCSRFCookie, response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.setCookie(cookie(Self.csrfCookie, newCSRFCookie))
        }
        if clearSessionCookie, response.headers[.setCookie]?.contains(Self.sessionCookie) != true {
            response.setCookie(cookie(Self.sessionCookie, "", maxAge: 0))
        }
        return response
    }

    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
        Self.cookie(name, value, maxAge: maxAge, settings: settings)
    }

    /// Every cookie the platform sets: site-wide, HttpOnly, SameSite=Lax, Secure when served over https.
    static func cookie(_ name: String, _ value: String, maxAge: Int? = nil, settings: WebSettings) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: settings.secureCookies, httpOnly: true, sameSite: .lax)
    }
}

/// The signed-in user of the request being handled, for the OpenAPI handlers (which see no context).
enum RequestUser {
    @TaskLocal static var current: User?
}

/// Refuses a route to anyone `SiteMap` does not allow; a route missing from `SiteMap` is refused to all.
struct PermissionMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        // No matched route: let the router answer 404.
        guard let endpoint = context.endpointPath else { return try await next(request, context) }
        guard let entry = SiteMap.entry(method: request.method, endpoint: endpoint) else {
            context.logger.error("route \(request.method) \(endpoint) has no declared permission in SiteMap")
            throw DomainError.forbidden
        }
        if entry.access.allows(context.user) {
            return try await next(request, context)
        }
        if context.user == nil {
            if entry.isAPI {
                throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: "Sign in with an API token (Authorization: Bearer …).")
            }
            return signInRedirect(for: request, expired: context.sessionExpired)
        }
        throw DomainError.forbidden
    }

    func signInRedirect(for request: Request, expired: Bool) -> Response {
        // After signing in, go back where the person was going (for a form post: the page it came from).
        let target = request.method == .get ? request.uri.description : (request.uri.path)
        var query = "next=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
        if expired { query += "&expired=1" }
        return .redirect(to: SiteURL.signIn.path + "?" + query, type: .normal)
    }
}

/// Reads form posts into `context.form` and checks their CSRF token. API requests are left alone:
/// they authenticate with a bearer token, which a cross-site form cannot send.
struct FormMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.method == .post, !SiteMap.isAPIPath(request.uri.path) else {
            return try await next(request, context)
        }
        let contentType = request.headers[.contentType] ?? ""
        var context = context
        let limit = context.endpointPath.flatMap { SiteMap.entry(method: request.method, endpoint: $0) }?.acceptsUploads == true
            ? context.uploadLimit : context.bodyLimit
        let buffer = try await request.body.collect(upTo: limit)
        if contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            context.form = try FormData(parsing: String(buffer: buffer))
        } else if contentType.lowercased().hasPrefix("multipart/form-data"), let boundary = Multipart.boundary(contentType) {
            (context.form, context.uploads) = try Multipart.parse(buffer, boundary: boundary)
        } else {
            throw HTTPError(.unsupportedMediaType, message: "Forms must be sent as application/x-www-form-urlencoded or multipart/form-data.")
        }
        guard let sent = context.form["_csrf"], constantTimeEqual(sent, context.csrfToken) else {
            throw HTTPError(.forbidden, message: "csrf")
        }
        return try await next(request, context)
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Enforces the body size limit on API requests before the OpenAPI layer reads them.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard SiteMap.isAPIPath(request.uri.path), request.method != .get else { return try await next(request, context) }
        let limit = context.endpointPath.flatMap { SiteMap.entry(method: request.method, endpoint: $0) }?.acceptsUploads == true
            ? context.uploadLimit : context.bodyLimit
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw HTTPError(.contentTooLarge)
        }
        var request = request
        let buffer = try await request.body.collect(upTo: limit)
        request.body = RequestBody(buffer: buffer)
        if limit == context.bodyLimit, request.headers[.contentType]?.hasPrefix("application/json") == true,
           let member = NullMember.first(in: Data(buffer: buffer)) {
            throw member
        }
        return try await next(request, context)
    }
}

/// A JSON body's member whose value is `null`. The API takes no null (the OpenAPI document allows
/// none): a member that has no value is left out. Refused with 400, naming the member.
struct NullMember: Error {
    /// `due.value`, `evidence[1]`.
    var path: String

    static func first(in data: Data) -> NullMember? {
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return find(value, path: "")
    }

    private static func find(_ value: Any, path: String) -> NullMember? {
        switch value {
        case is NSNull:
            return NullMember(path: path)
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let found = find(object[key]!, path: path.isEmpty ? key : path + "." + key) { return found }
            }
        case let array as [Any]:
            for (index, item) in array.enumerated() {
                if let found = find(item, path: path + "[\(index)]") { return found }
            }
        default:
            break
        }
        return nil
    }
}

/// Headers that keep pages from being framed, sniffed or fed foreign scripts.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        return response
    }
}

/// Turns every error into a page in the reader's language or an `application/problem+json`
/// answer. Nothing a user sends produces a 500; an unexpected error is logged and shown plainly.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let renderer: Renderer

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem(error, catalog: renderer.catalog, language: context.language)
            if problem.status == .internalServerError {
                context.logger.error("unexpected error on \(request.method) \(request.uri.path): \(String(reflecting: error))")
            }
            // The API, and data the site serves (a feed, a download), answer as data: problem+json, not a page.
            if SiteMap.isAPIPath(request.uri.path) || SiteMap.isData(request.uri.path) {
                return problem.response()
            }
            return renderer.errorPage(problem.forPage, request: request, context: context)
        }
    }
}
