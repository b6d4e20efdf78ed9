import Foundation

/// The audit trail, read.
public struct AuditService: Sendable {
    let store: any Store

    public init(store: any Store) { self.store = store }

    public func verify() async throws -> AuditVerification {
        try await store.read { try await AuditTrail.verify(in: $0) }
    }

    public func search(_ filter: AuditFilter, limit: Int = 200) async throws -> [AuditRecord] {
        try await store.read { try await $0.audit.search(filter, limit: limit) }
    }

    /// The trail's page, read in one session: whether the chain holds, and the records the filter lets
    /// through (none when `filter` is nil: a filter the reader got wrong shows no records).
    public func page(_ filter: AuditFilter?, limit: Int = 500) async throws -> (verification: AuditVerification, records: [AuditRecord]) {
        try await store.read { repositories in
            let records = if let filter { try await repositories.audit.search(filter, limit: limit) } else { [AuditRecord]() }
            return (try await AuditTrail.verify(in: repositories), records)
        }
    }
}
