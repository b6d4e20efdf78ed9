import Foundation
import Resolutions
import Testing

/// The real documents in ../shared/corpus, read from there (never copied into the project).
enum Corpus {
    static var folder: URL? {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // the file, ResolutionsTests, Tests
        let corpus = url.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: corpus.path) ? corpus : nil
    }

    /// Why a test that reads the corpus is skipped.
    static let absent: Comment = "../shared/corpus is absent, so the real documents cannot be read"

    static func text(_ name: String) -> String? {
        guard let folder else { return nil }
        return try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}

extension String {
    /// No-break and other special spaces as plain spaces, as the parser reads them.
    var plainSpaces: String {
        String(map { $0.isWhitespace && $0 != "\n" ? " " : $0 })
    }

    /// The source text at a UTF-16 range.
    func at(_ range: SourceRange) -> String {
        let units = Array(utf16)
        guard range.start >= 0, range.end <= units.count, range.start <= range.end else { return "<out of range>" }
        return String(decoding: units[range.start..<range.end], as: UTF16.self)
    }
}

@Suite("The founding document, C23/85", .enabled(if: Corpus.folder != nil, Corpus.absent))
struct FoundingDocumentTests {
    let source = Corpus.text("itu-council-C23-85-E.txt")

    @Test("identification: symbol, date, original language, source, agenda item, title, formula")
    func masthead() throws {
        let source = try #require(source)
        let resolution = try ResolutionParser().parse(source)
        #expect(resolution.language == .english)
        #expect(resolution.style == .itu)
        #expect(resolution.symbol?.value == "C23/85-E")
        #expect(resolution.date?.value == .day("2023-06-27"))
        #expect(resolution.originalLanguage?.value == "Russian")
        #expect(resolution.source?.value == "the Russian Federation")
        #expect(resolution.agendaItem?.value == "PL2")
        #expect(resolution.title?.value == "The role of ITU in the overall review of the implementation of the outcomes of the World Summit on the Information Society in 2025")
        #expect(resolution.formula?.value == "The Council,")
        for located in [resolution.symbol!.range, resolution.agendaItem!.range, resolution.formula!.range] {
            #expect(!source.at(located).isEmpty)
        }
        #expect(source.at(resolution.symbol!.range) == "C23/85-E")
        #expect(source.at(resolution.formula!.range) == "The Council,")
    }

    @Test("the preamble: recalling a)–j), recalling further a)–d), considering a)–g), taking into account a)–c)")
    func preamble() throws {
        let source = try #require(source)
        let resolution = try ResolutionParser().parse(source)
        #expect(resolution.preamble.map(\.phrase) == ["recalling", "recalling further", "considering", "taking into account"])
        #expect(resolution.preamble.map(\.concept.rawValue) == ["recalling", "recalling", "considering", "taking-into-account"])
        #expect(resolution.preamble[1].modifier == "further")
        #expect(resolution.preamble.map { $0.paragraphs.compactMap(\.number).joined() } == ["abcdefghij", "abcd", "abcdefg", "abc"])
        #expect(resolution.preambularParagraphCount == 24)
        // The Cyrillic а) and с) of "recalling further" are read as a) and c).
        let further = resolution.preamble[1].paragraphs
        #expect(further[0].text.hasPrefix("that the United Nations General Assembly, in its Resolution 70/125"))
        #expect(further[2].text.hasPrefix("that the Plenipotentiary Conference in its Resolution 140"))
    }

