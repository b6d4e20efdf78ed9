import Foundation

/// The repositories of one unit of work. Everything read or written through one value of this
/// type happens in one database session; inside `Store.write` it is one transaction. Each
/// capability's repository protocol lives in that capability's folder; this names them together.
public protocol Repositories: Sendable {
    var accounts: any AccountRepository { get }
    var sessions: any SessionRepository { get }
    var audit: any AuditRepository { get }
    var reference: any ReferenceRepository { get }
    var resolutions: any ResolutionRepository { get }
    var mandates: any MandateRepository { get }
    var calendar: any CalendarRepository { get }
    var activities: any ActivityRepository { get }
    var matrix: any MatrixRepository { get }
    var jobs: any JobRepository { get }
}

/// The unit of work. `write` commits everything its closure did, or nothing if it throws.
public protocol Store: Sendable {
    /// Whether a write may run while another transaction writes (PostgreSQL), rather than wait
    /// for it to end (SQLite has one writer at a time).
    var concurrentWriters: Bool { get }
    func read<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T
    func write<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T
    /// A write that adds many rows at once (an import): one transaction like `write`, in which the
    /// store may index the rows in a way of its own (FTS5 merges its segments less often) and is
    /// back to its usual ways when the transaction ends, committed or not.
    func bulkWrite<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T
}
