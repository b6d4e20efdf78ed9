import Foundation
import Resolutions

public protocol MandateRepository: Sendable {
    func insert(_ mandates: [Mandate]) async throws
    func mandate(id: String) async throws -> Mandate?
    /// Every mandate matching the filter, in resolution order.
    func mandates(_ filter: MandateFilter) async throws -> [Mandate]
    func count(resolutionID: String) async throws -> Int
    /// Replaces the mandate's row if its version is still `expectedVersion`; false when someone changed it meanwhile.
    func update(_ mandate: Mandate, expectedVersion: Int) async throws -> Bool
    func insert(_ update: MandateUpdate) async throws
    func updates(mandateID: String) async throws -> [MandateUpdate]
    /// Every update, by mandate and in order.
    func allUpdates() async throws -> [MandateUpdate]

    func actors() async throws -> [MandateActor]
    func insert(_ actor: MandateActor) async throws

    func insert(_ evidence: StoredEvidence) async throws
    func evidence(id: String) async throws -> StoredEvidence?
    /// Every file kept as evidence for the mandate, oldest first.
    func evidence(mandateID: String) async throws -> [StoredEvidence]

    /// The periods of recurring work that have been reported on, for these mandates.
    func occurrences(mandateIDs: [String]) async throws -> [Occurrence]
    func save(_ occurrence: Occurrence) async throws
}

extension MandateRepository {
    /// The actor registry's names by code.
    public func actorNames() async throws -> [String: String] {
        Dictionary(try await actors().map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
