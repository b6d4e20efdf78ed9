import Foundation
import Hummingbird
import Mustache
import Resolutions
import Review

/// Renders pages: a template from `Templates/`, inside the site layout, with the strings of the
/// reader's language. Templates hold no sentence of their own; every text comes from the catalog.
public struct Renderer: Sendable {
    let library: MustacheLibrary
    public let catalog: Catalog

    public init(library: MustacheLibrary, catalog: Catalog) {
        self.library = library
        self.catalog = catalog
    }

    public static func bundled() async throws -> Renderer {
        let directory = Bundle.module.resourceURL!.appendingPathComponent("Templates").path
        return Renderer(library: try await MustacheLibrary(directory: directory), catalog: try Catalog.bundled())
    }

    /// A full page. `content` is the page's own model (a `…Page` struct); the layout adds the
    /// strings, the navigation, the signed-in user and the CSRF token.
    func page(_ template: String, title: String, content: Any, request: Request, context: some SiteContext,
              status: HTTPResponse.Status = .ok) -> Response {
        let language = context.language
        var layout = Layout(lang: language.rawValue, dir: language.isRightToLeft ? "rtl" : "ltr", title: title, csrf: context.csrfToken,
                            nav: navigation(request: request, context: context),
                            user: context.viewer.map { Layout.SignedIn(name: $0.name, staff: $0.has(.secretariat), administrator: $0.has(.administrator)) },
                            languages: Layout.languages(request: request, current: language))
        layout.englishHref = layout.languages.first { $0.code == Language.english.rawValue }?.alternate ?? "/"
        if let (notice, count) = NoticeExchange.current?.take() {
            layout.notice = catalog.text("notice.\(notice.rawValue)", language, count.map { ["count": LocaleFormat.number($0, language)] } ?? [:])
        }
        var model = Self.plain(layout) as? [String: Any] ?? [:]
        // The strings are already a tree of dictionaries (cached per language): given as they are.
        model["t"] = catalog.tree(language)
        model["content"] = Self.plain(content) ?? [String: Any]()
        let html = library.render(model, withTemplate: template) ?? "template \(template) is missing"
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    /// A page model as the template engine reads it fastest: structs become dictionaries of their
    /// stored properties (in one pass of reflection per value, here, rather than one per `{{name}}`
    /// the template looks up, which swift-mustache would do), optionals are unwrapped, arrays and
    /// dictionaries are walked. Strings, numbers and Booleans are left as they are.
    static func plain(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Bool, is Double, is Substring: return value
        case let dictionary as [String: Any]: return dictionary.compactMapValues(plain)
        case let array as [Any]: return array.compactMap(plain)
        case let model as any PlainFields: return model.plainFields
        default: return mirrored(value)
        }
    }

    /// `plain` by reflection: a struct's stored properties by name.
    static func mirrored(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            // An absent optional is left out of its struct, so that `{{#name}}` is false and `{{^name}}` true.
            return mirror.children.first.flatMap { plain($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = plain(child.value) { fields[label] = field }
            }
            return fields
        default:
            return value
        }
    }

    func errorPage(_ problem: Problem, request: Request, context: WebContext) -> Response {
        let model = ErrorPage(heading: problem.title, detail: problem.detail, errors: problem.errors.map(\.message))
        var response = page("error", title: problem.title, content: model, request: request, context: context, status: problem.status)
        for field in problem.headers where field.name != .contentType {
            response.headers.append(field)
        }
        return response
    }

    private func navigation(request: Request, context: some SiteContext) -> [PageLink] {
        let path = request.uri.path
        let language = context.language
        var items: [(SiteURL, String)] = [(.home, "nav.home"), (.resolutions, "nav.resolutions"), (.mandates, "nav.mandates"), (.calendar, "nav.calendar"),
                                          (.activities, "nav.activities"), (.goals, "nav.sdgs"), (.actionLines, "nav.action_lines"), (.matrix, "nav.matrix")]
        if let user = context.viewer {
            if user.has(.secretariat) {
                items += [(.organizations, "nav.organizations"), (.users, "nav.users")]
            }
            if user.has(.administrator) { items.append((.audit, "nav.audit")) }
            items.append((.profile, "nav.profile"))
        }
        return items.map { url, key in
            let canonical = url.canonicalPath
            let current = canonical == "/" ? path == "/" : (path == canonical || path.hasPrefix(canonical + "/"))
            return PageLink(href: url.path, label: catalog.text(key, language), current: current)
        }
    }

    /// Field errors by field name, for showing each message next to its field.
    func fieldErrors(_ error: DomainError, language: Language) -> [String: String] {
        var byField: [String: [String]] = [:]
        for field in error.fieldErrors {
            byField[field.field, default: []].append(catalog.message(for: field, language))
        }
        return byField.mapValues { $0.joined(separator: " ") }
    }
}

