import Foundation

/// Every page and file of the site by its address: the one place a path is written. The router's
/// entries (`SiteMap`) are made from these with their parameters as `:name`
/// (`SiteURL.mandate(":id")` is the pattern `/mandates/:id`), and every link and redirect the site
/// writes is made from them with real values (`SiteURL.mandate(id).path`). The JSON API's paths are
/// those of `openapi.yaml`, its contract.
public enum SiteURL: Sendable, Hashable {
    // Public pages and machine endpoints.
    case home
    case goals
    case goal(String)
    case actionLines
    case healthz
    case metrics
    case openAPI
    case asset(String)

    // Accounts.
    case signIn
    case signOut
    case profile
    case profilePassword
    case profileTokens
    case organizations
    case users
    case user(String)
    case userRoles(String)
    case userPassword(String)
    case audit

    // Resolutions.
    case resolutions
    case newResolution
    case resolution(String)
    case resolutionAKN(String)
    /// A resolution beside another of its language versions (`?with=fr`).
    case resolutionLanguages(String)
    case resolutionConfirmation(String)
    case resolutionCorrections(String)

    // Mandates.
    case mandates
    case mandate(String)
    case mandateUpdates(String)
    case mandateDecision(String)
    case mandatesCSV
    case mandatesJSON
    case mandateUpdatesCSV
    case mandateImport
    case mandateActors
    case evidence(String)
    case board(String)
    case boardAcceptAll(String)

    // The calendar.
    case calendar
    case calendarFeed
    case actorFeed(String)
    case milestone(String)

    // The stocktaking registry.
    case activities
    case activity(String)
    case newActivity
    case activityQueue
    case activityEdit(String)
    case activityTransitions(String)
    case activityComments(String)
    case activityImport
    case activityImportJob(String)
    case activitiesCSV
    case activitiesJSON
    case activitiesIATI
    case activityFields

    // The WSIS-SDG Matrix.
    case matrix
    case matrixChanges

    /// The address as links and redirects give it: in the reader's language (`/fr/mandates`) when
    /// the request is in a language other than English and the address is a page (files, feeds and
    /// machine endpoints have one address for every language).
    public var path: String {
        isLocalized ? SiteLanguage.current.address(of: canonicalPath) : canonicalPath
    }

    /// Whether the address is a page shown in the reader's language (and so has one address per language).
    public var isLocalized: Bool {
        switch self {
        case .healthz, .metrics, .openAPI, .asset, .resolutionAKN, .mandatesCSV, .mandatesJSON, .mandateUpdatesCSV, .evidence, .calendarFeed,
             .actorFeed, .activitiesCSV, .activitiesJSON, .activitiesIATI, .activityFields:
            false
        default:
            true
        }
    }

    /// The address in no language, with its parameters as given (escaped for a path segment): what
    /// the router matches once a language prefix is taken off.
    public var canonicalPath: String {
        switch self {
        case .home: "/"
        case .goals: "/sdgs"
        case .goal(let goal): "/sdgs/\(Self.segment(goal))"
        case .actionLines: "/action-lines"
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .openAPI: "/openapi.yaml"
        case .asset(let name): "/assets/\(Self.segment(name))"

        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .profile: "/profile"
        case .profilePassword: "/profile/password"
        case .profileTokens: "/profile/tokens"
        case .organizations: "/admin/organizations"
        case .users: "/admin/users"
        case .user(let id): "/admin/users/\(Self.segment(id))"
        case .userRoles(let id): "/admin/users/\(Self.segment(id))/roles"
        case .userPassword(let id): "/admin/users/\(Self.segment(id))/password"
        case .audit: "/admin/audit"

        case .resolutions: "/resolutions"
        case .newResolution: "/resolutions/new"
        case .resolution(let id): "/resolutions/\(Self.segment(id))"
        case .resolutionAKN(let id): "/resolutions/\(Self.segment(id))/akn.xml"
        case .resolutionLanguages(let id): "/resolutions/\(Self.segment(id))/languages"
        case .resolutionConfirmation(let id): "/resolutions/\(Self.segment(id))/confirm"
        case .resolutionCorrections(let id): "/resolutions/\(Self.segment(id))/corrections"

        case .mandates: "/mandates"
        case .mandate(let id): "/mandates/\(Self.segment(id))"
        case .mandateUpdates(let id): "/mandates/\(Self.segment(id))/updates"
        case .mandateDecision(let id): "/mandates/\(Self.segment(id))/decision"
        case .mandatesCSV: "/mandates.csv"
        case .mandatesJSON: "/mandates.json"
        case .mandateUpdatesCSV: "/mandates-updates.csv"
        case .mandateImport: "/mandates/import"
        case .mandateActors: "/mandates/actors"
        case .evidence(let id): "/evidence/\(Self.segment(id))"
        case .board(let resolution): "/resolutions/\(Self.segment(resolution))/mandates"
        case .boardAcceptAll(let resolution): "/resolutions/\(Self.segment(resolution))/mandates/accept-all"

        case .calendar: "/calendar"
        case .calendarFeed: "/calendar.ics"
        case .actorFeed(let code): "/calendar/actors/\(Self.segment(code))/feed.ics"
        case .milestone(let key): "/calendar/milestones/\(Self.segment(key))"

        case .activities: "/activities"
        case .activity(let id): "/activities/\(Self.segment(id))"
        case .newActivity: "/activities/new"
        case .activityQueue: "/activities/queue"
        case .activityEdit(let id): "/activities/\(Self.segment(id))/edit"
        case .activityTransitions(let id): "/activities/\(Self.segment(id))/transitions"
        case .activityComments(let id): "/activities/\(Self.segment(id))/comments"
        case .activityImport: "/activities/import"
        case .activityImportJob(let id): "/activities/import/jobs/\(Self.segment(id))"
        case .activitiesCSV: "/activities.csv"
        case .activitiesJSON: "/activities.json"
        case .activitiesIATI: "/activities.xml"
        case .activityFields: "/activities/fields.csv"

        case .matrix: "/matrix"
        case .matrixChanges: "/matrix/changes"
        }
    }

    /// The address with a fragment (`#history`) after it.
    public func path(anchor: String) -> String { path + "#" + anchor }

    /// The address with a query (`?month=2027-01`), its names and values escaped, in the order given.
    public func path(query: KeyValuePairs<String, String>) -> String {
        var components = URLComponents()
        components.queryItems = query.map { URLQueryItem(name: $0.key, value: $0.value) }
        // `URLComponents` leaves `+` as it is, which a form decoder reads as a space.
        return path + "?" + (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    }

    /// A parameter as one path segment: a router pattern's `:name` as it is, anything else escaped.
    static func segment(_ value: String) -> String {
        if value.hasPrefix(":") { return value }
        return value.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? value
    }

    private static let segmentCharacters: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return allowed
    }()
}
