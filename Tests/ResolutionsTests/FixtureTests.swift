import Foundation
import Resolutions
import TestSupport
import Testing

/// Our own fictional resolutions (Tests/ResolutionsTests/Fixtures, described in its README).
enum Fixture {
    static func text(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "txt"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static let all = ["itu-conference-en", "itu-council-draft-en", "un-ga-pdf-en", "un-ga-sections-en", "un-declaration-en",
                      "itu-council-en", "itu-council-fr", "itu-council-es", "itu-council-ru", "itu-council-ar", "itu-council-zh"]
}

@Suite("Fictional fixtures")
struct FixtureTests {
    @Test("an ITU conference resolution exported by Tika: markers, bis items, look-alikes, flattened phrase, roman sub-items, footnote, annex")
    func conference() throws {
        let source = try Fixture.text("itu-conference-en")
        let resolution = try ResolutionParser().parse(source)
        #expect(resolution.formula?.value == "The Plenipotentiary Conference of the International Telecommunication Union (Doha, 2026),")
        #expect(resolution.preamble.map(\.phrase) == ["recalling", "considering", "considering further", "noting with satisfaction", "recognizing further"])
        #expect(resolution.preamble.map { $0.paragraphs.map { $0.number ?? "-" } } == [
            ["a", "b", "bbis", "c", "d", "e"], ["a", "b", "c", "d"], ["a", "b"], ["-"], ["a", "b"],
        ])
        #expect(resolution.operative.map(\.addressee) == [nil, "the Secretary-General", "the Director of the Telecommunication Development Bureau",
                                                          "Member States and Sector Members", "the ITU membership"])
        #expect(resolution.operative.map { $0.paragraphs.count } == [3, 3, 3, 2, 2])
        #expect(resolution.operative[2].paragraphs[1].children.compactMap(\.number) == ["i", "ii", "iii"])
        #expect(resolution.preamble[4].paragraphs[0].footnoteReferences == ["1"])
        #expect(Set(resolution.preamble[1].paragraphs[2].actionLines.map(\.code)) == ["C2", "C3", "C4"])
        let cited = resolution.citations.map { "\($0.citation.id)@\($0.citation.version ?? "")" }
        #expect(cited == ["itu/pp/res/71@rev-bucharest-2022", "itu/wtdc/res/30@rev-kigali-2022", "itu/council/res/1332@modified-2016",
                          "itu/wtsa/res/1@rev-new-delhi-2024", "un/ga/res/70/125@", "un/ga/res/78/132@"])
        let times = Set(resolution.allParagraphs.flatMap { $0.paragraph.times.map(\.value) })
        #expect(times.isSuperset(of: [.day("2025-12-04"), .recurrence("annually"), .session(body: "council", year: 2027, qualifier: nil),
                                      .session(body: "ecosoc", year: 2028, qualifier: nil), .day("2027-12-31")]))
        for (_, paragraph) in resolution.allParagraphs {
            #expect(!paragraph.text.contains("[bookmark") && !paragraph.text.contains("ANNEX") && !paragraph.text.contains("\u{AD}"))
        }
        // The annex is held apart: one annex with its heading and one unnumbered paragraph.
        #expect(resolution.annexes.map(\.heading) == ["ANNEX TO RESOLUTION 999 (Rev. Doha, 2026)"])
        #expect(resolution.annexes.first?.paragraphs.map(\.id) == ["annex_1__para_1"])
        #expect(resolution.annexes.first?.paragraphs.first?.number == nil)
        #expect(resolution.annexes.first?.paragraphs.first?.text.hasPrefix("The areas in which") == true)
        #expect(resolution.sections.isEmpty)
    }

    @Test("ITU style in sections: \"Section 1 – Reporting\" heads the blocks under it; numbering restarts per block as usual")
    func ituSections() throws {
        let resolution = try ResolutionParser().parse("""
            The Council,
            considering
            a)\tthat the review needs regular reports;
            Section 1 – Reporting
            instructs the Secretary-General
            1\tto report annually to the Council;
            2\tto publish the reports;
            SECTION 2
            Financing
            resolves
            1\tto fund the participation of developing countries from the trust fund;
            """)
        #expect(resolution.sections.map(\.number) == ["1", "2"])
        #expect(resolution.sections.map(\.heading) == ["Reporting", "Financing"])
        #expect(resolution.sections.map(\.blockIDs) == [["op_1"], ["op_2"]])
        #expect(resolution.operative.map { $0.paragraphs.map(\.id) } == [["op_1__para_1", "op_1__para_2"], ["op_2__para_1"]])
        #expect(resolution.operative[0].paragraphs[1].text == "to publish the reports;", "no heading is read into a paragraph")
        let again = try ResolutionParser().parse(PlainText.render(resolution))
        #expect(again.sections.map(\.blockIDs) == resolution.sections.map(\.blockIDs))
        #expect(again.sections.map(\.heading) == resolution.sections.map(\.heading))
    }

    @Test("a General Assembly resolution in sections I and II, each with its own preamble, and an annex with a title")
    func sections() throws {
        let source = try Fixture.text("un-ga-sections-en")
        let resolution = try ResolutionParser().parse(source)
        #expect(resolution.symbol?.value == "A/RES/81/998")
        #expect(resolution.date?.value == .day("2026-12-15"))
        #expect(resolution.preamble.map(\.concept.rawValue) == ["recalling", "recalling", "welcoming", "noting", "recognizing"])
        #expect(resolution.operative.flatMap(\.paragraphs).compactMap(\.number) == ["1", "2", "3", "4", "5"])
        #expect(resolution.sections.map(\.number) == ["I", "II"])
        #expect(resolution.sections.map(\.heading) == ["Implementation of the Action Lines", "Participation of developing countries"])
        #expect(resolution.sections.map(\.blockIDs) == [["pmbl_3", "pmbl_4", "op_1", "op_2"], ["pmbl_5", "op_3", "op_4", "op_5"]])
        #expect(resolution.outline.map { $0.section?.id } == [nil, "sec_1", "sec_2"])
        #expect(resolution.operative[1].paragraphs[0].text.hasSuffix("annex to the present resolution;"))
        #expect(resolution.preamble[3].paragraphs[0].text == "Noting the contributions of all stakeholders to the stocktaking of activities,")
        let annex = try #require(resolution.annexes.first)
        #expect(resolution.annexes.count == 1)
        #expect(annex.heading == "Annex" && annex.title == "Terms of reference of the trust fund")
        #expect(annex.paragraphs.map(\.id) == ["annex_1__para_1", "annex_1__para_2", "annex_1__para_3"])
        #expect(annex.paragraphs[1].citations.map(\.id) == ["un/ga/res/70/125"])
        #expect(annex.paragraphs[2].times.map(\.value) == [.session(body: "council", year: 2027, qualifier: nil), .recurrence("annually")])
        #expect(resolution.citations.contains { $0.paragraphID == "annex_1__para_2" }, "citations in annexes count for \"cited by\"")
        // The text of the source under each range: the highlighting in the browser depends on it.
        let units = Array(source.utf16)
        func text(_ range: SourceRange) -> String { String(decoding: units[range.start..<range.end], as: UTF16.self) }
        #expect(text(resolution.sections[1].range) == "II")
        #expect(text(annex.range) == "Annex")
        #expect(text(annex.paragraphs[1].citations[0].range) == "70/125")
    }

    @Test("a Council draft with a cover page and an unnumbered operative paragraph")
    func councilDraft() throws {
        let resolution = try ResolutionParser().parse(try Fixture.text("itu-council-draft-en"))
        #expect(resolution.symbol?.value == "C26/999-E")
        #expect(resolution.date?.value == .day("2026-05-12"))
        #expect(resolution.agendaItem?.value == "PL 2.1")
        #expect(resolution.originalLanguage?.value == "English")
        #expect(resolution.title?.value == "A digital skills compact for the period after the WSIS+20 review")
        #expect(resolution.preamble.map { $0.paragraphs.count } == [2, 2])
        #expect(resolution.operative.map { $0.paragraphs.count } == [2, 1])
        #expect(resolution.operative[1].paragraphs[0].number == nil, "a lone operative paragraph has no number")
        #expect(Set(resolution.citations.map(\.citation.id)) == ["itu/pp/res/71", "itu/doc/C25/45"])
    }

    @Test("a General Assembly resolution from PDF text: wrapped paragraphs, scrambled footnotes, adverbs, sub-items")
    func generalAssembly() throws {
        let resolution = try ResolutionParser().parse(try Fixture.text("un-ga-pdf-en"))
        #expect(resolution.symbol?.value == "A/RES/80/999")
        #expect(resolution.date?.value == .day("2025-11-24"))
        #expect(resolution.preambularParagraphCount == 6)
        #expect(resolution.operativeParagraphCount == 12)
        #expect(resolution.operative.flatMap(\.paragraphs).compactMap(\.number) == (1...12).map(String.init))
        #expect(resolution.operative[2].paragraphs[0].children.compactMap(\.number) == ["a", "b", "c"])
        #expect(resolution.operative[4].modifier == "once-again" && resolution.operative[4].concept == .urges)
        #expect(resolution.operative[4].paragraphs[0].addressee == "developed countries and other partners in a position to do so")
        #expect(resolution.footnotes.map(\.marker) == ["1", "2", "3"])
        #expect(resolution.preamble[0].paragraphs[0].citations.map(\.id) == ["un/ga/res/70/125", "un/ga/res/75/202", "un/ga/res/78/132"])
        let sessions = resolution.allParagraphs.flatMap { $0.paragraph.times.map(\.value) }.filter {
            if case .session(body: "unga", year: 2026, qualifier: "81") = $0 { return true }
            return false
        }
        #expect(sessions.count == 2, "the eighty-first session, broken across a line")
    }

    @Test("a declaration opens with \"We, …\" and its paragraphs speak in the first person")
    func declaration() throws {
        let resolution = try ResolutionParser().parse(try Fixture.text("un-declaration-en"))
        #expect(resolution.formula?.value.hasPrefix("We, the Heads of State and Government") == true)
        #expect(resolution.operative.map { $0.paragraphs[0].verb?.rawValue ?? "" } == [
            "commits", "recognizes", "decides", "reaffirms", "calls-upon", "requests", "decides", "resolves",
        ])
    }

    @Test("one resolution in the six languages: the same structure, paragraph for paragraph, the same work, citations and times")
    func sixLanguages() throws {
        let codes = ["en", "fr", "es", "ru", "ar", "zh"]
        let versions = try codes.map { try ResolutionParser().parse(try Fixture.text("itu-council-\($0)")) }
        #expect(versions.map(\.language) == [.english, .french, .spanish, .russian, .arabic, .chinese])
        let english = versions[0]
        for version in versions {
            #expect(version.style == .itu, "\(version.language)")
            #expect(version.workID == "itu/council/res/9999", "the numbered heading names the work in \(version.language)")
            #expect(version.preamble.map(\.concept) == english.preamble.map(\.concept), "\(version.language)")
            #expect(version.operative.map(\.concept) == english.operative.map(\.concept), "\(version.language)")
            #expect(version.allParagraphs.map(\.paragraph.id) == english.allParagraphs.map(\.paragraph.id), "\(version.language)")
            #expect(version.allParagraphs.map { $0.paragraph.number ?? "-" } == english.allParagraphs.map { $0.paragraph.number ?? "-" })
            #expect(version.operative.flatMap(\.paragraphs).map(\.verb) == english.operative.flatMap(\.paragraphs).map(\.verb))
            #expect(version.footnotes.isEmpty)
        }
        #expect(versions.map { $0.formula?.value } == ["The Council,", "Le Conseil,", "El Consejo,", "Совет,", "إن المجلس،", "理事会，"])
        #expect(versions.map { $0.heading?.value } == ["RESOLUTION 9999 (C26)", "RÉSOLUTION 9999 (C26)", "RESOLUCIÓN 9999 (C26)",
                                                      "РЕЗОЛЮЦИЯ 9999 (C26)", "القرار 9999 (C26)", "第9999号决议（C26）"])
        // The title is the line under the heading: neither the heading nor "(Adopted at …)".
        #expect(versions.map { $0.title?.value } == [
            "Capacity building for digital inclusion after the WSIS+20 review",
            "Renforcement des capacités au service de l'inclusion numérique après l'examen SMSI+20",
            "Creación de capacidades para la inclusión digital tras el examen CMSI+20",
            "Создание потенциала в интересах цифровой интеграции после обзора ВВУИО+20",
            "بناء القدرات من أجل الشمول الرقمي في أعقاب استعراض القمة العالمية لمجتمع المعلومات بعد عشرين عاماً",
            "信息社会世界峰会二十周年审查（WSIS+20）后促进数字包容的能力建设",
        ])
        #expect(versions.map { $0.preamble.map(\.phrase) } == [
            ["recalling", "considering"], ["rappelant", "considérant"], ["recordando", "considerando"], ["напоминая", "учитывая"],
            ["إذ يذكّر", "وإذ يضع في اعتباره"], ["忆及", "考虑到"],
        ])
        #expect(versions.map { $0.operative.map(\.phrase) } == [
            ["resolves", "instructs", "invites"], ["décide", "charge", "invite"], ["resuelve", "encarga", "invita"],
            ["решает", "поручает", "предлагает"], ["يقرر", "يكلف", "يدعو"], ["做出决议", "责成", "请"],
        ])
        #expect(versions[4].operative.map(\.addressee) == [nil, "الأمين العام", "الدول الأعضاء"])
        #expect(versions[5].operative.map(\.addressee) == [nil, "秘书长", "各成员国"])
        #expect(versions[3].preamble[0].paragraphs[0].number == "a", "the Cyrillic а is read as a")
        #expect(versions[4].preamble[0].paragraphs.map(\.number) == ["a", "b", "c", "d"], "أ ب ج د are read as a b c d")
        #expect(versions[4].operative[2].paragraphs.map(\.number) == ["1", "2"], "Arabic-Indic ١ ٢ are read as 1 2")
        #expect(versions[5].operative[2].paragraphs.map(\.number) == ["1", "2"], "一、 二、 are read as 1 2")
        // Citations and times come out the same in every language, versions in their English form.
        let cited = { (resolution: Resolution) in resolution.citations.map { "\($0.citation.id)@\($0.citation.version ?? "")" } }
        let times = { (resolution: Resolution) in resolution.allParagraphs.flatMap { $0.paragraph.times.map(\.value) } }
        #expect(cited(english) == ["itu/pp/res/71@rev-bucharest-2022", "itu/wtdc/res/30@rev-kigali-2022",
                                   "itu/council/res/1332@modified-2016", "un/ga/res/78/132@"])
        #expect(times(english) == [.recurrence("annually"), .day("2027-12-31"), .session(body: "council", year: 2027, qualifier: nil)])
        for version in versions.dropFirst() {
            #expect(cited(version) == cited(english), "\(version.language)")
            #expect(times(version) == times(english), "\(version.language)")
        }
        // What was found is where it was found: each range holds the words as written.
        let sources = try codes.map { try Fixture.text("itu-council-\($0)") }
        for (version, source) in zip(versions, sources) {
            for (_, paragraph) in version.allParagraphs {
                for citation in paragraph.citations { #expect(source.at(citation.range) == citation.text, "\(version.language)") }
                for time in paragraph.times { #expect(source.at(time.range) == time.text, "\(version.language)") }
            }
        }
        #expect(versions[4].citations.map(\.citation.text).first == "القرار 71 (المراجَع في بوخارست، 2022) لمؤتمر المندوبين المفوضين",
                "the joined preposition ب is not part of the citation")
        #expect(versions[5].allParagraphs.flatMap { $0.paragraph.times.map(\.text) } == ["每年", "2027年12月31日", "理事会2027年会议"])
    }

    @Test("every fixture's plain text parses back the same", arguments: Fixture.all)
    func plainTextRoundTrip(name: String) throws {
        let resolution = try ResolutionParser().parse(try Fixture.text(name))
        let again = try ResolutionParser().parse(PlainText.render(resolution))
        #expect(again.allParagraphs.map(\.paragraph.text) == resolution.allParagraphs.map(\.paragraph.text))
        #expect(again.allParagraphs.map(\.paragraph.id) == resolution.allParagraphs.map(\.paragraph.id))
        #expect(again.sections.map { [$0.number, $0.heading ?? ""] + $0.blockIDs } == resolution.sections.map { [$0.number, $0.heading ?? ""] + $0.blockIDs })
        #expect(again.annexes.map { [$0.heading, $0.title ?? ""] + $0.paragraphs.map { "\($0.id) \($0.text)" } }
                == resolution.annexes.map { [$0.heading, $0.title ?? ""] + $0.paragraphs.map { "\($0.id) \($0.text)" } })
    }

    @Test("every fixture exports Akoma Ntoso that validates against the AKN 3.0 schema",
          .enabled(if: XMLSchemaCheck.akomaNtoso.isAvailable, Comment(rawValue: XMLSchemaCheck.akomaNtoso.unavailable)), arguments: Fixture.all)
    func akomaNtosoValidates(name: String) throws {
        let problems = try XMLSchemaCheck.akomaNtoso.problems(AkomaNtoso.render(try ResolutionParser().parse(try Fixture.text(name))))
        #expect(problems == nil, "\(problems ?? "")")
    }
}
