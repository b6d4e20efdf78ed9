import Foundation
import Logging
import ServiceLifecycle

/// The server's work besides answering requests, as a service of its service group: it reads the
/// search index while the server starts (`/healthz` says "starting" until it is read), and runs
/// queued jobs until the group shuts down. A job still running then is rolled back and runs again
/// when a server starts (`JobRunner.recover`).
public struct BackgroundWork: Service {
    let platform: Platform
    let logger: Logger

    public init(platform: Platform, logger: Logger) {
        self.platform = platform
        self.logger = logger
    }

    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [platform, logger] in
                do {
                    let took = try await cancelWhenGracefulShutdown { try await platform.warmUp() }
                    logger.info("the search index is read: ready", metadata: ["took": "\(took)"])
                } catch is CancellationError {
                } catch {
                    logger.error("the search index could not be read", metadata: ["error": "\(error)"])
                }
            }
            group.addTask { [platform, logger] in
                do {
                    let queuedAgain = try await platform.jobRunner.recover()
                    if queuedAgain > 0 { logger.notice("jobs left running by a stopped server are queued again", metadata: ["jobs": "\(queuedAgain)"]) }
                    try await cancelWhenGracefulShutdown {
                        try await platform.jobRunner.run { error in logger.error("a job could not be run", metadata: ["error": "\(error)"]) }
                    }
                } catch is CancellationError {
                } catch {
                    logger.error("the job runner stopped", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
