import Foundation
import Review

/// Whether the platform can answer (`/healthz`), and on which database (`sqlite` or `postgres`).
public protocol HealthCheck: Sendable {
    var database: String { get }
    func check() async -> Health
}

public enum Health: String, Sendable, Equatable {
    case ok
    /// Start-up work (reading the search index) is still going on.
    case starting
    /// The database does not answer.
    case unavailable
}
