import Foundation
import Resolutions

/// Organizations and user accounts: the only way to create or change them.
public struct AccountService: Sendable {
    let store: any Store
    let clock: any WallClock
    let ids: any IDGenerator
    let hasher: any PasswordHasher
    let audit: AuditTrail

    public static let minimumPasswordLength = 12

    public init(store: any Store, clock: any WallClock, ids: any IDGenerator, hasher: any PasswordHasher) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.hasher = hasher
        self.audit = AuditTrail(clock: clock)
    }

    // MARK: Organizations

    public func createOrganization(_ input: NewOrganization, by actor: Actor) async throws -> Organization {
        try require(actor, .secretariat)
        var check = Validator()
        let name = check.text("name", input.name, maxLength: 200)
        let type = StakeholderType(rawValue: input.stakeholderType ?? "")
        if type == nil { check.add("stakeholder_type", (input.stakeholderType ?? "").isEmpty ? "required" : "unknown-choice") }
        let membershipText = (input.ituMembership ?? "").isEmpty ? ITUMembership.none.rawValue : input.ituMembership!
        let membership = ITUMembership(rawValue: membershipText)
        if membership == nil { check.add("itu_membership", "unknown-choice") }
        let countryText = (input.country ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        let organization = Organization(
            id: ids.newID(), name: name, stakeholderType: type ?? .government,
            country: countryText.isEmpty ? nil : countryText, ituMembership: membership ?? .none, createdAt: clock.now()
        )
        return try await store.write { [check, audit] repositories in
            var check = check
            var organization = organization
            // A country may be given by its alpha-2 or alpha-3 code; it is kept as alpha-3.
            if let code = organization.country {
                if let country = try await repositories.reference.country(code: code) {
                    organization.country = country.alpha3
                } else {
                    check.add("country", "unknown-country")
                }
            }
            if !name.isEmpty, try await repositories.accounts.organization(named: name) != nil {
                check.add("name", "taken")
            }
            try check.check()
            try await repositories.accounts.insert(organization)
            try await audit.record(in: repositories, actor: actor, action: "organization.create",
                                   objectType: "organization", objectID: organization.id, before: .nothing, after: organization)
            return organization
        }
    }

    public func organizations() async throws -> [Organization] {
        try await store.read { try await $0.accounts.organizations() }
    }

    // MARK: Users

    /// Creates an account. Returns the password to hand to the person when one was generated.
    public func createUser(_ input: NewUser, by actor: Actor) async throws -> (user: User, generatedPassword: String?) {
        try require(actor, .secretariat)
        var check = Validator()
        let name = check.text("name", input.name, maxLength: 200)
        let email = Self.checkEmail(input.email, into: &check)
        let roles = Self.checkRoles(input.roles, into: &check)
        if roles.contains(.administrator) && !actor.roles.contains(.administrator) {
            check.add("roles", "administrator-only")
        }
        let generated = (input.password ?? "").isEmpty ? Secrets.password() : nil
        let password = generated ?? input.password!
        Self.checkPassword(password, field: "password", into: &check)
        let organizationID = (input.organizationID ?? "").isEmpty ? nil : input.organizationID
        let user = User(id: ids.newID(), name: name, email: email, organizationID: organizationID,
                        roles: roles, createdAt: clock.now())
        // Hash outside the transaction: bcrypt is slow on purpose and must not hold the write lock.
        let hash = check.errors.isEmpty ? hasher.hash(password) : ""
        let created = try await store.write { [check, audit] repositories in
            var check = check
            if let organizationID, try await repositories.accounts.organization(id: organizationID) == nil {
                check.add("organization_id", "unknown-organization")
            }
            if !email.isEmpty, try await repositories.accounts.user(email: email) != nil {
                check.add("email", "taken")
            }
            try check.check()
            try await repositories.accounts.insert(user, passwordHash: hash)
            try await audit.record(in: repositories, actor: actor, action: "user.create",
                                   objectType: "user", objectID: user.id, before: .nothing, after: user)
            return user
        }
        return (created, generated)
    }

    /// On a platform with no account at all, creates the first administrator and returns the
    /// generated password, to be shown once. Returns nil when any account exists.
    public func bootstrapAdministrator(email: String) async throws -> (user: User, password: String)? {
        let password = Secrets.password()
        let hash = hasher.hash(password)
        let user = User(id: ids.newID(), name: "Administrator", email: email.lowercased(), organizationID: nil,
                        roles: [.administrator], createdAt: clock.now())
        let created: User? = try await store.write { [audit] repositories in
            guard try await repositories.accounts.userCount() == 0 else { return nil }
            try await repositories.accounts.insert(user, passwordHash: hash)
            try await audit.record(in: repositories, actor: Actor(system: "first-start"), action: "user.create",
                                   objectType: "user", objectID: user.id, before: .nothing, after: user)
            return user
        }
        return created.map { ($0, password) }
    }

    public func users() async throws -> [User] {
        try await store.read { try await $0.accounts.users() }
    }

    public func user(id: String) async throws -> User {
        guard let user = try await store.read({ try await $0.accounts.user(id: id) }) else {
            throw DomainError.notFound(kind: "user", id: id)
        }
        return user
    }

    public func user(email: String) async throws -> User {
        let key = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard let user = try await store.read({ try await $0.accounts.user(email: key) }) else {
            throw DomainError.notFound(kind: "user", id: key)
        }
        return user
    }

    /// Remembers the language a person chose for the pages (a preference of their own: not audited).
    public func setLanguage(userID: String, language: Language) async throws {
        try await store.write { repositories in
            guard try await repositories.accounts.user(id: userID) != nil else { throw DomainError.notFound(kind: "user", id: userID) }
            try await repositories.accounts.setLanguage(userID: userID, language: language)
        }
    }

    public func setRoles(userID: String, roles names: [String], by actor: Actor) async throws -> User {
        try require(actor, .secretariat)
        var check = Validator()
        let roles = Self.checkRoles(names, into: &check)
        try check.check()
        return try await store.write { [audit] repositories in
            guard let before = try await repositories.accounts.user(id: userID) else {
                throw DomainError.notFound(kind: "user", id: userID)
            }
            // Only an administrator may grant or take away the administrator role.
            if before.roles.contains(.administrator) != roles.contains(.administrator), !actor.roles.contains(.administrator) {
                throw DomainError.invalid([FieldError(field: "roles", code: "administrator-only")])
            }
            // The platform must keep at least one administrator.
            if before.roles.contains(.administrator), !roles.contains(.administrator) {
                let administrators = try await repositories.accounts.users().filter { $0.roles.contains(.administrator) }
                if administrators.count <= 1 {
                    throw DomainError.invalid([FieldError(field: "roles", code: "last-administrator")])
                }
            }
            var after = before
            after.roles = roles
            try await repositories.accounts.setRoles(userID: userID, roles: roles)
            try await audit.record(in: repositories, actor: actor, action: "user.set-roles",
                                   objectType: "user", objectID: userID, before: before, after: after)
            return after
        }
    }

    /// Gives the account a new generated password, signs it out everywhere, and returns the password once.
    public func resetPassword(userID: String, by actor: Actor) async throws -> String {
        try require(actor, .secretariat)
        let password = Secrets.password()
        let hash = hasher.hash(password)
        try await store.write { [audit] repositories in
            guard let user = try await repositories.accounts.user(id: userID) else {
                throw DomainError.notFound(kind: "user", id: userID)
            }
            if user.roles.contains(.administrator), !actor.roles.contains(.administrator) {
                throw DomainError.forbidden
            }
            try await repositories.accounts.setPasswordHash(userID: userID, hash: hash)
            try await repositories.sessions.deleteSessions(userID: userID)
            try await audit.record(in: repositories, actor: actor, action: "user.reset-password",
                                   objectType: "user", objectID: userID, before: .nothing, after: .nothing)
        }
        return password
    }

    /// The person changes their own password, proving they know the current one.
    public func changePassword(userID: String, current: String?, new: String?, by actor: Actor) async throws {
        guard actor.userID == userID else { throw DomainError.forbidden }
        var check = Validator()
        if (current ?? "").isEmpty { check.add("current", "required") }
        Self.checkPassword(new ?? "", field: "new", into: &check)
        try check.check()
        guard let stored = try await store.read({ try await $0.accounts.passwordHash(userID: userID) }),
              hasher.verify(current!, against: stored) else {
            throw DomainError.invalid([FieldError(field: "current", code: "wrong-password")])
        }
        let hash = hasher.hash(new!)
        try await store.write { [audit] repositories in
            try await repositories.accounts.setPasswordHash(userID: userID, hash: hash)
            try await audit.record(in: repositories, actor: actor, action: "user.change-password",
                                   objectType: "user", objectID: userID, before: .nothing, after: .nothing)
        }
    }

    // MARK: Checks

    func require(_ actor: Actor, _ role: Role) throws {
        guard actor.has(role) else { throw DomainError.forbidden }
    }

    static func checkEmail(_ value: String?, into check: inout Validator) -> String {
        let email = check.text("email", value, maxLength: 254).lowercased()
        guard !email.isEmpty else { return email }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
        if !valid { check.add("email", "invalid-email") }
        return email
    }

    static func checkRoles(_ names: [String], into check: inout Validator) -> Set<Role> {
        let parsed = Role.parseList(names.joined(separator: ","))
        if !parsed.unknown.isEmpty { check.add("roles", "unknown-role", ["names": parsed.unknown.joined(separator: ", ")]) }
        return parsed.roles
    }

    static func checkPassword(_ password: String, field: String, into check: inout Validator) {
        if password.isEmpty {
            check.add(field, "required")
        } else if password.count < minimumPasswordLength {
            check.add(field, "password-too-short", ["min": String(minimumPasswordLength)])
        } else if password.utf8.count > 72 {
            // bcrypt reads only the first 72 bytes; a longer password would be silently cut.
            check.add(field, "too-long", ["max": "72"])
        }
    }
}
