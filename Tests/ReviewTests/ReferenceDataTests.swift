import Foundation
import Resolutions
@testable import Review
import TestSupport
import Testing

@Suite("Reference data")
struct ReferenceDataTests {
    let data = try! ReferenceDataFiles.load()

    @Test("the 17 goals and 169 targets, titled in the six UN languages")
    func goalsAndTargets() {
        #expect(data.goals.map(\.number) == Array(1...17))
        #expect(data.targets.count == 169)
        for goal in data.goals {
            #expect(Set(goal.title.values.keys) == Set(Language.allCases.map(\.rawValue)), "goal \(goal.number)")
            #expect(goal.color.hasPrefix("#") && goal.color.count == 7)
        }
        for target in data.targets {
            #expect(target.title.values.count == 6, "target \(target.code)")
        }
        #expect(data.targets.filter { $0.goal == 17 }.count == 19)
        #expect(data.targets.first?.code == "1.1")
        #expect(data.targets.contains { $0.code == "9.c" && $0.goal == 9 })
    }

    @Test("18 Action Line categories: C1–C6, eight C7 sub-lines, C8–C11")
    func actionLines() {
        let categories = data.actionLines.filter(\.isCategory)
        #expect(categories.count == 18)
        #expect(data.actionLines.filter { $0.parent == "C7" }.count == 8)
        #expect(data.actionLines.first { $0.code == "C2" }?.leadFacilitators == "ITU")
    }

    @Test("the WSIS-SDG Matrix has 187 links, each to a known line, goal and target")
    func matrix() {
        #expect(data.matrix.count == 187)
        let lines = Set(data.actionLines.map(\.code))
        let targets = Set(data.targets.map(\.code))
        for link in data.matrix {
            #expect(lines.contains(link.actionLine))
            #expect((1...17).contains(link.goal))
            if let target = link.target {
                #expect(targets.contains(target), "\(link.actionLine) → \(target)")
                #expect(target.hasPrefix("\(link.goal)."))
            }
        }
    }

    @Test("countries with their UN groupings: 44 LDCs, 32 LLDCs, 53 SIDS, 17 economies in transition")
    func countries() {
        #expect(data.countries.count == 248)
        #expect(data.countries.filter(\.isLDC).count == 44)
        #expect(data.countries.filter(\.isLLDC).count == 32)
        #expect(data.countries.filter(\.isSIDS).count == 53)
        #expect(data.countries.filter(\.isEconomyInTransition).count == 17)
        #expect(data.countries.filter(\.isITUMember).count == 194)
        let namibia = data.countries.first { $0.alpha3 == "NAM" }
        #expect(namibia?.alpha2 == "NA", "NA is Namibia, not a missing value")
        #expect(data.countries.first { $0.alpha3 == "AFG" }?.m49 == "004", "M49 codes keep their leading zeros")
        #expect(data.countries.first { $0.alpha3 == "CHE" }?.name.text(.french) == "Suisse")
    }

    @Test("the project's data files are the same as ../shared/data", .enabled(if: SharedFolder.url != nil, Comment(rawValue: SharedFolder.absent)))
    func sameAsShared() throws {
        let shared = try #require(SharedFolder.url).appendingPathComponent("data")
        for name in try FileManager.default.contentsOfDirectory(atPath: ReferenceDataFiles.bundledDirectory.path) where name.hasSuffix(".csv") {
            let ours = FileManager.default.contents(atPath: ReferenceDataFiles.bundledDirectory.appendingPathComponent(name).path)
            let theirs = FileManager.default.contents(atPath: shared.appendingPathComponent(name).path)
            #expect(ours == theirs, "\(name) differs from ../shared/data/\(name)")
        }
    }
}

