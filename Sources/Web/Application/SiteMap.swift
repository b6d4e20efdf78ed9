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
        /// True for a page shown in the reader's language (`SiteURL.isLocalized`).
        public var isLocalized = false
    }

    static func group(_ access: Access, api: Bool = false, uploads: Bool = false, _ routes: [(HTTPRequest.Method, String)]) -> [Entry] {
        routes.map { Entry(method: $0.0, path: RouterPath($0.1).description, access: access, isAPI: api, acceptsUploads: uploads) }
    }

    /// Pages and files, by their `SiteURL` with parameters as `:name`.
    static func pages(_ access: Access, uploads: Bool = false, _ routes: [(HTTPRequest.Method, SiteURL)]) -> [Entry] {
        routes.map { method, url in
            Entry(method: method, path: RouterPath(url.canonicalPath).description, access: access, isAPI: false, acceptsUploads: uploads,
                  isLocalized: url.isLocalized)
        }
    }

    public static let entries: [Entry] =
        pages(.everyone, [
            (.get, .home), (.get, .goals), (.get, .goal(":goal")), (.get, .actionLines), (.get, .matrix),
            (.get, .signIn), (.post, .signIn),
            (.get, .healthz), (.get, .metrics), (.get, .openAPI), (.get, .asset(":name")),
        ])
        + pages(.signedIn, [(.get, .profile), (.post, .profilePassword), (.post, .profileTokens), (.post, .signOut)])
        + pages(.staff, [
            (.get, .organizations), (.post, .organizations),
            (.get, .users), (.post, .users), (.get, .user(":id")), (.post, .userRoles(":id")), (.post, .userPassword(":id")),
        ])
        + pages(.administrators, [(.get, .audit)])
        + pages(.everyone, [(.get, .resolutions), (.get, .resolution(":id")), (.get, .resolutionAKN(":id")),
                            (.get, .resolutionLanguages(":id"))])
        + pages(.staff, [(.get, .newResolution), (.post, .resolutionConfirmation(":id")), (.post, .resolutionCorrections(":id"))])
        + pages(.staff, uploads: true, [(.post, .resolutions)])
        + pages(.everyone, [(.get, .mandates), (.get, .mandate(":id")), (.get, .board(":id")),
                            (.get, .mandatesCSV), (.get, .mandatesJSON), (.get, .mandateUpdatesCSV)])
        + pages(.staff, [(.get, .mandateImport), (.post, .mandateActors)])
        + pages(.everyone, [(.get, .mandateActors)])
        + pages(.staff, uploads: true, [(.post, .mandateImport)])
        + pages(.signedIn, uploads: true, [(.post, .mandateUpdates(":id"))])
        + pages(.everyone, [(.get, .evidence(":id"))])
        + pages(.staff, [(.post, .mandateDecision(":id")), (.post, .boardAcceptAll(":id"))])
        + pages(.everyone, [(.get, .calendar), (.get, .calendarFeed), (.get, .actorFeed(":code"))])
        + pages(.staff, [(.post, .calendar), (.post, .milestone(":key"))])
        + pages(.everyone, [(.get, .activities), (.get, .activity(":id")), (.get, .activitiesCSV), (.get, .activitiesJSON),
                            (.get, .activitiesIATI), (.get, .activityFields)])
        + pages(.signedIn, [(.get, .newActivity), (.post, .activities), (.get, .activityQueue), (.get, .activityEdit(":id")),
                            (.post, .activityEdit(":id")), (.post, .activityTransitions(":id")), (.post, .activityComments(":id"))])
        + pages(.staff, [(.get, .activityImport), (.get, .activityImportJob(":id")), (.post, .matrixChanges)])
        + pages(.staff, uploads: true, [(.post, .activityImport)])
        // The JSON API: the paths of openapi.yaml.
        + group(.everyone, api: true, [(.get, "/api/v1/mandates"), (.get, "/api/v1/mandates/:id"), (.get, "/api/v1/calendar"),
                                       (.get, "/api/v1/mandate-actors")])
        + group(.staff, api: true, [(.post, "/api/v1/mandate-actors")])
        + group(.staff, api: true, [(.post, "/api/v1/calendar"), (.put, "/api/v1/calendar/:key")])
        + group(.staff, api: true, uploads: true, [(.post, "/api/v1/mandate-updates/import")])
        + group(.signedIn, api: true, uploads: true, [(.post, "/api/v1/mandates/:id/evidence")])
        + group(.signedIn, api: true, [(.post, "/api/v1/mandates/:id/updates")])
        + group(.staff, api: true, [(.post, "/api/v1/mandates/:id/decision")])
        + group(.everyone, api: true, [(.get, "/api/v1/activities"), (.get, "/api/v1/activities/:id"), (.get, "/api/v1/matrix/changes")])
        + group(.signedIn, api: true, [(.post, "/api/v1/activities"), (.put, "/api/v1/activities/:id"),
                                       (.post, "/api/v1/activities/:id/transitions"), (.post, "/api/v1/activities/:id/comments")])
        + group(.staff, api: true, uploads: true, [(.post, "/api/v1/activities-import")])
        + group(.staff, api: true, [(.post, "/api/v1/matrix/changes")])
        + group(.everyone, api: true, [(.get, "/api/v1/resolutions"), (.get, "/api/v1/resolutions/:id"), (.get, "/api/v1/resolutions/:id/alignment")])
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

    /// The declared entry for a matched route, by the router's path of it. HEAD is declared by GET:
    /// the router answers HEAD on every GET route.
    public static func entry(method: HTTPRequest.Method, endpoint: String) -> Entry? {
        index["\(method == .head ? .get : method) \(endpoint)"]
    }

    /// The entries whose path is this request path (`/mandates/abc` is `/mandates/{id}`'s).
    public static func entries(forPath path: String) -> [Entry] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return patterns.filter { pattern in
            pattern.segments.count == segments.count && zip(pattern.segments, segments).allSatisfy { expected, given in
                expected.hasPrefix(":") || expected.hasPrefix("{") || expected == given
            }
        }.map(\.entry)
    }

    /// What `Allow` says for a path: its methods, HEAD with GET. Empty for a path the site does not serve.
    public static func methods(forPath path: String) -> [HTTPRequest.Method] {
        let methods = Set(entries(forPath: path).map(\.method))
        return [.get, .head, .post, .put, .delete].filter { methods.contains($0) || ($0 == .head && methods.contains(.get)) }
    }

    private static let patterns: [(entry: Entry, segments: [Substring])] = entries.map {
        ($0, $0.path.split(separator: "/", omittingEmptySubsequences: true))
    }

    /// The open-data downloads and feeds (with the API's public reads, what another site's page may read).
    static let openData: Set<String> = Set([
        SiteURL.mandatesCSV, .mandatesJSON, .mandateUpdatesCSV, .calendarFeed, .actorFeed(":code"), .activitiesCSV, .activitiesJSON,
        .activitiesIATI, .activityFields, .resolutionAKN(":id"), .openAPI,
    ].map { RouterPath($0.canonicalPath).description })

    /// Whether a path is one of the open-data downloads or feeds (an error there is data, not a page).
    public static func isData(_ path: String) -> Bool { entries(forPath: path).contains { openData.contains($0.path) } }

    /// Whether a path (without a language prefix) is a page shown in the reader's language.
    public static func isLocalized(_ path: String) -> Bool { entries(forPath: path).contains(where: \.isLocalized) }

    /// Whether a path belongs to the JSON API (for error formatting before a route matched).
    public static func isAPIPath(_ path: String) -> Bool { path == "/api" || path.hasPrefix("/api/") }
}

extension SiteURL {
    /// The router's path of this address (its parameters given as `:name`).
    var route: RouterPath { RouterPath(canonicalPath) }
}
