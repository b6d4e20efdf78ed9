import Foundation
import Resolutions
import Review
import Storage
import TestSupport
import Testing

@Suite("Stored mandates")
struct MandateStoreTests {

    @Test("confirming proposes the mandates in the same transaction, once; accepting, dropping and editing are audited",
          arguments: TestDatabase.available)
    func proposeAndDecide(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let mandates = test.platform.mandates
            let (resolution, officer) = try await test.confirmedSample()
            _ = try await test.platform.resolutions.confirm(id: resolution.id, by: officer)  // again: nothing new
            let proposed = try await mandates.list(MandateFilter(resolutionID: resolution.id), viewer: officer)
            #expect(proposed.map(\.mandate.paragraphID) == ["op_1__para_1", "op_1__para_2", "op_2__para_1"])
            #expect(proposed[0].mandate.suggestedSDGs.contains("4"), "the matrix links C7 to SDG 4")
            #expect(try await mandates.list(MandateFilter(resolutionID: resolution.id), viewer: nil).isEmpty, "proposals are not public")

            let first = proposed[0].mandate
            let accepted = try await mandates.decide(on: first.id, MandateDecision(kind: .accept, expectedVersion: 1), by: officer)
            #expect(accepted.proposal == .accepted && accepted.version == 2)
            await #expect(throws: DomainError.conflict("changed-meanwhile")) {
                try await mandates.decide(on: first.id, MandateDecision(kind: .drop, expectedVersion: 1), by: officer)
            }
            let dropped = try await mandates.decide(on: proposed[2].mandate.id, MandateDecision(kind: .drop, expectedVersion: 1, reason: "no work"),
                                                    by: officer)
            #expect(dropped.proposal == .dropped)
            let organization = try await test.platform.accounts.createOrganization(
                NewOrganization(name: "Ministry of ICT", stakeholderType: "government", country: "KEN", ituMembership: "member-state"), by: officer)
            let edited = try await mandates.decide(on: first.id, MandateDecision(
                kind: .edit, expectedVersion: 2, actors: ["secretary-general", "director-bdt"], action: "report each year",
                due: try Due(kind: "date", value: "2026-06-15", text: "15 June 2026"), owner: "Ministry of ICT", weight: 3), by: officer)
            #expect(edited.actors == ["secretary-general", "director-bdt"] && edited.action == "report each year" && edited.weight == 3)
            #expect(edited.ownerOrganizationID == organization.id && edited.dueDay == "2026-06-15")
            await #expect(throws: DomainError.invalid([FieldError(field: "actors", code: "unknown-choice")])) {
                try await mandates.decide(on: first.id, MandateDecision(kind: .edit, expectedVersion: 3, actors: ["nobody"]), by: officer)
            }
            #expect(try await mandates.acceptAll(resolutionID: resolution.id, by: officer) == 1)
            #expect(try await mandates.list(MandateFilter(resolutionID: resolution.id), viewer: nil).count == 2)
            #expect(try await mandates.list(MandateFilter(actor: "director-bdt"), viewer: nil).map(\.mandate.id) == [first.id])
            #expect(try await mandates.list(MandateFilter(), signal: .dueSoon, viewer: nil).map(\.mandate.paragraphID) == ["op_1__para_1", "op_1__para_2"])
            let audited = try await test.platform.audit.search(AuditFilter(objectType: "mandate"), limit: 20).map(\.action)
            #expect(Set(audited) == ["mandate.accept", "mandate.drop", "mandate.edit"])
            #expect(try await test.platform.audit.search(AuditFilter(action: "mandate.propose"), limit: 5).count == 1)

            let focal = Actor(user: try await test.makeUser("fp@ict.go.ke", roles: [.focalPoint], organizationID: organization.id).user)
            let other = Actor(user: try await test.makeUser("fp@elsewhere.org", roles: [.focalPoint]).user)
            #expect(MandateService.mayReport(on: edited, actor: focal) && !MandateService.mayReport(on: edited, actor: other))
            await #expect(throws: DomainError.forbidden) {
                try await mandates.report(on: first.id, MandateReport(expectedVersion: 4, note: "done"), by: other)
            }
            await #expect(throws: DomainError.forbidden) {
                try await mandates.decide(on: first.id, MandateDecision(kind: .accept, expectedVersion: 4), by: focal)
            }
        }
    }

    @Test("updates are a history that is never rewritten; the lifecycle and the version are checked; no update is lost",
          arguments: TestDatabase.available)
    func updates(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let mandates = test.platform.mandates
            let (resolution, officer) = try await test.confirmedSample()
            _ = try await mandates.acceptAll(resolutionID: resolution.id, by: officer)
            let mandate = try #require(try await mandates.list(MandateFilter(resolutionID: resolution.id), viewer: officer).first?.mandate)

            let (started, first) = try await mandates.report(on: mandate.id, MandateReport(
                expectedVersion: mandate.version, note: "Drafting the first report", status: .inProgress, progress: 30,
                evidence: ["https://www.itu.int/council"]), by: officer)
            #expect(started.status == .inProgress && started.progress == 30 && started.version == mandate.version + 1)
            #expect(first.statusFrom == .notStarted && first.statusTo == .inProgress && first.evidence == ["https://www.itu.int/council"])

            // Two people report against the same version at once: one is saved, the other is told and loses nothing silently.
            let results = await withTaskGroup(of: Bool.self) { group in
                for note in ["Consulted the Working Group", "Sent the draft to the Bureaux"] {
                    group.addTask {
                        (try? await mandates.report(on: mandate.id, MandateReport(expectedVersion: started.version, note: note), by: officer)) != nil
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)

            let current = try await mandates.mandate(id: mandate.id, viewer: nil)
            #expect(current.updates.count == 2 && current.mandate.mandate.version == started.version + 1)
            await #expect(throws: DomainError.conflict("changed-meanwhile")) {
                try await mandates.report(on: mandate.id, MandateReport(expectedVersion: started.version, note: "late"), by: officer)
            }
            let version = current.mandate.mandate.version
            let (done, _) = try await mandates.report(on: mandate.id, MandateReport(expectedVersion: version, note: "Report sent", status: .completed),
                                                      by: officer)
            #expect(done.status == .completed && done.progress == 100)
            await #expect(throws: DomainError.conflict("reason-required-to-reopen")) {
                try await mandates.report(on: mandate.id, MandateReport(expectedVersion: done.version, note: "oops", status: .notStarted), by: officer)
            }
            // A correction is a new entry that names the one it corrects.
            let (_, correction) = try await mandates.report(on: mandate.id, MandateReport(
                expectedVersion: done.version, note: "The report went to the 2026 session, not 2025", corrects: first.id), by: officer)
            #expect(correction.corrects == first.id)
            let history = try await mandates.mandate(id: mandate.id, viewer: nil).updates
            #expect(history.count == 4 && history[0] == first, "the first entry is unchanged")

            await #expect(throws: DomainError.notFound(kind: "mandate", id: "no-such-mandate")) {
                try await mandates.report(on: "no-such-mandate", MandateReport(expectedVersion: 1, note: "x"), by: officer)
            }
            await #expect(throws: DomainError.invalid([FieldError(field: "evidence", code: "invalid-url")])) {
                try await mandates.report(on: mandate.id, MandateReport(expectedVersion: done.version + 1, note: "x", evidence: ["javascript:alert(1)"]),
                                          by: officer)
            }
            await #expect(throws: DomainError.invalid([FieldError(field: "progress", code: "out-of-range", parameters: ["min": "0", "max": "100"])])) {
                try await mandates.report(on: mandate.id, MandateReport(expectedVersion: done.version + 1, note: "x", progress: 130), by: officer)
            }
            #expect(try await test.platform.audit.search(AuditFilter(action: "mandate.update"), limit: 20).count == 4)
        }
    }

    @Test("the actor registry starts with ITU's and the UN's bodies and takes more", arguments: TestDatabase.available)
    func registry(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let officer = Actor(user: try await test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            #expect(try await test.platform.mandates.actors().count == MandateActor.seed.count)
            let added = try await test.platform.mandates.addActor(code: "friends-of-wsis", name: "Group of Friends of WSIS",
                                                                 patterns: ["Group of Friends"], by: officer)
            #expect(try await test.platform.mandates.actors().contains(added))
            await #expect(throws: DomainError.invalid([FieldError(field: "code", code: "taken")])) {
                try await test.platform.mandates.addActor(code: "friends-of-wsis", name: "Again", patterns: ["x"], by: officer)
            }
            await #expect(throws: DomainError.invalid([FieldError(field: "code", code: "invalid-code")])) {
                try await test.platform.mandates.addActor(code: "Bad Code", name: "x", patterns: ["x"], by: officer)
            }
        }
    }
}

