import Foundation
import Hummingbird
import HummingbirdTesting
import Review
import TestSupport
import Testing
import Web

@Suite("Resolution pages and API")
struct ResolutionWebTests {
    static let sample = """
        Document C31/9-E
        4 March 2031
        Digital skills for the review
        The Council,
        considering
        a)\tthat Council Resolution 1332 (Modified 2016) asks for regular reporting,
        instructs the Secretary-General
        1\tto report annually to the Council;
        2\tto report to the 2032 session of the Council.
        """

    static func multipart(csrf: String, fileName: String, file: String) -> (String, ByteBuffer) {
        let boundary = "----wsis-test-boundary"
        let body = """
            --\(boundary)\r
            Content-Disposition: form-data; name="_csrf"\r
            \r
            \(csrf)\r
            --\(boundary)\r
            Content-Disposition: form-data; name="file"; filename="\(fileName)"\r
            Content-Type: text/plain\r
            \r
            \(file)\r
            --\(boundary)--\r

            """
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(string: body))
    }

    /// Uploads a file from the import form, as the browser does.
    static func upload(_ file: String, named fileName: String, by browser: WebTest.Browser, csrf: String? = nil,
                       on web: WebTest) async throws -> TestResponse {
        let (contentType, body) = multipart(csrf: csrf ?? browser.csrf, fileName: fileName, file: file)
        return try await web.client.execute(uri: "/resolutions", method: .post,
                                            headers: [.cookie: browser.cookie, .contentType: contentType], body: body)
    }

    @Test("the secretariat uploads a file, sees the structure beside the highlighted source, and confirms it",
          arguments: TestDatabase.available)
    func uploadAndConfirm(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let officer = try await web.signIn(try await web.test.makeUser("officer@itu.int", roles: [.secretariat]))
            let upload = try await Self.upload(Self.sample, named: "c31-9.txt", by: officer, on: web)
            #expect(upload.status == .seeOther)
            let location = try #require(upload.headers[.location])
            #expect(location.hasPrefix("/resolutions/"))

            let page = try await web.get(location, as: officer)
            #expect(page.status == .ok)
            #expect(page.text.contains("This is a draft."))
            #expect(page.text.contains("id=\"op_1__para_2\""), "every paragraph has its anchor")
            #expect(page.text.contains("<mark class=\"hl-phrase\" title=\"instructs\">instructs the Secretary-General</mark>"))
            #expect(page.text.contains("<mark class=\"hl-citation\" title=\"itu/council/res/1332\">Council Resolution 1332 (Modified 2016)</mark>"))
            #expect(page.text.contains("<mark class=\"hl-time\" title=\"every:annually\">annually</mark>"))

            // The public does not see a draft.
            #expect(try await web.get(location).status == .notFound)
            #expect(!(try await web.get("/resolutions").text.contains("C31/9-E")))

            let confirm = try await web.post(location + "/confirm", [], as: officer)
            #expect(confirm.status == .seeOther)
            #expect(try await web.get(location).status == .ok)
            #expect(try await web.get("/resolutions").text.contains("C31/9-E"))
            let akn = try await web.get(location + "/akn.xml")
            #expect(akn.headers[.contentType]?.hasPrefix("application/akn+xml") == true)
            #expect(akn.text.contains("<statement name=\"resolution\""))
        }
    }

    static let sectioned = """
        A/RES/91/7
        12 December 2031
        Review of the information society
        The General Assembly,
        Recalling its resolution 70/125,
        I
        Action Lines
        Welcoming the work of the facilitators,
        1. Requests the Secretary-General to report annually;
        II
        Financing
        2. Decides to establish a trust fund, whose terms of reference are annexed;
        65th plenary meeting
        Annex
        Terms of reference
        1. The fund supports the participation of the least developed countries.
        2. Contributions follow resolution 70/125.
        """

    @Test("a resolution in sections with an annex: headings, anchors and annex on the page, in Akoma Ntoso and in the API",
          arguments: TestDatabase.available)
    func sectionsAndAnnexes(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let officer = try await web.signIn(try await web.test.makeUser("officer@itu.int", roles: [.secretariat]))
            let upload = try await Self.upload(Self.sectioned, named: "a-res-91-7.txt", by: officer, on: web)
            let location = try #require(upload.headers[.location])
            let page = try await web.get(location, as: officer).text
            #expect(page.contains("<h3 class=\"section-heading\" id=\"sec_1\" lang=\"en\" dir=\"ltr\"><a class=\"anchor\" href=\"#sec_1\">I</a> Action Lines</h3>"))
            #expect(page.contains("id=\"sec_2\""))
            #expect(page.contains("<section class=\"annex\" id=\"annex_1\""))
            #expect(page.contains("<p class=\"annex-title\" lang=\"en\" dir=\"ltr\">Terms of reference</p>"))
            #expect(page.contains("id=\"annex_1__para_2\""))
            #expect(page.contains("<mark class=\"hl-phrase\" title=\"annex_1\">Annex</mark>"), "the annex heading is marked in the source")
            // Sections come in the order of the text: pmbl_2 (Welcoming) under I, after pmbl_1 and before op_1.
            let order = ["id=\"pmbl_1\"", "id=\"sec_1\"", "id=\"pmbl_2\"", "id=\"op_1\"", "id=\"sec_2\"", "id=\"op_2\"", "id=\"annex_1\""]
                .map { page.range(of: $0)?.lowerBound }
            #expect(order.allSatisfy { $0 != nil } && zip(order, order.dropFirst()).allSatisfy { $0! < $1! })

            let akn = try await web.get(location + "/akn.xml", as: officer).text
            #expect(akn.contains("<section eId=\"sec_1\"><num>I</num><heading>Action Lines</heading>"))
            #expect(akn.contains("<attachment eId=\"att_1\">\n<doc name=\"annex\">"))

            let id = String(location.dropFirst("/resolutions/".count))
            let (user, _) = try await web.test.makeUser("api@itu.int", roles: [.secretariat])
            let (token, _) = try await web.platform.auth.createAPIToken(name: "read", for: Actor(user: user))
            let detail = try await web.api(.get, "/api/v1/resolutions/\(id)", token: token).json() as? [String: Any]
            let structure = detail?["structure"] as? [String: Any]
            #expect((structure?["sections"] as? [[String: Any]])?.map { $0["number"] as? String } == ["I", "II"])
            #expect((structure?["annexes"] as? [[String: Any]])?.first?["title"] as? String == "Terms of reference")
        }
    }

    @Test("the secretariat corrects a draft in the browser and through the API; each correction is audited", arguments: TestDatabase.available)
    func corrections(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (officer, password) = try await web.test.makeUser("officer@itu.int", roles: [.secretariat])
            let browser = try await web.signIn((officer, password))
            let imported = try await web.platform.resolutions.importDocument(Data(Self.sample.utf8), by: Actor(user: officer))
            let id = imported.resolution.id
            let page = try await web.get("/resolutions/\(id)", as: browser)
            #expect(page.text.contains("Correct the addressee") && page.text.contains("Correct this paragraph"))

            let addressee = try await web.post("/resolutions/\(id)/corrections",
                                               [("kind", "addressee"), ("block", "op_1"), ("addressee", "the Director of the Telecommunication Development Bureau")],
                                               as: browser)
            #expect(addressee.status == .seeOther && addressee.headers[.location] == "/resolutions/\(id)#op_1")
            let citation = try await web.post("/resolutions/\(id)/corrections",
                                              [("kind", "citation"), ("paragraph", "op_1__para_1"), ("citation", "A/RES/70/125")], as: browser)
            #expect(citation.status == .seeOther)
            let wrong = try await web.post("/resolutions/\(id)/corrections",
                                           [("kind", "citation"), ("paragraph", "op_1__para_1"), ("citation", "the usual report")], as: browser)
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("This is not a citation the platform can read"))
            // The citation the parser read from "Council Resolution 1332 (Modified 2016)" is removed, with a button per citation.
            let corrected = try await web.get("/resolutions/\(id)", as: browser).text
            #expect(corrected.contains("Remove the citation “Council Resolution 1332 (Modified 2016)” (itu/council/res/1332)"))
            let uncite = try await web.post("/resolutions/\(id)/corrections",
                                            [("kind", "uncite"), ("paragraph", "pmbl_1__para_a"), ("citation", "Council Resolution 1332 (Modified 2016)")],
                                            as: browser)
            #expect(uncite.status == .seeOther && uncite.headers[.location] == "/resolutions/\(id)#pmbl_1__para_a")
            let notCited = try await web.post("/resolutions/\(id)/corrections",
                                              [("kind", "uncite"), ("paragraph", "pmbl_1__para_a"), ("citation", "Resolution 71")], as: browser)
            #expect(notCited.status == .badRequest && notCited.text.contains("This paragraph holds no citation read from these words."))

            let (token, _) = try await web.platform.auth.createAPIToken(name: "fix", for: Actor(user: officer))
            let moved = try await web.api(.post, "/api/v1/resolutions/\(id)/corrections", token: token,
                                          json: #"{"kind":"move","paragraph_id":"op_1__para_2","block_id":"pmbl_1"}"#)
            #expect(moved.status == .ok)
            #expect(try await web.api(.post, "/api/v1/resolutions/\(id)/corrections", token: token,
                                      json: #"{"kind":"move","paragraph_id":"op_1__para_9","block_id":"pmbl_1"}"#).status == .unprocessableContent)

            let stored = try await web.platform.resolutions.resolution(id: id, viewer: Actor(user: officer))
            #expect(stored.structure.operative[0].addressee == "the Director of the Telecommunication Development Bureau")
            #expect(stored.structure.operative[0].paragraphs.map(\.id) == ["op_1__para_1"])
            #expect(stored.structure.preamble[0].paragraphs.map(\.id) == ["pmbl_1__para_a", "pmbl_1__para_2"])
            #expect(stored.structure.citations.map(\.citation.id).contains("un/ga/res/70/125"))
            #expect(!stored.structure.citations.map(\.citation.id).contains("itu/council/res/1332"))
            #expect(try await web.platform.audit.search(AuditFilter(action: "resolution.correct"), limit: 10).count == 4)

            _ = try await web.platform.resolutions.confirm(id: id, by: Actor(user: officer))
            let late = try await web.post("/resolutions/\(id)/corrections", [("kind", "addressee"), ("block", "op_1"), ("addressee", "x")], as: browser)
            #expect(late.status == .badRequest)
            #expect(late.text.contains("it can no longer be corrected"))
        }
    }

    @Test("bad uploads: nothing sent, not a resolution, too large", arguments: TestDatabase.available)
    func badUploads(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let officer = try await web.signIn(try await web.test.makeUser("officer@itu.int", roles: [.secretariat]))
            let empty = try await web.post("/resolutions", [("text", "  ")], as: officer)
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("Choose a file or paste the text of a resolution."))
            let charter = try await web.post("/resolutions", [("text", "We the peoples of the United Nations determined to save succeeding generations")], as: officer)
            #expect(charter.status == .badRequest)
            #expect(charter.text.contains("this does not look like a resolution"))
            let (contentType, body) = Self.multipart(csrf: officer.csrf, fileName: "big.txt", file: String(repeating: "x", count: 21 * 1_048_576))
            let huge = try await web.client.execute(uri: "/resolutions", method: .post,
                                                    headers: [.cookie: officer.cookie, .contentType: contentType], body: body)
            #expect(huge.status == .contentTooLarge)
            let (_, noCSRF) = Self.multipart(csrf: "wrong", fileName: "c.txt", file: Self.sample)
            let forged = try await web.client.execute(uri: "/resolutions", method: .post,
                                                      headers: [.cookie: officer.cookie, .contentType: contentType], body: noCSRF)
            #expect(forged.status == .forbidden)
            #expect(try await web.platform.resolutions.list(viewer: Actor(system: "test")).isEmpty)
        }
    }

    @Test("the JSON API imports bytes, returns the structure, and confirms", arguments: TestDatabase.available)
    func api(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (officer, _) = try await web.test.makeUser("officer@itu.int", roles: [.secretariat])
            let (token, _) = try await web.platform.auth.createAPIToken(name: "import", for: Actor(user: officer))
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/octet-stream"]
            let created = try await web.client.execute(uri: "/api/v1/resolutions", method: .post, headers: headers,
                                                       body: ByteBuffer(string: Self.sample))
            #expect(created.status == .created)
            let summary = try #require(try created.json() as? [String: Any])
            #expect(summary["work_id"] as? String == "itu/doc/C31/9")
            #expect(summary["operative_paragraphs"] as? Int == 2)
            let id = try #require(summary["id"] as? String)
            let again = try await web.client.execute(uri: "/api/v1/resolutions", method: .post, headers: headers,
                                                     body: ByteBuffer(string: Self.sample))
            #expect(again.status == .ok)

            #expect(try await web.api(.get, "/api/v1/resolutions/\(id)").status == .notFound, "a draft is not public")
            let detail = try #require(try await web.api(.get, "/api/v1/resolutions/\(id)", token: token).json() as? [String: Any])
            let structure = try #require(detail["structure"] as? [String: Any])
            #expect((structure["operative"] as? [Any])?.count == 1)
            #expect(try await web.api(.post, "/api/v1/resolutions/\(id)/confirm", token: token).status == .ok)
            let list = try #require(try await web.api(.get, "/api/v1/resolutions").json() as? [[String: Any]])
            #expect(list.map { $0["id"] as? String } == [id])

            let junk = try await web.client.execute(uri: "/api/v1/resolutions", method: .post, headers: headers,
                                                    body: ByteBuffer(string: "hello"))
            #expect(junk.status == .unprocessableContent)
            #expect(junk.headers[.contentType] == "application/problem+json")
            let problem = try #require(try junk.json() as? [String: Any])
            #expect(problem["title"] as? String == "The document could not be read")
            #expect((problem["detail"] as? String)?.hasPrefix("this does not look like a resolution") == true)
            // The same refusal in the language the client asks for.
            var french = headers
            french[.acceptLanguage] = "fr"
            let refused = try await web.client.execute(uri: "/api/v1/resolutions", method: .post, headers: french, body: ByteBuffer(string: "hello"))
            let frenchProblem = try #require(try refused.json() as? [String: Any])
            #expect((frenchProblem["detail"] as? String)?.hasPrefix("ce texte ne ressemble pas à une résolution\u{00A0}: aucune formule introductive") == true)
        }
    }
}
