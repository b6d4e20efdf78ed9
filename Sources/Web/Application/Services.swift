import Foundation
import Review

/// What the site and the API are given to work with: the domain's services, the search, the
/// background jobs and a way to tell whether the platform is healthy. Web knows them by these
/// types only; which database lies behind them is the composition root's business (module `App`).
public struct Services: Sendable {
    public let clock: any WallClock
    public let accounts: AccountService
    public let auth: AuthService
    public let reference: ReferenceService
    public let audit: AuditService
    public let resolutions: ResolutionService
    public let mandates: MandateService
    public let calendar: CalendarService
    public let activities: ActivityService
    public let matrix: MatrixService
    public let search: ActivitySearchService
    public let jobs: JobService
    public let activityImports: ActivityImports
    public let health: any HealthCheck

    public init(clock: any WallClock, accounts: AccountService, auth: AuthService, reference: ReferenceService, audit: AuditService,
                resolutions: ResolutionService, mandates: MandateService, calendar: CalendarService, activities: ActivityService,
                matrix: MatrixService, search: ActivitySearchService, jobs: JobService, activityImports: ActivityImports,
                health: any HealthCheck) {
        self.clock = clock
        self.accounts = accounts
        self.auth = auth
        self.reference = reference
        self.audit = audit
        self.resolutions = resolutions
        self.mandates = mandates
        self.calendar = calendar
        self.activities = activities
        self.matrix = matrix
        self.search = search
        self.jobs = jobs
        self.activityImports = activityImports
        self.health = health
    }
}

/// Whether the platform can answer: its database reachable, its start-up work done.
public protocol HealthCheck: Sendable {
    func check() async -> Health
}

public struct Health: Sendable, Equatable {
    /// `sqlite` or `postgres`.
    public var database: String
    public var databaseReachable: Bool
    /// False while start-up work (reading the search index) is still going on.
    public var ready: Bool

    public init(database: String, databaseReachable: Bool, ready: Bool) {
        self.database = database
        self.databaseReachable = databaseReachable
        self.ready = ready
    }
}
