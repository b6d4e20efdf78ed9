import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresKit
import PostgresNIO
import Review
import SQLKit
import SQLiteKit

/// Which database engine a store talks to.
public enum DatabaseKind: String, Sendable {
    case sqlite
    case postgres
}

/// Where the data lives: a SQLite file (the embedded default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    public var kind: DatabaseKind {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "SQLite at \(path)"
        case .postgres(let url): "PostgreSQL at \(url.host):\(url.port)/\(url.database)"
        }
    }
}

/// A `postgres://user:password@host:port/database?sslmode=…` URL, checked.
public struct PostgresURL: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// `disable` (the default), `prefer` or `require`.
    public var sslMode: String

    public init(_ text: String) throws {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql" else {
            throw StorageError.badURL("the database URL must start with postgres:// (got \(Self.redacted(text)))")
        }
        guard let host = components.host, !host.isEmpty else { throw StorageError.badURL("the database URL names no host") }
        guard let user = components.user, !user.isEmpty else { throw StorageError.badURL("the database URL names no user") }
        let database = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard !database.isEmpty else { throw StorageError.badURL("the database URL names no database") }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
        self.sslMode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable"
        guard ["disable", "prefer", "require"].contains(sslMode) else {
            throw StorageError.badURL("sslmode must be disable, prefer or require (got \(sslMode))")
        }
    }

    /// The URL with the password masked, for messages.
    public static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }

    /// The same server with another database name.
    public func with(database: String) -> PostgresURL {
        var copy = self
        copy.database = database
        return copy
    }
}

public enum StorageError: Error, CustomStringConvertible, Equatable {
    case badURL(String)
    case unreachable(String)
    case cannotOpen(String)
    case migration(String)

    public var description: String {
        switch self {
        case .badURL(let message), .unreachable(let message), .cannotOpen(let message), .migration(let message): message
        }
    }
}

/// The low-level way in: a session on the database, plain or in a transaction.
/// Everything above Storage goes through `Store` and the repositories instead.
public protocol DatabaseBackend: Sendable {
    var kind: DatabaseKind { get }
    func withReader<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func withTransaction<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func close() async throws
}

/// Opens the database at `location`; for SQLite it creates the file and its folder.
public func openDatabase(_ location: DatabaseLocation, logger: Logger) async throws -> any DatabaseBackend {
    switch location {
    case .sqlite(let path):
        return try await SQLiteBackend.open(path: path, logger: logger)
    case .postgres(let url):
        return try await PostgresBackend.connect(url, logger: logger)
    }
}

/// Runs `work` between BEGIN and COMMIT, rolling back if it throws.
func inTransaction<T: Sendable>(_ db: any SQLDatabase, begin: String, _ work: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
    try await db.raw(SQLQueryString(begin)).run()
    do {
        let result = try await work(db)
        try await db.raw("COMMIT").run()
        return result
    } catch {
        try? await db.raw("ROLLBACK").run()
        throw error
    }
}

/// SQLite: one connection for writes, serialised by a lock, and one for reads; WAL mode lets
/// readers go on while a write is in progress.
final class SQLiteBackend: DatabaseBackend {
    let kind = DatabaseKind.sqlite
    private let writer: SQLiteConnection
    private let reader: SQLiteConnection
    private let writeLock = AsyncLock()
    private let logger: Logger

    private init(writer: SQLiteConnection, reader: SQLiteConnection, logger: Logger) {
        self.writer = writer
        self.reader = reader
        self.logger = logger
    }

