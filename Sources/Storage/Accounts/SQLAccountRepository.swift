import Foundation
import Resolutions
import Review
import SQLKit

struct SQLAccountRepository: AccountRepository {
    let db: any SQLDatabase

    private static let organizationColumns = "id, name, stakeholder_type, country, itu_membership, created_at"
    private static let userColumns = "id, name, email, organization_id, roles, created_at, language"

    func insert(_ organization: Organization) async throws {
        try await db.insert(into: "organizations")
            .columns("id", "name", "name_key", "stakeholder_type", "country", "itu_membership", "created_at")
            .values([
                SQLBind(organization.id), SQLBind(organization.name), SQLBind(Self.nameKey(organization.name)),
                SQLBind(organization.stakeholderType.rawValue), bindOrNull(organization.country),
                SQLBind(organization.ituMembership.rawValue), SQLBind(Timestamp.string(organization.createdAt)),
            ])
            .run()
    }

    func organization(id: String) async throws -> Organization? {
        try await db.row("SELECT \(unsafeRaw: Self.organizationColumns) FROM organizations WHERE id = \(bind: id)").map(Self.organization)
    }

    func organization(named name: String) async throws -> Organization? {
        try await db.row("SELECT \(unsafeRaw: Self.organizationColumns) FROM organizations WHERE name_key = \(bind: Self.nameKey(name))").map(Self.organization)
    }

    func organizations() async throws -> [Organization] {
        try await db.rows("SELECT \(unsafeRaw: Self.organizationColumns) FROM organizations ORDER BY name_key").map(Self.organization)
    }

    func insert(_ user: User, passwordHash: String) async throws {
        try await db.insert(into: "users")
            .columns("id", "name", "email", "organization_id", "roles", "password_hash", "created_at")
            .values([
                SQLBind(user.id), SQLBind(user.name), SQLBind(user.email), bindOrNull(user.organizationID),
                SQLBind(Self.rolesText(user.roles)), SQLBind(passwordHash), SQLBind(Timestamp.string(user.createdAt)),
            ])
            .run()
    }

    func user(id: String) async throws -> User? {
        try await db.row("SELECT \(unsafeRaw: Self.userColumns) FROM users WHERE id = \(bind: id)").map(Self.user)
    }

    func user(email: String) async throws -> User? {
        try await db.row("SELECT \(unsafeRaw: Self.userColumns) FROM users WHERE email = \(bind: email.lowercased())").map(Self.user)
    }

    func users() async throws -> [User] {
        try await db.rows("SELECT \(unsafeRaw: Self.userColumns) FROM users ORDER BY email").map(Self.user)
    }

    func userCount() async throws -> Int {
        try await db.row("SELECT COUNT(*) AS n FROM users")?.int("n") ?? 0
    }

    func passwordHash(userID: String) async throws -> String? {
        try await db.row("SELECT password_hash FROM users WHERE id = \(bind: userID)")?.string("password_hash")
    }

    func setLanguage(userID: String, language: Language) async throws {
        try await db.raw("UPDATE users SET language = \(bind: language.rawValue) WHERE id = \(bind: userID)").run()
    }

    func setRoles(userID: String, roles: Set<Role>) async throws {
        try await db.raw("UPDATE users SET roles = \(bind: Self.rolesText(roles)) WHERE id = \(bind: userID)").run()
    }

    func setPasswordHash(userID: String, hash: String) async throws {
        try await db.raw("UPDATE users SET password_hash = \(bind: hash) WHERE id = \(bind: userID)").run()
    }

    /// Names are unique regardless of case and surrounding space.
    static func nameKey(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func rolesText(_ roles: Set<Role>) -> String {
        roles.sorted().map(\.rawValue).joined(separator: ",")
    }

    static func organization(_ row: any SQLRow) throws -> Organization {
        Organization(
            id: try row.string("id"),
            name: try row.string("name"),
            stakeholderType: StakeholderType(rawValue: try row.string("stakeholder_type")) ?? .government,
            country: try row.optionalString("country"),
            ituMembership: ITUMembership(rawValue: try row.string("itu_membership")) ?? .none,
            createdAt: try row.date("created_at")
        )
    }

    static func user(_ row: any SQLRow) throws -> User {
        User(
            id: try row.string("id"),
            name: try row.string("name"),
            email: try row.string("email"),
            organizationID: try row.optionalString("organization_id"),
            roles: Role.parseList(try row.string("roles")).roles,
            createdAt: try row.date("created_at"),
            language: try row.optionalString("language").flatMap(Language.init(rawValue:))
        )
    }
}

struct SQLSessionRepository: SessionRepository {
    let db: any SQLDatabase

    func insert(_ session: Session) async throws {
        try await db.insert(into: "sessions")
            .columns("token_hash", "user_id", "csrf_token", "created_at", "expires_at")
            .values([
                SQLBind(session.tokenHash), SQLBind(session.userID), SQLBind(session.csrfToken),
                SQLBind(Timestamp.string(session.createdAt)), SQLBind(Timestamp.string(session.expiresAt)),
            ])
            .run()
    }

    func session(tokenHash: String) async throws -> Session? {
        try await db.row("SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE token_hash = \(bind: tokenHash)").map { row in
                Session(tokenHash: try row.string("token_hash"), userID: try row.string("user_id"),
                        csrfToken: try row.string("csrf_token"), createdAt: try row.date("created_at"),
                        expiresAt: try row.date("expires_at"))
            }
    }

    func deleteSession(tokenHash: String) async throws {
        try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
    }

    func deleteSessions(userID: String) async throws {
        try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: userID)").run()
    }

    func deleteSessions(expiredBefore date: Date) async throws {
        try await db.raw("DELETE FROM sessions WHERE expires_at < \(bind: Timestamp.string(date))").run()
    }

    func insert(_ token: APIToken) async throws {
        try await db.insert(into: "api_tokens")
            .columns("id", "token_hash", "user_id", "name", "created_at")
            .values([SQLBind(token.id), SQLBind(token.tokenHash), SQLBind(token.userID), SQLBind(token.name),
                     SQLBind(Timestamp.string(token.createdAt))])
            .run()
    }

    func apiToken(tokenHash: String) async throws -> APIToken? {
        try await db.row("SELECT id, token_hash, user_id, name, created_at FROM api_tokens WHERE token_hash = \(bind: tokenHash)").map(Self.token)
    }

    func apiTokens(userID: String) async throws -> [APIToken] {
        try await db.rows("SELECT id, token_hash, user_id, name, created_at FROM api_tokens WHERE user_id = \(bind: userID) ORDER BY created_at").map(Self.token)
    }

    func recordFailedSignIn(key: String, at date: Date) async throws {
        try await db.raw("INSERT INTO failed_sign_ins (key, at) VALUES (\(bind: key), \(bind: Timestamp.string(date)))").run()
    }

    func failedSignIns(key: String, since date: Date) async throws -> [Date] {
        try await db.rows("SELECT at FROM failed_sign_ins WHERE key = \(bind: key) AND at >= \(bind: Timestamp.string(date))").map { try $0.date("at") }
    }

    func clearFailedSignIns(key: String) async throws {
        try await db.raw("DELETE FROM failed_sign_ins WHERE key = \(bind: key)").run()
    }

    static func token(_ row: any SQLRow) throws -> APIToken {
        APIToken(id: try row.string("id"), tokenHash: try row.string("token_hash"), userID: try row.string("user_id"),
                 name: try row.string("name"), createdAt: try row.date("created_at"))
    }
}
