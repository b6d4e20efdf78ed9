import Foundation
import Review
import TestSupport
import Testing
@testable import Web

/// The JSON the platform publishes, checked by a client we did not write (python's jsonschema, as
/// `Tests/Journeys/json_shapes.py` drives it) against the OpenAPI document the server itself serves.
enum JSONShapes {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Journeys/json_shapes.py").path
    static let available = ExternalProgram.succeeds("python3", ["-c", "import jsonschema, yaml"])
    static let absent: Comment = "needs python3 with jsonschema and PyYAML (pip: schemathesis brings both); .ci/run installs them"

    /// Writes each document and the OpenAPI document to a folder and runs the checker on them all.
    static func check(openAPI: String, _ documents: [(schema: String, name: String, text: String)]) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsis-shapes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("openapi.yaml")
        try openAPI.write(to: spec, atomically: true, encoding: .utf8)
        var arguments = [script, spec.path]
        for document in documents {
            let file = folder.appendingPathComponent(document.name + ".json")
            try document.text.write(to: file, atomically: true, encoding: .utf8)
            arguments += [document.schema, file.path]
        }
        return try ExternalProgram.run("python3", arguments)
    }
}

@Suite("One shape of JSON", .enabled(if: JSONShapes.available, JSONShapes.absent))
struct JSONShapeTests {
    @Test("the open-data files and every API answer have exactly the members the OpenAPI document names, all snake_case",
          arguments: TestDatabase.available)
    func exportsMatchTheirSchemas(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (resolution, officer) = try await web.test.confirmedSample(acceptingMandates: true)
            let mandates = try await web.platform.mandates.list(MandateFilter(), viewer: officer)
            let first = try #require(mandates.first?.mandate)
            _ = try await web.platform.mandates.report(on: first.id, MandateReport(expectedVersion: first.version, note: "Drafted", status: .inProgress,
                                                                                 progress: 40, evidence: ["https://www.itu.int/wsis"]), by: officer)
            var generator = DemoGenerator(seed: 7, vocabulary: try await web.platform.activities.vocabulary())
            var csv = ""
            generator.writeCSV(count: 5) { csv += $0 }
            let imported = try await web.platform.activities.importActivities(.csv(Data(csv.utf8)), apply: true, by: officer)
            #expect(imported.problemCount == 0, "\(imported.problems)")
            let admin = try await web.test.makeUser("admin@itu.int", roles: [.administrator, .secretariat]).user
            let (token, _) = try await web.platform.auth.createAPIToken(name: "shapes", for: Actor(user: admin))

            let versions = try await web.test.languageVersions(["en", "ar"])
            let alignment = try await web.api(.get, "/api/v1/resolutions/\(versions["en"]!.id)/alignment?with=ar", token: token)
            let search = try await web.api(.get, "/api/v1/activities?q=digital", token: token)
            let hit = try #require(((try search.json() as? [String: Any])?["hits"] as? [[String: Any]])?.first?["id"] as? String)
            let documents: [(String, String, String)] = [
                ("MandatesFile", "mandates-file", try await web.get("/mandates.json").text),
                ("ActivityFields[]", "activities-file", try await web.get("/activities.json").text),
                ("Mandate[]", "mandates", try await web.api(.get, "/api/v1/mandates", token: token).text),
                ("MandateDetail", "mandate", try await web.api(.get, "/api/v1/mandates/\(first.id)", token: token).text),
                ("MandateActor[]", "mandate-actors", try await web.api(.get, "/api/v1/mandate-actors", token: token).text),
                ("ActivitySearchResult", "search", search.text),
                ("Activity", "activity", try await web.api(.get, "/api/v1/activities/\(hit)", token: token).text),
                ("ResolutionSummary[]", "resolutions", try await web.api(.get, "/api/v1/resolutions", token: token).text),
                ("ResolutionDetail", "resolution", try await web.api(.get, "/api/v1/resolutions/\(resolution.id)", token: token).text),
                ("Alignment", "alignment", alignment.text),
                ("Milestone[]", "calendar", try await web.api(.get, "/api/v1/calendar", token: token).text),
                ("Goal[]", "sdgs", try await web.api(.get, "/api/v1/sdgs", token: token).text),
                ("ActionLine[]", "action-lines", try await web.api(.get, "/api/v1/action-lines", token: token).text),
                ("MatrixLink[]", "matrix", try await web.api(.get, "/api/v1/matrix", token: token).text),
                ("Country[]", "countries", try await web.api(.get, "/api/v1/countries", token: token).text),
                ("Organization[]", "organizations", try await web.api(.get, "/api/v1/organizations", token: token).text),
                ("User[]", "users", try await web.api(.get, "/api/v1/users", token: token).text),
                ("User", "me", try await web.api(.get, "/api/v1/me", token: token).text),
                ("AuditRecord[]", "audit", try await web.api(.get, "/api/v1/audit", token: token).text),
                ("AuditVerification", "verification", try await web.api(.get, "/api/v1/audit/verification", token: token).text),
                ("Problem", "problem", try await web.api(.get, "/api/v1/mandates?due_before=someday", token: token).text),
            ]
            let openAPI = try await web.get("/openapi.yaml").text
            let result = try JSONShapes.check(openAPI: openAPI, documents)
            #expect(result.status == 0, "\(result.output)")
            #expect(try await web.get("/mandates.json").text.contains("\"suggested_sdgs\""), "one name per field: the CSV column's")
        }
    }

    @Test("the checker is not blind: a camelCase member and a member the schema does not name are both reported")
    func checkerCatchesStrayMembers() async throws {
        try await WebTest.with(.sqlite) { web in
            let openAPI = try await web.get("/openapi.yaml").text
            let result = try JSONShapes.check(openAPI: openAPI, [
                ("MatrixLink[]", "camel", #"[{"action_line": "C7", "goal": 4, "actionLine": "C7"}]"#),
                ("-", "free", #"{"agendaItem": "4"}"#),
            ])
            #expect(result.status == 1)
            #expect(result.output.contains("'actionLine'") && result.output.contains("'agendaItem'") && result.output.contains("Unevaluated properties"),
                    "\(result.output)")
        }
    }
}
