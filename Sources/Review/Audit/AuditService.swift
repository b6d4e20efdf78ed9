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
}
