import Foundation
import Review

/// Whether the platform can answer: its database reachable, its start-up work done.
public protocol HealthCheck: Sendable {
    func check() async -> Health
}

public struct Health: Sendable, Equatable {
    /// `sqlite` or `postgres`.
    public var database: String
    public var databaseReachable: Bool
    /// False while start-up work (reading the search index) is still going on.
    public var ready: Bool

    public init(database: String, databaseReachable: Bool, ready: Bool) {
        self.database = database
        self.databaseReachable = databaseReachable
        self.ready = ready
    }
}
