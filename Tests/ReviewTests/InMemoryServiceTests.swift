import Foundation
import Resolutions
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

    @Test("the slice in memory: a resolution read, confirmed and its mandates proposed; accepted; reported on; a stale report refused; what cites what; the audit chain holds")
    func resolutionToMandates() async throws {
        let store = InMemoryStore()
        let clock = FixedClock(Date(timeIntervalSince1970: 1_780_000_000))
        let mandates = MandateService(store: store, clock: clock, ids: UUIDGenerator())
        let resolutions = ResolutionService(store: store, clock: clock, ids: UUIDGenerator(), mandates: mandates)
        let officer = Actor(system: "test")

        let imported = try await resolutions.importDocument(Data(SampleText.tracked.utf8), by: officer)
        #expect(imported.created && imported.resolution.status == .draft)
        #expect(try await resolutions.importDocument(Data(SampleText.tracked.utf8), by: officer).created == false, "the same file again changes nothing")
        await #expect(throws: DomainError.notFound(kind: "resolution", id: imported.resolution.id)) {
            try await resolutions.dossier(id: imported.resolution.id, viewer: nil)
        }
        #expect(try await mandates.list(MandateFilter(), viewer: officer).isEmpty, "a draft proposes nothing")

        let confirmed = try await resolutions.confirm(id: imported.resolution.id, by: officer)
        #expect(confirmed.status == .confirmed)
        let proposed = try await mandates.list(MandateFilter(resolutionID: confirmed.id), viewer: officer)
        #expect(!proposed.isEmpty && proposed.allSatisfy { $0.mandate.proposal == .proposed })
        #expect(try await mandates.list(MandateFilter(), viewer: nil).isEmpty, "proposals are the secretariat's until accepted")
        #expect(try await mandates.acceptAll(resolutionID: confirmed.id, by: officer) == proposed.count)

        let first = try #require(try await mandates.list(MandateFilter(resolutionID: confirmed.id), viewer: nil).first).mandate
        let (reported, _) = try await mandates.report(on: first.id, MandateReport(expectedVersion: first.version, note: "Work has begun.",
                                                                                   status: .inProgress, progress: 20), by: officer)
        #expect(reported.status == .inProgress && reported.progress == 20 && reported.version == first.version + 1)
        await #expect(throws: DomainError.conflict("changed-meanwhile")) {
            try await mandates.report(on: first.id, MandateReport(expectedVersion: first.version, note: "Again."), by: officer)
        }
        await #expect(throws: DomainError.invalid([FieldError(field: "evidence", code: "invalid-url")]), "a link with a space in it is refused") {
            try await mandates.report(on: first.id, MandateReport(expectedVersion: reported.version, note: "Two links.",
                                                                  evidence: ["https://example.org/a https://example.org/b"]), by: officer)
        }
        let lines = try await mandates.report(on: first.id, MandateReport(expectedVersion: reported.version, note: "Done:\n- the survey\n- the report"),
                                              by: officer)
        #expect(lines.1.note == "Done:\n- the survey\n- the report", "a note keeps its lines")
        let dossier = try await mandates.dossier(id: first.id, viewer: nil)
        #expect(dossier.updates.map(\.note) == ["Work has begun.", "Done:\n- the survey\n- the report"] && dossier.resolution.id == confirmed.id)
        #expect(try await resolutions.dossier(id: confirmed.id, viewer: nil).citedBy.isEmpty)

        let audit = AuditService(store: store)
        #expect(try await audit.search(AuditFilter(action: "mandate.update")).count == 2)
        #expect(try await audit.verify() == .intact(records: try await audit.search(AuditFilter()).count))
    }

    @Test("the registry in memory: a focal point's draft hidden from others, submitted, published by a reviewer; a stale edit refused; a revision waits; the queue and the export see the right ones")
    func registry() async throws {
        let store = InMemoryStore()
        let clock = FixedClock(Date(timeIntervalSince1970: 1_780_000_000))
        try await ReferenceService(store: store, clock: clock).loadIfEmpty()
        let accounts = AccountService(store: store, clock: clock, ids: UUIDGenerator(), hasher: PlainHasher())
        let activities = ActivityService(store: store, clock: clock, ids: UUIDGenerator())
        let system = Actor(system: "test")
        let ministry = try await accounts.createOrganization(NewOrganization(name: "Ministry of ICT Kenya", stakeholderType: "government",
                                                                             country: "KEN", ituMembership: "none"), by: system)
        func person(_ email: String, _ role: Role, organization: String? = nil) async throws -> Actor {
            Actor(user: try await accounts.createUser(NewUser(name: email, email: email, organizationID: organization, roles: [role.rawValue],
                                                              password: "a long enough password"), by: system).user)
        }
        let submitter = try await person("fp@ict.go.ke", .focalPoint, organization: ministry.id)
        let stranger = try await person("fp@elsewhere.org", .focalPoint)
        let reviewer = try await person("reviewer@itu.int", .reviewer)
        let record = ["title_en": "Digital skills for teachers", "summary_en": "Teachers learn digital skills.", "stakeholder_type": "government",
                      "coverage": "national", "status": "ongoing", "primary_action_line": "C4", "sdg_goals": "4", "countries": "KEN"]

        let draft = try await activities.create(record.merging(["evidence": "https://example.org/report.pdf https://example.org/photos"]) { $1 },
                                                by: submitter)
        #expect(draft.state == .draft && draft.organizationID == ministry.id)
        #expect(draft.evidence == ["https://example.org/report.pdf", "https://example.org/photos"], "two links typed in one field are two values")
        await #expect(throws: DomainError.notFound(kind: "activity", id: draft.id)) { try await activities.view(id: draft.id, for: stranger) }
        await #expect(throws: DomainError.invalid([FieldError(field: "countries", code: "unknown-code", parameters: ["value": "XXX"])])) {
            try await activities.create(record.merging(["countries": "XXX"]) { $1 }, by: submitter)
        }
        try await activities.transition(id: draft.id, .submit, comment: nil, expectedVersion: nil, by: submitter)
        #expect(try await activities.queue(for: reviewer).activities.map(\.id) == [draft.id])
        #expect(try await activities.queue(for: stranger).activities.isEmpty, "someone else's draft is not in their list")
        try await activities.transition(id: draft.id, .startReview, comment: nil, expectedVersion: nil, by: reviewer)
        let published = try await activities.transition(id: draft.id, .publish, comment: "Thank you.", expectedVersion: nil, by: reviewer)
        #expect(published.state == .published)

        var changed = record
        changed["title_en"] = "Digital skills for teachers and librarians"
        _ = try await activities.edit(id: draft.id, changed, expectedVersion: published.version, by: submitter)
        await #expect(throws: DomainError.conflict("activity-changed-meanwhile")) {
            try await activities.edit(id: draft.id, changed, expectedVersion: published.version, by: submitter)
        }
        #expect(try await activities.view(id: draft.id, for: nil).activity.text("en").title == "Digital skills for teachers", "the public sees the published text")
        #expect(try await activities.queue(for: reviewer).revisions.map(\.activityID) == [draft.id])
        let vocabulary = try await activities.vocabulary()
        let page = try #require(try await activities.exportPage(.csv, after: 0, vocabulary: vocabulary))
        #expect(page.text.contains("Digital skills for teachers") && !page.text.contains("librarians"))
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
