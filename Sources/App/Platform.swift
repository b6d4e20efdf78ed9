import Foundation
import HummingbirdBcrypt
import Logging
import Review
import Storage
import Web

/// bcrypt, from hummingbird-auth.
public struct BcryptHasher: PasswordHasher {
    let cost: UInt8

    public init(cost: Int) { self.cost = UInt8(clamping: cost) }

    public func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }
    public func verify(_ password: String, against hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }
}

/// The composition root: the database the settings name, the stores and clients over it, and the
/// services made from them, as the web, the API, the command line and the tests use them.
@dynamicMemberLookup
public struct Platform: Sendable {
    public let backend: any DatabaseBackend
    public let store: any Store
    /// The services, as Web and the command line know them.
    public let services: Services
    /// Whether the database answers and the start-up work is done, for `/healthz`.
    public let health: any HealthCheck
    let readiness: Readiness

    public init(backend: any DatabaseBackend, clock: any WallClock = SystemClock(), ids: any IDGenerator = UUIDGenerator(),
                hasher: any PasswordHasher, blobs: (any BlobStore)? = nil, iatiReportingOrg: String = IATI.placeholderReportingOrganization) {
        let store = SQLStore(backend: backend)
        let readiness = Readiness()
        self.backend = backend
        self.store = store
        self.readiness = readiness
        self.health = DatabaseHealth(backend: backend, readiness: readiness)
        self.services = Services(store: store, searchIndex: SQLActivitySearch(backend: backend), clock: clock, ids: ids, hasher: hasher,
                                 blobs: blobs, iatiReportingOrg: iatiReportingOrg)
    }

    /// The services by name (`platform.mandates`), for the command line and the tests.
    public subscript<Service>(dynamicMember service: KeyPath<Services, Service>) -> Service {
        services[keyPath: service]
    }

    /// Opens the database the settings name, brings its schema up to date and loads the reference data.
    public static func open(_ settings: Settings, clock: any WallClock = SystemClock(), logger: Logger) async throws -> Platform {
        let backend = try await openDatabase(try location(settings), logger: logger)
        do {
            try await Migrations.migrate(backend)
            // Words indexed under an older rule of folding are made again, so that old rows and new queries agree.
            let renewed = try await SearchWords.renewIfTheRuleChanged(backend)
            if renewed > 0 {
                logger.notice("the search words of published activities were made again under the current rule",
                              metadata: ["activities": "\(renewed)", "rule": "\(SearchText.rule)"])
            }
            // Evidence files and uploaded imports live beside the SQLite file, in the data folder, whichever the database.
            let blobs = FileBlobStore(directory: URL(fileURLWithPath: settings.dataDirectory).appendingPathComponent("blobs"))
            let platform = Platform(backend: backend, clock: clock, hasher: BcryptHasher(cost: settings.bcryptCost), blobs: blobs,
                                    iatiReportingOrg: settings.iatiReportingOrg)
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

    /// Reads the search index (the facet counts of every published activity) and then says the
    /// platform is ready; returns how long it took.
    @discardableResult
    public func warmUp() async throws -> Duration {
        let started = ContinuousClock.now
        try await services.search.warmUp()
        readiness.markReady()
        return ContinuousClock.now - started
    }

    public func close() async throws {
        try await backend.close()
    }
}
