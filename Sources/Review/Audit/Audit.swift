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

/// What `AuditTrail.verify` found.
public enum AuditVerification: Sendable, Equatable {
    case intact(records: Int)
    /// The first record whose hash or link does not match, and why.
    case broken(sequence: Int64, reason: String)
}

/// Writes and checks the audit trail. Services call `record` inside the same transaction as the change.
public struct AuditTrail: Sendable {
    public static let genesisHash = String(repeating: "0", count: 64)

    let clock: any WallClock

    public init(clock: any WallClock) {
        self.clock = clock
    }

    public func record(
        in repositories: any Repositories,
        actor: Actor,
        action: String,
        objectType: String,
        objectID: String,
        before: (some Encodable)?,
        after: (some Encodable)?
    ) async throws {
        let head = try await repositories.audit.lockHead()
        var record = AuditRecord(
            sequence: (head?.sequence ?? 0) + 1,
            at: clock.now(),
            actor: actor.label,
            action: action,
            objectType: objectType,
            objectID: objectID,
            beforeDigest: try Self.digest(before),
            afterDigest: try Self.digest(after),
            previousHash: head?.hash ?? Self.genesisHash,
            hash: ""
        )
        record.hash = record.expectedHash
        try await repositories.audit.append(record)
    }

    /// Walks the whole chain in pages and names the first broken link.
    public static func verify(in repositories: any Repositories, pageSize: Int = 1000) async throws -> AuditVerification {
        var previousHash = genesisHash
        var expectedSequence: Int64 = 1
        var count = 0
        while true {
            let page = try await repositories.audit.records(after: expectedSequence - 1, limit: pageSize)
            if page.isEmpty { break }
            for record in page {
                if record.sequence != expectedSequence {
                    return .broken(sequence: expectedSequence, reason: "record \(expectedSequence) is missing")
                }
                if record.previousHash != previousHash {
                    return .broken(sequence: record.sequence, reason: "it does not link to the record before it")
                }
                if record.hash != record.expectedHash {
                    return .broken(sequence: record.sequence, reason: "its content does not match its hash")
                }
                previousHash = record.hash
                expectedSequence += 1
                count += 1
            }
        }
        return .intact(records: count)
    }

    static func digest(_ value: (some Encodable)?) throws -> String {
        guard let value else { return "" }
        return sha256(try Timestamp.jsonEncoder().encode(value))
    }

    public static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

/// Placeholder for "no object" in `AuditTrail.record`'s before/after arguments.
public struct Nothing: Encodable, Sendable {}
public extension Optional where Wrapped == Nothing {
    static var nothing: Nothing? { nil }
}
