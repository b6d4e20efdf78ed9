import App
import Foundation
import Hummingbird
import HummingbirdTesting
import Review
import TestSupport
import Testing
import Web

@Suite("Pages")
struct PageTests {
    @Test("the public reference pages show the SDGs, the Action Lines and the matrix", arguments: TestDatabase.available)
    func referencePages(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let goals = try await web.get("/sdgs")
            #expect(goals.status == .ok)
            #expect(goals.text.components(separatedBy: "<a href=\"/sdgs/").count - 1 == 17)
            #expect(goals.text.contains("No poverty"))

            let goal = try await web.get("/sdgs/9")
            #expect(goal.text.contains("9.c"))
            #expect(goal.text.contains("Industry, innovation and infrastructure"))

            let lines = try await web.get("/action-lines")
            #expect(lines.text.components(separatedBy: "<th scope=\"row\">").count - 1 == 19)
            #expect(lines.text.contains("UNESCO"))

            let matrix = try await web.get("/matrix")
            #expect(matrix.text.contains("187 links between 18 Action Line categories and 17 goals."))
            #expect(matrix.text.components(separatedBy: "<th scope=\"row\">").count - 1 == 18)

            for missing in ["/sdgs/18", "/sdgs/0", "/sdgs/nine", "/no/such/page"] {
                let response = try await web.get(missing)
                #expect(response.status == .notFound, "\(missing)")
                #expect(response.text.contains("<h1>Not found</h1>"))
            }
        }
    }

    @Test("health, metrics, the OpenAPI document and the style sheet", arguments: TestDatabase.available)
    func machineEndpoints(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let health = try await web.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.text == "{\"status\":\"ok\",\"database\":\"\(database.rawValue)\"}")
            let spec = try await web.get("/openapi.yaml")
            #expect(spec.text.hasPrefix("openapi: 3.1.0"))
            let css = try await web.get("/assets/site.css")
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(css.text.contains(".sdg-4 { background: #C5192D; color: #fff; }"), "dark red takes light text")
            #expect(css.text.contains(".sdg-7 { background: #FCC30B; color: #000; }"), "yellow takes dark text")
            #expect(try await web.get("/assets/other.css").status == .notFound)
            let metrics = try await web.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("# HELP wsis_http_requests_total") && metrics.text.contains("wsis_http_requests_total{"))
        }
    }

    @Test("signing in: the same message for an unknown e-mail and a wrong password; a session cookie that scripts cannot read",
          arguments: TestDatabase.available)
    func signIn(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let amina = try await web.test.makeUser("amina@example.org", roles: [.focalPoint])
            let form = try await web.get("/sign-in")
            let csrfCookie = try #require(form.headers[.setCookie])
            #expect(csrfCookie.contains("wsis_csrf=") && csrfCookie.contains("HttpOnly") && csrfCookie.contains("SameSite=Lax"))

            let unknown = try await web.post("/sign-in", [("email", "nobody@example.org"), ("password", "whatever it is")], as: WebTest.anonymous)
            let wrong = try await web.post("/sign-in", [("email", "amina@example.org"), ("password", "whatever it is")], as: WebTest.anonymous)
            #expect(unknown.status == .unauthorized && wrong.status == .unauthorized)
            #expect(unknown.text.contains("The e-mail or the password is not right."))
            #expect(wrong.text.contains("The e-mail or the password is not right."))
            #expect(wrong.text.contains("value=\"amina@example.org\""), "the e-mail stays filled in")

            let ok = try await web.post("/sign-in", [("email", "amina@example.org"), ("password", amina.password), ("next", "/profile")],
                                        as: WebTest.anonymous)
            #expect(ok.status == .seeOther)
            #expect(ok.headers[.location] == "/profile")
            let cookie = try #require(ok.headers[.setCookie])
            #expect(cookie.hasPrefix("wsis_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "plain http on localhost")

            let offSite = try await web.post("/sign-in", [("email", "amina@example.org"), ("password", amina.password), ("next", "//evil.example/")],
                                             as: WebTest.anonymous)
            #expect(offSite.headers[.location] == "/profile", "never sent to another site")
        }
    }

    @Test("over https the session cookie is Secure")
    func secureCookie() async throws {
        var settings = Settings()
        settings.publicURL = "https://wsis.example.org"
        try await WebTest.with(.sqlite, settings: settings) { web in
            let amina = try await web.test.makeUser("amina@example.org", roles: [])
            let ok = try await web.post("/sign-in", [("email", "amina@example.org"), ("password", amina.password)], as: WebTest.anonymous)
            #expect(ok.headers[.setCookie]?.contains("Secure") == true)
        }
    }

    @Test("too many failed sign-ins are refused for a while", arguments: TestDatabase.available)
    func rateLimit(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let amina = try await web.test.makeUser("amina@example.org", roles: [])
            for _ in 0..<5 {
                try await web.post("/sign-in", [("email", "amina@example.org"), ("password", "not the password")], as: WebTest.anonymous)
            }
            let limited = try await web.post("/sign-in", [("email", "amina@example.org"), ("password", amina.password)], as: WebTest.anonymous)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.text.contains("Try again in 15 minutes."))
        }
    }

    @Test("an expired session leads to sign-in and then back where the person was going", arguments: TestDatabase.available)
    func expiredSession(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let officer = try await web.test.makeUser("officer@itu.int", roles: [.secretariat])
            let browser = try await web.signIn(officer)
            #expect(try await web.get("/admin/users", as: browser).status == .ok)
            web.test.clock.advance(by: 13 * 3600)
            let expired = try await web.get("/admin/users?page=2", as: browser)
            #expect(expired.status == .seeOther)
            #expect(expired.headers[.location] == "/sign-in?next=%2Fadmin%2Fusers%3Fpage%3D2&expired=1")
            let form = try await web.get(try #require(expired.headers[.location]))
            #expect(form.text.contains("Your session has ended."))
            #expect(form.text.contains("name=\"next\" value=\"/admin/users?page=2\""))
            let again = try await web.post("/sign-in", [("email", "officer@itu.int"), ("password", officer.password), ("next", "/admin/users?page=2")],
                                           as: WebTest.anonymous)
            #expect(again.headers[.location] == "/admin/users?page=2")
        }
    }

    @Test("a form without its CSRF token is refused and changes nothing", arguments: TestDatabase.available)
    func csrf(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let officer = try await web.signIn(try await web.test.makeUser("officer@itu.int", roles: [.secretariat]))
            let forged = try await web.post("/admin/organizations", [("name", "Forged"), ("stakeholder_type", "academia")], as: officer, csrf: false)
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains("This form has expired"))
            var wrong = officer
            wrong.csrf = "not-the-token"
            #expect(try await web.post("/admin/organizations", [("name", "Forged"), ("stakeholder_type", "academia")], as: wrong).status == .forbidden)
            #expect(try await web.platform.accounts.organizations().isEmpty)
        }
    }

    @Test("forms: missing, malformed and oversized fields get 400 with messages beside the fields, and nothing is written",
          arguments: TestDatabase.available)
    func badForms(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let officer = try await web.signIn(try await web.test.makeUser("officer@itu.int", roles: [.secretariat]))
            let auditBefore = try await web.platform.audit.search(AuditFilter(), limit: 1000).count

            let organization = try await web.post("/admin/organizations", [
                ("name", String(repeating: "n", count: 201)), ("stakeholder_type", "guild"), ("country", "ZZZ"),
            ], as: officer)
            #expect(organization.status == .badRequest)
            #expect(organization.text.contains("id=\"org-name-error\">This is too long: at most 200 characters."))
            #expect(organization.text.contains("id=\"org-type-error\">Choose one of the options offered."))
            #expect(organization.text.contains("id=\"org-country-error\">This is not a country or area code we know"))
            #expect(organization.text.contains("aria-invalid=\"true\""))

            let user = try await web.post("/admin/users", [
                ("name", ""), ("email", "not-an-address"), ("roles", "chair"), ("password", "short"),
            ], as: officer)
            #expect(user.status == .badRequest)
            #expect(user.text.contains("id=\"user-name-error\">This is required."))
            #expect(user.text.contains("id=\"user-email-error\">This is not an e-mail address."))
            #expect(user.text.contains("id=\"user-roles-error\">These are not roles: chair."))
            #expect(user.text.contains("id=\"user-password-error\">A password needs at least 12 characters."))
            #expect(user.text.contains("value=\"not-an-address\""), "what was typed stays")

            let garbled = try await web.client.execute(
                uri: "/admin/organizations", method: .post,
                headers: [.cookie: officer.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(officer.csrf)&name=%ZZ")
            )
            #expect(garbled.status == .badRequest)

            let huge = try await web.client.execute(
                uri: "/admin/organizations", method: .post,
                headers: [.cookie: officer.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(officer.csrf)&name=" + String(repeating: "x", count: 2_000_000))
            )
            #expect(huge.status == .contentTooLarge)

            let json = try await web.client.execute(
                uri: "/admin/organizations", method: .post,
                headers: [.cookie: officer.cookie, .contentType: "application/json"], body: ByteBuffer(string: "{}")
            )
            #expect(json.status == .unsupportedMediaType)

            #expect(try await web.platform.accounts.organizations().isEmpty)
            #expect(try await web.platform.accounts.users().count == 1)
            #expect(try await web.platform.audit.search(AuditFilter(), limit: 1000).count == auditBefore)
        }
    }

    @Test("the secretariat creates an organization and a focal point, who signs in; the audit trail is intact",
          arguments: TestDatabase.available)
    func journey(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let admin = try await web.signIn(try await web.test.makeUser("admin@itu.int", roles: [.administrator]))
            let created = try await web.post("/admin/organizations", [
                ("name", "Ministry of Communications of Fiji"), ("stakeholder_type", "government"), ("country", "FJI"), ("itu_membership", "member-state"),
            ], as: admin)
            #expect(created.status == .ok)
            #expect(created.text.contains("Ministry of Communications of Fiji has been added."))
            let organization = try #require(try await web.platform.accounts.organizations().first)

            let user = try await web.post("/admin/users", [
                ("name", "Seini"), ("email", "seini@example.fj"), ("organization_id", organization.id), ("roles", "focal-point"),
            ], as: admin)
            #expect(user.status == .ok)
            let password = try #require(user.text.firstMatch(of: /id="generated-password">([^<]+)</)?.1)

            let seini = try await web.post("/sign-in", [("email", "seini@example.fj"), ("password", String(password))], as: WebTest.anonymous)
            #expect(seini.status == .seeOther)
            let cookie = try #require(seini.headers[.setCookie]?.split(separator: ";").first)
            let profile = try await web.get("/profile", as: .init(cookie: String(cookie), csrf: ""))
            #expect(profile.text.contains("Ministry of Communications of Fiji"))
            #expect(profile.text.contains("Focal point"))

            let audit = try await web.get("/admin/audit", as: admin)
            #expect(audit.text.contains("is intact."))
            #expect(audit.text.contains("organization.create") && audit.text.contains("user.create"))
            let filtered = try await web.get("/admin/audit?action=organization.create", as: admin)
            #expect(!filtered.text.contains("<td>user.create</td>"))
            #expect(try await web.get("/admin/audit?from=yesterday", as: admin).status == .badRequest)
        }
    }

    @Test("a count of one reads in the singular where the catalog has it; other counts and keys without a singular are unchanged")
    func singular() throws {
        let catalog = try Catalog.bundled()
        #expect(catalog.text("activities.total", .english, ["count": "1"]) == "1 activity")
        #expect(catalog.text("activities.total", .english, ["count": "2"]) == "2 activities")
        #expect(catalog.text("activities.total", .english, ["count": "1,001"]) == "1,001 activities")
        #expect(catalog.text("activities.import.more", .english, ["count": "1"]) == "… and 1 more problem.")
        #expect(catalog.text("audit.intact", .english, ["count": "1"]) == "The chain of 1 record is intact.")
        #expect(catalog.text("sdgs.target_count", .english, ["count": "1"]) == "1 target")
        #expect(catalog.text("home.fact_matrix", .english, ["count": "1"]).hasPrefix("1 link between"))
    }

    @Test("templates hold no text of their own: every sentence comes from the string catalog")
    func noHardCodedText() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Web/Templates")
        let catalog = try Catalog.bundled()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 10)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for key in text.matches(of: /\{\{[#^\/]?t\.([\w.\-]+)\}\}/).map({ String($0.1) }) {
                #expect(catalog.keys.contains(key), "\(file) uses t.\(key), which en.json lacks")
            }
            // Strip mustache tags, then HTML tags: what is left must be punctuation and space only.
            let withoutMustache = text.replacing(/\{\{[^}]*\}\}/, with: "")
            let withoutTags = withoutMustache.replacing(/<[^>]*>/, with: "")
            let letters = withoutTags.filter(\.isLetter)
            #expect(letters.isEmpty, "\(file) has text outside the catalog: \(withoutTags.split(whereSeparator: \.isNewline).filter { $0.contains(where: \.isLetter) })")
            for attribute in ["aria-label", "title", "placeholder", "alt"] {
                let pattern = try Regex("\(attribute)=\"([^\"]*)\"")
                for match in withoutMustache.matches(of: pattern) {
                    let value = String(match.output[0].substring ?? "").dropFirst(attribute.count + 2)
                    let hasLetters = value.contains { $0.isLetter }
                    #expect(!hasLetters, "\(file): \(attribute) holds text outside the catalog")
                }
            }
        }
    }
}
