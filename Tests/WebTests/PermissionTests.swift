import Foundation
import Hummingbird
import HummingbirdTesting
import Review
import TestSupport
import Testing
import Web

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

    @Test("every link and form in the templates goes to a route the site serves, with the right method")
    func templateLinks() throws {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { folder.deleteLastPathComponent() }  // the file, WebTests, Tests
        let templates = folder.appendingPathComponent("Sources/Web/Templates")
        let routes = SiteMap.entries.map { (method: $0.method, segments: $0.path.split(separator: "/").map(String.init)) }
        func served(_ path: String, _ method: HTTPRequest.Method) -> Bool {
            let segments = path.split(separator: "/").map(String.init)
            return routes.contains { route in
                route.method == method && route.segments.count == segments.count
                    && zip(route.segments, segments).allSatisfy { $0.hasPrefix(":") || $0.hasPrefix("{") || $0 == $1 }
            }
        }
        var checked = 0
        let pattern = try Regex(#"(href|action)="(/[^"]*)""#)
        for name in try FileManager.default.contentsOfDirectory(atPath: templates.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: pattern) {
                let attribute = String(text[match.output[1].range!])
                var target = String(text[match.output[2].range!])
                // A value the page fills in stands for one path segment; what follows ? or # is not the route.
                target = target.replacing(try Regex(#"\{\{[^}]*\}\}"#), with: "value")
                if let end = target.firstIndex(where: { $0 == "?" || $0 == "#" }) { target = String(target[..<end]) }
                let method: HTTPRequest.Method = attribute == "action" ? .post : .get
                // A search form is sent with GET: its tag says so.
                let tagStart = text[..<match.range.lowerBound].lastIndex(of: "<") ?? text.startIndex
                let formMethod: HTTPRequest.Method = text[tagStart..<match.range.upperBound].contains("method=\"get\"") ? .get : method
                #expect(served(target, formMethod), "\(name): \(attribute)=\"\(target)\" (\(formMethod)) is served by no route")
                checked += 1
            }
        }
        #expect(checked > 50, "the templates' links were read")
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