@Suite("CSV")
struct CSVTests {
    @Test("quoted fields keep commas, quotes and line breaks")
    func quoting() throws {
        let table = try CSVTable(text: "a,b,c\r\n1,\"two, and \"\"three\"\"\",\"line\nbreak\"\n,,\n")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows == [["1", "two, and \"three\"", "line\nbreak"], ["", "", ""]])
    }

    @Test("a row with the wrong number of fields is refused with its line")
    func wrongCount() {
        #expect(throws: CSVError.wrongFieldCount(line: 3, expected: 2, found: 3)) {
            try CSVTable(text: "a,b\n1,2\n1,2,3\n")
        }
        #expect(throws: CSVError.unterminatedQuote(line: 2)) { try CSVTable(text: "a\n\"open\n") }
        #expect(throws: CSVError.empty) { try CSVTable(text: "") }
    }
}

@Suite("Building blocks")
struct BuildingBlockTests {
    @Test("a time written and read back gives the same text", arguments: [0.0, 1_780_000_000.4567, 1_780_000_000.9995, 1_780_000_000.001])
    func timestampRoundTrip(seconds: Double) throws {
        let text = Timestamp.string(Date(timeIntervalSince1970: seconds))
        let again = try #require(Timestamp.date(text))
        #expect(Timestamp.string(again) == text)
        #expect(text.hasSuffix("Z") && text.count == 24)
    }

    @Test("an audit record's hash covers every field")
    func auditHash() {
        var record = AuditRecord(sequence: 1, at: Date(timeIntervalSince1970: 1_780_000_000), actor: "a@b", action: "user.create",
                                 objectType: "user", objectID: "1", beforeDigest: "", afterDigest: "x",
                                 previousHash: AuditTrail.genesisHash, hash: "")
        let hash = record.expectedHash
        #expect(hash.count == 64)
        for change in [{ (r: inout AuditRecord) in r.actor = "c@d" }, { $0.action = "user.delete" }, { $0.objectID = "2" },
                       { $0.afterDigest = "y" }, { $0.sequence = 2 }, { $0.previousHash = String(repeating: "1", count: 64) }] {
            var changed = record
            change(&changed)
            #expect(changed.expectedHash != hash)
        }
        record.hash = hash
        #expect(record.expectedHash == record.hash)
    }

    @Test("roles are read from a list; unknown names are reported")
    func roles() {
        let parsed = Role.parseList(" Secretariat, focal-point,,chair ")
        #expect(parsed.roles == [.secretariat, .focalPoint])
        #expect(parsed.unknown == ["chair"])
        let admin = User(id: "1", name: "A", email: "a@x", organizationID: nil, roles: [.administrator], createdAt: Date())
        #expect(admin.has(.reviewer))
    }

    @Test("new ids are version 7 UUIDs: Foundation reads them, they differ, and they sort by the time they were made")
    func ids() throws {
        let generator = UUIDGenerator()
        let many = (0..<10_000).map { _ in generator.newID() }
        #expect(Set(many).count == many.count)
        for id in many.prefix(100) {
            let uuid = try #require(UUID(uuidString: id))
            #expect(uuid.uuidString.lowercased() == id)
            let bytes = Array(id.utf8)
            #expect(bytes[14] == UInt8(ascii: "7"), "version 7: \(id)")
            #expect([UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b")].contains(bytes[19]), "variant 10: \(id)")
        }
        let earlier = UUIDGenerator.id(milliseconds: 1_780_000_000_000), later = UUIDGenerator.id(milliseconds: 1_780_000_000_001)
        #expect(earlier < later && earlier.hasPrefix("019e7044-8800-7"))
        #expect(UUIDGenerator.id(milliseconds: 0).hasPrefix("00000000-0000-7"))
    }

    @Test("generated secrets are long and differ")
    func secrets() {
        let a = Secrets.token(), b = Secrets.token()
        #expect(a != b && a.count >= 43)
        #expect(!a.contains("+") && !a.contains("/") && !a.contains("="))
        #expect(Secrets.password().count == 20)
    }
}
