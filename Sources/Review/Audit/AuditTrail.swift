import Crypto
import Foundation

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
