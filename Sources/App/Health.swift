import Foundation
import Storage
import Synchronization
import Web

/// Whether the start-up work is done (the search index read): `/healthz` answers 503 until it is,
/// so a load balancer sends no search to a server still reading a million activities.
final class Readiness: Sendable {
    private let ready = Atomic<Bool>(false)

    func markReady() { ready.store(true, ordering: .releasing) }
    var isReady: Bool { ready.load(ordering: .acquiring) }
}

/// The platform's health as `/healthz` tells it: the database answers, the start-up work is done.
struct DatabaseHealth: HealthCheck {
    let backend: any DatabaseBackend
    let readiness: Readiness

    var database: String { backend.kind.rawValue }

    func check() async -> Health {
        guard (try? await backend.ping()) != nil else { return .unavailable }
        return readiness.isReady ? .ok : .starting
    }
}
