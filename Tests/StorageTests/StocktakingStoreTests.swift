import Foundation
import Review
import Storage
import TestSupport
import Testing

@Suite("Stocktaking registry, stored")
struct StocktakingStoreTests {
    static func record(_ title: String, summary: String, extra: [String: String] = [:]) -> [String: String] {
        ["title_en": title, "summary_en": summary, "stakeholder_type": "government", "coverage": "national", "status": "ongoing",
         "primary_action_line": "C4", "sdg_goals": "4", "countries": "KEN", "start_date": "2020-01-01"].merging(extra) { $1 }
    }

    @Test("draft → submitted → changes requested → resubmitted → published; a revision waits while the published version stays; all audited",
          arguments: TestDatabase.available)
    func moderation(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let organization = try await test.makeOrganization("Ministry of ICT Kenya")
            let other = try await test.makeOrganization("Open Knowledge Society", type: .civilSociety)
            let submitter = Actor(user: try await test.makeUser("fp@ict.go.ke", roles: [.focalPoint], organizationID: organization.id).user)
            let stranger = Actor(user: try await test.makeUser("fp@oks.org", roles: [.focalPoint], organizationID: other.id).user)
            let reviewer = Actor(user: try await test.makeUser("reviewer@itu.int", roles: [.reviewer]).user)
            let activities = test.platform.activities
            let search = test.platform.search

            let draft = try await activities.create(Self.record("Digital skills for teachers", summary: "Teachers learn digital skills.",
                                                                extra: ["contact": "desk@ict.go.ke"]), by: submitter)
            #expect(draft.state == .draft && draft.organization == "Ministry of ICT Kenya" && draft.organizationID == organization.id)
            await #expect(throws: DomainError.notFound(kind: "activity", id: draft.id)) { try await activities.view(id: draft.id, for: stranger) }
            await #expect(throws: DomainError.notFound(kind: "activity", id: draft.id)) { try await activities.view(id: draft.id, for: nil) }
            await #expect(throws: DomainError.notFound(kind: "activity", id: draft.id)) {
                try await activities.edit(id: draft.id, Self.record("Hijacked", summary: "x"), expectedVersion: 1, by: stranger)
            }
            await #expect(throws: DomainError.forbidden) { try await activities.transition(id: draft.id, .publish, comment: nil, expectedVersion: nil, by: submitter) }
            await #expect(throws: DomainError.conflict("wrong-state")) { try await activities.transition(id: draft.id, .publish, comment: nil, expectedVersion: nil, by: reviewer) }
            #expect(try await search.search(ActivitySearchRequest(query: try SearchQuery(parsing: "teachers")), language: "en").total == 0,
                    "a draft is not searchable")

            try await activities.transition(id: draft.id, .submit, comment: nil, expectedVersion: nil, by: submitter)
            await #expect(throws: DomainError.invalid([FieldError(field: "comment", code: "required")])) {
                try await activities.transition(id: draft.id, .requestChanges, comment: "", expectedVersion: nil, by: reviewer)
            }
            try await activities.transition(id: draft.id, .requestChanges, comment: "Name the region, please.", expectedVersion: nil, by: reviewer)
            let seen = try await activities.view(id: draft.id, for: submitter)
            #expect(seen.activity.state == .changesRequested && seen.comments.last?.text == "Name the region, please." && seen.canSeeContact)
            #expect(seen.transitions == [.submit])
            let edited = try await activities.edit(id: draft.id, Self.record("Digital skills for teachers", summary: "Teachers in East Africa learn digital skills.",
                                                                             extra: ["regions": "014"]), expectedVersion: seen.activity.version, by: submitter)
            await #expect(throws: DomainError.conflict("activity-changed-meanwhile")) {
                try await activities.edit(id: draft.id, Self.record("Stale", summary: "x"), expectedVersion: seen.activity.version, by: submitter)
            }
            #expect(edited.contact == "desk@ict.go.ke", "a form without the contact keeps it")
            try await activities.transition(id: draft.id, .submit, comment: nil, expectedVersion: nil, by: submitter)
            try await activities.transition(id: draft.id, .startReview, comment: nil, expectedVersion: nil, by: reviewer)
            let published = try await activities.transition(id: draft.id, .publish, comment: "Thank you.", expectedVersion: nil, by: reviewer)
            #expect(published.state == .published && published.publishedAt == TestPlatform.epoch)

            let publicView = try await activities.view(id: draft.id, for: nil)
            #expect(publicView.comments.isEmpty && !publicView.canSeeContact && publicView.transitions.isEmpty)
            #expect(try await search.search(ActivitySearchRequest(query: try SearchQuery(parsing: "teachers")), language: "en").total == 1)

            // A change to the published activity waits; the published text stays what the public sees and finds.
            let revised = try await activities.edit(id: draft.id, Self.record("Digital skills for teachers and librarians", summary: "Now librarians too."),
                                                    expectedVersion: published.version, by: submitter)
            #expect(revised.state == .published && revised.text("en").title == "Digital skills for teachers")
            #expect(try await activities.view(id: draft.id, for: nil).activity.text("en").title == "Digital skills for teachers")
            #expect(try await search.search(ActivitySearchRequest(query: try SearchQuery(parsing: "librarians")), language: "en").total == 0)
            #expect(try await activities.pendingRevisions(for: reviewer).map(\.activityID) == [draft.id])
            try await activities.transition(id: draft.id, .acceptRevision, comment: nil, expectedVersion: nil, by: reviewer)
            #expect(try await activities.view(id: draft.id, for: nil).activity.text("en").title == "Digital skills for teachers and librarians")
            #expect(try await search.search(ActivitySearchRequest(query: try SearchQuery(parsing: "librarians")), language: "en").total == 1)
            #expect(try await search.search(ActivitySearchRequest(query: try SearchQuery(parsing: "africa")), language: "en").total == 0,
                    "the index holds the accepted text only")

            try await activities.transition(id: draft.id, .archive, comment: nil, expectedVersion: nil, by: reviewer)
            #expect(try await search.search(ActivitySearchRequest(query: try SearchQuery(parsing: "librarians")), language: "en").total == 0)
            await #expect(throws: DomainError.notFound(kind: "activity", id: draft.id)) { try await activities.view(id: draft.id, for: nil) }

            let actions = try await test.platform.audit.search(AuditFilter(objectType: "activity"), limit: 50).map(\.action)
            #expect(Set(actions).isSuperset(of: ["activity.create", "activity.submit", "activity.request-changes", "activity.edit", "activity.start-review",
                                                 "activity.publish", "activity.revise", "activity.accept-revision", "activity.archive"]))
            #expect(try await test.platform.audit.verify() == .intact(records: try await test.platform.audit.search(AuditFilter(), limit: 1000).count))
        }
    }

    static let importCSV: String = {
        let header = ActivityFields.exported
        func row(_ values: [String: String]) -> [String] { header.map { values[$0] ?? "" } }
        let rows: [[String: String]] = [
            ["external_id": "x-1", "title_en": "Community networks for rural schools", "summary_en": "Digital access for rural schools in Kenya.",
             "organization": "Rural Connectivity Trust", "stakeholder_type": "civil-society", "countries": "KEN", "coverage": "national", "status": "ongoing",
             "start_date": "2019-05-01", "primary_action_line": "C2", "sdg_goals": "4; 9"],
            ["external_id": "x-2", "title_en": "E-health records", "summary_en": "Digital health records in clinics.",
             "organization": "Ministry of Health", "stakeholder_type": "government", "countries": "UGA; KEN", "coverage": "regional", "status": "completed",
             "start_date": "2015-01-01", "end_date": "2018-12-31", "primary_action_line": "C7.ehea", "action_lines": "C2", "sdg_goals": "3"],
            ["external_id": "x-3", "title_fr": "Éducation numérique des filles", "summary_fr": "Des ateliers numériques pour les filles.",
             "organization": "Association Numérique", "stakeholder_type": "civil-society", "countries": "SEN", "coverage": "national", "status": "ongoing",
             "start_date": "2021-09-01", "primary_action_line": "C4", "sdg_goals": "4; 5"],
            ["external_id": "x-4", "title_zh": "数字经济培训", "summary_zh": "为青年提供数字经济培训。",
             "organization": "Digital Academy", "stakeholder_type": "academia", "countries": "CHN", "coverage": "national", "status": "planned",
             "start_date": "2026-01-01", "primary_action_line": "C4", "sdg_goals": "8"],
        ]
        return CSVTable.write(header: header, rows: rows.map(row))
    }()

    @Test("import: a report names each problem and writes nothing; a clean file publishes all; the same file again changes nothing; the export reads back",
          arguments: TestDatabase.available)
    func importExport(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let officer = Actor(user: try await test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            let focal = Actor(user: try await test.makeUser("fp@example.org", roles: [.focalPoint]).user)
            let activities = test.platform.activities
            await #expect(throws: DomainError.forbidden) { try await activities.importActivities(.csv(Data(Self.importCSV.utf8)), apply: true, by: focal) }

            var bad = Self.importCSV.replacingOccurrences(of: "x-2,", with: "x-1,").replacingOccurrences(of: ",4; 9,", with: ",4; 18,")
            bad = bad.replacingOccurrences(of: ",SEN,", with: ",XX,").replacingOccurrences(of: ",C7.ehea,", with: ",C12,")
            let report = try await activities.importActivities(.csv(Data(bad.utf8)), apply: true, by: officer)
            #expect(!report.applied && report.rows == 4)
            #expect(Set(report.problems.map { "\($0.row) \($0.field) \($0.code)" }) == [
                "2 sdg_goals unknown-code", "3 primary_action_line unknown-code", "3 external_id duplicate-external-id", "4 countries unknown-code",
            ])
            #expect(try await activities.counts()[.published] == 0, "nothing written")

            let wrongColumns = try await activities.importActivities(.csv(Data("name,title_en\nx,y\n".utf8)), apply: true, by: officer)
            #expect(wrongColumns.problems.map(\.code) == ["unknown-column"] && wrongColumns.problems[0].field == "name")
            var latin1 = Data(Self.importCSV.utf8)
            latin1.append(contentsOf: [0x78, 0x2D, 0x35, 0x2C, 0xE9, 0x0A])
            let encoding = try await activities.importActivities(.csv(latin1), apply: true, by: officer)
            #expect(encoding.problems.map(\.code).contains("not-utf8") && encoding.problems.first { $0.code == "not-utf8" }?.row == 6)
            let json = try await activities.importActivities(.json(Data("{\"a\":1}".utf8)), apply: true, by: officer)
            #expect(json.problems.map(\.code) == ["not-json-array"])
            #expect(try await activities.counts()[.published] == 0)

            let dry = try await activities.importActivities(.csv(Data(Self.importCSV.utf8)), apply: false, by: officer)
            #expect(dry.problemCount == 0 && !dry.applied && dry.rows == 4)
            #expect(try await activities.counts()[.published] == 0, "a check writes nothing")
            let applied = try await activities.importActivities(.csv(Data(Self.importCSV.utf8)), apply: true, by: officer)
            #expect(applied.applied && applied.created == 4 && applied.updated == 0)
            let again = try await activities.importActivities(.csv(Data(Self.importCSV.utf8)), apply: true, by: officer)
            #expect(again.applied && again.created == 0 && again.updated == 0 && again.unchanged == 4)

            // The export in the same format: importing it changes nothing either.
            let exported = ExportSink()
            try await activities.export(.csv) { await exported.append($0) }
            let csv = await exported.text
            #expect(csv.hasPrefix(ActivityFields.exported.joined(separator: ",")) && !csv.contains("contact"))
            let roundTrip = try await activities.importActivities(.csv(Data(csv.utf8)), apply: true, by: officer)
            #expect(roundTrip.unchanged == 4 && roundTrip.created == 0 && roundTrip.updated == 0)
            let changed = try await activities.importActivities(.csv(Data(csv.replacingOccurrences(of: "E-health records", with: "E-health records phase 2").utf8)),
                                                                apply: true, by: officer)
            #expect(changed.updated == 1 && changed.unchanged == 3)

            let jsonSink = ExportSink()
            try await activities.export(.json) { await jsonSink.append($0) }
            let jsonText = await jsonSink.text
            let parsed = try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [[String: Any]]
            #expect(parsed?.count == 4 && (parsed?.first?["countries"] as? [String]) != nil)
            let fromJSON = try await activities.importActivities(.json(Data(jsonText.utf8)), apply: true, by: officer)
            #expect(fromJSON.unchanged == 4)
            let iati = ExportSink()
            try await activities.export(.iati) { await iati.append($0) }
            #expect(await iati.text.components(separatedBy: "<iati-activity ").count == 5)
        }
    }

    @Test("a target a spreadsheet shortened (16.10 read as the number 16.1) is refused where the activity had 16.10; lists, new activities and real changes pass",
          arguments: TestDatabase.available)
    func spreadsheetShortenedTargets(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let officer = Actor(user: try await test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            let activities = test.platform.activities
            #expect(SpreadsheetNumbers.shortenings(of: try await activities.vocabulary().targets.keys)
                    == ["8.1": "8.10", "16.1": "16.10", "17.1": "17.10"])
            func file(_ rows: [(String, String)]) -> ActivityFile {
                var csv = "external_id,organization,title_en,summary_en,stakeholder_type,primary_action_line,sdg_goals,sdg_targets,countries\n"
                for (id, targets) in rows { csv += "\(id),Ministry,Title \(id),Summary,government,C4,16,\"\(targets)\",SEN\n" }
                return .csv(Data(csv.utf8))
            }
            let first = try await activities.importActivities(file([("s-1", "16.10"), ("s-2", "16.10; 16.9"), ("s-3", "16.1")]), apply: true, by: officer)
            #expect(first.problemCount == 0 && first.created == 3, "a new activity may name 16.1: \(first.problems)")

            // As LibreOffice saves them: s-1's lone 16.10 became 16.1; the list of s-2 is intact; s-3 had 16.1 all along.
            for apply in [false, true] {
                let saved = try await activities.importActivities(file([("s-1", "16.1"), ("s-2", "16.10; 16.9"), ("s-3", "16.1")]), apply: apply, by: officer)
                #expect(saved.problems.map { "\($0.row) \($0.field) \($0.code) \($0.parameters["code"] ?? "")" } == ["2 sdg_targets spreadsheet-number 16.10"],
                        "the check and the import say the same")
                #expect(!saved.applied)
            }
            let kept = try #require(try await test.platform.store.read { try await $0.activities.activities(externalIDs: ["s-1"]) }["s-1"])
            #expect(kept.sdgTargets == ["16.10"], "nothing written")
            // A target really changed to 16.9, or 16.10 written back, passes.
            let fixed = try await activities.importActivities(file([("s-1", "16.10"), ("s-2", "16.9"), ("s-3", "16.1")]), apply: true, by: officer)
            #expect(fixed.problemCount == 0 && fixed.updated == 1 && fixed.unchanged == 2, "\(fixed.problems)")
        }
    }

    @Test("an import of many batches (each written while the next is read): a problem in the last row undoes them all; a clean file writes every one; again, all unchanged",
          arguments: TestDatabase.available)
    func importInBatches(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let officer = Actor(user: try await test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            let activities = test.platform.activities
            var generator = DemoGenerator(seed: 3, vocabulary: try await activities.vocabulary())
            var csv = ""
            generator.writeCSV(count: 300) { csv += $0 }
            var stream = CSVStream(data: Data(csv.utf8))
            var last: [String] = []
            while let fields = try stream.nextRecord() { last = fields }

            let bad = try await activities.importActivities(.csv(Data((csv + CSVLine.make(last)).utf8)), apply: true, by: officer, batchSize: 40)
            #expect(!bad.applied && bad.rows == 301)
            #expect(bad.problems.map { "\($0.row) \($0.code)" } == ["302 duplicate-external-id"])
            #expect(try await activities.counts()[.published] == 0, "the seven batches written before the last row were rolled back")
            #expect(try await test.platform.search.search(ActivitySearchRequest(), language: "en").total == 0)

            let applied = try await activities.importActivities(.csv(Data(csv.utf8)), apply: true, by: officer, batchSize: 40)
            #expect(applied.applied && applied.created == 300)
            #expect(try await activities.counts()[.published] == 300)
            #expect(try await test.platform.search.search(ActivitySearchRequest(), language: "en").total == 300)
            let again = try await activities.importActivities(.csv(Data(csv.utf8)), apply: true, by: officer, batchSize: 40)
            #expect(again.applied && again.unchanged == 300 && again.created == 0 && again.updated == 0)

            if database == .sqlite {
                // FTS5 merges less often during an import only: after one, applied or refused, its usual settings hold.
                func settings() async throws -> [String: Int] {
                    try await test.platform.backend.withReader { db in
                        var found: [String: Int] = [:]
                        for row in try await db.raw("SELECT k, v FROM activity_fts_config WHERE k IN ('hashsize', 'automerge', 'crisismerge')").all() {
                            found[try row.decode(column: "k", as: String.self)] = try row.decode(column: "v", as: Int.self)
                        }
                        return found
                    }
                }
                let usual = ["hashsize": 1 << 20, "automerge": 4, "crisismerge": 16]
                #expect(try await settings() == usual)
                _ = try await activities.importActivities(.csv(Data((csv + CSVLine.make(last)).utf8)), apply: true, by: officer, batchSize: 40)
                #expect(try await settings() == usual)
            }
        }
    }

    @Test("search: the same totals, facets and order on both databases; words in any language, phrases, prefixes, filters, pages",
          arguments: TestDatabase.available)
    func search(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let officer = Actor(user: try await test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            let vocabulary = try await test.platform.activities.vocabulary()
            var generator = DemoGenerator(seed: 11, vocabulary: vocabulary)
            var csv = ""
            generator.writeCSV(count: 600) { csv += $0 }
            let report = try await test.platform.activities.importActivities(.csv(Data(csv.utf8)), apply: true, by: officer)
            #expect(report.created == 600)
            let search = test.platform.search

            // What each query must find, counted here from the records themselves.
            var stream = CSVStream(data: Data(csv.utf8))
            let header = try #require(try stream.nextRecord())
            var records: [Activity] = []
            while let fields = try stream.nextRecord() {
                records.append(try Activity.read(Dictionary(uniqueKeysWithValues: zip(header, fields)), vocabulary: vocabulary, id: "", createdBy: "", now: Date()))
            }
            func words(_ activity: Activity) -> [[String]] {
                ActivityDocument(activity).columns
            }
            func expected(_ test: (Activity) -> Bool) -> Int { records.filter(test).count }

            func total(_ text: String, _ filters: [Facet: Set<String>] = [:]) async throws -> Int {
                try await search.search(ActivitySearchRequest(query: try SearchQuery(parsing: text), filters: filters), language: "en").total
            }
            #expect(try await total("") == 600)
            #expect(try await total("digital") == expected { words($0).contains { $0.contains("digital") } })
            #expect(try await total("DIGITAL") == (try await total("digital")))
            #expect(try await total("\"media literacy\"") == expected { activity in
                words(activity).contains { column in zip(column, column.dropFirst()).contains { $0 == "media" && $1 == "literacy" } }
            })
            // Longer phrases and word order (PostgreSQL reads a phrase through its pairs of neighbouring words).
            func holding(_ phrase: [String]) -> (Activity) -> Bool {
                { activity in
                    words(activity).contains { column in
                        column.count >= phrase.count && (0...(column.count - phrase.count)).contains { Array(column[$0..<($0 + phrase.count)]) == phrase }
                    }
                }
            }
            for phrase in [Array(words(records[0])[1].prefix(3)), Array(words(records[1])[2].prefix(4)), ["literacy", "media"], ["media", "and", "literacy"]] {
                #expect(try await total("\"" + phrase.joined(separator: " ") + "\"") == expected(holding(phrase)), "phrase \(phrase)")
            }
            #expect(try await total("literac*") == expected { words($0).contains { $0.contains { $0.hasPrefix("literac") } } })
            #expect(try await total("numériques") == expected { words($0).contains { $0.contains("numeriques") } }, "accents do not matter")
            #expect(try await total("数字") == expected { words($0).contains { $0.contains("数字") } })
            #expect(try await total("数字") > 0)
            #expect(try await total("digital", [.country: ["KEN"]]) == expected { a in words(a).contains { $0.contains("digital") } && a.countries.contains("KEN") })
            #expect(try await total("", [.actionLine: ["C7"]]) == expected { a in a.allActionLines.contains { $0.hasPrefix("C7.") } }, "C7 takes its sub-lines")
            #expect(try await total("", [.sdg: ["4", "5"], .status: ["completed"]]) == expected { a in
                (a.sdgGoals.contains(4) || a.sdgGoals.contains(5)) && a.status == .completed
            })
            #expect(try await total("", [.country: ["XX"]]) == 0)
            for hostile in ["NEAR(", "*", "\"unbalanced", "AND OR NOT", "col:umn", "^digital", "'; DROP TABLE activities; --"] {
                _ = try await total(hostile)
            }

            // Facets count the matches.
            let page = try await search.search(ActivitySearchRequest(query: try SearchQuery(parsing: "digital")), language: "en")
            let kenya = page.facets[.country]?.first { $0.value == "KEN" }?.count ?? 0
            #expect(kenya == expected { a in words(a).contains { $0.contains("digital") } && a.countries.contains("KEN") })
            let years = page.facets[.year] ?? []
            #expect(years.reduce(0) { $0 + $1.count } == expected { a in words(a).contains { $0.contains("digital") } && a.year != nil })
            // A facet counts what passes the other facets' filters: with Kenya chosen, India is still offered with its count.
            let kenyan = try await search.search(ActivitySearchRequest(query: try SearchQuery(parsing: "digital"), filters: [.country: ["KEN"], .status: ["ongoing"]]),
                                                 language: "en")
            let digitalOngoing = { (a: Activity) in words(a).contains { $0.contains("digital") } && a.status == .ongoing }
            #expect(kenyan.total == expected { digitalOngoing($0) && $0.countries.contains("KEN") })
            #expect(kenyan.facets[.country]?.first { $0.value == "IND" }?.count == expected { digitalOngoing($0) && $0.countries.contains("IND") })
            #expect(kenyan.facets[.status]?.first { $0.value == "completed" }?.count == expected { a in
                words(a).contains { $0.contains("digital") } && a.status == .completed && a.countries.contains("KEN")
            })
            #expect(kenyan.facets[.actionLine]?.reduce(0) { $0 + $1.count } ?? 0 >= kenyan.total)
            #expect(page.hits.count == 20 && page.hits.allSatisfy { $0.snippet.parts.contains(where: \.match) || $0.titleSnippet.parts.contains(where: \.match) })

            // Pages by date: keyset pages cover every match once, newest first, the same order on both databases.
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await search.search(ActivitySearchRequest(query: try SearchQuery(parsing: "teachers"), sort: .date, cursor: cursor, limit: 50), language: "en")
                seen += page.hits.map { $0.activity.externalID! }
                cursor = page.nextCursor
            } while cursor != nil
            let teachers = records.filter { words($0).contains { $0.contains("teachers") } }
            #expect(seen.count == teachers.count && Set(seen).count == seen.count)
            let startByID = Dictionary(uniqueKeysWithValues: records.map { ($0.externalID!, $0.startDate ?? "") })
            let days = seen.map { startByID[$0]! }
            #expect(days == days.sorted(by: >), "newest first")

            await #expect(throws: DomainError.self) {
                try await search.search(ActivitySearchRequest(query: try SearchQuery(parsing: "digital"), cursor: "not-a-cursor"), language: "en")
            }
            await #expect(throws: DomainError.self) {
                try await search.search(ActivitySearchRequest(query: try SearchQuery(parsing: "digital"), limit: 1000), language: "en")
            }
            let counts = try await search.cooccurrence()
            #expect(counts["C4|4", default: 0] == expected { $0.allActionLines.contains("C4") && $0.sdgGoals.contains(4) })
        }
    }

    @Test("migration 10 keeps the search: on PostgreSQL the pairs it makes from stored positions are those the platform writes, and the rows hold no word lists",
          arguments: TestDatabase.available)
    func narrowSearchRows(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let officer = Actor(user: try await test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            var generator = DemoGenerator(seed: 5, vocabulary: try await test.platform.activities.vocabulary())
            var csv = ""
            generator.writeCSV(count: 300) { csv += $0 }
            _ = try await test.platform.activities.importActivities(.csv(Data(csv.utf8)), apply: true, by: officer)
            let backend = test.platform.backend
            func total(_ text: String) async throws -> Int {
                try await test.platform.search.search(ActivitySearchRequest(query: try SearchQuery(parsing: text)), language: "en").total
            }
            let phrase = try await total("\"digital tools\"")
            #expect(phrase > 0)

            guard database == .postgres else {
                // SQLite: the step changes nothing, and the search answers the same after it is undone and done again.
                #expect(try await Migrations.revert(backend, to: 9) == [13, 12, 11, 10])
                #expect(try await Migrations.migrate(backend) == [10, 11, 12, 13])
                #expect(try await total("\"digital tools\"") == phrase)
                return
            }
            func snapshot() async throws -> [String] {
                try await backend.withReader { db in
                    try await db.raw("SELECT CAST(doc AS TEXT) || ' ' || CAST(tsv AS TEXT) || ' | ' || CAST(title AS TEXT) AS line FROM activity_search ORDER BY doc").all()
                        .map { try $0.decode(column: "line", as: String.self) }
                }
            }
            func pairCount() async throws -> Int {
                try await backend.withReader { db in
                    try await db.raw("SELECT count(*) AS n FROM activity_search, unnest(tsv) AS entry WHERE position(' ' IN entry.lexeme) > 0").first()!
                        .decode(column: "n", as: Int.self)
                }
            }
            func expectNarrowRows() async throws {
                let sizes = try await backend.withReader { db in
                    try await db.raw("SELECT pg_relation_size('activity_search') AS heap, sum(pg_column_size(tsv)) AS words FROM activity_search").first()!
                }
                let heap = try sizes.decode(column: "heap", as: Int.self), words = try sizes.decode(column: "words", as: Int.self)
                #expect(heap * 5 < words, "rows \(heap) bytes, word lists \(words) bytes")
            }
            try await expectNarrowRows()
            let written = try await snapshot()
            #expect(written.count == 300)
            #expect(try await pairCount() > 300 * 20, "the platform writes each two neighbouring words as a lexeme")

            // Undone, the rows hold words and positions only; done again, SQL makes the same pairs from the positions.
            #expect(try await Migrations.revert(backend, to: 9) == [13, 12, 11, 10])
            #expect(try await pairCount() == 0)
            #expect(try await Migrations.migrate(backend) == [10, 11, 12, 13])
            #expect(try await snapshot() == written)
            #expect(try await total("\"digital tools\"") == phrase)

            // The migration's rows are as narrow as the platform's.
            try await expectNarrowRows()
        }
    }

    @Test("the matrix: the secretariat adds and removes links with a reason; the history keeps both; bad codes are named",
          arguments: TestDatabase.available)
    func matrix(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let officer = Actor(user: try await test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            let reviewer = Actor(user: try await test.makeUser("reviewer@itu.int", roles: [.reviewer]).user)
            let matrix = test.platform.matrix
            let links = Set(try await test.platform.reference.matrix())
            let before = links.count
            let goal = try #require((1...17).first { !links.contains(MatrixLink(actionLine: "C10", goal: $0, target: nil)) })
            await #expect(throws: DomainError.forbidden) { try await matrix.change(.add, actionLine: "C10", goal: String(goal), target: nil, reason: "x", by: reviewer) }
            _ = try await matrix.change(.add, actionLine: "c10", goal: String(goal), target: nil, reason: "Ocean science capacity", by: officer)
            await #expect(throws: DomainError.conflict("matrix-link-exists")) {
                try await matrix.change(.add, actionLine: "C10", goal: String(goal), target: nil, reason: "again", by: officer)
            }
            #expect(try await test.platform.reference.matrix().count == before + 1)
            _ = try await matrix.change(.remove, actionLine: "C10", goal: String(goal), target: "", reason: "Added by mistake", by: officer)
            #expect(try await test.platform.reference.matrix().count == before)
            let history = try await matrix.history()
            #expect(history.map(\.kind) == [.remove, .add] && history.map(\.reason) == ["Added by mistake", "Ocean science capacity"])
            do {
                _ = try await matrix.change(.add, actionLine: "C12", goal: "18", target: "3.1", reason: "", by: officer)
                Issue.record("bad codes were accepted")
            } catch let error as DomainError {
                #expect(Set(error.fieldErrors.map(\.field)) == ["reason", "action_line", "goal", "target"])
            }
        }
    }
}

actor ExportSink {
    var text = ""
    func append(_ part: String) { text += part }
}