    @Test("the operative part: resolves 1–3, the Secretary-General 1–10, the Working Group 1–5 with 4 i)–iv), Member States 1–4, the membership 1–5")
    func operative() throws {
        let source = try #require(source)
        let resolution = try ResolutionParser().parse(source)
        #expect(resolution.operative.map(\.concept) == [.resolves, .instructs, .instructs, .encourages, .encourages])
        #expect(resolution.operative.map(\.addressee) == [nil, "the Secretary-General", "the Council Working Group on WSIS and SDGs",
                                                          "Member States", "the ITU membership"])
        #expect(resolution.operative.map { $0.paragraphs.count } == [3, 10, 5, 4, 5])
        #expect(resolution.operativeParagraphCount == 27)
        let group = resolution.operative[2].paragraphs
        #expect(group[3].children.compactMap(\.number) == ["i", "ii", "iii", "iv"])
        #expect(group[3].children[3].text.hasPrefix("to examine the final outcome document of the UNGA high-level meeting in December 2025"))
        #expect(group[4].number == "5")
        for paragraph in resolution.operative[1].paragraphs {
            #expect(paragraph.verb == .instructs && paragraph.addressee == "the Secretary-General")
        }
        // Numbering restarts per block; identifiers stay unique.
        let ids = resolution.allParagraphs.map(\.paragraph.id)
        #expect(Set(ids).count == ids.count)
        #expect(resolution.operative[2].paragraphs[3].children[1].id == "op_3__para_4__subpara_ii")
    }

    @Test("footnote 1 hangs on \"developing countries\" in encourages the ITU membership 3")
    func footnote() throws {
        let source = try #require(source)
        let resolution = try ResolutionParser().parse(source)
        #expect(resolution.footnotes.map(\.marker) == ["1"])
        #expect(resolution.footnotes.first?.text.hasPrefix("These include the least developed countries") == true)
        let paragraph = resolution.operative[4].paragraphs[2]
        #expect(paragraph.footnoteReferences == ["1"])
        #expect(paragraph.text.contains("from the developing countries in the UNGA preparatory process"), "the marker and its repeated digit are gone")
        #expect(!resolution.allParagraphs.contains { $0.paragraph.text.contains("[") && $0.paragraph.text.contains("bookmark") })
    }

    @Test("every cited resolution, with its canonical identifier")
    func citations() throws {
        let source = try #require(source)
        let resolution = try ResolutionParser().parse(source)
        let cited = Set(resolution.allParagraphs.flatMap { $0.paragraph.citations.map(\.id) })
        #expect(cited == [
            "itu/pp/res/73", "un/ga/res/70/125", "un/ga/res/70/1", "un/ga/res/76/307", "itu/pp/res/140", "itu/pp/res/172",
            "itu/council/res/1332", "itu/council/res/1334", "itu/pp/res/200",
        ])
        let recalling = resolution.preamble[0].paragraphs
        #expect(recalling[6].citations.first?.version == "rev-bucharest-2022")
        #expect(recalling[8].citations.first?.version == "c11-last-amended-c19")
        for (_, paragraph) in resolution.allParagraphs {
            for citation in paragraph.citations {
                #expect(source.at(citation.range).plainSpaces == citation.text, "\(citation.id) is found where it is written")
            }
        }
    }

    @Test("Action Lines C1–C11 in considering c), the Cyrillic С1 among them")
    func actionLines() throws {
        let source = try #require(source)
        let resolution = try ResolutionParser().parse(source)
        let considering = resolution.preamble[2].paragraphs[2]
        #expect(Set(considering.actionLines.map(\.code)) == ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C11"])
        let cyrillic = try #require(considering.actionLines.first { $0.code == "C1" })
        #expect(source.at(cyrillic.range) == "\u{0421}1", "the highlight points at the Cyrillic letter in the source")
    }

    @Test("times: annually, the 2026 session of the Council, ECOSOC 2025, the 2026 winter session of CWG-WSIS&SDG, 27–31 May 2024")
    func times() throws {
        let source = try #require(source)
        let resolution = try ResolutionParser().parse(source)
        let secretaryGeneral = resolution.operative[1].paragraphs
        #expect(secretaryGeneral[9].times.map(\.value) == [.recurrence("annually")])
        #expect(secretaryGeneral[7].times.map(\.value).contains(.session(body: "ecosoc", year: 2025, qualifier: nil)))
        let group = resolution.operative[2].paragraphs
        #expect(group[4].times.map(\.value) == [.session(body: "council", year: 2026, qualifier: nil)])
        #expect(group[3].children[3].times.map(\.value) == [.month("2025-12"), .session(body: "cwg-wsis-sdg", year: 2026, qualifier: "winter")])
        let forum = resolution.preamble[2].paragraphs[6]
        #expect(forum.times.map(\.value).contains(.days("2024-05-27", "2024-05-31")))
        for (_, paragraph) in resolution.allParagraphs {
            for time in paragraph.times { #expect(source.at(time.range).plainSpaces == time.text) }
        }
    }

    @Test("the plain-text rendering parses back to the same structure")
    func roundTrip() throws {
        let source = try #require(source)
        let resolution = try ResolutionParser().parse(source)
        let again = try ResolutionParser().parse(PlainText.render(resolution))
        #expect(again.preamble.map(\.phrase) == resolution.preamble.map(\.phrase))
        #expect(again.operative.map(\.addressee) == resolution.operative.map(\.addressee))
        #expect(again.allParagraphs.map(\.paragraph.text) == resolution.allParagraphs.map(\.paragraph.text))
        #expect(again.allParagraphs.map(\.paragraph.id) == resolution.allParagraphs.map(\.paragraph.id))
        #expect(again.allParagraphs.map(\.paragraph.footnoteReferences) == resolution.allParagraphs.map(\.paragraph.footnoteReferences))
        #expect(again.footnotes.map(\.text) == resolution.footnotes.map(\.text))
        #expect(again.sections.map(\.blockIDs) == resolution.sections.map(\.blockIDs))
        #expect(again.annexes.map { $0.paragraphs.map(\.text) } == resolution.annexes.map { $0.paragraphs.map(\.text) })
        #expect(again.symbol?.value == resolution.symbol?.value && again.title?.value == resolution.title?.value)
    }
}

