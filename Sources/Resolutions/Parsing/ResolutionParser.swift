import Foundation

/// Reads a resolution from text (Word-exported or PDF-extracted) into a `Resolution`.
///
/// In layers: the text is cleaned (`CleanDocument`); the masthead is read up to the enacting
/// formula; the body is split into blocks by their opening phrases (`Lexicon`) and into items by
/// their numbers; then each paragraph is searched for citations, times, bodies, Action Lines and
/// SDGs; finally every range is mapped back to the source.
public struct ResolutionParser: Sendable {
    public init() {}

    public func parse(_ source: String) throws -> Resolution {
        let document = try CleanDocument(source: source)
        let language = LanguageDetector.detect(document.text)
        let lexicon = Lexicon.forLanguage(language)
        let lines = document.lines
        let context = Context(document: document, lexicon: lexicon)
        let formulaIndex: Int
        var formulaEnd: Int
        if let index = lines.firstIndex(where: { lexicon.isFormula($0.text) }) {
            formulaIndex = index
            formulaEnd = index
        } else if let index = lines.firstIndex(where: { lexicon.opensDeclaration($0.text) }) {
            // A declaration's formula runs to the line that ends with a comma.
            formulaIndex = index
            formulaEnd = index
            while formulaEnd < min(lines.count - 1, index + 6), !lines[formulaEnd].text.hasSuffix(",") { formulaEnd += 1 }
        } else {
            throw ReadingError.notAResolution("no enacting formula such as \"The Council,\" or \"The General Assembly,\" was found")
        }
        let formulaText = lines[formulaIndex...formulaEnd].map { $0.text.trimmedSpaces }.joined(separator: " ")
        let first = lines[formulaIndex], last = lines[formulaEnd]
        let formulaStart = first.start + (first.text.utf16.count - first.text.drop(while: { $0 == " " }).utf16.count)
        let formula = Located(formulaText, text: formulaText,
                              range: document.map.source(SourceRange(formulaStart, last.start + last.text.utf16.count)))
        let masthead = Masthead(lines: Array(lines[..<formulaIndex]), context: context)

        let body = Array(lines[(formulaEnd + 1)...])
        let firstBodyLine = body.first { !$0.text.trimmedSpaces.isEmpty }?.text
            .trimmedSpaces ?? ""
        let style: Resolution.Style = firstBodyLine.first?.isLowercase == true ? .itu : .un
        let parsed = style == .itu ? context.parseITU(body) : context.parseUN(body)
        let (preamble, operative) = (parsed.preamble, parsed.operative)
        guard !operative.isEmpty else {
            throw ReadingError.notAResolution("no operative paragraph (\"resolves\", \"decides\", \"requests\" …) was found")
        }
        return Resolution(
            language: language, style: style, symbol: masthead.symbol, date: masthead.date, agendaItem: masthead.agendaItem,
            originalLanguage: masthead.originalLanguage, source: masthead.source, title: masthead.title, formula: formula,
            preamble: preamble, operative: operative, footnotes: document.footnotes, sections: parsed.sections,
            annexes: context.parseAnnexes(body[parsed.end...])
        )
    }

    /// The parsing state shared by the layers.
    struct Context {
        let document: CleanDocument
        let lexicon: Lexicon
        let pageNoteMarkers: Set<String>

        init(document: CleanDocument, lexicon: Lexicon) {
            self.document = document
            self.lexicon = lexicon
            // Footnotes that came from PDF footnote areas are referred to by bare numbers in the text.
            // Placeholders are U+E000, the marker's digits, U+E001 (in UTF-8: EE 80 80 … EE 80 81).
            var exporterMarkers = Set<String>()
            let scan = ScanText(document.text)
            for open in scan.occurrences(of: [0xEE, 0x80, 0x80]) {
                let digitsEnd = scan.run(from: open + 3, ScanText.isDigit)
                if scan.matches([0xEE, 0x80, 0x81], at: digitsEnd) { exporterMarkers.insert(scan.string(open + 3, digitsEnd)) }
            }
            self.pageNoteMarkers = Set(document.footnotes.map(\.marker)).subtracting(exporterMarkers)
        }

