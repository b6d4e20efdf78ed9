import Crypto
import Foundation

/// One entry of the tamper-evident audit trail.
///
/// Each record carries the hash of the one before it and a hash over its own fields, so changing,
/// removing or inserting a row breaks the chain at that row (`AuditTrail.verify`).
public struct AuditRecord: Sendable, Equatable, Codable {
    public var sequence: Int64
    public var at: Date
    public var actor: String
    public var action: String
    public var objectType: String
    public var objectID: String
    /// SHA-256 of the object's canonical JSON before the change; empty when it did not exist.
    public var beforeDigest: String
    /// SHA-256 of the object's canonical JSON after the change; empty when it no longer exists.
    public var afterDigest: String
    public var previousHash: String
    public var hash: String

    public init(sequence: Int64, at: Date, actor: String, action: String, objectType: String, objectID: String,
                beforeDigest: String, afterDigest: String, previousHash: String, hash: String) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.beforeDigest = beforeDigest
        self.afterDigest = afterDigest
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash this record must carry, computed from its fields and the previous hash.
    public var expectedHash: String {
        let fields = [
            String(sequence), Timestamp.string(at), actor, action, objectType, objectID,
            beforeDigest, afterDigest, previousHash,
        ]
        // The unit separator cannot occur in any field, so the joined text is unambiguous.
        return AuditTrail.sha256(fields.joined(separator: "\u{1F}"))
    }
}

public struct AuditFilter: Sendable, Equatable {
    public var actor: String?
    public var action: String?
    public var objectType: String?
    public var from: Date?
    public var to: Date?

    public init(actor: String? = nil, action: String? = nil, objectType: String? = nil, from: Date? = nil, to: Date? = nil) {
        self.actor = actor
        self.action = action
        self.objectType = objectType
        self.from = from
        self.to = to
    }
}
