import Foundation
import Hummingbird
import HummingbirdTesting
import Review
import TestSupport
import Testing
import Web

/// A resolution's language versions side by side: the page, the API and what the resolution's page offers.
@Suite("Language versions side by side")
struct LanguageVersionTests {
    @Test("the reading view pairs every paragraph, each side in its own language and direction, each pair linked",
          arguments: TestDatabase.available)
    func page(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let versions = try await web.test.languageVersions(["en", "fr", "ar", "zh"], drafts: ["zh"])
            let english = try #require(versions["en"])
            let resolution = try await web.get("/resolutions/\(english.id)")
            #expect(resolution.text.contains("/resolutions/\(english.id)/languages?with=fr"))
            #expect(resolution.text.contains("/resolutions/\(english.id)/languages?with=ar"))
            #expect(!resolution.text.contains("with=zh"), "a draft version is the secretariat's only")
            #expect(resolution.text.contains(#"<span class="text" lang="en" dir="ltr">"#))

            let page = try await web.get("/resolutions/\(english.id)/languages?with=ar")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("pair-15") && !html.contains("pair-16"))
            #expect(html.components(separatedBy: #"role="cell" lang="ar" dir="rtl""#).count - 1 == 15)
            #expect(html.components(separatedBy: #"role="cell" lang="en" dir="ltr""#).count - 1 == 15)
            #expect(html.contains("يكلف الأمين العام") && html.contains("instructs the Secretary-General"))
            #expect(html.contains("/resolutions/\(versions["ar"]!.id)#op_2__para_2"), "each paragraph links to its place in its version")
            #expect(html.contains("Unless a pair says otherwise, its paragraphs hold the same place in the structure."))
            #expect(html.contains("<bdi>أ</bdi>") && html.contains("<bdi>a</bdi>"), "each side numbers its items as its language writes them")
            #expect(html.contains("Paragraphs paired: 15 · without a counterpart: 0"))

            // In French, with a language the work does not have: the first other version instead.
            let french = try await web.get("/fr/resolutions/\(english.id)/languages?with=es")
            #expect(french.status == .ok)
            #expect(french.text.contains("Versions linguistiques en regard"))
            #expect(french.text.contains(#"lang="fr" dir="ltr""#))
            // A forged or unknown language is ignored.
            #expect(try await web.get("/resolutions/\(english.id)/languages?with=%3Cscript%3E").status == .ok)

