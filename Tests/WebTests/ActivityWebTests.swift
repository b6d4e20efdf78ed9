import Foundation
import Hummingbird
import HummingbirdTesting
import Review
import TestSupport
import Testing
@testable import Web

@Suite("Stocktaking pages and API")
struct ActivityWebTests {
    static let form: [(String, String)] = [
        ("title_en", "Digital skills for rural teachers"), ("summary_en", "Teachers in rural schools learn digital skills."),
        ("stakeholder_type", "government"), ("countries", "KEN"), ("coverage", "national"), ("status", "ongoing"),
        ("primary_action_line", "C4"), ("sdg_goals", "4"), ("contact", "desk@ict.go.ke"),
    ]

    @Test("a focal point submits; another organization cannot see or change the draft on any page or API route; a reviewer publishes; the public finds it",
          arguments: TestDatabase.available)
    func moderation(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let ministry = try await web.test.makeOrganization("Ministry of ICT Kenya")
            let society = try await web.test.makeOrganization("Open Knowledge Society", type: .civilSociety)
            let focal = try await web.test.makeUser("fp@ict.go.ke", roles: [.focalPoint], organizationID: ministry.id)
            let strangerUser = try await web.test.makeUser("fp@oks.org", roles: [.focalPoint], organizationID: society.id)
            let reviewerUser = try await web.test.makeUser("reviewer@itu.int", roles: [.reviewer])
            let browser = try await web.signIn(focal)
            let stranger = try await web.signIn(strangerUser)
            let reviewer = try await web.signIn(reviewerUser)

            // Suggestions from the matrix, without saving.
            let suggested = try await web.post("/activities", Self.form + [("mode", "suggest")], as: browser)
            #expect(suggested.status == .ok && suggested.text.contains("id=\"suggestions\"") && suggested.text.contains("(suggested)"))
            let refused = try await web.post("/activities", [("title_en", "No summary"), ("primary_action_line", "C12"), ("mode", "save")], as: browser)
            #expect(refused.status == .badRequest && refused.text.contains("is not a code we know"))

            let created = try await web.post("/activities", Self.form + [("mode", "save")], as: browser)
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            let id = String(location.split(separator: "/").last!)
            let page = try await web.get(location, as: browser)
            #expect(page.text.contains("Draft") && page.text.contains("desk@ict.go.ke") && page.text.contains("Submit for review"))

            // Every route that reads or changes the draft, for someone of another organization and for the public.
            let (strangerToken, _) = try await web.platform.auth.createAPIToken(name: "t", for: Actor(user: strangerUser.user))
            for (who, name) in [(stranger, "stranger"), (WebTest.anonymous, "public")] {
                #expect(try await web.get("/activities/\(id)", as: who).status == .notFound, "\(name) sees the draft")
                #expect(try await web.get("/activities/\(id)/edit", as: who).status != .ok, "\(name) opens the edit form")
                for (path, fields) in [("edit", Self.form + [("version", "1")]), ("transitions", [("step", "submit")]), ("comments", [("comment", "hello")])] {
                    let response = try await web.post("/activities/\(id)/\(path)", fields, as: who)
                    #expect([303, 403, 404].contains(response.status.code) && !(response.headers[.location] ?? "").hasPrefix("/activities/"),
                            "\(name) posts to \(path): \(response.status)")
                }
            }
            #expect(try await web.api(.get, "/api/v1/activities/\(id)", token: strangerToken).status == .notFound)
            #expect(try await web.api(.get, "/api/v1/activities/\(id)").status == .notFound)
            #expect(try await web.api(.put, "/api/v1/activities/\(id)?version=1", token: strangerToken,
                                      json: #"{"title_en":"x","summary_en":"y","primary_action_line":"C4"}"#).status == .notFound)
            #expect(try await web.api(.post, "/api/v1/activities/\(id)/transitions", token: strangerToken, json: #"{"step":"submit"}"#).status == .notFound)
            #expect(try await web.api(.post, "/api/v1/activities/\(id)/comments", token: strangerToken, json: #"{"text":"x"}"#).status == .notFound)
            let queue = try await web.get("/activities/queue", as: stranger)
            #expect(queue.status == .ok && !queue.text.contains(id))
            #expect(try await web.get("/activities/queue", as: browser).text.contains(id))