@Suite("A General Assembly resolution from PDF text, A/RES/73/6", .enabled(if: Corpus.folder != nil, Corpus.absent))
struct GeneralAssemblyTests {
    let source = Corpus.text("un-ga-res-73-6-en.txt")

    @Test("symbol, adoption date, title, 25 preambular and 14 operative paragraphs")
    func structure() throws {
        let source = try #require(source)
        let resolution = try ResolutionParser().parse(source)
        #expect(resolution.style == .un)
        #expect(resolution.symbol?.value == "A/RES/73/6")
        #expect(resolution.date?.value == .day("2018-10-26"))
        #expect(resolution.agendaItem?.value == "30")
        #expect(resolution.formula?.value == "The General Assembly,")
        #expect(resolution.title?.value.hasPrefix("Fiftieth anniversary of the first United Nations Conference") == true)
        #expect(resolution.preambularParagraphCount == 25)
        // Every paragraph, including those whose previous paragraph ends with a footnote number ("Bodies, 5").
        #expect(resolution.preamble.map(\.phrase) == [
            "Recalling", "Recognizing", "Convinced", "Emphasizing", "Convinced", "Noting with satisfaction", "Recognizing",
            "Recognizing also", "Recognizing further", "Emphasizing", "Reiterating", "Stressing", "Convinced", "Seriously concerned",
            "Recognizing", "Mindful", "Reaffirming", "Mindful", "Convinced", "Acknowledging", "Reiterating", "Noting with satisfaction",
            "Noting with appreciation", "Emphasizing", "Welcoming",
        ])
        #expect(resolution.operativeParagraphCount == 14)
        #expect(resolution.operative.flatMap(\.paragraphs).compactMap(\.number) == (1...14).map(String.init))
        #expect(resolution.operative.map { $0.paragraphs[0].verb?.rawValue ?? "" } == [
            "notes", "invites", "acknowledges", "encourages", "encourages", "emphasizes", "reaffirms", "emphasizes", "expresses",
            "encourages", "encourages", "emphasizes", "urges", "invites",
        ])
        #expect(resolution.operative[12].paragraphs[0].addressee == "the Secretary-General")
        #expect(resolution.operative[5].paragraphs[0].addressee == nil, "\"Emphasizes the need\" addresses no one")
        // Page furniture is gone from the running text.
        for (_, paragraph) in resolution.allParagraphs {
            #expect(!paragraph.text.contains("18-17962") && !paragraph.text.contains("A/RES/73/6") && !paragraph.text.contains("___"))
        }
        #expect(resolution.preamble[4].paragraphs[0].text.contains("requires stronger coordination and support"))
    }

    @Test("footnotes 1–6 from the page footers, each attached where its number stands")
    func footnotes() throws {
        let source = try #require(source)
        let resolution = try ResolutionParser().parse(source)
        #expect(resolution.footnotes.map(\.marker) == ["1", "2", "3", "4", "5", "6"])
        #expect(resolution.footnotes[1].text == "Resolution 70/1.")
        #expect(resolution.footnotes[5].text.hasSuffix("A/AC.105/1180 and A/AC.105/1181."), "a note running over two pages is joined")
        let convinced = resolution.preamble[4].paragraphs[0]
        #expect(convinced.footnoteReferences == ["2", "3", "4"])
        #expect(convinced.text.contains("Agenda for Sustainable Development, of the Sendai Framework"))
        #expect(resolution.operative[0].paragraphs[0].footnoteReferences == ["2"])
    }

    @Test("citations: resolutions in a list, with old-style numbers")
    func citations() throws {
        let source = try #require(source)
        let resolution = try ResolutionParser().parse(source)
        let recalling = resolution.preamble[0].paragraphs[0]
        #expect(recalling.citations.map(\.id) == ["un/ga/res/2453A(XXIII)", "un/ga/res/37/90", "un/ga/res/54/68", "un/ga/res/59/2", "un/ga/res/72/79"])
        #expect(resolution.operative[1].paragraphs[0].times.map(\.value) == [.session(body: "unga", year: 2020, qualifier: "75")])
    }
}

