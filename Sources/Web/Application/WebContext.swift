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
