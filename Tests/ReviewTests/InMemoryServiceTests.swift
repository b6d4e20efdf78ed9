import Foundation
import Review
import TestSupport
import Testing

/// Services' rules tested without a database, on `InMemoryStore`: where a test is about what a
/// service decides rather than about SQL. (The Storage and Web suites run the same services on
/// SQLite and PostgreSQL.)
@Suite("Services in memory")
struct InMemoryServiceTests {
    struct PlainHasher: PasswordHasher {
        func hash(_ password: String) -> String { "plain:" + password }
        func verify(_ password: String, against hash: String) -> Bool { hash == "plain:" + password }
    }

    @Test("the calendar: seeded once, a milestone added and changed by the secretariat only, a stale change refused, each act audited in a chain that verifies")
    func calendar() async throws {
        let store = InMemoryStore()
        let clock = FixedClock(Date(timeIntervalSince1970: 1_780_000_000))
        let calendar = CalendarService(store: store, clock: clock)
        try await calendar.seedIfEmpty()
        let seeded = try await calendar.milestones()
        #expect(!seeded.isEmpty)
        try await calendar.seedIfEmpty()
        #expect(try await calendar.milestones().count == seeded.count, "seeded once")

        let officer = Actor(system: "test")
        let input = MilestoneInput(key: "cwg-2027-winter", kind: "cwg-meeting", title: "CWG-WSIS&SDG winter session", start: "2027-01",
                                   end: nil, place: "Geneva", confirmed: false, source: nil)
        await #expect(throws: DomainError.forbidden) {
            try await calendar.add(input, by: Actor(user: User(id: "u", name: "fp", email: "fp@example.org", organizationID: nil,
                                                              roles: [.focalPoint], createdAt: clock.now())))
        }
        let added = try await calendar.add(input, by: officer)
        #expect(added.version == 1 && added.start == "2027-01")
        await #expect(throws: DomainError.invalid([FieldError(field: "key", code: "taken")])) { try await calendar.add(input, by: officer) }
        var change = input
        change.start = "2027-01-18"
        change.expectedVersion = 1
        #expect(try await calendar.change(key: "cwg-2027-winter", change, by: officer).version == 2)
        await #expect(throws: DomainError.conflict("changed-meanwhile")) { try await calendar.change(key: "cwg-2027-winter", change, by: officer) }
        #expect(try await calendar.milestone(key: "cwg-2027-winter").start == "2027-01-18")

        let audit = AuditService(store: store)
        #expect(try await audit.search(AuditFilter(action: "milestone.update")).count == 1)
        #expect(try await audit.verify() == .intact(records: try await audit.search(AuditFilter()).count))
    }

    @Test("a write that throws leaves nothing behind")
    func rollback() async throws {
        let store = InMemoryStore()
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await store.write { repositories in
                try await repositories.jobs.insert(Job(id: "j", kind: "k", title: "t", ownerID: nil, ownerLabel: "x", payload: Data(),
                                                       createdAt: Date()))
                throw Refused()
            }
        }
        #expect(try await store.read { try await $0.jobs.job(id: "j") } == nil)
    }

    @Test("the job runner runs queued jobs by their kind with the owner's rights, fails unknown kinds, and queues again what a stopped server left running")
    func jobs() async throws {
        let store = InMemoryStore()
        let clock = FixedClock(Date(timeIntervalSince1970: 1_780_000_000))
        let accounts = AccountService(store: store, clock: clock, ids: UUIDGenerator(), hasher: PlainHasher())
        let (owner, _) = try await accounts.createUser(NewUser(name: "Officer", email: "officer@itu.int", organizationID: nil,
                                                               roles: ["secretariat"], password: "correct horse battery staple"),
                                                       by: Actor(system: "test"))
        struct Echo: JobHandler {
            var kind: String { "echo" }
            func run(_ job: Job, as actor: Actor, progress: @escaping @Sendable (JobProgress) -> Void) async throws -> Data {
                progress(JobProgress(phase: "echo", items: 1, done: 1, total: 1))
                return Data("\(actor.label): \(String(decoding: job.payload, as: UTF8.self))".utf8)
            }
        }
        let board = JobBoard()
        let jobs = JobService(store: store, clock: clock, ids: UUIDGenerator(), board: board)
        let runner = JobRunner(store: store, clock: clock, board: board, handlers: [Echo()])
        let echo = try await jobs.enqueue(kind: "echo", title: "hello", payload: Data("hello".utf8), by: Actor(user: owner))
        clock.advance(by: 1)
        let stray = try await jobs.enqueue(kind: "unknown", title: "?", payload: Data(), by: Actor(user: owner))
        let ran = try await runner.runPending()
        #expect(ran.map(\.id) == [echo.id, stray.id], "oldest first")
        #expect(ran[0].state == .done && ran[0].result == Data("officer@itu.int: hello".utf8))
        #expect(ran[1].state == .failed && ran[1].failure?.contains("unknown") == true)

        let left = try await jobs.enqueue(kind: "echo", title: "again", payload: Data("again".utf8), by: Actor(user: owner))
        _ = try await store.write { [now = clock.now()] in try await $0.jobs.claimNext(now: now) }
        #expect(try await runner.runPending().isEmpty, "a running job is not claimed twice")
        clock.advance(by: 5)
        #expect(try await runner.recover() == 1)
        #expect(try await runner.runPending().map(\.id) == [left.id])
    }
}