extension Renderer {
    /// What a form page says when a service refuses what was sent, and with which status: each
    /// field's problem, a conflict with the current state, a file too large or of a refused kind
    /// (the same words and statuses as the API's problems). Nil for refusals that have a page of
    /// their own (not found, not allowed).
    func refusal(_ error: DomainError, _ language: Language) -> (message: String, status: HTTPResponse.Status)? {
        switch error {
        case .invalid, .conflict, .tooLarge, .unsupportedMedia:
            let problem = Problem(error, catalog: catalog, language: language).forPage
            let message = problem.errors.isEmpty ? problem.detail : problem.errors.map { "\($0.field): \($0.message)" }.joined(separator: " ")
            return (message, problem.status)
        default:
            return nil
        }
    }
}

/// What every page has around its content (`layout.mustache`): the language and direction, the
/// title, the navigation, who is signed in, and the site's own addresses.
struct Layout: Sendable {
    struct SignedIn: Sendable, Equatable {
        var name: String
        var staff, administrator: Bool
    }

    /// A language of the switcher: its name in itself and this page's address in it.
    struct LanguageLink: Sendable, Equatable {
        var code, name, href, alternate: String
        var current: Bool
    }

    var lang, dir, title, csrf: String
    var nav: [PageLink]
    var user: SignedIn?
    /// This page in each of the six languages: the switcher (`href`, which also remembers the
    /// choice, `/en/…` for English) and the `hreflang` alternates (`alternate`, English's without a prefix).
    var languages: [LanguageLink] = []
    /// What the action that led here did (`Notice`), in words.
    var notice: String?
    /// The page's English address: the `hreflang="x-default"` alternate.
    var englishHref = "/"
    var homeHref = SiteURL.home.path
    var styleHref = SiteURL.asset("site.css").path
    var profileHref = SiteURL.profile.path
    var signInHref = SiteURL.signIn.path
    var signOutHref = SiteURL.signOut.path
    var apiHref = SiteURL.openAPI.path
}

extension Layout {
    /// The page asked for (its address without a language, and its query) in each language.
    static func languages(request: Request, current: Language) -> [LanguageLink] {
        let (path, query) = (request.uri.path, request.uri.query)
        let order: [Language] = [.arabic, .chinese, .english, .french, .russian, .spanish]
        return order.map { language in
            LanguageLink(code: language.rawValue, name: language.autonym, href: language.address(of: path, query: query, explicit: true),
                         alternate: language.address(of: path, query: query), current: language == current)
        }
    }
}

/// A model the renderer turns into dictionaries without reflection: what every page renders (the
/// layout and its links) and the small parts pages hold many of, where reflecting cost the mandate
/// page a tenth of its requests per second under load. Its
/// `plainFields` must be what reflection would give (a test compares them).
protocol PlainFields {
    var plainFields: [String: Any] { get }
}

extension Layout: PlainFields {
    var plainFields: [String: Any] {
        var fields: [String: Any] = [
            "lang": lang, "dir": dir, "title": title, "csrf": csrf, "nav": nav.map(\.plainFields),
            "homeHref": homeHref, "styleHref": styleHref, "profileHref": profileHref, "signInHref": signInHref,
            "signOutHref": signOutHref, "apiHref": apiHref,
            "languages": languages.map { ["code": $0.code, "name": $0.name, "href": $0.href, "alternate": $0.alternate, "current": $0.current] },
            "englishHref": englishHref,
        ]
        if let user { fields["user"] = ["name": user.name, "staff": user.staff, "administrator": user.administrator] }
        if let notice { fields["notice"] = notice }
        return fields
    }
}

// The small shared parts, of which a page may hold hundreds (a choice per mandate of a resolution).

extension PageLink: PlainFields {
    var plainFields: [String: Any] { ["href": href, "label": label, "current": current] }
}

extension PageChoice: PlainFields {
    var plainFields: [String: Any] {
        var fields: [String: Any] = ["value": value, "label": label, "selected": selected]
        if let help { fields["help"] = help }
        return fields
    }
}

extension PageTerm: PlainFields {
    var plainFields: [String: Any] { ["term": term, "text": text] }
}

extension PageBadge: PlainFields {
    var plainFields: [String: Any] { ["code": code, "label": label] }
}

/// A refusal or a failure as a page (`error.mustache`).
struct ErrorPage: Sendable {
    var heading, detail: String
    var errors: [String]
    var homeHref = SiteURL.home.path
}

/// A group of pages (one per capability): the services it calls and the renderer of its pages.
protocol PageGroup: Sendable {
    var services: Services { get }
    var renderer: Renderer { get }
}

extension PageGroup {
    /// A sentence of the catalog in the reader's language.
    func t(_ key: String, _ context: some SiteContext, _ parameters: [String: String] = [:]) -> String {
        renderer.catalog.text(key, context.language, parameters)
    }
}
