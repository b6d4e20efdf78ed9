import Foundation
import Resolutions
import Testing

/// Pairing the paragraphs of two language versions (`Aligner`).
@Suite("Aligning language versions")
struct AlignmentTests {
    /// Precision and recall of an alignment against the pairs it should find.
    static func score(_ alignment: Alignment, expected: Set<[String]>) -> (precision: Double, recall: Double) {
        let found = Set(alignment.pairs.compactMap { pair in pair.left.flatMap { left in pair.right.map { [left, $0] } } })
        let correct = found.intersection(expected).count
        return (found.isEmpty ? 1 : Double(correct) / Double(found.count), expected.isEmpty ? 1 : Double(correct) / Double(expected.count))
    }

    static func versions() throws -> [Resolution] {
        try ["en", "fr", "es", "ru", "ar", "zh"].map { try ResolutionParser().parse(try Fixture.text("itu-council-\($0)")) }
    }

    @Test("our six-language fixture: every paragraph paired with its counterpart in each of the 30 ordered pairs of languages")
    func sixLanguageFixture() throws {
        let versions = try Self.versions()
        let ids = versions[0].everyParagraph.map(\.id)
        let expected = Set(ids.map { [$0, $0] })
        for left in versions {
            for right in versions where right.language != left.language {
                let alignment = Aligner.align(left, right)
                let (precision, recall) = Self.score(alignment, expected: expected)
                #expect(precision == 1.0 && recall == 1.0, "\(left.language) → \(right.language): \(precision), \(recall)")
                #expect(alignment.pairs.allSatisfy { $0.basis == .structure }, "\(left.language) → \(right.language)")
                #expect(alignment.pairs.count == 15)
            }
        }
    }

    @Test("a paragraph missing from one version stays alone: the others are still paired, none is forced into a wrong pair")
    func missingParagraph() throws {
        let english = try ResolutionParser().parse(try Fixture.text("itu-council-en"))
        // The French text without its second "décide" item.
        let french = try Fixture.text("itu-council-fr").split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("2\tque les activités de formation") }.joined(separator: "\n")
        let alignment = Aligner.align(english, try ResolutionParser().parse(french))
        let ids = english.everyParagraph.map(\.id).filter { $0 != "op_1__para_2" }
        let (precision, recall) = Self.score(alignment, expected: Set(ids.map { [$0, $0] }))
        #expect(precision == 1.0 && recall == 1.0)
        #expect(alignment.pairs.contains(.init(left: "op_1__para_2", right: nil, basis: .unaligned)))
    }

    @Test("when numbering misleads, what a translation keeps (citations, numbers) pairs the paragraphs")
    func anchorsOverNumbering() throws {
        let english = try ResolutionParser().parse(try Fixture.text("itu-council-en"))
        // The French list of what the Council recalls without its item b, and the items after it relettered.
        var lines = try Fixture.text("itu-council-fr").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { $0.hasPrefix("b)\tla Résolution 30") }
        lines = lines.map { $0.hasPrefix("c)\tla Résolution 1332") ? "b" + $0.dropFirst() : $0.hasPrefix("d)\tla résolution 78/132") ? "c" + $0.dropFirst() : $0 }
        let french = try ResolutionParser().parse(lines.joined(separator: "\n"))
        let alignment = Aligner.align(english, french)
        #expect(alignment.right(for: "pmbl_1__para_c") == "pmbl_1__para_b", "Resolution 1332 with Résolution 1332")
        #expect(alignment.right(for: "pmbl_1__para_d") == "pmbl_1__para_c", "78/132 with 78/132")
        #expect(alignment.right(for: "pmbl_1__para_b") == nil, "Resolution 30 has no counterpart")
        #expect(alignment.pairs.first { $0.left == "pmbl_1__para_c" }?.basis == .anchors)
    }

    @Test("the founding document's structure: aligned with itself, and with itself less one operative paragraph",
          .enabled(if: Corpus.folder != nil, Corpus.absent))
    func foundingDocument() throws {
        let seed = try ResolutionParser().parse(try #require(Corpus.text("itu-council-C23-85-E.txt")))
        let ids = seed.everyParagraph.map(\.id)
        #expect(ids.count > 50)
        let itself = Aligner.align(seed, seed)
        #expect(Self.score(itself, expected: Set(ids.map { [$0, $0] })) == (1.0, 1.0))
        var shorter = seed
        let dropped = shorter.operative[1].paragraphs.remove(at: 2).id
        let alignment = Aligner.align(seed, shorter)
        let (precision, recall) = Self.score(alignment, expected: Set(ids.filter { $0 != dropped }.map { [$0, $0] }))
        #expect(precision == 1.0 && recall == 1.0)
        #expect(alignment.pairs.contains(.init(left: dropped, right: nil, basis: .unaligned)))
    }

    @Test("a real General Assembly text in English and Chinese (A/RES/61/211, operative paragraphs 1–19): paired one to one",
          .enabled(if: Corpus.folder != nil, Corpus.absent))
    func englishAndChinese() throws {
        let english = try ResolutionParser().parse(try #require(Corpus.text("un-ga-a-res-61-211-operative-fragment-en.txt")))
        let chinese = try ResolutionParser().parse(try #require(Corpus.text("un-ga-a-res-61-211-operative-fragment-zh.txt")))
        #expect(chinese.language == .chinese && chinese.style == .un)
        #expect(chinese.operative.map { $0.paragraphs[0].number } == (1...19).map(String.init))
        #expect(chinese.operative[15].concept == .requests, "请秘书长 is the General Assembly's \"requests\"")
        #expect(chinese.operative[6].modifier == "又", "又重申: reaffirms again")
        #expect(!chinese.operative[2].paragraphs[0].text.contains("执 行"), "lines of Chinese are joined without a space")
        let ids = english.everyParagraph.map(\.id)
        #expect(ids.count == 19)
        #expect(Self.score(Aligner.align(english, chinese), expected: Set(ids.map { [$0, $0] })) == (1.0, 1.0))
    }

    @Test("the UN Charter in Arabic and Chinese is recognised as such and refused as not a resolution",
          .enabled(if: Corpus.folder != nil, Corpus.absent), arguments: ["ar", "zh"])
    func charter(language: String) throws {
        let text = try #require(Corpus.text("un-charter-\(language).txt"))
        #expect(LanguageDetector.detect(text).rawValue == language)
        #expect(throws: ReadingError.self) { try ResolutionParser().parse(text) }
    }
}
