import Foundation
import Hummingbird
import HummingbirdTesting
import Review
import TestSupport
import Testing
import Web

@Suite("JSON API")
struct APITests {
    @Test("reference data needs no account", arguments: TestDatabase.available)
    func reference(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let goals = try #require(try await web.api(.get, "/api/v1/sdgs?lang=fr").json() as? [[String: Any]])
            #expect(goals.count == 17)
            #expect(goals.first?["short_title"] as? String == "Pas de pauvreté")
            #expect((goals.first?["targets"] as? [Any])?.count == 7)
            let lines = try #require(try await web.api(.get, "/api/v1/action-lines").json() as? [[String: Any]])
            #expect(lines.count == 19)
            let links = try #require(try await web.api(.get, "/api/v1/matrix").json() as? [[String: Any]])
            #expect(links.count == 187)
            let countries = try #require(try await web.api(.get, "/api/v1/countries").json() as? [[String: Any]])
            #expect(countries.filter { $0["sids"] as? Bool == true }.count == 53)

            let badLanguage = try await web.api(.get, "/api/v1/sdgs?lang=de")
            #expect(badLanguage.status == .badRequest)
            #expect(badLanguage.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("a token acts as its user; a missing or wrong token gets 401 problem+json", arguments: TestDatabase.available)
    func tokens(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (user, _) = try await web.test.makeUser("amina@example.org", roles: [.focalPoint])
            let (token, _) = try await web.platform.auth.createAPIToken(name: "script", for: Actor(user: user))
            let me = try #require(try await web.api(.get, "/api/v1/me", token: token).json() as? [String: Any])
            #expect(me["email"] as? String == "amina@example.org")
            #expect(me["roles"] as? [String] == ["focal-point"])

            for bad in [nil, "wsis_not-a-token"] {
                let response = try await web.api(.get, "/api/v1/me", token: bad)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try #require(try response.json() as? [String: Any])
                #expect(problem["status"] as? Int == 401 && (problem["title"] as? String)?.isEmpty == false)
            }
            #expect(try await web.api(.get, "/api/v1/organizations", token: token).status == .forbidden)

            // Another scheme (Basic, from a proxy in front of the platform) is not ours and is ignored.
            let basic = try await web.client.execute(uri: "/api/v1/sdgs", method: .get, headers: [.authorization: "Basic eDp5"], body: nil)
            #expect(basic.status == .ok)
        }
    }

    @Test("creating through the API: 201, or 400 problem+json naming each field, and nothing written", arguments: TestDatabase.available)
    func create(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (officer, _) = try await web.test.makeUser("officer@itu.int", roles: [.secretariat])
            let (token, _) = try await web.platform.auth.createAPIToken(name: "script", for: Actor(user: officer))

            let created = try await web.api(.post, "/api/v1/organizations", token: token,
                                            json: #"{"name":"Digital Rights Network","stakeholder_type":"civil-society","country":"BR"}"#)
            #expect(created.status == .created)
            let organization = try #require(try created.json() as? [String: Any])
            #expect(organization["country"] as? String == "BRA", "kept as alpha-3")
            #expect(organization["itu_membership"] as? String == "none")

            // Read, and refused by the rules: 422 naming every field at once (a name taken, a country nobody has).
            let invalid = try await web.api(.post, "/api/v1/organizations", token: token,
                                            json: #"{"name":"digital rights network","stakeholder_type":"academia","country":"XX"}"#)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.headers[.contentType] == "application/problem+json")
            let problem = try #require(try invalid.json() as? [String: Any])
            let errors = try #require(problem["errors"] as? [[String: String]])
            #expect(Set(errors.map { $0["field"]! }) == ["name", "country"])
            #expect(errors.allSatisfy { !($0["message"] ?? "").isEmpty })
            // Not what the document allows (a type outside its list, a member it does not name, a null): 400 naming the field.
            for (body, field) in [(#"{"name":"Club","stakeholder_type":"club"}"#, "stakeholder_type"),
                                  (#"{"name":"Club","stakeholderType":"academia"}"#, "stakeholder"),
                                  (#"{"name":"Club","stakeholder_type":"academia","country":null}"#, "country")] {
                let refused = try await web.api(.post, "/api/v1/organizations", token: token, json: body)
                #expect(refused.status == .badRequest, "\(body)")
                #expect(((try refused.json() as? [String: Any])?["detail"] as? String)?.contains(field) == true, "\(refused.text)")
            }

            for body in ["{not json", #"{"stakeholder_type":"academia"}"#, "[]", ""] {
                let response = try await web.api(.post, "/api/v1/organizations", token: token, json: body)
                #expect(response.status == .badRequest, "body \(body)")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            let huge = try await web.api(.post, "/api/v1/organizations", token: token,
                                         json: #"{"name":""# + String(repeating: "x", count: 1_100_000) + #"","stakeholder_type":"academia"}"#)
            #expect(huge.status == .contentTooLarge)

            let user = try await web.api(.post, "/api/v1/users", token: token,
                                         json: #"{"name":"Lina","email":"lina@example.org","roles":["reviewer"]}"#)
            #expect(user.status == .created)
            let createdUser = try #require(try user.json() as? [String: Any])
            #expect((createdUser["generated_password"] as? String)?.count == 20)

            #expect(try await web.platform.accounts.organizations().count == 1)
            let list = try #require(try await web.api(.get, "/api/v1/users", token: token).json() as? [[String: Any]])
            #expect(list.count == 2)
        }
    }

    @Test("administrators read and verify the audit trail", arguments: TestDatabase.available)
    func audit(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (admin, _) = try await web.test.makeUser("admin@itu.int", roles: [.administrator])
            let (token, _) = try await web.platform.auth.createAPIToken(name: "audit", for: Actor(user: admin))
            let records = try #require(try await web.api(.get, "/api/v1/audit?action=user.create", token: token).json() as? [[String: Any]])
            #expect(records.count == 1)
            #expect(records.first?["actor"] as? String == "system:test")
            let verification = try #require(try await web.api(.get, "/api/v1/audit/verification", token: token).json() as? [String: Any])
            #expect(verification["intact"] as? Bool == true)
            #expect(verification["records"] as? Int == 3)
            #expect(try await web.api(.get, "/api/v1/audit?limit=0", token: token).status == .unprocessableContent)
            #expect(try await web.api(.get, "/api/v1/audit?limit=many", token: token).status == .badRequest)
        }
    }
}
