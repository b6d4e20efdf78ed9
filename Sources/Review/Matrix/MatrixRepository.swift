import Foundation

public protocol MatrixRepository: Sendable {
    func add(_ link: MatrixLink) async throws
    func remove(_ link: MatrixLink) async throws
    /// Newest first.
    func changes(limit: Int) async throws -> [MatrixChange]
    func append(_ change: MatrixChange) async throws -> Int
}