    static func open(path: String, logger: Logger) async throws -> SQLiteBackend {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StorageError.cannotOpen("\(folder) is a file, not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StorageError.cannotOpen("cannot create the data folder \(folder): \(Self.reason(error))")
            }
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw StorageError.cannotOpen("the data folder \(folder) is not writable")
        }
        do {
            let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000", "PRAGMA synchronous=NORMAL",
                           // 32 MB of cache for the one writer: large imports and the full-text index's merges spill less.
                           "PRAGMA cache_size=-32768"] {
                _ = try await writer.query(pragma, [])
            }
            let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            for pragma in ["PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000", "PRAGMA query_only=ON"] {
                _ = try await reader.query(pragma, [])
            }
            return SQLiteBackend(writer: writer, reader: reader, logger: logger)
        } catch {
            throw StorageError.cannotOpen("cannot open the database \(path): \(Self.reason(error))")
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? any Error {
            return "\(underlying.localizedDescription)"
        }
        return "\(error)"
    }

    func withReader<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await work(reader.sql())
    }

    func withTransaction<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let db = SQLiteWriterDatabase(base: writer.sql(), connection: writer)
        return try await writeLock.withLock {
            try await inTransaction(db, begin: "BEGIN IMMEDIATE", work)
        }
    }

    func close() async throws {
        try await writeLock.withLock {
            try await self.reader.close()
            try await self.writer.close()
        }
    }
}

/// The SQLite writer as SQLKit sees it, with a way around SQLKit for bulk inserts (`insertPlainRows`):
/// SQLKit encodes every bound value through `Encodable` and builds the statement's text piece by
/// piece, which for a million imported activities cost more than SQLite's own work.
struct SQLiteWriterDatabase: SQLDatabase {
    let base: any SQLDatabase
    let connection: SQLiteConnection

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await base.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// One statement: `INSERT INTO table (columns) VALUES (?, …), …` with the rows' values bound as they are.
    func insert(into table: String, columns: [String], rows: ArraySlice<[PlainValue]>) async throws {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ","))) VALUES " + Array(repeating: row, count: rows.count).joined(separator: ",")
        var binds: [SQLiteData] = []
        binds.reserveCapacity(rows.count * columns.count)
        for values in rows {
            for value in values {
                switch value {
                case .integer(let number): binds.append(.integer(number))
                case .text(let text): binds.append(.text(text))
                case .null: binds.append(.null)
                }
            }
        }
        _ = try await connection.query(sql, binds)
    }
}

/// PostgreSQL: a pool of connections (PostgresClient), each transaction on one leased connection.
final class PostgresBackend: DatabaseBackend {
    let kind = DatabaseKind.postgres
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    private init(client: PostgresClient) {
        self.client = client
        // Started at once (not scheduled), so the pool is running before the first connection is asked for.
        self.runner = Task.immediate { await client.run() }
    }

    static func connect(_ url: PostgresURL, logger: Logger) async throws -> PostgresBackend {
        // Try one connection first, with a deadline, so an unreachable server is one clear error
        // instead of a pool that waits for ever.
        try await probe(url, logger: logger)
        let tls: PostgresClient.Configuration.TLS
        switch url.sslMode {
        case "require": tls = .require(.makeClientConfiguration())
        case "prefer": tls = .prefer(.makeClientConfiguration())
        default: tls = .disable
        }
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls
        )
        configuration.options.maximumConnections = 16
        return PostgresBackend(client: PostgresClient(configuration: configuration, backgroundLogger: logger))
    }

    private static func probe(_ url: PostgresURL, logger: Logger) async throws {
        let connectionTLS: PostgresConnection.Configuration.TLS
        switch url.sslMode {
        case "require": connectionTLS = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case "prefer": connectionTLS = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default: connectionTLS = .disable
        }
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: connectionTLS
        )
        configuration.options.connectTimeout = .seconds(5)
        do {
            let connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 0, logger: logger
            ).get()
            try await connection.close()
        } catch let error as PSQLError {
            let detail = error.serverInfo?[.message] ?? error.underlying.map { "\($0)" } ?? "\(error.code)"
            throw StorageError.unreachable("cannot connect to PostgreSQL at \(url.host):\(url.port)/\(url.database): \(detail)")
        } catch {
            throw StorageError.unreachable("cannot connect to PostgreSQL at \(url.host):\(url.port)/\(url.database): \(error)")
        }
    }

    func withReader<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await work(connection.sql())
        }
    }

    func withTransaction<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await inTransaction(connection.sql(), begin: "BEGIN", work)
        }
    }

    func close() async throws {
        runner.cancel()
        _ = await runner.value
    }
}