            #expect(try await web.post("/activities/\(id)/transitions", [("step", "submit"), ("version", "1")], as: browser).status == .seeOther)
            #expect(try await web.get("/activities/queue", as: reviewer).text.contains(id))
            let noComment = try await web.post("/activities/\(id)/transitions", [("step", "request-changes")], as: reviewer)
            #expect(noComment.status == .badRequest && noComment.text.contains("This is required."))
            #expect(try await web.post("/activities/\(id)/transitions", [("step", "publish")], as: reviewer).status == .seeOther)
            let published = try await web.get("/activities/\(id)")
            #expect(published.status == .ok && published.text.contains("Published") && !published.text.contains("desk@ict.go.ke"))

            // The page's model, for the public and for the focal point who submitted it.
            let catalog = try Catalog.bundled()
            func model(_ viewer: Actor?) async throws -> ActivityPage {
                let (view, names) = try await web.platform.activities.page(id: id, for: viewer)
                return ActivityPage(view, names: .init(names, language: .english), language: .english, catalog: catalog)
            }
            let forPublic = try await model(nil)
            #expect(forPublic.title == "Digital skills for rural teachers" && forPublic.state == "Published" && forPublic.published)
            #expect(forPublic.contact == nil && forPublic.comments.isEmpty && forPublic.transitions.isEmpty && !forPublic.canEdit)
            #expect(forPublic.countries == "Kenya" && forPublic.lines.map(\.term) == ["C4"] && forPublic.goals.map(\.href) == ["/sdgs/4"])
            #expect(forPublic.description == nil && forPublic.partners == nil, "an empty fact is absent, not an empty line")
            let forSubmitter = try await model(Actor(user: focal.user))
            #expect(forSubmitter.contact == "desk@ict.go.ke" && forSubmitter.canEdit && forSubmitter.involved)
            #expect(forSubmitter.editHref == "/activities/\(id)/edit" && forSubmitter.commentsHref == "/activities/\(id)/comments")

