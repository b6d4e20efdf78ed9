import Foundation
import HummingbirdBcrypt
import Logging
import Review
import Storage

/// bcrypt, from hummingbird-auth.
public struct BcryptHasher: PasswordHasher {
    let cost: UInt8

    public init(cost: Int) { self.cost = UInt8(clamping: cost) }

    public func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }
    public func verify(_ password: String, against hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }
}

/// Everything the web, the API and the command line share: the store and the services over it.
public struct Platform: Sendable {
    public let backend: any DatabaseBackend
    public let store: any Store
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
    /// The search of published activities; it keeps facet counts in memory, so one per process.
    public let search: SQLActivitySearch
    /// Imports started from the web, running in the background.
    public let importJobs: ImportJobs

    public init(backend: any DatabaseBackend, clock: any WallClock = SystemClock(), ids: any IDGenerator = UUIDGenerator(),
                hasher: any PasswordHasher, blobs: (any BlobStore)? = nil) {
        let store = SQLStore(backend: backend)
        self.backend = backend
        self.store = store
        self.clock = clock
        self.accounts = AccountService(store: store, clock: clock, ids: ids, hasher: hasher)
        self.auth = AuthService(store: store, clock: clock, ids: ids, hasher: hasher)
        self.reference = ReferenceService(store: store, clock: clock)
        self.audit = AuditService(store: store)
        self.resolutions = ResolutionService(store: store, clock: clock, ids: ids)
        self.mandates = MandateService(store: store, clock: clock, ids: ids, blobs: blobs)
        self.calendar = CalendarService(store: store, clock: clock)
        self.activities = ActivityService(store: store, clock: clock, ids: ids)
        self.matrix = MatrixService(store: store, clock: clock)
        self.search = SQLActivitySearch(backend: backend)
        self.importJobs = ImportJobs(service: activities, store: store, clock: clock, ids: ids)
    }

    /// Opens the database the settings name, brings its schema up to date and loads the reference data.
    public static func open(_ settings: Settings, clock: any WallClock = SystemClock(), logger: Logger) async throws -> Platform {
        let backend = try await openDatabase(try location(settings), logger: logger)
        do {
            try await Migrations.migrate(backend)
            // Evidence files live beside the SQLite file, in the data folder, whichever the database.
            let blobs = FileBlobStore(directory: URL(fileURLWithPath: settings.dataDirectory).appendingPathComponent("blobs"))
            let platform = Platform(backend: backend, clock: clock, hasher: BcryptHasher(cost: settings.bcryptCost), blobs: blobs)
            try await platform.reference.loadIfEmpty()
            try await platform.calendar.seedIfEmpty()
            return platform
        } catch {
            try? await backend.close()
            throw error
        }
    }

    public static func location(_ settings: Settings) throws -> DatabaseLocation {
        if let url = settings.databaseURL {
            return .postgres(try PostgresURL(url))
        }
        return .sqlite(path: settings.sqlitePath)
    }

    public func close() async throws {
        try await backend.close()
    }
}
