import Hummingbird
import Review

/// Who may use a route.
public enum Access: Sendable, Equatable {
    /// Anyone, signed in or not: what is public.
    case everyone
    /// Any signed-in person.
    case signedIn
    /// Signed-in people holding one of these roles (administrators hold every role).
    case roles(Set<Role>)

    public func allows(_ user: User?) -> Bool {
        switch self {
        case .everyone: true
        case .signedIn: user != nil
        case .roles(let roles): user.map { user in roles.contains { user.has($0) } } ?? false
        }
    }

    static let staff = Access.roles([.secretariat])
    static let administrators = Access.roles([.administrator])
}

/// Every route of the site with who may use it, declared per group. The router refuses to
/// serve a route that is not declared here (`PermissionMiddleware`), and a test walks this
/// table with every role and checks that every registered route is in it.
public enum SiteMap {
    public struct Entry: Sendable, Equatable {
        public var method: HTTPRequest.Method
        public var path: String
        public var access: Access
        /// True for the JSON API (problem+json, bearer tokens), false for pages.
        public var isAPI: Bool
        /// True where a document is uploaded: the larger upload limit applies.
        public var acceptsUploads = false
    }

    static func group(_ access: Access, api: Bool = false, uploads: Bool = false, _ routes: [(HTTPRequest.Method, String)]) -> [Entry] {
        routes.map { Entry(method: $0.0, path: RouterPath($0.1).description, access: access, isAPI: api, acceptsUploads: uploads) }
    }

    public static let entries: [Entry] =
        group(.everyone, [
            (.get, "/"), (.get, "/sdgs"), (.get, "/sdgs/:goal"), (.get, "/action-lines"), (.get, "/matrix"),
            (.get, "/sign-in"), (.post, "/sign-in"),
            (.get, "/healthz"), (.get, "/metrics"), (.get, "/openapi.yaml"), (.get, "/assets/:name"),
        ])
        + group(.signedIn, [
            (.get, "/profile"), (.post, "/profile/password"), (.post, "/profile/tokens"), (.post, "/sign-out"),
        ])
        + group(.staff, [
            (.get, "/admin/organizations"), (.post, "/admin/organizations"),
            (.get, "/admin/users"), (.post, "/admin/users"), (.get, "/admin/users/:id"),
            (.post, "/admin/users/:id/roles"), (.post, "/admin/users/:id/password"),
        ])
        + group(.administrators, [(.get, "/admin/audit")])
        + group(.everyone, [(.get, "/resolutions"), (.get, "/resolutions/:id"), (.get, "/resolutions/:id/akn.xml")])
        + group(.staff, [(.get, "/resolutions/new"), (.post, "/resolutions/:id/confirm"), (.post, "/resolutions/:id/corrections")])
        + group(.staff, uploads: true, [(.post, "/resolutions")])
        + group(.everyone, [(.get, "/mandates"), (.get, "/mandates/:id"), (.get, "/resolutions/:id/mandates"),
                            (.get, "/mandates.csv"), (.get, "/mandates.json"), (.get, "/mandates-updates.csv")])
        + group(.staff, [(.get, "/mandates/import"), (.post, "/mandates/actors")])
        + group(.everyone, [(.get, "/mandates/actors")])
        + group(.staff, uploads: true, [(.post, "/mandates/import")])
        + group(.signedIn, uploads: true, [(.post, "/mandates/:id/updates")])
        + group(.everyone, [(.get, "/evidence/:id")])
        + group(.staff, [(.post, "/mandates/:id/decision"), (.post, "/resolutions/:id/mandates/accept-all")])
        + group(.everyone, [(.get, "/calendar"), (.get, "/calendar.ics"), (.get, "/calendar/actors/:code/feed.ics")])
        + group(.staff, [(.post, "/calendar"), (.post, "/calendar/milestones/:key")])
        + group(.everyone, api: true, [(.get, "/api/v1/mandates"), (.get, "/api/v1/mandates/:id"), (.get, "/api/v1/calendar"),
                                       (.get, "/api/v1/mandate-actors")])
        + group(.staff, api: true, [(.post, "/api/v1/mandate-actors")])
        + group(.staff, api: true, [(.post, "/api/v1/calendar"), (.put, "/api/v1/calendar/:key")])
        + group(.staff, api: true, uploads: true, [(.post, "/api/v1/mandate-updates/import")])
        + group(.signedIn, api: true, uploads: true, [(.post, "/api/v1/mandates/:id/evidence")])
        + group(.signedIn, api: true, [(.post, "/api/v1/mandates/:id/updates")])
        + group(.staff, api: true, [(.post, "/api/v1/mandates/:id/decision")])
        + group(.everyone, [(.get, "/activities"), (.get, "/activities/:id"), (.get, "/activities.csv"), (.get, "/activities.json"),
                            (.get, "/activities.xml"), (.get, "/activities/fields.csv")])
        + group(.signedIn, [(.get, "/activities/new"), (.post, "/activities"), (.get, "/activities/queue"), (.get, "/activities/:id/edit"),
                            (.post, "/activities/:id/edit"), (.post, "/activities/:id/transitions"), (.post, "/activities/:id/comments")])
        + group(.staff, [(.get, "/activities/import"), (.get, "/activities/import/jobs/:id"), (.post, "/matrix/changes")])
        + group(.staff, uploads: true, [(.post, "/activities/import")])
        + group(.everyone, api: true, [(.get, "/api/v1/activities"), (.get, "/api/v1/activities/:id"), (.get, "/api/v1/matrix/changes")])
        + group(.signedIn, api: true, [(.post, "/api/v1/activities"), (.put, "/api/v1/activities/:id"),
                                       (.post, "/api/v1/activities/:id/transitions"), (.post, "/api/v1/activities/:id/comments")])
        + group(.staff, api: true, uploads: true, [(.post, "/api/v1/activities-import")])
        + group(.staff, api: true, [(.post, "/api/v1/matrix/changes")])
        + group(.everyone, api: true, [(.get, "/api/v1/resolutions"), (.get, "/api/v1/resolutions/:id")])
        + group(.staff, api: true, [(.post, "/api/v1/resolutions/:id/confirm"), (.post, "/api/v1/resolutions/:id/corrections")])
        + group(.staff, api: true, uploads: true, [(.post, "/api/v1/resolutions")])
        + group(.everyone, api: true, [
            (.get, "/api/v1/sdgs"), (.get, "/api/v1/action-lines"), (.get, "/api/v1/matrix"), (.get, "/api/v1/countries"),
        ])
        + group(.signedIn, api: true, [(.get, "/api/v1/me")])
        + group(.staff, api: true, [
            (.get, "/api/v1/organizations"), (.post, "/api/v1/organizations"),
            (.get, "/api/v1/users"), (.post, "/api/v1/users"),
        ])
        + group(.administrators, api: true, [(.get, "/api/v1/audit"), (.get, "/api/v1/audit/verification")])

    private static let index: [String: Entry] = Dictionary(
        entries.map { ("\($0.method) \($0.path)", $0) }, uniquingKeysWith: { first, _ in first }
    )

    /// The declared entry for a matched route, by the router's path of it.
    public static func entry(method: HTTPRequest.Method, endpoint: String) -> Entry? {
        index["\(method) \(endpoint)"]
    }

    /// Whether a path belongs to the JSON API (for error formatting before a route matched).
    public static func isAPIPath(_ path: String) -> Bool { path == "/api" || path.hasPrefix("/api/") }
}