@Suite("Evidence files")
struct EvidenceTests {
    static let pdf = Data("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    @Test("a PDF is kept and linked from its update; another kind is refused (415) and a larger file too (413), storing nothing",
          arguments: TestDatabase.available)
    func files(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let (resolution, officer) = try await test.confirmedSample(acceptingMandates: true)
            let service = test.platform.mandates
            let mandate = try #require(try await service.list(MandateFilter(resolutionID: resolution.id), viewer: nil).first?.mandate)
            let (after, update) = try await service.report(on: mandate.id, MandateReport(
                expectedVersion: mandate.version, note: "", files: [EvidenceFile(fileName: "report.pdf", data: Self.pdf)]), by: officer)
            #expect(after.version == mandate.version + 1)
            let link = try #require(update.evidence.first)
            #expect(link.hasPrefix("/evidence/") && update.evidence.count == 1)
            let (record, data) = try await service.evidence(id: String(link.dropFirst(10)), viewer: nil)
            #expect(record.fileName == "report.pdf" && record.mediaType == "application/pdf" && data == Self.pdf && record.size == Self.pdf.count)

            await #expect(throws: DomainError.unsupportedMedia("notes.html")) {
                try await service.report(on: mandate.id, MandateReport(expectedVersion: after.version, note: "x",
                                                                       files: [EvidenceFile(fileName: "notes.html", data: Data("<script>".utf8))]), by: officer)
            }
            let huge = Data("%PDF-".utf8) + Data(count: EvidenceFile.sizeLimit)
            await #expect(throws: DomainError.tooLarge(limit: EvidenceFile.sizeLimit)) {
                try await service.report(on: mandate.id, MandateReport(expectedVersion: after.version, note: "x",
                                                                       files: [EvidenceFile(fileName: "big.pdf", data: huge)]), by: officer)
            }
            #expect(try await service.mandate(id: mandate.id, viewer: nil).updates.count == 1, "nothing was recorded for the refused files")
            await #expect(throws: DomainError.notFound(kind: "evidence", id: "nope")) { try await service.evidence(id: "nope", viewer: nil) }
            #expect(EvidenceFile.mediaType(of: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])) == "image/png")
            #expect(EvidenceFile.mediaType(of: Data("PK\u{3}\u{4}....word/document.xml".utf8))?.hasSuffix("wordprocessingml.document") == true)
            #expect(EvidenceFile.mediaType(of: Data("PK\u{3}\u{4}....xl/workbook.xml".utf8)) == nil, "a spreadsheet is not a Word document")
        }
    }
}

