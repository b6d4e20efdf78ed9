import Foundation
import Review
import SQLKit
import Storage
import TestSupport
import Testing

/// These run on SQLite, and on PostgreSQL too when WSIS_TEST_DATABASE_URL is set.
@Suite("Storage")
struct StorageTests {
    @Test("migrations apply once, revert, and apply again", arguments: TestDatabase.available)
    func migrations(database: TestDatabase) async throws {
        try await database.withBackend(migrated: false) { backend async throws in
            #expect(try await Migrations.migrate(backend) == Migrations.all.map(\.version))
            #expect(try await Migrations.migrate(backend).isEmpty)
            #expect(try await Migrations.applied(backend) == Migrations.all.map(\.version))
            #expect(try await Migrations.revert(backend, to: 0) == Migrations.all.map(\.version).reversed())
            #expect(try await Migrations.applied(backend).isEmpty)
            #expect(try await Migrations.migrate(backend) == Migrations.all.map(\.version))
        }
    }

    @Test("reference data loads once and reads back whole", arguments: TestDatabase.available)
    func referenceData(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let reference = test.platform.reference
            #expect(try await reference.loadIfEmpty() == false)
            let expected = try ReferenceDataFiles.load()
            #expect(try await reference.goals() == expected.goals)
            #expect(try await reference.targets().map(\.code) == expected.targets.map(\.code))
            #expect(try await reference.targets(goal: 9).count == 8)
            #expect(try await reference.actionLines() == expected.actionLines)
            #expect(Set(try await reference.matrix()) == Set(expected.matrix))
            let countries = try await reference.countries()
            #expect(countries.count == 248)
            #expect(countries.filter(\.isLDC).count == 44)
            #expect(countries.filter(\.isEconomyInTransition).count == 17)
            #expect(try await reference.regions().count == 30)
        }
    }

    @Test("organizations: created, audited, and bad input refused with nothing written", arguments: TestDatabase.available)
    func organizations(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let accounts = test.platform.accounts
            let admin = Actor(system: "test")
            let created = try await accounts.createOrganization(
                NewOrganization(name: "  Ministry of ICT of Kenya ", stakeholderType: "government", country: "ken", ituMembership: "member-state"),
                by: admin
            )
            #expect(created.name == "Ministry of ICT of Kenya")
            #expect(created.country == "KEN")
            let before = try await test.platform.audit.search(AuditFilter(), limit: 1000).count

            let refused = await #expect(throws: DomainError.self) {
                try await accounts.createOrganization(
                    NewOrganization(name: "ministry of ict of kenya", stakeholderType: "guild", country: "XXX", ituMembership: "gold"),
                    by: admin
                )
            }
            #expect(Set(refused?.fieldErrors.map(\.code) ?? []) == ["taken", "unknown-choice", "unknown-country"])
            await #expect(throws: DomainError.self) {
                try await accounts.createOrganization(
                    NewOrganization(name: String(repeating: "x", count: 201), stakeholderType: "academia", country: nil, ituMembership: nil),
                    by: admin
                )
            }
            #expect(try await accounts.organizations().count == 1)
            #expect(try await test.platform.audit.search(AuditFilter(), limit: 1000).count == before)
            let record = try #require(try await test.platform.audit.search(AuditFilter(action: "organization.create"), limit: 5).first)
            #expect(record.objectID == created.id && record.actor == "system:test" && !record.afterDigest.isEmpty)
        }
    }

    @Test("users: created with a generated or given password; duplicates and weak passwords refused", arguments: TestDatabase.available)
    func users(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let accounts = test.platform.accounts
            let (user, generated) = try await accounts.createUser(
                NewUser(name: "Amina", email: "Amina@Example.org", organizationID: nil, roles: ["focal-point"]), by: Actor(system: "test")
            )
            #expect(user.email == "amina@example.org")
            #expect(generated?.count == 20)
            let refused = await #expect(throws: DomainError.self) {
                try await accounts.createUser(
                    NewUser(name: "", email: "amina@example.org", organizationID: "nope", roles: ["chair"], password: "short"),
                    by: Actor(system: "test")
                )
            }
            #expect(Set(refused?.fieldErrors.map(\.field) ?? []) == ["name", "email", "organization_id", "roles", "password"])
            #expect(try await accounts.users().count == 1)

            // A secretariat officer may create accounts but not administrators.
            let (officer, _) = try await test.makeUser("officer@itu.int", roles: [.secretariat])
            let denied = await #expect(throws: DomainError.self) {
                try await accounts.createUser(NewUser(name: "X", email: "x@y.org", organizationID: nil, roles: ["administrator"]),
                                              by: Actor(user: officer))
            }
            #expect(denied?.fieldErrors.first?.code == "administrator-only")
            // A focal point may not create accounts at all.
            await #expect(throws: DomainError.forbidden) {
                try await accounts.createUser(NewUser(name: "X", email: "x@y.org", organizationID: nil, roles: []), by: Actor(user: user))
            }
        }
    }

    @Test("roles change, but the last administrator stays", arguments: TestDatabase.available)
    func roles(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let accounts = test.platform.accounts
            let (admin, _) = try await test.makeUser("admin@itu.int", roles: [.administrator])
            let refused = await #expect(throws: DomainError.self) {
                try await accounts.setRoles(userID: admin.id, roles: ["secretariat"], by: Actor(user: admin))
            }
            #expect(refused?.fieldErrors.first?.code == "last-administrator")
            let (reviewer, _) = try await test.makeUser("reviewer@itu.int", roles: [.reviewer])
            let updated = try await accounts.setRoles(userID: reviewer.id, roles: ["reviewer", "focal-point"], by: Actor(user: admin))
            #expect(updated.roles == [.reviewer, .focalPoint])
            #expect(try await accounts.user(id: reviewer.id).roles == [.reviewer, .focalPoint])
        }
    }

    @Test("sign-in: the same answer for an unknown e-mail and a wrong password; rate limited; sessions expire",
          arguments: TestDatabase.available)
    func signIn(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let auth = test.platform.auth
            let (user, password) = try await test.makeUser("amina@example.org", roles: [.focalPoint])
            await #expect(throws: DomainError.badCredentials) { try await auth.signIn(email: "nobody@example.org", password: password) }
            await #expect(throws: DomainError.badCredentials) { try await auth.signIn(email: user.email, password: "wrong password!") }

            let (signedIn, token, _) = try await auth.signIn(email: " AMINA@example.org ", password: password)
            #expect(signedIn.id == user.id)
            #expect(try await auth.session(token: token) == .valid(user, try #require(sessionOf(token, auth))))
            test.clock.advance(by: 13 * 3600)
            #expect(try await auth.session(token: token) == .expired)
            #expect(try await auth.session(token: "made-up") == .unknown)

            for _ in 0..<5 {
                await #expect(throws: DomainError.badCredentials) { try await auth.signIn(email: user.email, password: "wrong password!") }
            }
            // Even the right password is refused while the limit holds.
            await #expect(throws: DomainError.rateLimited(retryAfterSeconds: 900)) { try await auth.signIn(email: user.email, password: password) }
            test.clock.advance(by: 901)
            _ = try await auth.signIn(email: user.email, password: password)
        }
    }

    private func sessionOf(_ token: String, _ auth: AuthService) async throws -> Session? {
        if case .valid(_, let session) = try await auth.session(token: token) { return session }
        return nil
    }

    @Test("API tokens identify their user; only their hash is stored", arguments: TestDatabase.available)
    func apiTokens(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let (user, _) = try await test.makeUser("dev@example.org", roles: [])
            let (token, record) = try await test.platform.auth.createAPIToken(name: "reporting script", for: Actor(user: user))
            #expect(token.hasPrefix("wsis_"))
            #expect(record.tokenHash != token && record.tokenHash == AuditTrail.sha256(token))
            #expect(try await test.platform.auth.user(apiToken: token)?.id == user.id)
            #expect(try await test.platform.auth.user(apiToken: token + "x") == nil)
            await #expect(throws: DomainError.self) { try await test.platform.auth.createAPIToken(name: " ", for: Actor(user: user)) }
        }
    }

    @Test("the audit chain stays intact under concurrent writers", arguments: TestDatabase.available)
    func concurrentWriters(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let accounts = test.platform.accounts
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        _ = try await accounts.createOrganization(
                            NewOrganization(name: "Organization \(index)", stakeholderType: "academia", country: nil, ituMembership: nil),
                            by: Actor(system: "test")
                        )
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await accounts.organizations().count == 24)
            // 1 record for loading the reference data, 24 for the organizations.
            #expect(try await test.platform.audit.verify() == .intact(records: 25))
        }
    }

    @Test("tampering with the audit trail is caught at the first broken record", arguments: TestDatabase.available)
    func tampering(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            for index in 0..<4 {
                _ = try await test.platform.accounts.createOrganization(
                    NewOrganization(name: "Org \(index)", stakeholderType: "civil-society", country: nil, ituMembership: nil),
                    by: Actor(system: "test")
                )
            }
            #expect(try await test.platform.audit.verify() == .intact(records: 5))
            let backend = test.platform.backend
            try await backend.withTransaction { db async throws in
                try await db.raw("UPDATE audit_log SET actor = 'someone-else' WHERE sequence = 3").run()
            }
            #expect(try await test.platform.audit.verify() == .broken(sequence: 3, reason: "its content does not match its hash"))

            // Re-hashing the edited row does not help: the next record no longer links to it.
            let records = try await test.platform.audit.search(AuditFilter(), limit: 10)
            var edited = try #require(records.first { $0.sequence == 3 })
            edited.hash = edited.expectedHash
            let newHash = edited.hash
            try await backend.withTransaction { db async throws in
                try await db.raw("UPDATE audit_log SET hash = \(bind: newHash) WHERE sequence = 3").run()
            }
            #expect(try await test.platform.audit.verify() == .broken(sequence: 4, reason: "it does not link to the record before it"))

            try await backend.withTransaction { db async throws in
                try await db.raw("DELETE FROM audit_log WHERE sequence = 2").run()
            }
            #expect(try await test.platform.audit.verify() == .broken(sequence: 2, reason: "record 2 is missing"))
        }
    }

    @Test("a failed write leaves nothing behind", arguments: TestDatabase.available)
    func rollback(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            struct Boom: Error {}
            let store = test.platform.store
            await #expect(throws: Boom.self) {
                try await store.write { repositories async throws in
                    try await repositories.accounts.insert(
                        Organization(id: "o1", name: "Half-written", stakeholderType: .academia, country: nil, ituMembership: .none,
                                     createdAt: TestPlatform.epoch)
                    )
                    throw Boom()
                }
            }
            #expect(try await test.platform.accounts.organizations().isEmpty)
        }
    }

    @Test("database URLs are checked", arguments: [
        "mysql://u@h/db", "postgres://h/db", "postgres://u@/db", "postgres://u@h", "postgres://u@h/db?sslmode=sometimes",
    ])
    func badURLs(url: String) {
        #expect(throws: StorageError.self) { try PostgresURL(url) }
    }

    @Test("an unreachable PostgreSQL is one clear error, not a hang")
    func unreachable() async {
        let error = await #expect(throws: StorageError.self) {
            _ = try await openDatabase(.postgres(try PostgresURL("postgres://u:p@127.0.0.1:1/none")), logger: .init(label: "t"))
        }
        #expect(error?.description.hasPrefix("cannot connect to PostgreSQL at 127.0.0.1:1/none") == true)
    }

    @Test("a data folder that cannot be created is one clear error")
    func badFolder() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wsis-file-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let error = await #expect(throws: StorageError.self) {
            _ = try await openDatabase(.sqlite(path: file.appendingPathComponent("sub/db.sqlite").path), logger: .init(label: "t"))
        }
        #expect(error?.description.contains("cannot create the data folder") == true)
    }
}
