import Foundation

/// Reads the reference data and loads it on first start.
public struct ReferenceService: Sendable {
    let store: any Store
    let clock: any WallClock

    public init(store: any Store, clock: any WallClock) {
        self.store = store
        self.clock = clock
    }

    /// Loads the bundled reference data when the database has none yet. Returns true when it loaded.
    /// Data that is already there is left alone: later issues make parts of it editable (the matrix),
    /// and a new release's data arrives through a migration, not by overwriting edits.
    @discardableResult
    public func loadIfEmpty(directory: URL = ReferenceDataFiles.bundledDirectory) async throws -> Bool {
        if try await store.read({ try await $0.reference.loadedVersion() }) != nil { return false }
        let data = try ReferenceDataFiles.load(directory: directory)
        let version = try ReferenceDataFiles.version(directory: directory)
        let audit = AuditTrail(clock: clock)
        return try await store.write { repositories in
            guard try await repositories.reference.loadedVersion() == nil else { return false }
            try await repositories.reference.replaceAll(with: data, version: version, loadedAt: clock.now())
            try await audit.record(in: repositories, actor: Actor(system: "first-start"), action: "reference-data.load",
                                   objectType: "reference-data", objectID: version, before: .nothing,
                                   after: ["version": version])
            return true
        }
    }

    public func goals() async throws -> [SDGGoal] { try await store.read { try await $0.reference.goals() } }
    public func targets(goal: Int? = nil) async throws -> [SDGTarget] { try await store.read { try await $0.reference.targets(goal: goal) } }
    public func actionLines() async throws -> [ActionLine] { try await store.read { try await $0.reference.actionLines() } }
    public func matrix() async throws -> [MatrixLink] { try await store.read { try await $0.reference.matrixLinks() } }
    public func countries() async throws -> [Country] { try await store.read { try await $0.reference.countries() } }
    public func regions() async throws -> [Region] { try await store.read { try await $0.reference.regions() } }
}
