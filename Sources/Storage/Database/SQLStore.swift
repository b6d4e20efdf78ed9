import Foundation
import Review
import SQLKit

/// The `Store` of the platform over SQLite or PostgreSQL.
public struct SQLStore: Store {
    public let backend: any DatabaseBackend

    public init(backend: any DatabaseBackend) {
        self.backend = backend
    }

    public var concurrentWriters: Bool { backend.kind == .postgres }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T {
        let kind = backend.kind
        return try await backend.withReader { db in try await work(SQLRepositories(db: db, kind: kind)) }
    }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T {
        let kind = backend.kind
        return try await backend.withTransaction { db in try await work(SQLRepositories(db: db, kind: kind)) }
    }

    public func bulkWrite<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T {
        let kind = backend.kind
        return try await backend.withTransaction { db in
            let activities = SQLActivityRepository(db: db, kind: kind)
            try await activities.beginBulkLoad()
            let result = try await work(SQLRepositories(db: db, kind: kind))
            try await activities.endBulkLoad()
            return result
        }
    }
}

struct SQLRepositories: Repositories {
    let db: any SQLDatabase
    let kind: DatabaseKind

    var accounts: any AccountRepository { SQLAccountRepository(db: db) }
    var sessions: any SessionRepository { SQLSessionRepository(db: db) }
    var audit: any AuditRepository { SQLAuditRepository(db: db, kind: kind) }
    var reference: any ReferenceRepository { SQLReferenceRepository(db: db) }
    var resolutions: any ResolutionRepository { SQLResolutionRepository(db: db) }
    var mandates: any MandateRepository { SQLMandateRepository(db: db, kind: kind) }
    var calendar: any CalendarRepository { SQLCalendarRepository(db: db, kind: kind) }
    var activities: any ActivityRepository { SQLActivityRepository(db: db, kind: kind) }
    var matrix: any MatrixRepository { SQLMatrixRepository(db: db) }
    var jobs: any JobRepository { SQLJobRepository(db: db, kind: kind) }
}

/// Small helpers shared by the repositories.
extension SQLRow {
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
    func int(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func flag(_ column: String) throws -> Bool { try decode(column: column, as: Int.self) != 0 }
    func date(_ column: String) throws -> Date {
        let text = try string(column)
        guard let date = Timestamp.date(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(column) holds \(text), not a time"))
        }
        return date
    }
}

/// A bound value, or SQL NULL for nil.
func bindOrNull(_ value: String?) -> any SQLExpression {
    value.map { SQLBind($0) } ?? SQLLiteral.null
}

/// Replaces a row's columns if its version is still `expectedVersion`; false when someone changed it
/// meanwhile. On PostgreSQL the row is locked first, so that of two writers the second waits and then
/// sees the first's version (SQLite has one writer at a time).
func updateVersioned(_ db: any SQLDatabase, _ kind: DatabaseKind, table: String, key: (column: String, value: String),
                     expectedVersion: Int, columns: [String], values: [any SQLExpression]) async throws -> Bool {
    let lock = kind == .postgres ? " FOR UPDATE" : ""
    guard let current = try await db.row(
        "SELECT version FROM \(ident: table) WHERE \(ident: key.column) = \(bind: key.value)\(unsafeRaw: lock)"),
          try current.int("version") == expectedVersion else { return false }
    var update = db.update(table)
    for (column, value) in zip(columns, values) where column != key.column {
        update = update.set(SQLIdentifier(column), to: value)
    }
    try await update.where(SQLIdentifier(key.column), .equal, SQLBind(key.value)).run()
    return true
}

/// Inserts rows in batches that stay well under both engines' limit on bound parameters.
/// `bindings` caps the values bound per statement (SQLite allows 32,766, PostgreSQL 65,535); bulk
/// writes use large statements, because each statement into FTS5 flushes its pending terms.
func insertRows(_ db: any SQLDatabase, into table: String, columns: [String], rows: [[any SQLExpression]], bindings: Int = 2000) async throws {
    for range in statementRanges(rows.count, columns: columns.count, bindings: bindings) {
        var builder = db.insert(into: table).columns(columns)
        for row in rows[range] {
            builder = builder.values(row)
        }
        try await builder.run()
    }
}

/// The rows each statement of a batched insert takes, so that it binds at most `bindings` values.
private func statementRanges(_ count: Int, columns: Int, bindings: Int) -> [Range<Int>] {
    let perStatement = max(1, bindings / max(columns, 1))
    return stride(from: 0, to: count, by: perStatement).map { $0..<min($0 + perStatement, count) }
}

/// A value for a bulk insert: bound as it is on SQLite's writer (`SQLiteWriterDatabase`), through
/// SQLKit elsewhere.
enum PlainValue: Sendable {
    case integer(Int)
    case text(String)
    case null

    init(_ text: String?) {
        self = text.map { .text($0) } ?? .null
    }

    var expression: any SQLExpression {
        switch self {
        case .integer(let number): SQLBind(number)
        case .text(let text): SQLBind(text)
        case .null: SQLLiteral.null
        }
    }
}

/// `insertRows` for rows of plain values, around SQLKit on SQLite's writer.
func insertPlainRows(_ db: any SQLDatabase, into table: String, columns: [String], rows: [[PlainValue]], bindings: Int = 2000) async throws {
    guard let writer = db as? SQLiteWriterDatabase else {
        try await insertRows(db, into: table, columns: columns, rows: rows.map { $0.map(\.expression) }, bindings: bindings)
        return
    }
    for range in statementRanges(rows.count, columns: columns.count, bindings: bindings) {
        try await writer.insert(into: table, columns: columns, rows: rows[range])
    }
}

extension SQLDatabase {
    /// Runs a query and returns its rows.
    func rows(_ query: SQLQueryString) async throws -> [any SQLRow] {
        try await raw(query).all()
    }

    /// Runs a query and returns its first row, if any.
    func row(_ query: SQLQueryString) async throws -> (any SQLRow)? {
        try await raw(query).first()
    }
}

extension DatabaseBackend {
    /// Asks the database for one trivial answer: is it there?
    public func ping() async throws {
        try await withReader { db in try await db.raw("SELECT 1").run() }
    }
}
