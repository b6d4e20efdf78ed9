import Foundation
import Hummingbird
import Resolutions
import Review

/// What one request carries through the middleware to its handler.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, from the session cookie or an API token.
    public var user: User?
    /// The browser session, when signed in through the web.
    public var session: Session?
    /// True when the session cookie named a session that has expired.
    public var sessionExpired = false
    /// The token forms must echo back in `_csrf`.
    public var csrfToken = ""
    /// The parsed body of a form POST, filled in by `FormMiddleware`.
    public var form = FormData()
    public var language = Language.english
    /// Where `language` came from (`LanguageResponder`).
    public var languageSource = LanguageSource.none
    /// Files sent with a multipart form, by field name.
    public var uploads: [String: Upload] = [:]
    /// The body size limit, from the settings.
    public var bodyLimit = 1_048_576
    /// The limit on routes that accept a document.
    public var uploadLimit = 20 * 1_048_576

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { bodyLimit }

    public var actor: Actor? { user.map(Actor.init(user:)) }
    public var viewer: User? { user }
}

/// What every page handler and the renderer read of a request, whoever asks: the reader's
/// language, the signed-in person if any, the CSRF token forms echo, the parsed form and files.
public protocol SiteContext: RequestContext {
    var viewer: User? { get }
    var language: Language { get }
    var csrfToken: String { get }
    var form: FormData { get }
    var uploads: [String: Upload] { get }
}

extension WebContext: SiteContext {}

extension SiteContext {
    /// The signed-in person as the services name who acts, if anyone is signed in.
    public var viewerActor: Actor? { viewer.map(Actor.init(user:)) }
    public var isStaff: Bool { viewer?.has(.secretariat) == true }
}

/// The context of a route only signed-in people may use (`SiteMap` says which; its middleware has
/// already refused everyone else): the handler is given the person, not an optional.
public struct SignedInContext: ChildRequestContext, SiteContext {
    public var coreContext: CoreRequestContextStorage
    /// The request as the site's middleware read it.
    public let site: WebContext
    public let user: User

    public init(context: WebContext) throws {
        guard let user = context.user else {
            throw HTTPError(.unauthorized, message: "Sign in to use this page.")
        }
        self.coreContext = context.coreContext
        self.site = context
        self.user = user
    }

    public var actor: Actor { Actor(user: user) }
    public var viewer: User? { user }
    public var language: Language { site.language }
    public var csrfToken: String { site.csrfToken }
    public var form: FormData { site.form }
    public var uploads: [String: Upload] { site.uploads }
    public var session: Session? { site.session }
    public var maxUploadSize: Int { site.maxUploadSize }
}

/// A file sent with a form.
public struct Upload: Sendable, Equatable {
    public var fileName: String
    public var data: Data
}

/// A form body (`application/x-www-form-urlencoded`). A field may repeat (checkboxes).
public struct FormData: Sendable, Equatable {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}

    public init(parsing body: String) throws {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw HTTPError(.badRequest, message: "The form could not be read: it is not valid URL encoding.")
            }
            fields.append((name, value))
        }
    }

    public subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    mutating func append(_ name: String, _ value: String) { fields.append((name, value)) }

    public func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    public static func == (lhs: FormData, rhs: FormData) -> Bool {
        lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }
}

extension Request {
    /// The query string read as a submitted GET form: `+` is a space, then %-escapes are decoded
    /// ("q=media+literacy" is "media literacy"). Hummingbird's `queryParameters` leaves `+` alone.
    var queryForm: FormData {
        (try? FormData(parsing: uri.query ?? "")) ?? FormData()
    }
}
