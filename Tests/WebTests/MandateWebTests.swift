import Foundation
import Hummingbird
import HummingbirdTesting
import Review
import Synchronization
import TestSupport
import Testing
@testable import Web

@Suite("Mandate pages and API")
struct MandateWebTests {

    /// The sample imported and confirmed by a secretariat officer, who is signed in.
    func confirmed(_ web: WebTest) async throws -> (id: String, officer: User, browser: WebTest.Browser) {
        let (officer, password) = try await web.test.makeUser("officer@itu.int", roles: [.secretariat])
        let browser = try await web.signIn((officer, password))
        let imported = try await web.platform.resolutions.importDocument(Data(SampleText.tracked.utf8), by: Actor(user: officer))
        _ = try await web.platform.resolutions.confirm(id: imported.resolution.id, by: Actor(user: officer))
        return (imported.resolution.id, officer, browser)
    }

    @Test("the board groups proposals as the resolution does; the secretariat accepts them; a report changes the roll-up",
          arguments: TestDatabase.available)
    func board(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (id, _, officer) = try await confirmed(web)
            let board = try await web.get("/resolutions/\(id)/mandates", as: officer)
            #expect(board.status == .ok)
            #expect(board.text.contains("<h2 id=\"op_1-heading\"><i>instructs the Secretary-General</i></h2>"))
            #expect(board.text.contains("Proposals waiting for a decision: <strong>3</strong>"))
            #expect(board.text.contains("href=\"/resolutions/\(id)#op_1__para_2\""), "each mandate links to its paragraph")
            #expect(!(try await web.get("/resolutions/\(id)/mandates").text.contains("op_1__para_2")), "the public sees no proposal")

            #expect(try await web.post("/resolutions/\(id)/mandates/accept-all", [], as: officer).status == .seeOther)
            let publicBoard = try await web.get("/resolutions/\(id)/mandates").text
            #expect(publicBoard.contains("Due within 30 days"), "the signal is a word, not a colour")
            #expect(publicBoard.contains("Progress of the whole resolution</strong> <meter min=\"0\" max=\"100\" value=\"0\">"))

            let mandate = try #require(try await web.platform.mandates.list(.init(resolutionID: id), viewer: nil).first?.mandate)
            let page = try await web.get("/mandates/\(mandate.id)", as: officer)
            #expect(page.text.contains("to report annually to the Council on Action Line C7;") && page.text.contains("Record the update"))
            #expect(page.text.contains("Periods of this recurring work") && page.text.contains("<option value=\"2026\" selected>2026</option>"))
            #expect(page.text.contains("The paragraph cites:") && page.text.contains("Resolutions that cite this one:"))
            let update = try await web.post("/mandates/\(mandate.id)/updates", [
                ("version", String(mandate.version)), ("note", "First report drafted"), ("status", "in-progress"), ("progress", "60"),
                ("evidence", "https://www.itu.int/md/S26-CL-C-0001/en"),
            ], as: officer)
            #expect(update.status == .seeOther && update.headers[.location] == "/mandates/\(mandate.id)#history")
            let after = try await web.get("/mandates/\(mandate.id)").text
            #expect(after.contains("First report drafted") && after.contains("Status: Not started → In progress"))
            #expect(after.contains("href=\"https://www.itu.int/md/S26-CL-C-0001/en\""))
            #expect(try await web.get("/resolutions/\(id)/mandates").text.contains("value=\"20\">20%"), "(60 + 0 + 0) / 3")

            // The same form sent again against the old version: 409, the page shows what changed, nothing is saved twice.
            let stale = try await web.post("/mandates/\(mandate.id)/updates", [("version", String(mandate.version)), ("note", "again")], as: officer)
            #expect(stale.status == .conflict && stale.text.contains("Someone changed this mandate while you were working on it"))
            #expect(stale.text.contains("First report drafted"))
            let reopen = try await web.post("/mandates/\(mandate.id)/updates", [
                ("version", String(mandate.version + 1)), ("note", "cancel"), ("status", "cancelled"),
            ], as: officer)
            #expect(reopen.status == .conflict && reopen.text.contains("only with a reason"))
            #expect(try await web.get("/mandates/no-such-mandate").status == .notFound)
            let list = try await web.get("/mandates?signal=due-soon").text
            #expect(list.contains("publish the data by 20 June 2026") && !list.contains("share their experience"))
            let byLine = try await web.get("/mandates?action_line=C7&due_within=400").text
            #expect(byLine.contains("report annually to the Council") && !byLine.contains("publish the data"))
            #expect(try await web.api(.get, "/api/v1/mandates?due_before=someday").status == .unprocessableContent)
        }
    }

    @Test("the mandate page's model is made from one read: source, periods, history with its files by name, links; proposals hidden from the public",
          arguments: TestDatabase.available)
    func pageModel(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (id, officer, _) = try await confirmed(web)
            let proposals = try await web.platform.mandates.list(.init(resolutionID: id), viewer: Actor(user: officer))
            let proposal = try #require(proposals.first?.mandate)
            await #expect(throws: DomainError.notFound(kind: "mandate", id: proposal.id)) {
                try await web.platform.mandates.dossier(id: proposal.id, viewer: nil)
            }
            let catalog = try Catalog.bundled()
            let staffView = MandatePage(try await web.platform.mandates.dossier(id: proposal.id, viewer: Actor(user: officer)),
                                        language: .english, catalog: catalog, staff: true)
            #expect(staffView.proposed && !staffView.mayReport && staffView.mergeTargets.count == proposals.count - 1)

            _ = try await web.platform.mandates.acceptAll(resolutionID: id, by: Actor(user: officer))
            let mandate = try #require(try await web.platform.mandates.list(.init(resolutionID: id), viewer: nil).first?.mandate)
            _ = try await web.platform.mandates.report(on: mandate.id, MandateReport(
                expectedVersion: mandate.version, note: "The report", status: .inProgress, progress: 40,
                evidence: ["https://www.itu.int/md/S26-CL-C-0001/en"], files: [EvidenceFile(fileName: "report.pdf", data: Data("%PDF-1.7 r".utf8))]
            ), by: Actor(user: officer))

            // One read session for the whole page, however many files and links it shows.
            let reads = ReadCounter()
            let counting = CountingStore(inner: web.platform.store, reads: reads)
            let service = MandateService(store: counting, clock: web.test.clock, ids: UUIDGenerator())
            let dossier = try await service.dossier(id: mandate.id, viewer: nil)
            #expect(reads.count == 1)

            let page = MandatePage(dossier, language: .english, catalog: catalog, staff: false)
            #expect(page.action == mandate.action && page.symbol == "C31/9-E" && !page.staff && !page.mayReport)
            #expect(page.sourceHref == "/resolutions/\(id)#\(mandate.paragraphID)" && page.boardHref == "/resolutions/\(id)/mandates")
            #expect(page.status == "In progress" && page.progress == 40 && page.periods.map(\.period) == ["2026"])
            let update = try #require(page.updates.first)
            #expect(update.note == "The report" && update.facts?.contains("Status: Not started → In progress") == true)
            #expect(update.evidence.map(\.label) == ["https://www.itu.int/md/S26-CL-C-0001/en", "report.pdf"], "a file is shown by its name")
            #expect(update.evidence.last?.href.hasPrefix("/evidence/") == true)
            #expect(page.newer == nil && page.statusChoices.filter(\.selected).map(\.value) == ["in-progress"])
            #expect(page.decisionHref == "/mandates/\(mandate.id)/decision" && page.updatesHref == "/mandates/\(mandate.id)/updates")
        }
    }

    @Test("the JSON API lists, reads, reports and decides; stale versions get 409, unknown mandates 404",
          arguments: TestDatabase.available)
    func api(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (id, officer, _) = try await confirmed(web)
            let (token, _) = try await web.platform.auth.createAPIToken(name: "tracker", for: Actor(user: officer))
            let proposals = try #require(try await web.api(.get, "/api/v1/mandates?resolution=\(id)", token: token).json() as? [[String: Any]])
            #expect(proposals.count == 3 && proposals.allSatisfy { $0["proposal"] as? String == "proposed" })
            #expect((try await web.api(.get, "/api/v1/mandates?resolution=\(id)").json() as? [Any])?.isEmpty == true)
            let first = try #require(proposals.first?["id"] as? String)
            let accepted = try await web.api(.post, "/api/v1/mandates/\(first)/decision", token: token, json: #"{"decision":"accept","version":1}"#)
            let acceptedBody = try accepted.json() as? [String: Any]
            #expect(accepted.status == .ok && acceptedBody?["proposal"] as? String == "accepted")
            let report = try await web.api(.post, "/api/v1/mandates/\(first)/updates", token: token,
                                           json: #"{"version":2,"note":"Started","status":"in-progress","progress":10,"evidence":["https://www.itu.int"]}"#)
            let reportBody = try report.json() as? [String: Any]
            #expect(report.status == .created && reportBody?["version"] as? Int == 3)
            let stale = try await web.api(.post, "/api/v1/mandates/\(first)/updates", token: token, json: #"{"version":2,"note":"late"}"#)
            #expect(stale.status == .conflict && stale.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            let forbidden = try await web.api(.post, "/api/v1/mandates/\(first)/updates", token: token,
                                              json: #"{"version":3,"note":"x","status":"not-started"}"#)
            #expect(forbidden.status == .conflict && forbidden.text.contains("only with a reason"))
            #expect(try await web.api(.post, "/api/v1/mandates/nope/updates", token: token, json: #"{"version":1,"note":"x"}"#).status == .notFound)
            #expect(try await web.api(.post, "/api/v1/mandates/\(first)/updates", token: token, json: #"{"version":3,"progress":250}"#).status == .unprocessableContent)
            #expect(try await web.api(.post, "/api/v1/mandates/\(first)/updates", json: #"{"version":3,"note":"x"}"#).status == .unauthorized)
            let detail = try #require(try await web.api(.get, "/api/v1/mandates/\(first)").json() as? [String: Any])
            #expect((detail["updates"] as? [[String: Any]])?.first?["note"] as? String == "Started")
            #expect(((detail["mandate"] as? [String: Any])?["due"] as? [String: Any])?["kind"] as? String == "recurrence")
        }
    }

    @Test("open data: CSV and JSON downloads; the import page checks then applies; the API takes text/csv",
          arguments: TestDatabase.available)
    func openData(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (id, officer, browser) = try await confirmed(web)
            _ = try await web.platform.mandates.acceptAll(resolutionID: id, by: Actor(user: officer))
            let csv = try await web.get("/mandates.csv?resolution=\(id)")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8" && csv.headers[.contentDisposition]?.contains("mandates.csv") == true)
            #expect(csv.text.hasPrefix("mandate_id,resolution_id,") && csv.text.components(separatedBy: "\r\n").count == 5)
            #expect(try await web.get("/mandates.json").headers[.contentType] == "application/json; charset=utf-8")
            let mandate = try #require(try await web.platform.mandates.list(.init(resolutionID: id), viewer: nil).first?.mandate)

            let file = "mandate_id,note,status_to,progress\r\n\(mandate.id),Drafted,in-progress,20\r\nnope,x,,\r\n"
            func upload(_ mode: String, _ text: String) async throws -> TestResponse {
                try await web.postMultipart("/mandates/import", [("mode", mode)], file: ("file", "updates.csv", "text/csv", text), as: browser)
            }
            #expect(try await web.get("/mandates/import", as: browser).text.contains("Check the file (nothing is saved)"))
            let checked = try await upload("check", file)
            #expect(checked.status == .badRequest && checked.text.contains("Checked: 2 rows, 1 with problems. Nothing was saved."))
            #expect(checked.text.contains("not-started → in-progress; progress 20%; note") && checked.text.contains("There is no mandate with this id."))
            let refused = try await upload("apply", file)
            #expect(refused.status == .badRequest && refused.text.contains("Not applied: 1 rows have problems."))
            let applied = try await upload("apply", "mandate_id,note,status_to,progress\r\n\(mandate.id),Drafted,in-progress,20\r\n")
            #expect(applied.status == .ok && applied.text.contains("Applied: 1 rows recorded."))
            #expect(try await web.get("/mandates-updates.csv").text.contains("\(mandate.id),"))

            let (token, _) = try await web.platform.auth.createAPIToken(name: "import", for: Actor(user: officer))
            var headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "text/csv"]
            let dry = try await web.client.execute(uri: "/api/v1/mandate-updates/import", method: .post, headers: headers,
                                                   body: ByteBuffer(string: "mandate_id,note,progress\r\n\(mandate.id),More,40\r\n"))
            let dryReport = try dry.json() as? [String: Any]
            #expect(dry.status == .ok && dryReport?["applied"] as? Bool == false)
            let bad = try await web.client.execute(uri: "/api/v1/mandate-updates/import?apply=true", method: .post, headers: headers,
                                                   body: ByteBuffer(string: "mandate_id,note,progress\r\n\(mandate.id),More,lots\r\n"))
            let badReport = try bad.json() as? [String: Any]
            #expect(bad.status == .unprocessableContent && badReport?["applied"] as? Bool == false)
            headers[.contentType] = "application/json"
            #expect(try await web.client.execute(uri: "/api/v1/mandate-updates/import", method: .post, headers: headers,
                                                 body: ByteBuffer(string: "{}")).status.code / 100 == 4)
        }
    }

    @Test("evidence files: uploaded from the page and through the API, downloaded as attachments; 415 and 413 for the others",
          arguments: TestDatabase.available)
    func evidence(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (id, officer, browser) = try await confirmed(web)
            _ = try await web.platform.mandates.acceptAll(resolutionID: id, by: Actor(user: officer))
            let mandate = try #require(try await web.platform.mandates.list(.init(resolutionID: id), viewer: nil).first?.mandate)
            func upload(_ name: String, _ bytes: String, version: Int) async throws -> TestResponse {
                try await web.postMultipart("/mandates/\(mandate.id)/updates", [("version", String(version)), ("note", "The report")],
                                            file: ("evidence_file", name, "application/pdf", bytes), as: browser)
            }
            #expect(try await upload("report.pdf", "%PDF-1.7 a report", version: mandate.version).status == .seeOther)
            let page = try await web.get("/mandates/\(mandate.id)").text
            let link = try #require(page.range(of: "href=\"/evidence/").map { String(page[$0.upperBound...].prefix(36)) })
            #expect(page.contains(">report.pdf</a>"), "shown by its name")
            let download = try await web.get("/evidence/\(link)")
            #expect(download.status == .ok && download.headers[.contentType] == "application/pdf" && download.text == "%PDF-1.7 a report")
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"report.pdf\"")
            let html = try await upload("page.html", "<html><script>alert(1)</script>", version: mandate.version + 1)
            #expect(html.status == .unsupportedMediaType && html.text.contains("is not a PDF, a Word document"))

            let (token, _) = try await web.platform.auth.createAPIToken(name: "evidence", for: Actor(user: officer))
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/octet-stream"]
            let created = try await web.client.execute(uri: "/api/v1/mandates/\(mandate.id)/evidence?version=\(mandate.version + 1)&file_name=photo.png",
                                                       method: .post, headers: headers, body: ByteBuffer(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]))
            #expect(created.status == .created)
            let refused = try await web.client.execute(uri: "/api/v1/mandates/\(mandate.id)/evidence?version=\(mandate.version + 2)&file_name=x.exe",
                                                       method: .post, headers: headers, body: ByteBuffer(string: "MZ"))
            #expect(refused.status == .unsupportedMediaType && refused.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            #expect(try await web.get("/evidence/nope").status == .notFound)
        }
    }

    @Test("the secretariat splits a proposal and merges another from the mandate's page", arguments: TestDatabase.available)
    func splitAndMerge(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (id, _, officer) = try await confirmed(web)
            let proposals = try await web.platform.mandates.list(.init(resolutionID: id), viewer: Actor(system: "test")).map(\.mandate)
            let page = try await web.get("/mandates/\(proposals[0].id)", as: officer).text
            #expect(page.contains("Split this proposal") && page.contains("Merge this proposal into another"))
            let split = try await web.post("/mandates/\(proposals[0].id)/decision",
                                           [("decision", "split"), ("version", "1"), ("parts", "report annually\npublish the reports")], as: officer)
            #expect(split.status == .seeOther)
            let merge = try await web.post("/mandates/\(proposals[2].id)/decision",
                                           [("decision", "merge"), ("version", "1"), ("into", proposals[1].id)], as: officer)
            #expect(merge.status == .seeOther)
            let board = try await web.get("/resolutions/\(id)/mandates", as: officer).text
            #expect(board.contains("publish the reports") && board.contains("Proposals waiting for a decision: <strong>3</strong>"))
            let bad = try await web.post("/mandates/\(proposals[1].id)/decision", [("decision", "split"), ("version", "2"), ("parts", "only one")],
                                         as: officer)
            #expect(bad.status == .badRequest && bad.text.contains("Give at least two actions, one per line."))
        }
    }

    @Test("the actor registry: listed for everyone, extended by the secretariat on the page and through the API", arguments: TestDatabase.available)
    func actors(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (officer, password) = try await web.test.makeUser("officer@itu.int", roles: [.secretariat])
            let browser = try await web.signIn((officer, password))
            #expect(try await web.get("/mandates/actors").text.contains("<tr id=\"actor-secretary-general\">"))
            let added = try await web.post("/mandates/actors", [("code", "friends-of-wsis"), ("name", "Group of Friends of WSIS"),
                                                                ("patterns", "Group of Friends\nFriends of WSIS")], as: browser)
            #expect(added.status == .seeOther && added.headers[.location] == "/mandates/actors#actor-friends-of-wsis")
            let bad = try await web.post("/mandates/actors", [("code", "Bad Code"), ("name", "x"), ("patterns", "x")], as: browser)
            #expect(bad.status == .badRequest && bad.text.contains("Use lower-case letters, digits and hyphens only."))
            let (token, _) = try await web.platform.auth.createAPIToken(name: "actors", for: Actor(user: officer))
            let created = try await web.api(.post, "/api/v1/mandate-actors", token: token,
                                            json: #"{"code":"unctad","name":"UN Trade and Development","patterns":["UNCTAD"]}"#)
            #expect(created.status == .created)
            let list = try #require(try await web.api(.get, "/api/v1/mandate-actors").json() as? [[String: Any]])
            #expect(list.contains { $0["code"] as? String == "unctad" } && list.contains { $0["code"] as? String == "friends-of-wsis" })
            #expect(try await web.api(.post, "/api/v1/mandate-actors", json: #"{"code":"x","name":"x","patterns":["x"]}"#).status == .unauthorized)
        }
    }
}

final class ReadCounter: Sendable {
    private let value = Atomic<Int>(0)
    func add() { value.add(1, ordering: .relaxed) }
    var count: Int { value.load(ordering: .relaxed) }
}

/// A store that counts the read sessions opened through it.
struct CountingStore: Store {
    let inner: any Store
    let reads: ReadCounter

    var concurrentWriters: Bool { inner.concurrentWriters }

    func read<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T {
        reads.add()
        return try await inner.read(work)
    }

    func write<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T {
        try await inner.write(work)
    }

    func bulkWrite<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T {
        try await inner.bulkWrite(work)
    }
}
