import Foundation

/// A first-in, first-out lock for async code: one writer at a time on a SQLite file (Storage), one
/// write at a time in the tests' in-memory store.
public actor AsyncLock {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    public func lock() async {
        if !locked {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    public func unlock() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    public func withLock<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        await lock()
        do {
            let result = try await work()
            unlock()
            return result
        } catch {
            unlock()
            throw error
        }
    }
}