@Suite("Recurring work")
struct OccurrenceTests {
    @Test("\"report annually\" is tracked year by year: each period its status, the mandate ongoing, overdue while a past year is not done",
          arguments: TestDatabase.available)
    func periods(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let (resolution, officer) = try await test.confirmedSample(acceptingMandates: true)
            let service = test.platform.mandates
            let yearly = try #require(try await service.list(MandateFilter(resolutionID: resolution.id), viewer: nil).first)
            #expect(yearly.mandate.due == .recurrence("annually", text: "annually"))
            #expect(yearly.occurrences.map(\.period) == ["2026"] && yearly.dueDay == "2026-12-31" && yearly.signals.isEmpty)

            let (after, update) = try await service.report(on: yearly.mandate.id, MandateReport(
                expectedVersion: yearly.mandate.version, note: "The 2026 report went to the Council", status: .completed, period: "2026"), by: officer)
            #expect(after.status == .ongoing && after.progress == 0, "the mandate is ongoing; the period is completed")
            #expect(update.period == "2026" && update.statusFrom == .notStarted && update.statusTo == .completed && update.progress == 100)
            await #expect(throws: DomainError.invalid([FieldError(field: "period", code: "unknown-period")])) {
                try await service.report(on: yearly.mandate.id, MandateReport(expectedVersion: after.version, note: "x", period: "2031"), by: officer)
            }
            await #expect(throws: DomainError.invalid([FieldError(field: "status", code: "not-for-a-period")])) {
                try await service.report(on: yearly.mandate.id, MandateReport(expectedVersion: after.version, note: "x", status: .cancelled,
                                                                              period: "2026"), by: officer)
            }
            let dated = try #require(try await service.list(MandateFilter(resolutionID: resolution.id), viewer: nil).dropFirst().first)
            await #expect(throws: DomainError.invalid([FieldError(field: "period", code: "unknown-period")])) {
                try await service.report(on: dated.mandate.id, MandateReport(expectedVersion: dated.mandate.version, note: "x", period: "2026"),
                                         by: officer)
            }

            // A year later: 2027 is open, 2026 done; two years later with 2027 not done: overdue.
            test.clock.advance(by: 365 * 86_400)
            var view = try #require(try await service.list(MandateFilter(resolutionID: resolution.id), viewer: nil).first)
            #expect(view.occurrences.map(\.period) == ["2026", "2027"] && view.occurrences.map(\.status) == [.completed, .notStarted])
            #expect(!view.signals.contains(.overdue))
            test.clock.advance(by: 365 * 86_400)
            view = try #require(try await service.list(MandateFilter(resolutionID: resolution.id), viewer: nil).first)
            #expect(view.signals.contains(.overdue), "2027 was not done")
            #expect(try await service.list(MandateFilter(), signal: .overdue, viewer: nil).map(\.mandate.id).contains(view.mandate.id))
            let exported = MandateExchange.updatesCSV(try await service.updates(of: [view]))
            #expect(try CSVTable(text: exported).records.first?["period"] == "2026")
        }
    }
}

