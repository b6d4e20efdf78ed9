import Foundation

public protocol SessionRepository: Sendable {
    func insert(_ session: Session) async throws
    func session(tokenHash: String) async throws -> Session?
    func deleteSession(tokenHash: String) async throws
    func deleteSessions(userID: String) async throws
    func deleteSessions(expiredBefore date: Date) async throws

    func insert(_ token: APIToken) async throws
    func apiToken(tokenHash: String) async throws -> APIToken?
    func apiTokens(userID: String) async throws -> [APIToken]

    func recordFailedSignIn(key: String, at date: Date) async throws
    func failedSignIns(key: String, since date: Date) async throws -> [Date]
    func clearFailedSignIns(key: String) async throws
}
