import Foundation
import Resolutions

/// The domain's services, made over one store with the clients they share: what the site, the
/// JSON API and the command line are given (the composition root, module App, makes it with the
/// concrete store, search index and clients).
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
    /// Runs queued jobs: a service of the server's group; tests and commands call `runPending`.
    public let jobRunner: JobRunner

    public init(store: any Store, searchIndex: any ActivitySearchIndex, clock: any WallClock = SystemClock(),
                ids: any IDGenerator = UUIDGenerator(), hasher: any PasswordHasher, blobs: (any BlobStore)? = nil,
                pdf: any PDFTextExtractor = Pdftotext(), iatiReportingOrg: String = IATI.placeholderReportingOrganization) {
        let board = JobBoard()
        let activities = ActivityService(store: store, clock: clock, ids: ids, iatiReportingOrg: iatiReportingOrg)
        let mandates = MandateService(store: store, clock: clock, ids: ids, blobs: blobs)
        let jobs = JobService(store: store, clock: clock, ids: ids, board: board)
        let imports = ActivityImports(activities: activities, jobs: jobs, blobs: blobs)
        self.clock = clock
        self.activities = activities
        self.mandates = mandates
        self.jobs = jobs
        self.activityImports = imports
        accounts = AccountService(store: store, clock: clock, ids: ids, hasher: hasher)
        auth = AuthService(store: store, clock: clock, ids: ids, hasher: hasher)
        reference = ReferenceService(store: store, clock: clock)
        audit = AuditService(store: store)
        resolutions = ResolutionService(store: store, clock: clock, ids: ids, mandates: mandates, pdf: pdf)
        calendar = CalendarService(store: store, clock: clock)
        matrix = MatrixService(store: store, clock: clock, activities: activities)
        search = ActivitySearchService(index: searchIndex)
        jobRunner = JobRunner(store: store, clock: clock, board: board, handlers: [imports])
    }
}
