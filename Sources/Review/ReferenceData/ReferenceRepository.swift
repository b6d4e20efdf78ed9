import Foundation

public protocol ReferenceRepository: Sendable {
    /// The version of the reference data set that was loaded, nil before the first load.
    func loadedVersion() async throws -> String?
    func replaceAll(with data: ReferenceData, version: String, loadedAt: Date) async throws
    func goals() async throws -> [SDGGoal]
    func targets(goal: Int?) async throws -> [SDGTarget]
    func actionLines() async throws -> [ActionLine]
    func matrixLinks() async throws -> [MatrixLink]
    func countries() async throws -> [Country]
    func country(code: String) async throws -> Country?
    func regions() async throws -> [Region]
}
