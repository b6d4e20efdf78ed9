import Foundation
import Resolutions

public protocol AccountRepository: Sendable {
    func insert(_ organization: Organization) async throws
    func organization(id: String) async throws -> Organization?
    func organization(named name: String) async throws -> Organization?
    func organizations() async throws -> [Organization]

    func insert(_ user: User, passwordHash: String) async throws
    func user(id: String) async throws -> User?
    func user(email: String) async throws -> User?
    func users() async throws -> [User]
    func userCount() async throws -> Int
    func passwordHash(userID: String) async throws -> String?
    func setRoles(userID: String, roles: Set<Role>) async throws
    func setLanguage(userID: String, language: Language) async throws
    func setPasswordHash(userID: String, hash: String) async throws
}
