import CompressNIO
import Foundation
import Hummingbird
import HummingbirdTesting
import Review
import TestSupport
import Testing
@testable import Web

/// HTTP as its clients expect it of any route: HEAD, 405 with Allow, validators and 304, what may
/// be cached, compression, CORS for the public data, 415 and readable problems.
@Suite("HTTP conventions")
struct HTTPTests {
    func send(_ web: WebTest, _ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields = [:], body: String? = nil) async throws -> TestResponse {
        try await web.client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    @Test("HEAD answers every GET route with GET's headers and no body; a path asked with a method it does not take is 405 with Allow",
          arguments: TestDatabase.available)
    func methods(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            for path in ["/", "/sdgs/4", "/calendar.ics", "/activities.csv", "/api/v1/sdgs", "/openapi.yaml"] {
                let get = try await web.get(path, as: WebTest.anonymous)
                let head = try await send(web, .head, path, headers: [.cookie: WebTest.anonymous.cookie])
                #expect(head.status == get.status && head.status == .ok, "HEAD \(path): \(head.status)")
                #expect(head.headers[.contentType] == get.headers[.contentType] && head.body.readableBytes == 0, "HEAD \(path)")
            }
            #expect(try await send(web, .head, "/sdgs/99").status == .notFound)

            let post = try await send(web, .post, "/sdgs", headers: [.cookie: WebTest.anonymous.cookie])
            #expect(post.status == .methodNotAllowed && post.headers[.allow] == "GET, HEAD")
            let trace = try await send(web, .trace, "/")
            #expect(trace.status == .methodNotAllowed && trace.headers[.allow] == "GET, HEAD")
            let delete = try await send(web, .delete, "/api/v1/mandates", headers: [.accept: "application/json"])
            #expect(delete.status == .methodNotAllowed && delete.headers[.allow] == "GET, HEAD")
            #expect(delete.headers[.contentType] == "application/problem+json")
            let put = try await send(web, .put, "/resolutions/some-id")
            #expect(put.status == .methodNotAllowed && put.headers[.allow] == "GET, HEAD")
            #expect(try await web.get("/nowhere").status == .notFound, "a path the site does not serve is still 404")
        }
    }

    @Test("public answers carry an ETag and are 304 when the client has them; open data may be kept briefly, a signed-in page never",
          arguments: TestDatabase.available)
    func caching(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let feed = try await web.get("/calendar.ics")
            let tag = try #require(feed.headers[.eTag])
            #expect(feed.headers[.cacheControl] == "public, max-age=300" && feed.headers[.setCookie] == nil)
            let again = try await web.get("/calendar.ics", headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified && again.body.readableBytes == 0 && again.headers[.eTag] == tag)
            #expect(try await web.get("/calendar.ics", headers: [.ifNoneMatch: "\"other\", W/\(tag)"]).status == .notModified)
            #expect(try await web.get("/calendar.ics", headers: [.ifNoneMatch: "\"other\""]).status == .ok)

            let page = try await web.get("/sdgs", as: WebTest.anonymous)
            #expect(page.headers[.cacheControl] == "no-cache" && page.headers[.eTag] != nil, "a public page is checked every time")
            let first = try await web.get("/sdgs")
            #expect(first.headers[.setCookie] != nil && first.headers[.cacheControl] == "private, no-cache",
                    "an answer that hands out a cookie is kept by nobody else")

