import Foundation
import Review
import Storage
import TestSupport
import Testing

@Suite("Mandates as open data")
struct MandateExchangeTests {
    /// The sample confirmed and its proposals accepted.
    func accepted(_ test: TestPlatform) async throws -> (officer: Actor, mandates: [Mandate]) {
        let (_, officer) = try await test.confirmedSample(acceptingMandates: true)
        return (officer, try await test.platform.mandates.list(MandateFilter(), viewer: nil).map(\.mandate))
    }

    @Test("a dry run reports every row and writes nothing; a file with a problem is refused whole; a good one is applied, once",
          arguments: TestDatabase.available)
    func importUpdates(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let service = test.platform.mandates
            let (officer, mandates) = try await accepted(test)
            let (a, b) = (mandates[0].id, mandates[1].id)
            let bad = CSVTable.write(header: ["mandate_id", "note", "status_to", "progress", "reason", "evidence", "blocked"], rows: [
                [a, "Drafting", "in-progress", "30", "", "https://www.itu.int/a https://www.itu.int/b", ""],
                [a, "Done", "completed", "", "", "", ""],
                [a, "Back to the start", "not-started", "", "", "", ""],
                ["no-such-mandate", "x", "", "", "", "", ""],
                [b, "", "finished", "150", "", "ftp://x", "maybe"],
            ])
            let checked = try await service.importUpdates(csv: bad, apply: false, by: officer)
            #expect(!checked.applied && checked.problems == 3)
            #expect(checked.rows.map(\.line) == [2, 3, 4, 5, 6])
            #expect(checked.rows[0].change == "not-started → in-progress; progress 30%; 2 link(s); note")
            #expect(checked.rows[1].change == "in-progress → completed; note", "the rows of one mandate follow each other")
            #expect(checked.rows[2].errors == [FieldError(field: "status_to", code: "reason-required-to-reopen")])
            #expect(checked.rows[3].errors == [FieldError(field: "mandate_id", code: "unknown-mandate")])
            #expect(Set(checked.rows[4].errors.map(\.field)) == ["status_to", "blocked", "progress", "evidence"], "every problem of the row at once")
            let refused = try await service.importUpdates(csv: bad, apply: true, by: officer)
            #expect(!refused.applied)
            #expect(try await service.mandate(id: a, viewer: nil).updates.isEmpty, "nothing was written")
            #expect(try await test.platform.audit.search(AuditFilter(action: "mandate.update"), limit: 10).isEmpty)

            let good = CSVTable.write(header: ["mandate_id", "note", "status_to", "progress"], rows: [
                [a, "Drafting", "in-progress", "30"], [a, "Done", "completed", ""], [b, "Started", "in-progress", "10"],
            ])
            let applied = try await service.importUpdates(csv: good, apply: true, by: officer)
            #expect(applied.applied && applied.problems == 0)
            let first = try await service.mandate(id: a, viewer: nil)
            #expect(first.mandate.mandate.status == .completed && first.mandate.mandate.progress == 100 && first.updates.count == 2)
            #expect(first.mandate.mandate.version == mandates[0].version + 2)
            #expect(try await test.platform.audit.search(AuditFilter(action: "mandate.update"), limit: 10).count == 3)

            // The export reads back: every row is already there, so importing it again changes nothing.
            let views = try await service.list(MandateFilter(), viewer: nil)
            let exported = MandateExchange.updatesCSV(try await service.updates(of: views))
            let again = try await service.importUpdates(csv: exported, apply: true, by: officer)
            #expect(again.applied && again.rows.count == 3 && again.rows.allSatisfy(\.skipped))
            #expect(try await service.mandate(id: a, viewer: nil).updates.count == 2)
        }
    }

    @Test("files that are not updates: unknown or missing columns, broken quoting", arguments: TestDatabase.available)
    func badFiles(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let (officer, _) = try await accepted(test)
            let service = test.platform.mandates
            #expect(try await service.importUpdates(csv: "mandate,note\r\nx,y\r\n", apply: true, by: officer).fileErrors.count == 2)
            #expect(try await service.importUpdates(csv: "mandate_id,note\r\n\"x,y\r\n", apply: true, by: officer).fileErrors
                    == ["a quoted field opened near line 2 is never closed"])
            #expect(try await service.importUpdates(csv: "", apply: false, by: officer).fileErrors == ["the file is empty"])
            let focal = Actor(user: try await test.makeUser("fp@example.org", roles: [.focalPoint]).user)
            await #expect(throws: DomainError.forbidden) { try await service.importUpdates(csv: "mandate_id\r\n", apply: true, by: focal) }
        }
    }

    @Test("CSV exports: one row per mandate, the same columns as documented, a comma inside a quoted note",
          arguments: TestDatabase.available)
    func exports(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let (officer, mandates) = try await accepted(test)
            _ = try await test.platform.mandates.report(on: mandates[0].id, MandateReport(expectedVersion: mandates[0].version, note: "Drafting, with care",
                                                                                         evidence: ["https://www.itu.int"]), by: officer)
            let views = try await test.platform.mandates.list(MandateFilter(), viewer: nil)
            let table = try CSVTable(text: MandateExchange.mandatesCSV(views))
            #expect(table.header == MandateExchange.mandateColumns && table.rows.count == 3)
            #expect(table.records[1]["due_day"] == "2026-06-20" && table.records[1]["signals"] == "due-soon")
            let updates = try CSVTable(text: MandateExchange.updatesCSV(try await test.platform.mandates.updates(of: views)))
            #expect(updates.records.map { $0["note"] } == ["Drafting, with care"], "a comma inside a quoted field")
        }
    }
}
