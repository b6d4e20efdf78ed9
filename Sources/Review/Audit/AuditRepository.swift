import Foundation

public protocol AuditRepository: Sendable {
    /// The last record of the chain, locked until the transaction ends so that two writers
    /// cannot both append after it. Nil while the chain is empty.
    func lockHead() async throws -> AuditRecord?
    func append(_ record: AuditRecord) async throws
    /// Records in chain order, starting after `afterSequence`, at most `limit`.
    func records(after afterSequence: Int64, limit: Int) async throws -> [AuditRecord]
    /// Records newest first, filtered, at most `limit`.
    func search(_ filter: AuditFilter, limit: Int) async throws -> [AuditRecord]
}
