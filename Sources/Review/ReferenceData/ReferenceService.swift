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

    /// The SDGs, their targets, the Action Lines and the Matrix's links, read together in one session
    /// (the reference pages show them side by side).
    public func framework() async throws -> ReferenceFramework {
        try await store.read { try await ReferenceFramework(reading: $0.reference) }
    }

    /// The names a page shows for codes, in one read: countries, regions, Action Lines and goals.
    public func names() async throws -> ReferenceNames {
        try await store.read { try await ReferenceNames(reading: $0.reference) }
    }
}

/// Names for codes, in every language the reference data has, read together for one page.
public struct ReferenceNames: Sendable {
    public var countries: [String: Localized]
    public var regions: [String: Localized]
    public var actionLines: [String: Localized]
    /// Goals' short titles.
    public var goals: [Int: Localized]

    /// Reads them inside the caller's session.
    public init(reading reference: any ReferenceRepository) async throws {
        self.init(countries: try await reference.countries(), regions: try await reference.regions(),
                  actionLines: try await reference.actionLines(), goals: try await reference.goals())
    }

    public init(countries: [Country], regions: [Region], actionLines: [ActionLine], goals: [SDGGoal]) {
        self.countries = Dictionary(countries.map { ($0.alpha3, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.regions = Dictionary(regions.map { ($0.m49, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.actionLines = Dictionary(actionLines.map { ($0.code, $0.title) }, uniquingKeysWith: { first, _ in first })
        self.goals = Dictionary(goals.map { ($0.number, $0.shortTitle) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The frame the review's work is tagged against: the SDGs with their targets, the WSIS Action
/// Lines and the WSIS-SDG Matrix that links them.
public struct ReferenceFramework: Sendable {
    public var goals: [SDGGoal]
    public var targets: [SDGTarget]
    public var actionLines: [ActionLine]
    public var matrix: [MatrixLink]

    public init(goals: [SDGGoal], targets: [SDGTarget], actionLines: [ActionLine], matrix: [MatrixLink]) {
        self.goals = goals
        self.targets = targets
        self.actionLines = actionLines
        self.matrix = matrix
    }

    /// Reads it inside the caller's session.
    public init(reading reference: any ReferenceRepository) async throws {
        self.init(goals: try await reference.goals(), targets: try await reference.targets(goal: nil),
                  actionLines: try await reference.actionLines(), matrix: try await reference.matrixLinks())
    }
}