@Suite("Splitting and merging proposals")
struct SplitMergeTests {
    @Test("a proposal split in two, another merged into it; only proposals; audited", arguments: TestDatabase.available)
    func splitAndMerge(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let (resolution, officer) = try await test.confirmedSample()
            let service = test.platform.mandates
            let proposals = try await service.list(MandateFilter(resolutionID: resolution.id), viewer: officer).map(\.mandate)
            let (first, second) = (proposals[0], proposals[1])
            let split = try await service.decide(on: first.id, MandateDecision(kind: .split, expectedVersion: 1,
                                                                              parts: ["report annually to the Council", "  ", "publish each report"]), by: officer)
            #expect(split.action == "report annually to the Council" && split.version == 2)
            var all = try await service.list(MandateFilter(resolutionID: resolution.id), viewer: officer).map(\.mandate)
            #expect(all.count == 4 && all[1].paragraphID == first.paragraphID && all[1].action == "publish each report" && all[1].proposal == .proposed)
            await #expect(throws: DomainError.invalid([FieldError(field: "parts", code: "two-parts")])) {
                try await service.decide(on: first.id, MandateDecision(kind: .split, expectedVersion: 2, parts: ["one"]), by: officer)
            }

            let merged = try await service.decide(on: second.id, MandateDecision(kind: .merge, expectedVersion: 1, into: all[1].id), by: officer)
            #expect(merged.proposal == .dropped && merged.statusReason == "merged into \(first.paragraphID)")
            all = try await service.list(MandateFilter(resolutionID: resolution.id), viewer: officer).map(\.mandate)
            #expect(all[1].action == "publish each report; " + second.action && all[1].version == 2)
            await #expect(throws: DomainError.invalid([FieldError(field: "into", code: "unknown-choice")])) {
                try await service.decide(on: all[3].id, MandateDecision(kind: .merge, expectedVersion: 1, into: second.id), by: officer)
            }
            _ = try await service.decide(on: first.id, MandateDecision(kind: .accept, expectedVersion: 2), by: officer)
            await #expect(throws: DomainError.conflict("not-a-proposal")) {
                try await service.decide(on: first.id, MandateDecision(kind: .split, expectedVersion: 3, parts: ["a", "b"]), by: officer)
            }
            let actions = try await test.platform.audit.search(AuditFilter(objectType: "mandate"), limit: 20).map(\.action)
            #expect(Set(actions).isSuperset(of: ["mandate.split", "mandate.split-part", "mandate.merge", "mandate.merge-into"]))
        }
    }
}


@Suite("Filtering mandates")
struct MandateFilterTests {
    @Test("by Action Line (C7 takes its sub-lines), SDG, owner and due window", arguments: TestDatabase.available)
    func filters(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let (resolution, officer) = try await test.confirmedSample(acceptingMandates: true)
            let service = test.platform.mandates
            let all = try await service.list(MandateFilter(resolutionID: resolution.id), viewer: nil)
            _ = try await service.decide(on: all[2].mandate.id, MandateDecision(kind: .edit, expectedVersion: all[2].mandate.version,
                                                                               owner: "Ministry of ICT, Kenya"), by: officer)
            let ids = { (filter: MandateFilter) in try await service.list(filter, viewer: nil).map(\.mandate.paragraphID) }
            #expect(try await ids(MandateFilter(actionLine: "C7")) == ["op_1__para_1"])
            #expect(try await ids(MandateFilter(actionLine: "c7.egov")).isEmpty)
            #expect(try await ids(MandateFilter(sdg: "4")).isEmpty, "the sample names no SDG")
            #expect(try await ids(MandateFilter(owner: "kenya")) == ["op_2__para_1"])
            #expect(try await ids(MandateFilter(dueBefore: "2026-06-30")) == ["op_1__para_2"])
            #expect(try await ids(MandateFilter(dueBefore: "2027-01-01")) == ["op_1__para_1", "op_1__para_2"], "the yearly report is due by 31 December")
        }
    }
}
