import Foundation
import Review
import TestSupport
import Testing
@testable import Web

/// LibreOffice (Debian: libreoffice-calc-nogui, which .ci/run installs), driven headless.
enum LibreOffice {
    static let path = ExternalProgram.find(["/usr/bin/soffice", "/usr/local/bin/soffice"])
    static let absent: Comment = "needs LibreOffice (Debian: libreoffice-calc-nogui); .ci/run installs it"

    /// A CSV file opened in Calc, saved as .xlsx, opened again and saved as CSV: what a person's round trip does.
    static func roundTrip(_ csv: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsis-calc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("export.csv")
        try csv.write(to: source, atomically: true, encoding: .utf8)
        let profile = "-env:UserInstallation=file://" + folder.appendingPathComponent("profile").path
        // Comma, double quote, UTF-8 (76), from the first line.
        try run([profile, "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", folder.appendingPathComponent("xlsx").path, source.path])
        try run([profile, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", folder.appendingPathComponent("csv").path,
                 folder.appendingPathComponent("xlsx/export.xlsx").path])
        return try String(contentsOf: folder.appendingPathComponent("csv/export.csv"), encoding: .utf8)
    }

    struct Failed: Error {
        let arguments: [String]
    }

    private static func run(_ arguments: [String]) throws {
        guard try ExternalProgram.run(path ?? "soffice", arguments).status == 0 else { throw Failed(arguments: arguments) }
    }
}

@Suite("Spreadsheets", .enabled(if: LibreOffice.path != nil, LibreOffice.absent))
struct SpreadsheetTests {
    @Test("a lone SDG target 16.10 that Calc saves as 16.1 is refused on import, naming the cause; the activity keeps 16.10")
    func shortenedTargetRoundTrip() async throws {
        try await WebTest.with(.sqlite) { web in
            let officer = Actor(user: try await web.test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            let file = "external_id,organization,title_en,summary_en,stakeholder_type,coverage,status,primary_action_line,sdg_goals,sdg_targets,countries\r\n"
                + "calc-1,Ministère,Access to information,Public access,government,national,ongoing,C3,16,16.10,SEN\r\n"
                + "calc-2,Ministère,Open data,Data for all,government,national,ongoing,C3,16,16.10; 16.9,SEN\r\n"
            let first = try await web.platform.activities.importActivities(.upload(Data(file.utf8), fileName: "two.csv"), apply: true, by: officer)
            #expect(first.problemCount == 0 && first.created == 2, "\(first.problems)")

            let saved = try LibreOffice.roundTrip(try await web.get("/activities.csv").text)
            let rows = try CSVTable(text: saved).records
            #expect(rows.first { $0["external_id"] == "calc-1" }?["sdg_targets"] == "16.1", "Calc reads a lone 16.10 as a number: \(saved.prefix(600))")
            #expect(rows.first { $0["external_id"] == "calc-2" }?["sdg_targets"] == "16.9; 16.10", "a list is text and survives")

            let again = try await web.platform.activities.importActivities(.upload(Data(saved.utf8), fileName: "saved.csv"), apply: true, by: officer)
            #expect(again.problems.map { "\($0.field) \($0.code)" } == ["sdg_targets spreadsheet-number"] && !again.applied)
            let message = try #require(again.problems.first.map { try Catalog.bundled().message(for: $0.fieldError, .english) })
            #expect(message.contains("16.10"), "\(message)")
            let stored = try await web.platform.store.read { try await $0.activities.activities(externalIDs: ["calc-1"]) }
            #expect(stored["calc-1"]?.sdgTargets == ["16.10"])
        }
    }

    @Test("an export opened and saved in LibreOffice Calc imports back with its formula-like values unchanged and nothing run")
    func formulaSafeRoundTrip() async throws {
        try await WebTest.with(.sqlite) { web in
            let officer = Actor(user: try await web.test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            // Written as the platform writes values a spreadsheet would run: one apostrophe before them, and one more
            // before a value that itself starts with an apostrophe (the summary is stored as "'=1+1 is what it says").
            let file = "external_id,organization,title_en,summary_en,description_en,stakeholder_type,coverage,status,primary_action_line,sdg_goals,countries\r\n"
                + "calc-1,Ministère,'=HYPERLINK(1),''=1+1 is what it says,'@sum of things,government,national,ongoing,C4,4,SEN\r\n"
            let first = try await web.platform.activities.importActivities(.upload(Data(file.utf8), fileName: "one.csv"), apply: true, by: officer)
            #expect(first.problemCount == 0 && first.created == 1, "\(first.problems)")
            let export = try await web.get("/activities.csv").text
            #expect(export.contains("'=HYPERLINK") && export.contains("''=1+1") && export.contains("'@sum"), "written so that no spreadsheet runs them")

            let saved = try LibreOffice.roundTrip(export)
            #expect(saved.contains("'=HYPERLINK") && saved.contains("''=1+1"), "Calc keeps them as text: \(saved.prefix(400))")
            let again = try await web.platform.activities.importActivities(.upload(Data(saved.utf8), fileName: "saved.csv"), apply: true, by: officer)
            #expect(again.problemCount == 0 && again.unchanged == 1 && again.updated == 0, "the same values come back: \(again.problems)")
        }
    }
}
