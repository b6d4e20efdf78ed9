import App
import Foundation
import Logging
import PostgresNIO
import Review
import SQLKit
import Storage
import Web

/// The databases the Storage and Web suites run on: SQLite always, PostgreSQL when
/// `WSIS_TEST_DATABASE_URL` names a server (`.ci/run` sets it).
public enum TestDatabase: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// The databases to run on in this environment.
    public static var available: [TestDatabase] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresURL: String? {
        let value = ProcessInfo.processInfo.environment["WSIS_TEST_DATABASE_URL"]
        return (value?.isEmpty ?? true) ? nil : value
    }

    static let logger: Logger = {
        var logger = Logger(label: "wsis-tests")
        logger.logLevel = .error
        return logger
    }()

    /// A fresh, empty database of this kind, migrated, for one test; removed afterwards.
    public func withBackend<T>(migrated: Bool = true, _ body: (any DatabaseBackend) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsis-test-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let backend = try await openDatabase(.sqlite(path: folder.appendingPathComponent("test.sqlite").path), logger: Self.logger)
            return try await run(backend, migrated: migrated, body)
        case .postgres:
            let server = try PostgresURL(Self.postgresURL!)
            let name = "wsis_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await Self.admin(server, "CREATE DATABASE \(name)")
            do {
                let backend = try await openDatabase(.postgres(server.with(database: name)), logger: Self.logger)
                let result = try await run(backend, migrated: migrated, body)
                await Self.drop(name, on: server)
                return result
            } catch {
                await Self.drop(name, on: server)
                throw error
            }
        }
    }

    private func run<T>(_ backend: any DatabaseBackend, migrated: Bool, _ body: (any DatabaseBackend) async throws -> T) async throws -> T {
        do {
            if migrated { try await Migrations.migrate(backend) }
            let result = try await body(backend)
            try await backend.close()
            return result
        } catch {
            try? await backend.close()
            throw error
        }
    }

    /// Removes a test's database. The server's autovacuum may be visiting it (and the test role may
    /// not end that process), so this tries a few times; a database left behind is the throwaway
    /// cluster's to lose, not a failure of the test.
    private static func drop(_ name: String, on server: PostgresURL) async {
        for attempt in 0..<5 {
            if (try? await admin(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")) != nil { return }
            try? await Task.sleep(for: .milliseconds(200 * (attempt + 1)))
        }
    }

    /// Runs one statement on the server's maintenance connection (CREATE/DROP DATABASE cannot run in a transaction).
    private static func admin(_ url: PostgresURL, _ sql: String) async throws {
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: .disable
        )
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// A platform over a fresh test database with reference data loaded, a pinned clock and fast hashing.
public struct TestPlatform: Sendable {
    public let platform: Platform
    public let clock: FixedClock

    public static let epoch = Date(timeIntervalSince1970: 1_780_000_000) // 2026-05-28

    public static func with<T>(_ database: TestDatabase, loadReferenceData: Bool = true,
                               _ body: (TestPlatform) async throws -> T) async throws -> T {
        try await database.withBackend { backend in
            let clock = FixedClock(epoch)
            let blobs = FileManager.default.temporaryDirectory.appendingPathComponent("wsis-blobs-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: blobs) }
            let platform = Platform(backend: backend, clock: clock, hasher: BcryptHasher(cost: 4), blobs: FileBlobStore(directory: blobs))
            if loadReferenceData {
                try await platform.reference.loadIfEmpty()
                try await platform.calendar.seedIfEmpty()
            }
            try await platform.warmUp()
            return try await body(TestPlatform(platform: platform, clock: clock))
        }
    }

    /// Registers an organization (a government of Kenya unless told otherwise).
    public func makeOrganization(_ name: String, type: StakeholderType = .government, country: String? = "KEN") async throws -> Organization {
        try await platform.accounts.createOrganization(
            NewOrganization(name: name, stakeholderType: type.rawValue, country: country, ituMembership: "none"), by: Actor(system: "test"))
    }

    /// Creates an account with the given roles and returns it as the services name who acts.
    public func makeActor(_ email: String, _ roles: Role...) async throws -> Actor {
        Actor(user: try await makeUser(email, roles: roles).user)
    }

    /// Creates an account with the given roles and returns it with its password.
    @discardableResult
    public func makeUser(_ email: String, roles: [Role], organizationID: String? = nil) async throws -> (user: User, password: String) {
        let password = "correct horse battery \(email)"
        let (user, _) = try await platform.accounts.createUser(
            NewUser(name: email.components(separatedBy: "@")[0], email: email, organizationID: organizationID,
                    roles: roles.map(\.rawValue), password: password),
            by: Actor(system: "test")
        )
        return (user, password)
    }
}

/// Where the shared reference material lives (`../shared` beside the project), if present.
public enum SharedFolder {
    /// Why a test that compares with it is skipped.
    public static let absent = "../shared is absent, so the project cannot be compared with the shared reference material"

    public static var url: URL? {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { folder.deleteLastPathComponent() }  // the file, TestSupport, Tests
        let shared = folder.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
    }
}
