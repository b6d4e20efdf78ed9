import Foundation
import Hummingbird
import HummingbirdTesting
import Review
import TestSupport
import Testing
@testable import Web

@Suite("Permissions")
struct PermissionTests {
    enum Persona: String, CaseIterable {
        case anonymous, administrator, secretariat, reviewer, focalPoint

        var role: Role? {
            switch self {
            case .anonymous: nil
            case .administrator: .administrator
            case .secretariat: .secretariat
            case .reviewer: .reviewer
            case .focalPoint: .focalPoint
            }
        }
    }

    @Test("every registered route has a declared permission, and every declared one is registered", arguments: TestDatabase.available)
    func everyRouteDeclared(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let registered = Set(web.routes)
            let declared = Set(SiteMap.entries.map { "\($0.method) \($0.path)" })
            #expect(registered.subtracting(declared).isEmpty, "routes without a declared permission: \(registered.subtracting(declared).sorted())")
            #expect(declared.subtracting(registered).isEmpty, "declared but not registered: \(declared.subtracting(registered).sorted())")
        }
    }

    @Test("no template writes a path of the site: every link and form takes its address from the page's model, made from SiteURL")
    func templatesWriteNoPaths() throws {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { folder.deleteLastPathComponent() }  // the file, WebTests, Tests
        let templates = folder.appendingPathComponent("Sources/Web/Templates")
        let pattern = try Regex(#"(href|action)="([^"]*)""#)
        var read = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: templates.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: pattern) {
                let value = String(text[match.output[2].range!])
                // A value of the model, or a place on the same page.
                #expect(value.hasPrefix("{{") || value.hasPrefix("#"), "\(name): \(value) is written in the template")
                read += 1
            }
        }
        #expect(read > 80, "the templates' links were read")
    }

    @Test("every link and form on the pages, as the secretariat sees them, goes to a route the site serves, with the right method")
    func pageLinks() async throws {
        try await WebTest.with(.sqlite) { web in
            let officer = try await web.test.makeUser("officer@itu.int", roles: [.administrator, .secretariat, .reviewer])
            let browser = try await web.signIn(officer)
            let actor = Actor(user: officer.user)
            let draft = try await web.platform.resolutions.importDocument(Data(SampleText.tracked.utf8), by: actor).resolution
            // The draft's page, with its correction forms, is read before the resolution is confirmed and its mandates proposed.
            let draftPage = try await web.get("/resolutions/\(draft.id)", as: browser)
            _ = try await web.platform.resolutions.confirm(id: draft.id, by: actor)
            let mandate = try #require(try await web.platform.mandates.list(MandateFilter(), viewer: actor).first)
            func served(_ path: String, _ method: HTTPRequest.Method) -> Bool {
                // The language switcher's links (`/fr/…`) go to the same routes, the prefix taken off.
                SiteMap.entries(forPath: SiteLanguage.split(path)?.rest ?? path).contains { $0.method == method }
            }
            let pages = ["/", "/sdgs", "/sdgs/9", "/action-lines", "/matrix", "/resolutions", "/resolutions/new", "/resolutions/\(draft.id)/mandates",
                         "/mandates", "/mandates/\(mandate.mandate.id)", "/mandates/import", "/mandates/actors", "/calendar", "/calendar?month=2026-05",
                         "/activities", "/activities/new", "/activities/queue", "/activities/import", "/admin/organizations", "/admin/users",
                         "/admin/users/\(officer.user.id)", "/admin/audit", "/profile"]
            let pattern = try Regex(#"<(\w+)[^>]*?(href|action)="(/[^"]*)""#)
            var checked = 0
            #expect(draftPage.text.contains("name=\"kind\" value=\"move\""), "the draft's page has its correction forms")
            for page in ["draft"] + pages {
                let response = page == "draft" ? draftPage : try await web.get(page, as: browser)
                #expect(response.status == .ok, "\(page): \(response.status)")
                let html = response.text
                for match in html.matches(of: pattern) {
                    var target = String(html[match.output[3].range!]).replacingOccurrences(of: "&amp;", with: "&")
                    if target.hasPrefix("//") { continue }
                    if let end = target.firstIndex(where: { $0 == "?" || $0 == "#" }) { target = String(target[..<end]) }
                    let tag = String(html[match.output[1].range!])
                    let method: HTTPRequest.Method = tag == "form" && !String(html[match.range]).contains("method=\"get\"") ? .post : .get
                    #expect(served(target.removingPercentEncoding ?? target, method), "\(page): <\(tag)> \(target) (\(method)) is served by no route")
                    checked += 1
                }
            }
            #expect(checked > 300, "the pages' links were read")
        }
    }

    @Test("every route, with every role: allowed or refused as declared", arguments: TestDatabase.available)
    func walk(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let target = try await web.test.makeUser("target@example.org", roles: [.focalPoint])
            var personas: [Persona: (user: User, password: String)] = [:]
            for persona in Persona.allCases {
                guard let role = persona.role else { continue }
                personas[persona] = try await web.test.makeUser("\(persona.rawValue.lowercased())@example.org", roles: [role])
            }
            for entry in SiteMap.entries {
                let path = entry.path
                    .replacingOccurrences(of: "{goal}", with: "3")
                    .replacingOccurrences(of: "{id}", with: target.user.id)
                    .replacingOccurrences(of: "{name}", with: "site.css")
                for persona in Persona.allCases {
                    let account = personas[persona]
                    let user = account?.user
                    let allowed = entry.access.allows(user)
                    let response: TestResponse
                    if entry.isAPI {
                        var token: String?
                        if let account { token = try await web.platform.auth.createAPIToken(name: "walk", for: Actor(user: account.user)).token }
                        response = try await web.api(entry.method, path, token: token, json: entry.method == .post ? "{}" : nil)
                    } else {
                        var browser = WebTest.anonymous
                        if let account { browser = try await web.signIn(account) }
                        response = entry.method == .post
                            ? try await web.post(path, [], as: browser)
                            : try await web.get(path, as: browser)
                    }
                    let status = response.status.code
                    let location = response.headers[.location] ?? ""
                    let what = "\(entry.method) \(path) as \(persona)"
                    if allowed {
                        #expect(status != 401 && status != 403 && !location.hasPrefix("/sign-in"), "\(what) should be allowed, got \(status)")
                        #expect(status < 500, "\(what) answered \(status)")
                    } else if user == nil {
                        if entry.isAPI {
                            #expect(status == 401, "\(what) should be 401, got \(status)")
                            #expect(response.headers[.contentType] == "application/problem+json")
                        } else {
                            #expect(status == 303 && location.hasPrefix("/sign-in?next="), "\(what) should send to sign-in, got \(status) \(location)")
                        }
                    } else {
                        #expect(status == 403, "\(what) should be refused, got \(status)")
                    }
                }
            }
        }
    }
}
