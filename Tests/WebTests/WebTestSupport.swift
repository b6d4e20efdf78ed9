import App
import Foundation
import Hummingbird
import HummingbirdTesting
import Review
import TestSupport
import Testing
import Web

/// A platform on a fresh database with its router, driven without a socket.
struct WebTest: Sendable {
    let test: TestPlatform
    let client: any TestClientProtocol
    /// `METHOD /path` of every route the router has.
    let routes: [String]
    var platform: Platform { test.platform }

    static func with(_ database: TestDatabase, settings: Settings = Settings(),
                     _ body: @escaping @Sendable (WebTest) async throws -> Void) async throws {
        try await TestPlatform.with(database) { test in
            let router = try await buildRouter(services: test.platform.services, health: test.platform.health, settings: settings.web)
            let routes = router.routes.map { "\($0.method) \($0.path)" }
            let app = Application(router: Site(router: router))
            try await app.test(.router) { client in
                try await body(WebTest(test: test, client: client, routes: routes))
            }
        }
    }

    /// A signed-in browser: its session cookie and CSRF token.
    struct Browser: Sendable {
        var cookie: String
        var csrf: String
    }

    func signIn(_ user: (user: User, password: String)) async throws -> Browser {
        let (_, token, session) = try await platform.auth.signIn(email: user.user.email, password: user.password)
        return Browser(cookie: "wsis_session=\(token)", csrf: session.csrfToken)
    }

    /// An anonymous browser that has been handed a CSRF cookie.
    static let anonymous = Browser(cookie: "wsis_csrf=anonymous-csrf-token-0123456789abcdefghijklmnop", csrf: "anonymous-csrf-token-0123456789abcdefghijklmnop")

    @discardableResult
    func get(_ uri: String, as browser: Browser? = nil, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        if let browser { headers[.cookie] = browser.cookie }
        return try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
    }

    /// Posts a form as a browser would, with the CSRF token unless told otherwise.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], as browser: Browser, csrf: Bool = true) async throws -> TestResponse {
        var all = fields
        if csrf { all.append(("_csrf", browser.csrf)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await client.execute(
            uri: uri, method: .post,
            headers: [.cookie: browser.cookie, .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body)
        )
    }

    /// Sends a multipart form with one file, as a browser does for a form with a file input (the CSRF token is added).
    func postMultipart(_ uri: String, _ fields: [(String, String)], file: (field: String, name: String, type: String, content: String),
                       as browser: Browser) async throws -> TestResponse {
        let boundary = "----wsis-test-\(UUID().uuidString)"
        var body = ""
        for (name, value) in [("_csrf", browser.csrf)] + fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
            + "Content-Type: \(file.type)\r\n\r\n\(file.content)\r\n--\(boundary)--\r\n"
        return try await client.execute(uri: uri, method: .post,
                                        headers: [.cookie: browser.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                                        body: ByteBuffer(string: body))
    }

    /// Calls the JSON API, with a bearer token when given.
    @discardableResult
    func api(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.accept: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
}
