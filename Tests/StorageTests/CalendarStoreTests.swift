import Foundation
import Review
import Storage
import TestSupport
import Testing

@Suite("Stored calendar")
struct CalendarStoreTests {
    static let councilDeadline = """
        Document C31/11-E
        8 April 2031
        Reporting to the Council
        The Council,
        considering
        a)\tthat the Council reviews the work every year,
        instructs the Secretary-General
        1\tto report to the 2026 session of the Council;
        2\tto submit the report to ECOSOC at its 2025 session;
        """

    @Test("seeded once; a milestone added dates the mandates that name it, and they move with it; changes are versioned and audited",
          arguments: TestDatabase.available)
    func milestones(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let calendar = test.platform.calendar
            #expect(try await calendar.milestones().count == 30)
            try await calendar.seedIfEmpty()
            #expect(try await calendar.milestones().count == 30, "seeded once")

            let officer = Actor(user: try await test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            let imported = try await test.platform.resolutions.importDocument(Data(Self.councilDeadline.utf8), by: officer)
            _ = try await test.platform.resolutions.confirm(id: imported.resolution.id, by: officer)
            _ = try await test.platform.mandates.acceptAll(resolutionID: imported.resolution.id, by: officer)
            func views() async throws -> [MandateView] {
                try await test.platform.mandates.list(MandateFilter(resolutionID: imported.resolution.id), viewer: nil)
            }
            var mandates = try await views()
            #expect(mandates.map(\.mandate.due) == [.event("council-2026", text: "the 2026 session of the Council"),
                                                   .event("ecosoc-2025", text: "ECOSOC at its 2025 session")])
            #expect(mandates[0].milestone?.key == "council-2026" && mandates[0].dueDay == "2026-04-28",
                    "Council 2026 is in the seed with its dates (28 April – 8 May 2026, checked in December 2026)")
            #expect(mandates[1].dueDay == "2025-07-29" && mandates[1].signals == [.overdue], "ECOSOC 2025 is in the seed, and past")

            let council = try await calendar.change(key: "council-2026", MilestoneInput(
                kind: "council-session", title: "ITU Council 2026", start: "2026-06-09", end: "2026-06-19", place: "Geneva", confirmed: false,
                expectedVersion: 1), by: officer)
            mandates = try await views()
            #expect(mandates[0].dueDay == "2026-06-09" && mandates[0].signals == [.dueSoon] && mandates[0].milestone == council)

            let moved = try await calendar.change(key: "council-2026", MilestoneInput(
                kind: "council-session", title: "ITU Council 2026", start: "2026-09-15", end: "2026-09-18", place: "Geneva", confirmed: true,
                expectedVersion: 2), by: officer)
            #expect(moved.version == 3)
            mandates = try await views()
            #expect(mandates[0].dueDay == "2026-09-15" && mandates[0].signals.isEmpty, "the deadline moved with the session")

            await #expect(throws: DomainError.conflict("changed-meanwhile")) {
                try await calendar.change(key: "council-2026", MilestoneInput(kind: "council-session", title: "x", start: "2026-09-15",
                                                                              confirmed: true, expectedVersion: 2), by: officer)
            }
            let added = try await calendar.add(MilestoneInput(key: "council-2027", kind: "council-session", title: "ITU Council 2027",
                                                              start: "2027", confirmed: false), by: officer)
            #expect(added.version == 1)
            await #expect(throws: DomainError.invalid([FieldError(field: "key", code: "taken")])) {
                try await calendar.add(MilestoneInput(key: "council-2026", kind: "council-session", title: "again", start: "2026", confirmed: false),
                                       by: officer)
            }
            await #expect(throws: DomainError.invalid([FieldError(field: "start", code: "invalid-partial-date"),
                                                       FieldError(field: "end", code: "invalid-date")])) {
                try await calendar.add(MilestoneInput(key: "bad", kind: "deadline", title: "x", start: "2026-13", end: "soon", confirmed: false),
                                       by: officer)
            }
            await #expect(throws: DomainError.invalid([FieldError(field: "kind", code: "unknown-choice")])) {
                try await calendar.add(MilestoneInput(key: "bad", kind: "party", title: "x", start: "2026", confirmed: false), by: officer)
            }
            await #expect(throws: DomainError.notFound(kind: "milestone", id: "nope")) {
                try await calendar.change(key: "nope", MilestoneInput(kind: "deadline", title: "x", start: "2026", confirmed: false), by: officer)
            }
            let focal = Actor(user: try await test.makeUser("fp@example.org", roles: [.focalPoint]).user)
            await #expect(throws: DomainError.forbidden) {
                try await calendar.add(MilestoneInput(key: "mine", kind: "deadline", title: "x", start: "2026", confirmed: false), by: focal)
            }
            #expect(Set(try await test.platform.audit.search(AuditFilter(objectType: "milestone"), limit: 10).map(\.action)) == ["milestone.create", "milestone.update"])
        }
    }
}
