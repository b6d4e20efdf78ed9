import Foundation

/// Signing in and out, sessions and API tokens.
public struct AuthService: Sendable {
    let store: any Store
    let clock: any WallClock
    let ids: any IDGenerator
    let hasher: any PasswordHasher
    let audit: AuditTrail
    /// How long a browser session lasts after signing in.
    public var sessionLifetime: TimeInterval = 12 * 3600
    /// Failed attempts allowed per e-mail address within `attemptWindow` before sign-in is refused.
    public var maxFailedAttempts = 5
    public var attemptWindow: TimeInterval = 15 * 60

    /// Checked when the e-mail is unknown, so that a wrong e-mail takes as long as a wrong password.
    private let decoyHash: String

    public init(store: any Store, clock: any WallClock, ids: any IDGenerator, hasher: any PasswordHasher) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.hasher = hasher
        self.audit = AuditTrail(clock: clock)
        self.decoyHash = hasher.hash(Secrets.password())
    }

    /// Checks the password and opens a session. Returns the user and the session token for the cookie.
    /// A wrong password and an unknown e-mail give the same error.
    public func signIn(email: String?, password: String?) async throws -> (user: User, token: String, session: Session) {
        let key = (email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var check = Validator()
        if key.isEmpty { check.add("email", "required") }
        if (password ?? "").isEmpty { check.add("password", "required") }
        try check.check()

        let now = clock.now()
        let windowStart = now.addingTimeInterval(-attemptWindow)
        let (user, hash, failures) = try await store.read { repositories in
            let user = try await repositories.accounts.user(email: key)
            var hash: String?
            if let user { hash = try await repositories.accounts.passwordHash(userID: user.id) }
            let failures = try await repositories.sessions.failedSignIns(key: key, since: windowStart)
            return (user, hash, failures)
        }
        if failures.count >= maxFailedAttempts, let oldest = failures.min() {
            let retry = Int(oldest.addingTimeInterval(attemptWindow).timeIntervalSince(now).rounded(FloatingPointRoundingRule.up))
            throw DomainError.rateLimited(retryAfterSeconds: max(retry, 1))
        }
        let matches = hasher.verify(password!, against: hash ?? decoyHash) && hash != nil
        guard let user, matches else {
            try await store.write { try await $0.sessions.recordFailedSignIn(key: key, at: now) }
            throw DomainError.badCredentials
        }
        let token = Secrets.token()
        let session = Session(tokenHash: AuditTrail.sha256(token), userID: user.id, csrfToken: Secrets.token(),
                              createdAt: now, expiresAt: now.addingTimeInterval(sessionLifetime))
        try await store.write { [audit] repositories in
            try await repositories.sessions.clearFailedSignIns(key: key)
            try await repositories.sessions.deleteSessions(expiredBefore: now)
            try await repositories.sessions.insert(session)
            try await audit.record(in: repositories, actor: Actor(user: user), action: "session.sign-in",
                                   objectType: "user", objectID: user.id, before: .nothing, after: .nothing)
        }
        return (user, token, session)
    }

    public func signOut(token: String, by actor: Actor) async throws {
        try await store.write { [audit] repositories in
            let hash = AuditTrail.sha256(token)
            guard try await repositories.sessions.session(tokenHash: hash) != nil else { return }
            try await repositories.sessions.deleteSession(tokenHash: hash)
            try await audit.record(in: repositories, actor: actor, action: "session.sign-out",
                                   objectType: "user", objectID: actor.userID ?? "", before: .nothing, after: .nothing)
        }
    }

    public enum SessionLookup: Sendable, Equatable {
        case valid(User, Session)
        case expired
        case unknown
    }

    /// The user behind a session cookie.
    public func session(token: String) async throws -> SessionLookup {
        let now = clock.now()
        return try await store.read { repositories in
            guard let session = try await repositories.sessions.session(tokenHash: AuditTrail.sha256(token)) else {
                return .unknown
            }
            guard session.expiresAt > now else { return .expired }
            guard let user = try await repositories.accounts.user(id: session.userID) else { return .unknown }
            return .valid(user, session)
        }
    }

    /// Issues an API token for the actor; the token is returned once and only its hash is kept.
    public func createAPIToken(name: String?, for actor: Actor) async throws -> (token: String, record: APIToken) {
        guard let userID = actor.userID else { throw DomainError.forbidden }
        var check = Validator()
        let label = check.text("name", name, maxLength: 100)
        try check.check()
        let token = "wsis_" + Secrets.token()
        let record = APIToken(id: ids.newID(), tokenHash: AuditTrail.sha256(token), userID: userID, name: label,
                              createdAt: clock.now())
        try await store.write { [audit] repositories in
            try await repositories.sessions.insert(record)
            try await audit.record(in: repositories, actor: actor, action: "api-token.create", objectType: "api-token",
                                   objectID: record.id, before: .nothing, after: APITokenAudit(record))
        }
        return (token, record)
    }

    /// The user behind a bearer token, or nil.
    public func user(apiToken token: String) async throws -> User? {
        try await store.read { repositories in
            guard let record = try await repositories.sessions.apiToken(tokenHash: AuditTrail.sha256(token)) else { return nil }
            return try await repositories.accounts.user(id: record.userID)
        }
    }
}

/// What the audit trail digests of a token: never the hash itself.
struct APITokenAudit: Encodable {
    var id: String
    var userID: String
    var name: String
    init(_ token: APIToken) {
        id = token.id
        userID = token.userID
        name = token.name
    }
}
