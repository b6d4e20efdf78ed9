import Foundation
import HTTPTypes
import Hummingbird
import Resolutions
import Review

/// The language of the request being answered, for everything that writes an address
/// (`SiteURL.path`) without being handed the request: set by `LanguageMiddleware` for the time the
/// request is handled.
public enum SiteLanguage {
    @TaskLocal public static var current: Language = .english

    /// The cookie that remembers a reader's choice.
    static let cookie = "wsis_lang"

    /// A path's first segment when it is two lower-case letters (a language code), and the path after it.
    static func twoLetterPrefix(_ path: String) -> (code: String, rest: String)? {
        guard path.hasPrefix("/") else { return nil }
        let first = path.dropFirst().prefix { $0 != "/" }
        guard first.count == 2, first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return nil }
        let rest = path.dropFirst(3)
        return (String(first), rest.isEmpty ? "/" : String(rest))
    }

    /// The language a path starts with (`/fr/mandates`, `/ar`) and the path without it.
    static func split(_ path: String) -> (language: Language, rest: String)? {
        twoLetterPrefix(path).flatMap { prefix in Language(rawValue: prefix.code).map { ($0, prefix.rest) } }
    }

    /// The rest of a path that starts with a language code that is not one of the six (`/de/sdgs` → `/sdgs`).
    static func foreignPrefix(_ path: String) -> String? {
        guard let prefix = twoLetterPrefix(path), Language(rawValue: prefix.code) == nil else { return nil }
        return prefix.rest
    }

    /// The best of the six languages an `Accept-Language` header asks for (RFC 9110 §12.5.4: by
    /// weight, then order); nil when it names none of them.
    static func preferred(_ header: String?) -> Language? {
        guard let header else { return nil }
        var best: (language: Language, weight: Double, index: Int)?
        for (index, item) in header.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, let language = Language(tag: tag) else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            guard weight > 0, (0...1).contains(weight) else { continue }
            if best == nil || weight > best!.weight { best = (language, weight, index) }
        }
        return best?.language
    }

    /// The language a request's cookie remembers; nil for none or a value that is not one of the six.
    static func remembered(_ request: Request) -> Language? {
        request.cookies[cookie].flatMap { Language(rawValue: $0.value) }
    }
}

/// How a request's language was chosen, from the strongest to the weakest.
public enum LanguageSource: Sendable, Equatable {
    /// The address's prefix (`/fr/…`, `/en/…`): the reader's choice now.
    case address
    /// The cookie of an earlier choice.
    case cookie
    /// The browser's `Accept-Language`.
    case browser
    /// Nothing: English.
    case none
}

extension Language {
    /// What page addresses in this language start with; nil for English, whose addresses have none.
    public var pathPrefix: String? { self == .english ? nil : "/" + rawValue }

    /// A page's address (a path without a language, and its query) in this language: `/fr/sdgs`,
    /// `/fr` for the home page, English's as it is — or `/en/…` when `explicit`, an address that
    /// also chooses English.
    public func address(of path: String, query: String? = nil, explicit: Bool = false) -> String {
        let located = (explicit ? "/" + rawValue : pathPrefix).map { path == "/" ? $0 : $0 + path } ?? path
        return located + (query.map { "?" + $0 } ?? "")
    }
}

/// The site as the server runs it: the router, behind the choice of language.
public struct Site: HTTPResponderBuilder {
    public let router: Router<WebContext>

    public init(router: Router<WebContext>) { self.router = router }

    public func buildResponder() -> LanguageResponder<RouterResponder<WebContext>> {
        LanguageResponder(inner: router.buildResponder())
    }
}

/// Chooses the language of every request and keeps it in the address.
///
/// A page's address in French starts `/fr/` (English has none, and `/en/…` chooses it), so a link
/// carries its language; choosing one through an address also remembers it in a cookie. A page
/// asked for without a prefix is answered in English, unless the cookie (or, on a first visit, the
/// browser's `Accept-Language`) names another language: then the reader is sent to that
/// language's address. The prefix is taken off before the router matches the path, so every
/// route serves all six. The JSON API has no prefix and no cookie: its problems are in the
/// `Accept-Language` language, its data the same in all. A language the platform lacks (`/de/…`,
/// `Accept-Language: de`) or a forged cookie is ignored: English.
public struct LanguageResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == WebContext {
    let inner: Inner

    public func respond(to request: Request, context: WebContext) async throws -> Response {
        var context = context
        let path = request.uri.path
        if SiteMap.isAPIPath(path) {
            context.language = SiteLanguage.preferred(request.headers[.acceptLanguage]) ?? .english
            return try await SiteLanguage.$current.withValue(context.language) { try await inner.respond(to: request, context: context) }
        }
        let remembered = SiteLanguage.remembered(request)
        let query = request.uri.query.map { "?" + $0 } ?? ""
        if let (language, rest) = SiteLanguage.split(path), !SiteMap.isAPIPath(rest) {
            var head = request.head
            head.path = rest + query
            let rewritten = Request(head: head, body: request.body)
            context.language = language
            context.languageSource = .address
            var response = try await SiteLanguage.$current.withValue(language) { try await inner.respond(to: rewritten, context: context) }
            if remembered != language {
                response.headers.append(HTTPField(name: .setCookie, value: "\(SiteLanguage.cookie)=\(language.rawValue); Path=/; Max-Age=31536000; SameSite=Lax"))
            }
            return response
        }
        // `/de/sdgs`: a language the platform does not have, before a page it serves: that page (in the reader's language).
        if let rest = SiteLanguage.foreignPrefix(path), SiteMap.isLocalized(rest) {
            return Response.redirect(to: rest + query, type: .found)
        }
        let browser = SiteLanguage.preferred(request.headers[.acceptLanguage])
        let chosen = remembered ?? browser ?? .english
        let isPage = SiteMap.isLocalized(path)
        if chosen != .english, isPage, request.method == .get || request.method == .head {
            var response = Response.redirect(to: chosen.address(of: path, query: request.uri.query), type: .found)
            response.headers[.vary] = "Accept-Language, Cookie"
            return response
        }
        context.language = chosen
        context.languageSource = remembered != nil ? .cookie : browser != nil ? .browser : .none
        var response = try await SiteLanguage.$current.withValue(chosen) { try await inner.respond(to: request, context: context) }
        // The same address may answer in another language for another reader.
        if isPage {
            response.headers.append(HTTPField(name: .vary, value: "Accept-Language"))
            response.headers.append(HTTPField(name: .vary, value: "Cookie"))
        }
        return response
    }
}

/// A signed-in person's language follows them: the one they choose through an address is kept in
/// their account, and a page asked for with no choice of its own (no prefix, no cookie: another
/// browser, a link from an e-mail) opens in the language the account remembers.
struct AccountLanguageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let services: Services

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard let user = context.user, context.session != nil else { return try await next(request, context) }
        switch context.languageSource {
        case .address where user.language != context.language:
            try await services.accounts.setLanguage(userID: user.id, language: context.language)
        case .browser, .none:
            if let own = user.language, own != context.language, request.method == .get || request.method == .head,
               SiteMap.isLocalized(request.uri.path) {
                return .redirect(to: own.address(of: request.uri.path, query: request.uri.query, explicit: true), type: .found)
            }
        default:
            break
        }
        return try await next(request, context)
    }
}