@Suite("Documents that are not resolutions, and bad input")
struct RefusalTests {
    @Test("the UN Charter is reported as not a resolution", .enabled(if: Corpus.folder != nil, Corpus.absent), arguments: ["un-charter-en.txt", "un-charter-fr.txt", "un-charter-es.txt", "un-charter-ru.txt"])
    func charter(name: String) throws {
        let source = try #require(Corpus.text(name))
        #expect(throws: ReadingError.self) { try ResolutionParser().parse(source) }
        do {
            _ = try ResolutionParser().parse(source)
        } catch let error as ReadingError {
            #expect(error.description.hasPrefix("this does not look like a resolution"))
        }
    }

    @Test("empty, blank, binary and oversized input get a clear error")
    func badInput() {
        #expect(throws: ReadingError.empty) { try ResolutionParser().parse("") }
        #expect(throws: ReadingError.empty) { try ResolutionParser().parse(" \n\t\n") }
        let junk = String(decoding: (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }, as: UTF8.self)
        #expect(throws: ReadingError.self) { try ResolutionParser().parse(junk) }
        let huge = String(repeating: "a", count: CleanDocument.sizeLimit + 1)
        #expect(throws: ReadingError.tooLarge(bytes: CleanDocument.sizeLimit + 1, limit: CleanDocument.sizeLimit)) {
            try ResolutionParser().parse(huge)
        }
    }

    @Test("a one-megabyte single line and a thousand nested markers end in an answer")
    func boundedWork() {
        let line = "The Council,\nrecalling\na) " + String(repeating: "word ", count: 200_000) + "\nresolves\n1 to act,"
        let result = try? ResolutionParser().parse(line)
        #expect(result?.preambularParagraphCount == 1)
        let nested = "The Council,\nresolves\n" + (0..<1_000).map { "\($0 % 2 == 0 ? "1" : "a)") deeper" }.joined(separator: "\n")
        #expect((try? ResolutionParser().parse(nested)) != nil)
    }

    /// The extractors read bytes by hand: a paragraph that ends in the middle of a date, a
    /// symbol or a citation must end the search, not read past the text. (A year stands earlier
    /// in each paragraph, so that the date readers are not skipped.)
    @Test("a paragraph cut off in the middle of a date, a session, a symbol or a citation")
    func cutOff() throws {
        let forms = [
            "27-31 May 2024", "December 2025", "the 2026 session of the Council", "the Council at its 2025 session",
            "at its seventy-fourth session", "the 2025 WSIS Forum", "annually", "A/RES/70/125", "C23/85(Rev.1)-E",
            "Council Resolution 1332 (C11, last amended C19)", "Resolution 140 (Rev. Bucharest, 2022) of the Plenipotentiary Conference",
            "resolutions 47/19 and 2453 A (XXIII)", "Action Line C7", "SDG 9.c", "31 décembre 2027", "la session de 2027 du Conseil",
            "el 31 de diciembre de 2027", "сессии Совета 2027 года", "Résolution 71 (Rév. Bucarest, 2022)",
        ]
        for form in forms {
            for length in 1...form.count {
                let cut = String(form.prefix(length))
                for language in ["The Council,\nresolves\n1 to invite the Secretary-General and the Member States of the Union to act on it in 2025 in the work that is done by ", "Le Conseil,\ndécide\n1 de prier le Secrétaire général et les États de la région pour une action en 2025 et avant "] {
                    let resolution = try ResolutionParser().parse(language + cut)
                    #expect(resolution.operative.first?.paragraphs.first?.text.hasSuffix(cut.trimmingCharacters(in: .whitespaces)) == true)
                }
            }
        }
        let whole = try ResolutionParser().parse("The Council,\nresolves\n1 to act by May 2024")
        #expect(whole.operative[0].paragraphs[0].times.map(\.value) == [.month("2024-05")])
    }
}