            let phrase = try await web.get("/activities?q=%22rural+schools%22")
            #expect(phrase.text.contains("value=\"&quot;rural schools&quot;\"") && phrase.text.contains("1 activity<"), "a + in the query is a space")
            let search = try await web.get("/activities?q=rural+teach*")
            #expect(search.status == .ok && search.text.contains("<mark>rural</mark>") && search.text.contains("1 activity<"))
            let api = try #require(try await web.api(.get, "/api/v1/activities?q=digital&country=KEN&sdg=4").json() as? [String: Any])
            #expect(api["total"] as? Int == 1 && ((api["facets"] as? [String: Any])?["country"] as? [[String: Any]])?.first?["value"] as? String == "KEN")
            let detail = try #require(try await web.api(.get, "/api/v1/activities/\(id)").json() as? [String: Any])
            #expect(detail["state"] as? String == "published" && (detail["fields"] as? [String: Any])?["contact"] == nil)
        }
    }

    @Test("the search page: results before the filters, chosen filters as chips that remove them, the right words for an empty registry",
          arguments: TestDatabase.available)
    func searchLayout(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let empty = try await web.get("/activities")
            #expect(empty.text.contains("No activity has been published in the registry yet."))
            #expect(!empty.text.contains("No activity matches"))
            let officer = Actor(user: try await web.test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            let csv = "external_id,title_en,summary_en,organization,stakeholder_type,primary_action_line,sdg_goals,countries\r\n"
                + "a,Open data portal,Publishes digital data,Org,government,C3,16,KEN\r\nb,School broadband,Digital schools,Org,government,C2,4,IND\r\n"
            _ = try await web.platform.activities.importActivities(.csv(Data(csv.utf8)), apply: true, by: officer)
            let page = try await web.get("/activities?q=digital&country=KEN").text
            let results = try #require(page.range(of: #"<section class="results""#)), filters = try #require(page.range(of: #"<aside class="facets""#))
            #expect(results.lowerBound < filters.lowerBound, "the results come first")
            #expect(page.contains(#"<a href="/activities?q=digital" class="chip">Country or area: Kenya"#), "the chip removes its filter")
            #expect(page.contains(#"<details class="facet" open>"#))
            let none = try await web.get("/activities?q=nothing-of-the-kind").text
            #expect(none.contains("No activity matches"))
        }
    }

    @Test("hostile searches answer normally or 400, never 500; the import page reports problems and refuses a file over the limit; exports stream",
          arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            for query in ["%22unbalanced", "NEAR(", "*", "AND+OR", "%27%3B+DROP+TABLE+activities", "%E6%95%B0%E5%AD%97", "a*"] {
                #expect(try await web.get("/activities?q=\(query)").status == .ok, "page: \(query)")
                #expect(try await web.api(.get, "/api/v1/activities?q=\(query)").status == .ok, "API: \(query)")
            }
            let long = String(repeating: "x", count: 10_000)
            #expect(try await web.get("/activities?q=\(long)").status == .badRequest)
            let apiLong = try await web.api(.get, "/api/v1/activities?q=\(long)")
            #expect(apiLong.status == .unprocessableContent && apiLong.text.contains("at most 1000 characters"))
            #expect(try await web.api(.get, "/api/v1/activities?q=digital&cursor=bogus").status == .unprocessableContent)
            #expect(try await web.api(.get, "/api/v1/activities?limit=0").status == .unprocessableContent)

            let officer = try await web.test.makeUser("officer@itu.int", roles: [.secretariat])
            let browser = try await web.signIn(officer)
            let bad = "external_id,title_en,summary_en,organization,stakeholder_type,primary_action_line,sdg_goals,countries\r\n"
                + "a,T,S,Org,government,C12,18,XX\r\na,T,S,Org,government,C4,4,KEN\r\n"
            let checked = try await web.postMultipart("/activities/import", [("mode", "check")], file: ("file", "bad.csv", "text/csv", bad), as: browser)
            #expect(checked.status == .badRequest && checked.text.contains("“C12” is not a code we know") && checked.text.contains("appears twice"))
            func applied(_ name: String, _ content: String) async throws -> TestResponse {
                let started = try await web.postMultipart("/activities/import", [("mode", "apply")], file: ("file", name, "text/csv", content), as: browser)
                #expect(started.status == .seeOther)
                let location = try #require(started.headers[.location])
                try await web.platform.jobRunner.runPending()
                return try await web.get(location, as: browser)
            }
            let report = try await applied("bad.csv", bad)
            #expect(report.status == .badRequest && report.text.contains("“C12” is not a code we know") && report.text.contains("nothing was saved"))
            #expect(try await web.platform.activities.counts()[.published] == 0)
            let good = "external_id,title_en,summary_en,organization,stakeholder_type,primary_action_line,sdg_goals,countries\r\n"
                + "a,Open data portal,Publishes digital data,Org,government,C3,16,KEN\r\n"
            let done = try await applied("good.csv", good)
            #expect(done.status == .ok && done.text.contains("1 added") && done.text.contains("good.csv"))
            #expect(try await web.get("/activities/import/jobs/nope", as: browser).status == .notFound)
            let huge = String(repeating: "x", count: 21 * 1_048_576)
            let tooLarge = try await web.postMultipart("/activities/import", [("mode", "apply")], file: ("file", "huge.csv", "text/csv", huge), as: browser)
            #expect(tooLarge.status == .contentTooLarge)

            let csv = try await web.get("/activities.csv")
            #expect(csv.status == .ok && csv.text.contains("Open data portal") && csv.text.hasPrefix("external_id,title_en"))
            #expect(try await web.get("/activities.xml").text.contains("<iati-identifier>XX-UNREGISTERED-WSIS-"))
            #expect(try await web.get("/activities.json").text.contains("\"title_en\":\"Open data portal\""))
            #expect(try await web.get("/activities/fields.csv").text.contains("primary_action_line,code,yes"))

            let (token, _) = try await web.platform.auth.createAPIToken(name: "t", for: Actor(user: officer.user))
            let apiReport = try await web.api(.post, "/api/v1/activities-import?apply=true", token: token, json: #"[{"title_en":"x"}]"#)
            #expect(apiReport.status == .unprocessableContent && apiReport.text.contains("missing-column"))
            let matrix = try await web.get("/matrix", as: browser)
            #expect(matrix.text.contains("<svg") && matrix.text.contains("id=\"matrix-change\""))
            let change = try await web.post("/matrix/changes", [("change", "add"), ("action_line", "C4"), ("goal", "99"), ("reason", "x")], as: browser)
            #expect(change.status == .badRequest && change.text.contains("is not a code we know"))
        }
    }
}
