import Foundation

public protocol CalendarRepository: Sendable {
    func milestones() async throws -> [Milestone]
    func milestone(key: String) async throws -> Milestone?
    func insert(_ milestones: [Milestone]) async throws
    /// Replaces the row if its version is still `expectedVersion`; false when someone changed it meanwhile.
    func update(_ milestone: Milestone, expectedVersion: Int) async throws -> Bool
}