            let officer = try await web.signIn(try await web.test.makeUser("officer@itu.int", roles: [.secretariat]))
            let profile = try await web.get("/profile", as: officer)
            #expect(profile.headers[.cacheControl] == "private, no-store" && profile.headers[.eTag] == nil)
            let signedInFeed = try await web.get("/calendar.ics", as: officer)
            #expect(signedInFeed.headers[.cacheControl] == "private, no-store")
            #expect(try await web.get("/metrics").headers[.cacheControl] == "no-store")
        }
    }

    @Test("text is gzip-compressed when asked, whole or as it is written, and reads back the same; not when refused or small",
          arguments: TestDatabase.available)
    func compression(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            for path in ["/matrix", "/calendar.ics", "/activities.csv", "/api/v1/sdgs"] {
                let plain = try await web.get(path, as: WebTest.anonymous)
                let zipped = try await web.get(path, as: WebTest.anonymous, headers: [.acceptEncoding: "br, gzip"])
                #expect(zipped.headers[.contentEncoding] == "gzip" && zipped.headers[values: .vary].contains("Accept-Encoding"), "\(path)")
                var body = zipped.body
                let unzipped = try body.decompress(with: .gzip(), maxSize: 64 << 20)
                #expect(String(buffer: unzipped) == plain.text, "\(path) reads back the same")
                #expect(zipped.body.readableBytes < plain.body.readableBytes || plain.body.readableBytes < 1024)
            }
            #expect(try await web.get("/matrix", headers: [.acceptEncoding: "gzip;q=0"]).headers[.contentEncoding] == nil)
            #expect(try await web.get("/healthz", headers: [.acceptEncoding: "gzip"]).headers[.contentEncoding] == nil, "too small to gain")
        }
    }

    @Test("the public API and open data may be read from another site's page; nothing that needs a signed-in person")
    func cors() async throws {
        try await WebTest.with(.sqlite) { web in
            let origin: HTTPFields = [.origin: "https://dashboard.example.org"]
            for path in ["/api/v1/sdgs", "/api/v1/mandates", "/activities.json", "/calendar.ics"] {
                let answer = try await send(web, .get, path, headers: origin)
                #expect(answer.status == .ok && answer.headers[.accessControlAllowOrigin] == "*", "\(path)")
                #expect(answer.headers[.accessControlAllowCredentials] == nil)
            }
            let preflight = try await send(web, .options, "/api/v1/activities", headers: origin + [.accessControlRequestMethod: "GET"])
            #expect(preflight.status == .noContent && preflight.headers[.accessControlAllowMethods] == "GET, HEAD")
            for path in ["/sdgs", "/profile", "/api/v1/me", "/api/v1/users"] {
                #expect(try await send(web, .get, path, headers: origin).headers[.accessControlAllowOrigin] == nil, "\(path)")
            }
            #expect(try await send(web, .options, "/api/v1/me", headers: origin).headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test("CSV for spreadsheets: ?bom=1 puts UTF-8's byte order mark first, which the platform's import skips")
    func byteOrderMark() async throws {
        try await WebTest.with(.sqlite) { web in
            for path in ["/activities.csv", "/mandates.csv", "/mandates-updates.csv"] {
                let marked = try await web.get(path + "?bom=1")
                #expect(Array(marked.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(path)")
                let plain = try await web.get(path)
                #expect(plain.body.readableBytesView.first != 0xEF && String(marked.text.dropFirst()) == plain.text, "\(path)")
            }
            let fields = try await web.get("/activities.json?bom=1")
            #expect(fields.body.readableBytesView.first == UInt8(ascii: "["), "JSON gets no mark")
            let officer = try await web.test.makeUser("officer@itu.int", roles: [.secretariat])
            let file = "\u{FEFF}" + "external_id,organization,title_en,summary_en,stakeholder_type,coverage,status,primary_action_line,sdg_goals,countries\r\n"
                + "bom-1,Ministère de l'Éducation,Écoles numériques à Dakar,Des écoles apprennent.,government,national,ongoing,C4,4,SEN\r\n"
            let report = try await web.platform.activities.importActivities(.upload(Data(file.utf8), fileName: "excel.csv"), apply: true,
                                                                            by: Actor(user: officer.user))
            #expect(report.problemCount == 0 && report.created == 1, "\(report.problems)")
            #expect(try await web.get("/activities.csv").text.contains("Écoles numériques à Dakar"), "the first column's name was read past the mark")
        }
    }

    @Test("no public JSON holds Swift's own enum encoding: deadlines and times are objects with a kind")
    func jsonShapes() async throws {
        try await WebTest.with(.sqlite) { web in
            let officer = try await web.test.makeActor("officer@itu.int", .secretariat)
            let imported = try await web.platform.resolutions.importDocument(Data(SampleText.tracked.utf8), by: officer).resolution
            _ = try await web.platform.resolutions.confirm(id: imported.id, by: officer)
            _ = try await web.platform.mandates.acceptAll(resolutionID: imported.id, by: officer)
            for path in ["/mandates.json", "/api/v1/mandates", "/api/v1/resolutions/\(imported.id)", "/resolutions/\(imported.id)/mandates"] {
                let text = try await web.get(path).text
                #expect(!text.contains(#""_0""#) && !text.contains(#""none":{}"#), "\(path)")
            }
            let open = try #require(try await web.get("/mandates.json").json() as? [String: Any])
            let due = try #require((open["mandates"] as? [[String: Any]])?.first?["due"] as? [String: Any])
            #expect(due["kind"] is String, "\(due)")
        }
    }

    @Test("a body of the wrong type is 415; a body the API cannot read names the field, never the decoder's insides; a feed's 404 is data")
    func problems() async throws {
        try await WebTest.with(.sqlite) { web in
            let officer = try await web.test.makeUser("officer@itu.int", roles: [.secretariat])
            let token = try await web.platform.auth.createAPIToken(name: "t", for: Actor(user: officer.user)).token
            let auth: HTTPFields = [.authorization: "Bearer \(token)", .accept: "application/json"]
            let wrongType = try await send(web, .post, "/api/v1/mandate-actors", headers: auth + [.contentType: "text/plain"], body: "code=x")
            #expect(wrongType.status == .unsupportedMediaType && wrongType.headers[.contentType] == "application/problem+json")
            #expect(((try wrongType.json() as? [String: Any])?["detail"] as? String)?.contains("text/plain") == true)

            let wrongKind = try await send(web, .post, "/api/v1/mandate-actors", headers: auth + [.contentType: "application/json"],
                                           body: #"{"code": 5, "name": "Someone", "patterns": ["someone"]}"#)
            #expect(wrongKind.status == .badRequest)
            let detail = try #require((try wrongKind.json() as? [String: Any])?["detail"] as? String)
            #expect(detail.contains("code"), "names the field: \(detail)")
            for inside in ["Swift.", "Components.", "CodingKeys", "codingPath", "_0", "Context("] {
                #expect(!detail.contains(inside), "\(inside) in \(detail)")
            }
            let notJSON = try await send(web, .post, "/api/v1/mandate-actors", headers: auth + [.contentType: "application/json"], body: "{")
            #expect(notJSON.status == .badRequest && !notJSON.text.contains("Swift."))

            let feed = try await web.get("/calendar/actors/nobody/feed.ics")
            #expect(feed.status == .notFound && feed.headers[.contentType] == "application/problem+json")
        }
    }
}

/// `promtool` (Debian: prometheus), which .ci/run installs.
enum Promtool {
    static let path = ExternalProgram.find(["/usr/bin/promtool", "/usr/local/bin/promtool"])

    /// `promtool check metrics` on an exposition: its exit status and what it said.
    static func check(_ exposition: String) throws -> (status: Int32, output: String) {
        try ExternalProgram.run(path ?? "promtool", ["check", "metrics"], input: Data(exposition.utf8))
    }
}

@Suite("Metrics")
struct MetricsTests {
    @Test("the request metrics follow Prometheus' conventions and pass promtool; errors are counted",
          .enabled(if: Promtool.path != nil, "needs promtool (Debian: prometheus); .ci/run installs it"))
    func promtool() async throws {
        try await WebTest.with(.sqlite) { web in
            _ = try await web.get("/sdgs")
            _ = try await web.get("/sdgs/99")
            _ = try await web.get("/nowhere")
            let metrics = try await web.get("/metrics").text
            #expect(metrics.contains("# HELP wsis_http_requests_total ") && metrics.contains("# HELP wsis_http_request_duration_seconds "))
            #expect(metrics.contains(#"wsis_http_request_errors_total{method="GET",route="/sdgs/{goal}",status="404"}"#)
                    || metrics.contains(#"wsis_http_request_errors_total{method="GET",route="/sdgs/:goal",status="404"}"#), "\(metrics)")
            #expect(!metrics.contains("hb_"), "Hummingbird's own families, without HELP and _total, are gone")
            let (status, said) = try Promtool.check(metrics)
            #expect(status == 0 && said.isEmpty, "promtool: \(said)")
        }
    }
}