            // The secretariat sees the Chinese draft too.
            let officer = try await web.signIn(try await web.test.makeUser("officer@itu.int", roles: [.secretariat]))
            let chinese = try await web.get("/resolutions/\(english.id)/languages?with=zh", as: officer)
            #expect(chinese.text.contains(#"lang="zh""#) && chinese.text.contains("责成秘书长"))
        }
    }

    @Test("a resolution with one language version says how to add another", arguments: TestDatabase.available)
    func alone(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (resolution, _) = try await web.test.confirmedSample()
            let page = try await web.get("/resolutions/\(resolution.id)/languages")
            #expect(page.status == .ok)
            #expect(page.text.contains("only one language version"))
            #expect(try await web.get("/resolutions/nothing-here/languages").status == .notFound)
        }
    }

    @Test("the API gives the pairs with their texts; a language the work lacks is 404 in the reader's language, one not among the six is 400",
          arguments: TestDatabase.available)
    func api(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let versions = try await web.test.languageVersions(["en", "ru"])
            let english = try #require(versions["en"])
            let response = try await web.api(.get, "/api/v1/resolutions/\(english.id)/alignment?with=ru")
            #expect(response.status == .ok)
            let json = try #require(try response.json() as? [String: Any])
            #expect((json["left"] as? [String: Any])?["language"] as? String == "en")
            #expect((json["right"] as? [String: Any])?["language"] as? String == "ru")
            let pairs = try #require(json["pairs"] as? [[String: Any]])
            #expect(pairs.count == 15)
            #expect(pairs.allSatisfy { $0["basis"] as? String == "structure" })
            let instructs = try #require(pairs.first { ($0["left"] as? [String: Any])?["paragraph_id"] as? String == "op_2__para_1" })
            #expect(((instructs["right"] as? [String: Any])?["text"] as? String)?.contains("ежегодно") == true)

            let missing = try await web.client.execute(uri: "/api/v1/resolutions/\(english.id)/alignment?with=es", method: .get,
                                                       headers: [.accept: "application/json", .acceptLanguage: "fr"], body: nil)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("pas de version en Español"))
            #expect(try await web.api(.get, "/api/v1/resolutions/\(english.id)/alignment?with=de").status == .badRequest)
            #expect(try await web.api(.get, "/api/v1/resolutions/\(english.id)/alignment").status == .badRequest)
        }
    }

    @Test("a mandate's paragraph is shown in the reader's language when the work has that version; mandates are proposed once per work",
          arguments: TestDatabase.available)
    func mandateParagraph(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let versions = try await web.test.languageVersions(["en", "fr", "ar"])
            let officer = Actor(user: try await web.test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            let english = try #require(versions["en"])
            #expect(try await web.platform.mandates.list(MandateFilter(resolutionID: versions["fr"]!.id), viewer: officer).isEmpty,
                    "the French version proposes no second set of mandates")
            let mandates = try await web.platform.mandates.list(MandateFilter(resolutionID: english.id), viewer: officer)
            #expect(mandates.count == 8)
            _ = try await web.platform.mandates.acceptAll(resolutionID: english.id, by: officer)
            let report = try #require(mandates.first { $0.mandate.paragraphID == "op_2__para_2" }?.mandate)

            let french = try await web.get("/fr/mandates/\(report.id)")
            #expect(french.status == .ok)
            #expect(french.text.contains(#"<blockquote class="paragraph" lang="fr" dir="ltr">"#))
            #expect(french.text.contains("de publier, d&#39;ici au 31 décembre 2027") || french.text.contains("de publier, d'ici au 31 décembre 2027"))
            #expect(french.text.contains("Le paragraphe tel que le mandat en a été tiré (English)"))
            let arabic = try await web.get("/ar/mandates/\(report.id)")
            #expect(arabic.text.contains(#"<blockquote class="paragraph" lang="ar" dir="rtl">"#) && arabic.text.contains("بحلول 31 ديسمبر 2027"))
            // In Spanish, which the work lacks, the English paragraph alone.
            let spanish = try await web.get("/es/mandates/\(report.id)")
            #expect(spanish.text.contains(#"<blockquote class="paragraph" lang="en" dir="ltr">"#) && !spanish.text.contains("class=\"original\""))
        }
    }

    @Test("the resolution list finds titles in any language: accents, Arabic vowel marks and letter forms aside, Chinese by character pairs",
          arguments: TestDatabase.available)
    func listSearch(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            _ = try await web.test.languageVersions(["en", "fr", "ar", "zh"])
            func titles(_ query: String) async throws -> [String] {
                let list = try await web.platform.resolutions.list(viewer: nil, matching: query)
                return list.map(\.language).sorted()
            }
            #expect(try await titles("") == ["ar", "en", "fr", "zh"])
            #expect(try await titles("الشمول الرقمى") == ["ar"], "ya for alef maqsura, no vowel marks")
            #expect(try await titles("بِنَاء القُدُرَات") == ["ar"], "typed with vowel marks")
            #expect(try await titles("数字包容") == ["zh"])
            #expect(try await titles("numerique inclusion") == ["fr"], "accents aside; each word the start of one of the title's")
            #expect(try await titles("capac digit") == ["en"])
            #expect(try await titles("9999") == ["ar", "en", "fr", "zh"], "the work's number")

            let page = try await web.get("/ar/resolutions?q=" + WebTest.encode("الشمول الرقمى"))
            #expect(page.status == .ok)
            #expect(page.text.contains("بناء القدرات") && !page.text.contains("Capacity building"))
            #expect(page.text.contains(#"value="الشمول الرقمى""#))
            let none = try await web.get("/resolutions?q=nothing-like-this")
            #expect(none.text.contains("No resolution&#39;s title or symbol holds these words.") || none.text.contains("No resolution's title or symbol holds these words."))
            let long = try await web.api(.get, "/api/v1/resolutions?q=" + String(repeating: "0", count: 301))
            #expect(long.status == .unprocessableContent && long.text.contains("300"))
            #expect(try await web.get("/resolutions?q=" + String(repeating: "0", count: 301)).status == .ok, "the page reads the first 300")
            let api = try await web.api(.get, "/api/v1/resolutions?q=" + WebTest.encode("数字包容"))
            #expect(((try api.json() as? [[String: Any]])?.compactMap { $0["language"] as? String }) == ["zh"])
        }
    }

    @Test("what people write keeps its own direction on any page: a note in Arabic on a mandate, the mandate's words, codes isolated",
          arguments: TestDatabase.available)
    func userTexts(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (resolution, officer) = try await web.test.confirmedSample(acceptingMandates: true)
            let mandate = try #require(try await web.platform.mandates.list(MandateFilter(resolutionID: resolution.id), viewer: officer).first?.mandate)
            _ = try await web.platform.mandates.report(on: mandate.id, MandateReport(expectedVersion: mandate.version, note: "أُرسل التقرير إلى المجلس (C31/9)"),
                                                       by: officer)
            let page = try await web.get("/ar/mandates/\(mandate.id)").text
            #expect(page.contains(#"<p class="note" dir="auto">أُرسل التقرير إلى المجلس (C31/9)</p>"#))
            #expect(page.contains(#"<h1 class="action" dir="auto">"#) && page.contains("<bdi>C31/9-E</bdi>"))
            let list = try await web.get("/ar/mandates").text
            #expect(list.contains(#"<td dir="auto"><a href="#) && list.contains("<bdi>"))
        }
    }
}