        func located(_ text: String, at line: CleanDocument.Line) -> Located<String> {
            let offset = line.text.utf16.count - line.text.drop(while: { $0 == " " }).utf16.count
            return Located(text, text: text, range: document.map.source(SourceRange(line.start + offset, line.start + offset + text.utf16.count)))
        }
    }
}

// MARK: - Item numbers

/// The number or letter that opens an item: `a)`, `b)bis`, `(a)`, `i)`, `(iv)`, `1`, `1.`, `1.1`.
struct ItemMarker: Equatable {
    enum Kind: Equatable { case letter, roman, number }
    var kind: Kind
    var value: String
    /// Characters (UTF-16) the marker and the space after it take.
    var length: Int

    static let romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]

    /// Reads the marker opening `text`. `previousLetter` is the last letter item seen at the same
    /// level, so that "i)" after "h)" is read as a letter and otherwise as a roman numeral.
    /// Written by hand rather than as a pattern: it runs on every line.
    static func read(_ text: Substring, previousLetter: String?) -> ItemMarker? {
        let units = Array(text.utf16.prefix(24))
        guard let first = units.first else { return nil }
        var index = 0
        func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }
        func isLower(_ unit: UInt16) -> Bool { (unit >= 0x61 && unit <= 0x7A) || (unit >= 0x0430 && unit <= 0x044F) }
        func spaces() { while index < units.count, units[index] == 0x20 { index += 1 } }

        if isDigit(first) {
            // 1, 1., 1), 1.1, 10.2.3 — up to three digits a part, then a space or the end.
            var value = ""
            while true {
                let start = index
                while index < units.count, isDigit(units[index]), index - start < 4 { index += 1 }
                guard index > start, index - start <= 3 else { return nil }
                value += String(decoding: units[start..<index], as: UTF16.self)
                if index + 1 < units.count, units[index] == 0x2E, isDigit(units[index + 1]) {
                    value += "."
                    index += 1
                    continue
                }
                break
            }
            if index < units.count, units[index] == 0x2E || units[index] == 0x29 { index += 1 }
            guard index == units.count || units[index] == 0x20 else { return nil }
            spaces()
            return ItemMarker(kind: .number, value: value, length: index)
        }

        // Letters and roman numerals: a), (a), b)bis, i), (iv).
        let parenthesised = first == 0x28
        if parenthesised { index += 1 }
        let start = index
        while index < units.count, isLower(units[index]), index - start < 5 { index += 1 }
        guard index > start, index < units.count, units[index] == 0x29 else { return nil }
        let letters = String(decoding: units[start..<index], as: UTF16.self)
        index += 1
        var suffix = ""
        for candidate in ["quater", "bis", "ter"] {
            let candidateUnits = Array(candidate.utf16)
            if index + candidateUnits.count <= units.count, Array(units[index..<(index + candidateUnits.count)]) == candidateUnits {
                suffix = candidate
                index += candidateUnits.count
                break
            }
        }
        spaces()
        if letters.count == 1 {
            // "i)", "v)" and "x)" are roman numerals, unless they follow the letter before them.
            let letterBefore = ["i": "h", "v": "u", "x": "w"]
            if let before = letterBefore[letters], previousLetter != before {
                return ItemMarker(kind: .roman, value: letters + suffix, length: index)
            }
            return ItemMarker(kind: .letter, value: letters + suffix, length: index)
        }
        guard romans.contains(letters) else { return nil }
        return ItemMarker(kind: .roman, value: letters, length: index)
    }

    /// Whether this marker opens a new list (a, i, 1, x.1).
    var isFirst: Bool {
        switch kind {
        case .letter: value == "a"
        case .roman: value == "i"
        case .number: value == "1" || value.hasSuffix(".1")
        }
    }
}
