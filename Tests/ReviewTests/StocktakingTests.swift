import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Review
import TestSupport
import Testing

@Suite("Stocktaking: words, queries, snippets, records")
struct StocktakingTests {
    @Test("words are lower-cased without accents; Chinese becomes overlapping pairs; long junk is not a word")
    func words() {
        #expect(SearchText.words("Éducation NUMÉRIQUE, e-Government 2030!") == ["education", "numerique", "e", "government", "2030"])
        #expect(SearchText.words("数字经济") == ["数字", "字经", "经济"])
        #expect(SearchText.words("中 and Цифровые навыки") == ["中", "and", "цифровые", "навыки"])
        #expect(SearchText.words("الحكومة الإلكترونية") == ["الحكومه", "الالكترونيه"])
        #expect(SearchText.words(String(repeating: "a", count: 65)).isEmpty)
    }

    @Test("the index's text is the words joined by spaces, made byte by byte for ASCII: the same as the word list, on random text")
    func indexText() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "0", "9", " ", "-", ",", "\n", "é", "É", "数", "字", "ш", "ا", "أ", "\u{301}", "'", "_", "@",
                      String(repeating: "x", count: 64), String(repeating: "y", count: 65), "  "]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for before in ["", "earlier words"] {
                var out = Array(before.utf8)
                SearchText.appendWords(text, to: &out)
                let expected = ([before].filter { !$0.isEmpty } + SearchText.words(text)).joined(separator: " ")
                #expect(String(decoding: out, as: UTF8.self) == expected, "\(before) | \(text)")
            }
        }
        let vocabulary = ActivityVocabulary(reference: try ReferenceDataFiles.load(directory: ReferenceDataFiles.bundledDirectory))
        var demo = DemoGenerator(seed: 5, vocabulary: vocabulary)
        for number in 1...300 {
            let activity = try Activity.read(demo.record(number: number), vocabulary: vocabulary, id: "id", createdBy: "me", now: Date())
            #expect(ActivityDocument.columnTexts(activity) == ActivityDocument(activity).columns.map { $0.joined(separator: " ") })
        }
    }

    @Test("anything typed is a query: operators, unbalanced quotes, a lone star, NEAR( are plain text; only length is refused")
    func queries() throws {
        let query = try SearchQuery(parsing: #"digital "media literacy" educat* NEAR( AND * "unclosed words"#)
        #expect(query.groups.map(\.words) == [["digital"], ["media", "literacy"], ["educat"], ["near"], ["and"], ["unclosed", "words"]])
        #expect(query.groups.map(\.prefix) == [false, false, true, false, false, false])
        #expect(try SearchQuery(parsing: "*").isEmpty)
        #expect(try SearchQuery(parsing: "a*").groups == [.init(words: ["a"], prefix: false)], "a one-letter prefix is a plain word")
        #expect(try SearchQuery(parsing: "\"\"\"'';--").isEmpty)
        #expect(throws: DomainError.self) { try SearchQuery(parsing: String(repeating: "x ", count: 5000)) }
        #expect(try SearchQuery(parsing: (1...40).map { "w\($0)" }.joined(separator: " ")).groups.count == SearchQuery.maximumGroups)
    }

    @Test("times are written as Foundation's ISO 8601 would, with milliseconds, before and after 1970")
    func timestamps() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let milliseconds = Int64.random(in: -4_000_000_000_000...7_000_000_000_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let expected = Date(timeIntervalSince1970: (Double(milliseconds) / 1000).rounded(.down)).formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
            let text = Timestamp.string(date)
            let millis = ((milliseconds % 1000) + 1000) % 1000
            #expect(text == String(expected.dropLast()) + String(format: ".%03lldZ", millis), "\(milliseconds)")
        }
    }

    @Test("a snippet centres on the first match, marks every matching word and escapes the text")
    func snippets() throws {
        let text = "Schools in <rural> areas & towns get broadband. Teachers learn digital skills; Digital tools follow."
        let snippet = Snippet(text: text, query: try SearchQuery(parsing: "digital"), length: 8)
        #expect(snippet.html.contains("<mark>digital</mark> skills; <mark>Digital</mark>"))
        #expect(snippet.plain.hasPrefix("… "))
        let start = Snippet(text: text, query: try SearchQuery(parsing: "rural"), length: 30)
        #expect(start.html.contains("&lt;<mark>rural</mark>&gt; areas &amp; towns"))
        let accents = Snippet(text: "Éducation numérique", query: try SearchQuery(parsing: "education"))
        #expect(accents.html == "<mark>Éducation</mark> numérique")
        #expect(start.plain == text, "the whole text fits: nothing is cut, the final full stop included")
        let title = Snippet(text: "«Digital villages»: what works?", query: try SearchQuery(parsing: "villages"), length: 1000)
        #expect(title.html == "«Digital <mark>villages</mark>»: what works?", "a title keeps its quotes and its question mark")
    }

    static func vocabulary() throws -> ActivityVocabulary {
        ActivityVocabulary(reference: try ReferenceDataFiles.load(directory: ReferenceDataFiles.bundledDirectory))
    }

    static let goodRecord: [String: String] = [
        "title_en": "Digital skills for rural teachers", "summary_en": "Trains teachers in digital skills.",
        "title_fr": "Compétences numériques", "summary_fr": "Forme les enseignants.",
        "organization": "Ministry of ICT", "stakeholder_type": "government", "countries": "KEN; uga", "regions": "2",
        "coverage": "national", "status": "ongoing", "start_date": "2021-03", "primary_action_line": "c4",
        "action_lines": "C7.elea; C4", "sdg_goals": "4", "sdg_targets": "5.b", "website": "https://example.org/x",
    ]

    @Test("the field dictionary says how formula-safe cells are written, on every text field, and the CSV readers do what it says")
    func formulaSafeCellsAreDocumented() throws {
        let text = ActivityFields.all.filter { $0.kind == "text" || $0.kind == "list of text" }
        #expect(text.count > 20 && text.allSatisfy { $0.description.hasSuffix(ActivityFields.formulaSafeCells) })
        #expect(ActivityFields.all.filter { $0.kind.contains("code") }.allSatisfy { !$0.description.contains("apostrophe") })
        #expect(ActivityFields.formulaSafeCells.contains("'=1+1 is imported as =1+1") && ActivityFields.formulaSafeCells.contains("''=1+1 keeps one"))
        let table = try CSVTable(text: "a,b,c,d\r\n'=1+1,''=1+1,'hello,-5\r\n")
        #expect(table.records[0] == ["a": "=1+1", "b": "'=1+1", "c": "'hello", "d": "-5"])
        #expect(CSVLine.make(["=1+1", "'=1+1", "'hello", "-5"]) == "'=1+1,''=1+1,'hello,-5\r\n", "and the writers write it so")
    }

    @Test("a list may be separated by the semicolon of an Arabic or Chinese keyboard")
    func listSeparators() {
        #expect(ActivityFields.split("C4؛ C7.egov") == ["C4", "C7.egov"])
        #expect(ActivityFields.split("4；5; 9") == ["4", "5", "9"])
        #expect(ActivityFields.split("UNESCO, ITU; UNDP") == ["UNESCO, ITU", "UNDP"], "a comma is part of a name")
    }

    @Test("controls that reorder text are taken out of what people type; the marks Arabic needs are kept")
    func bidiControls() throws {
        var check = Validator()
        let disguised = check.text("title", "Report \u{202E}fdp.exe\u{202C} and \u{2067}isolated\u{2069}", maxLength: 300)
        #expect(disguised == "Report fdp.exe and isolated" && check.errors.isEmpty)
        let arabic = "تقرير \u{200F}C23/85\u{200F} الأمين العام"
        #expect(check.text("title", arabic, maxLength: 300) == arabic, "right-to-left marks stay")
        #expect("plain text".withoutBidiOverrides == "plain text" && "—".withoutBidiOverrides == "—")
        let vocabulary = ActivityVocabulary(reference: try ReferenceDataFiles.load(directory: ReferenceDataFiles.bundledDirectory))
        let activity = try Activity.read(["title_en": "Safe \u{202E}gpj.exe", "summary_en": "S", "organization": "O", "stakeholder_type": "government",
                                          "coverage": "national", "status": "ongoing", "primary_action_line": "C4"],
                                         vocabulary: vocabulary, id: "a", createdBy: "t", now: Date(timeIntervalSince1970: 0))
        #expect(activity.texts["en"]?.title == "Safe gpj.exe", "an activity's fields too")
    }

    @Test("a record is read with codes made canonical, and every bad field is named at once")
    func records() throws {
        let vocabulary = try Self.vocabulary()
        let activity = try Activity.read(Self.goodRecord, vocabulary: vocabulary, id: "a1", createdBy: "me", now: Date(timeIntervalSince1970: 0))
        #expect(activity.countries == ["KEN", "UGA"] && activity.regions == ["002"] && activity.primaryActionLine == "C4")
        #expect(activity.actionLines == ["C7.elea"], "the primary is not repeated")
        #expect(activity.sdgGoals == [4, 5] && activity.sdgTargets == ["5.b"], "a target brings its goal")
        #expect(activity.startDate == "2021-03" && activity.languages == ["en", "fr"], "a partial date keeps its precision")

        var bad = Self.goodRecord
        bad["sdg_goals"] = "18"
        bad["countries"] = "XX"
        bad["primary_action_line"] = "C12"
        bad["start_date"] = "2021-02-30"
        bad["website"] = "javascript:alert(1)"
        bad["summary_en"] = Array(repeating: "word", count: 201).joined(separator: " ")
        bad["title_fr"] = ""
        do {
            _ = try Activity.read(bad, vocabulary: vocabulary, id: "a2", createdBy: "me", now: Date())
            Issue.record("a bad record was read")
        } catch let error as DomainError {
            let named = Set(error.fieldErrors.map { "\($0.field):\($0.code)" })
            #expect(named == ["sdg_goals:unknown-code", "countries:unknown-code", "primary_action_line:unknown-code",
                              "start_date:invalid-partial-date", "website:invalid-url", "summary_en:too-many-words", "title_fr:required"])
        }
        #expect(throws: DomainError.self) {
            try Activity.read(["organization": "X", "stakeholder_type": "government", "primary_action_line": "C1"],
                              vocabulary: vocabulary, id: "a3", createdBy: "me", now: Date())
        }
    }

    @Test("the matrix offers the goals and targets linked to the chosen Action Lines")
    func suggestions() throws {
        let vocabulary = try Self.vocabulary()
        let suggestions = vocabulary.suggestions(for: ["C4"])
        let expected = Set(vocabulary.matrix["C4"]!.map(\.goal))
        #expect(Set(suggestions.goals) == expected && !expected.isEmpty)
    }

    @Test("IATI XML: identifier, titles per language, status, scope, countries by alpha-2, tags of vocabularies 2, 3 and 99; no contact")
    func iati() throws {
        let vocabulary = try Self.vocabulary()
        var activity = try Activity.read(Self.goodRecord.merging(["contact": "secret@example.org", "title_en": "Tools & <rights>"]) { $1 },
                                         vocabulary: vocabulary, id: "a1", createdBy: "me", now: Date(timeIntervalSince1970: 0))
        activity.state = .published
        let xml = IATI.activity(activity, vocabulary: vocabulary)
        #expect(xml.contains("<iati-identifier>XX-UNREGISTERED-WSIS-a1</iati-identifier>"))
        #expect(xml.contains("<narrative xml:lang=\"en\">Tools &amp; &lt;rights&gt;</narrative><narrative xml:lang=\"fr\">Compétences numériques</narrative>"))
        #expect(xml.contains("<activity-status code=\"2\"/>") && xml.contains("<activity-scope code=\"4\"/>"))
        // Two countries and a region share 100 %; one sector, DAC's ICT, at 100 %.
        #expect(xml.contains("<recipient-country code=\"KE\" percentage=\"33.33\"/>") && xml.contains("<recipient-country code=\"UG\" percentage=\"33.33\"/>"))
        #expect(xml.contains("<recipient-region code=\"002\" vocabulary=\"2\" percentage=\"33.34\"/>"))
        #expect(xml.contains("<sector vocabulary=\"1\" code=\"22040\" percentage=\"100\"/>"))
        #expect(xml.contains("<tag vocabulary=\"2\" code=\"4\"/>") && xml.contains("<tag vocabulary=\"3\" code=\"5.b\"/>"))
        #expect(xml.contains("<tag vocabulary=\"99\" vocabulary-uri=\"https://www.itu.int/net4/wsis/sdg/\" code=\"C4\"><narrative>Capacity building</narrative></tag>"))
        #expect(!xml.contains("secret@example.org"))
        let document = "<iati-activities version=\"2.03\">" + xml + "</iati-activities>"
        #expect(throws: Never.self) { _ = try XMLDocument(xmlString: document) }
    }

    @Test("IATI: shares of 100 add up to 100; a document's format follows its address's ending")
    func iatiParts() {
        #expect(IATI.percentages(1) == ["100"] && IATI.percentages(2) == ["50", "50"] && IATI.percentages(3) == ["33.33", "33.33", "33.34"])
        #expect(IATI.percentages(7).map { Double($0)! }.reduce(0, +).rounded() == 100 && IATI.percentages(0).isEmpty)
        #expect(IATI.format(of: "https://example.org/report.PDF") == "application/pdf" && IATI.format(of: "https://example.org/a.pdf?x=1") == "application/pdf")
        #expect(IATI.format(of: "https://example.org/page") == "text/html" && IATI.format(of: "https://example.org/slides.pptx").hasSuffix("presentation"))
    }

    @Test("the IATI export of the demo registry passes the IATI 2.03 schema", .enabled(if: XMLSchemaCheck.iati.isAvailable, Comment(rawValue: XMLSchemaCheck.iati.unavailable)))
    func iatiSchema() throws {
        let vocabulary = try Self.vocabulary()
        var generator = DemoGenerator(seed: 11, vocabulary: vocabulary)
        var text = ""
        generator.writeCSV(count: 40) { text += $0 }
        let records = try CSVTable(text: text).records
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\" generated-datetime=\"2026-12-07T12:00:00Z\">\n"
        for (index, record) in records.enumerated() {
            var activity = try Activity.read(record.merging(["evidence": "https://example.org/r\(index).pdf https://example.org/p\(index)"]) { $1 },
                                             vocabulary: vocabulary, id: "demo-\(index)", createdBy: "test", now: Date(timeIntervalSince1970: 0))
            activity.state = .published
            xml += IATI.activity(activity, vocabulary: vocabulary)
        }
        xml += "</iati-activities>\n"
        #expect(try XMLSchemaCheck.iati.problems(xml) == nil)
    }

    @Test("the demo generator is deterministic and every row it writes is valid; the CSV stream reads it back")
    func generator() throws {
        let vocabulary = try Self.vocabulary()
        func generate() -> String {
            var generator = DemoGenerator(seed: 7, vocabulary: vocabulary)
            var text = ""
            generator.writeCSV(count: 300) { text += $0 }
            return text
        }
        let text = generate()
        #expect(text == generate())
        var stream = CSVStream(data: Data(text.utf8))
        let header = try #require(try stream.nextRecord())
        #expect(header == ActivityFields.exported)
        var rows = 0, languages = Set<String>(), countries = [String: Int]()
        while let fields = try stream.nextRecord() {
            let record = Dictionary(uniqueKeysWithValues: zip(header, fields))
            let activity = try Activity.read(record, vocabulary: vocabulary, id: "x", createdBy: "demo", now: Date())
            languages.formUnion(activity.languages)
            for country in activity.countries { countries[country, default: 0] += 1 }
            rows += 1
        }
        #expect(rows == 300)
        #expect(languages == Set(Activity.languages), "all six languages appear")
        #expect((countries["IND"] ?? 0) > (countries["CHE"] ?? 0), "skewed toward the first countries")
    }

    @Test("the CSV stream reads quotes, line breaks in fields and a byte order mark, and names a bad encoding's line")
    func csvStream() throws {
        var stream = CSVStream(data: Data("\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n".utf8))
        #expect(try stream.nextRecord() == ["a", "b"])
        #expect(try stream.nextRecord() == ["x, \"y\"", "two\nlines"])
        #expect(try stream.nextRecord() == nil)
        var bad = CSVStream(data: Data([0x61, 0x0A, 0x62, 0xFF, 0x0A]))
        #expect(try bad.nextRecord() == ["a"])
        #expect(throws: CSVStream.Problem.notUTF8(line: 2)) { try bad.nextRecord() }
    }

    @Test("a value a spreadsheet would run as a formula is written after an apostrophe, numbers are not; both readers give back every value")
    func csvFormulas() throws {
        #expect(CSVLine.make(["=HYPERLINK(\"http://x\")", "+1 555", "-5", "+3.5", "@SUM(A1)", "-", "'=quoted", "'-5", "plain", "a=b"])
                == "\"'=HYPERLINK(\"\"http://x\"\")\",'+1 555,-5,+3.5,'@SUM(A1),'-,''=quoted,''-5,plain,a=b\r\n")
        #expect(CSVLine.make(["\tcmd", "\rcmd"]) == "'\tcmd,\"'\rcmd\"\r\n")
        // Every value comes back: the tricky ones, and random strings over the characters that matter.
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("'=+-@1.,\"a \t")
        var values = ["=1+1", "-5", "'", "''", "'-5", "''-5", "-5.5.5", "+", "-.", "-1e5", "'@", "=", ""]
        for _ in 0..<2000 {
            values.append(String((0..<Int.random(in: 0...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        let text = CSVTable.write(header: ["v"], rows: values.map { [$0] })
        #expect(try CSVTable(text: text).rows.map { $0[0] } == values)
        var stream = CSVStream(data: Data(text.utf8))
        #expect(try stream.nextRecord() == ["v"])
        var read: [String] = []
        while let fields = try stream.nextRecord() { read.append(fields[0]) }
        #expect(read == values)
    }
}
