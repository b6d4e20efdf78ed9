import Foundation
import Review
import SQLKit
import Storage
import TestSupport
import Testing

/// Arabic as people type it: with or without vowel marks, tatweel, hamza, ta marbuta or alef maqsura.
@Suite("Searching Arabic")
struct ArabicSearchTests {
    /// Three Arabic activities, written as an editor might: with full vowel marks, with tatweel,
    /// with hamza and alef maqsura; and one English one.
    static let csv: String = {
        let header = ActivityFields.exported
        func row(_ values: [String: String]) -> [String] { header.map { values[$0] ?? "" } }
        let common = ["stakeholder_type": "government", "countries": "EGY", "coverage": "national", "status": "ongoing", "primary_action_line": "C4",
                      "sdg_goals": "4"]
        let rows: [[String: String]] = [
            common.merging(["external_id": "ar-1", "title_ar": "مُبَادَرَةُ الْمَدْرَسَةِ الرَّقْمِيَّةِ", "summary_ar": "تدريب المعلمين على التعليم الرقمي.",
                            "organization": "وزارة التربية"]) { $1 },
            common.merging(["external_id": "ar-2", "title_ar": "مـنـصـة الإعلام المجتمعي", "summary_ar": "رفع مستوى الوعي الرقمي في عام ٢٠٢٥.",
                            "organization": "جمعية الإعلام"]) { $1 },
            common.merging(["external_id": "ar-3", "title_ar": "شبكة المدارس الريفية", "summary_ar": "ربط المدارس بالإنترنت وتأهيل مسؤولي الشبكات.",
                            "organization": "هيئة الاتصالات"]) { $1 },
            common.merging(["external_id": "en-1", "title_en": "Digital school initiative", "summary_en": "Teacher training for 2025.",
                            "organization": "Ministry of Education"]) { $1 },
        ]
        return CSVTable.write(header: header, rows: rows.map(row))
    }()

    @Test("the folding: vowel marks, tatweel, hamza forms, ta marbuta, alef maqsura and Arabic-Indic digits")
    func folding() {
        #expect(SearchText.words("الْمَدْرَسَةِ") == SearchText.words("المدرسه"))
        #expect(SearchText.words("مـنـصـة") == ["منصه"])
        #expect(SearchText.words("إعلام أمن آمال ٱلعلم") == ["اعلام", "امن", "امال", "العلم"])
        #expect(SearchText.words("مستوى") == SearchText.words("مستوي"))
        #expect(SearchText.words("مسؤول") == ["مسوول"])
        #expect(SearchText.words("٢٠٢٥ ۲۰۲۶") == ["2025", "2026"])
    }

    @Test("the registry finds Arabic words however they are written, with the same results on both databases",
          arguments: TestDatabase.available)
    func search(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test in
            let officer = Actor(user: try await test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            let report = try await test.platform.activities.importActivities(.csv(Data(Self.csv.utf8)), apply: true, by: officer)
            #expect(report.created == 4, "\(report.problems)")
            func found(_ text: String) async throws -> [String] {
                try await test.platform.search.search(ActivitySearchRequest(query: try SearchQuery(parsing: text)), language: "ar")
                    .hits.compactMap(\.activity.externalID).sorted()
            }
            #expect(try await found("المدرسة الرقمية") == ["ar-1"], "typed without vowel marks")
            #expect(try await found("المدرسه") == ["ar-1"], "ha for ta marbuta")
            #expect(try await found("الْمَدْرَسَةِ") == ["ar-1"], "typed with vowel marks")
            #expect(try await found("منصة") == ["ar-2"], "the title's tatweel")
            #expect(try await found("الاعلام") == ["ar-2"], "alef without hamza")
            #expect(try await found("مستوي") == ["ar-2"], "ya for alef maqsura")
            #expect(try await found("2025") == ["ar-2", "en-1"], "Arabic-Indic digits are digits")
            #expect(try await found("المدارس") == ["ar-3"])
            #expect(try await found("المدرس*") == ["ar-1"], "a prefix (the article is part of the word)")

            // Words indexed under the earlier rule are made again when the platform opens.
            let backend = test.platform.backend
            try await backend.withTransaction { db in
                try await db.raw(SQLQueryString(backend.kind == .sqlite ? "DELETE FROM activity_fts" : "DELETE FROM activity_search")).run()
                try await db.raw("INSERT INTO counters (name, value) VALUES ('search_rule', 1) ON CONFLICT (name) DO UPDATE SET value = 1").run()
            }
            #expect(try await found("المدرسه").isEmpty)
            #expect(try await SearchWords.renewIfTheRuleChanged(backend) == 4)
            #expect(try await found("المدرسه") == ["ar-1"])
            #expect(try await SearchWords.renewIfTheRuleChanged(backend) == 0, "once renewed, not again")
        }
    }
}
