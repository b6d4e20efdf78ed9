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
        let formulaText = lines[formulaIndex...formulaEnd].map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let first = lines[formulaIndex], last = lines[formulaEnd]
        let formulaStart = first.start + (first.text.utf16.count - first.text.drop(while: { $0 == " " }).utf16.count)
        let formula = Located(formulaText, text: formulaText,
                              range: document.map.source(SourceRange(formulaStart, last.start + last.text.utf16.count)))
        let masthead = Masthead(lines: Array(lines[..<formulaIndex]), context: context)

        let body = Array(lines[(formulaEnd + 1)...])
        let firstBodyLine = body.first { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }?.text
            .trimmingCharacters(in: .whitespaces) ?? ""
        let style: Resolution.Style = firstBodyLine.first?.isLowercase == true ? .itu : .un
        let (preamble, operative) = style == .itu ? context.parseITU(body) : context.parseUN(body)
        guard !operative.isEmpty else {
            throw ReadingError.notAResolution("no operative paragraph (\"resolves\", \"decides\", \"requests\" …) was found")
        }
        return Resolution(
            language: language, style: style, symbol: masthead.symbol, date: masthead.date, agendaItem: masthead.agendaItem,
            originalLanguage: masthead.originalLanguage, source: masthead.source, title: masthead.title, formula: formula,
            preamble: preamble, operative: operative, footnotes: document.footnotes
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
            let exporterMarkers = Set(document.text.matches(of: /\x{E000}(\d+)\x{E001}/).map { String($0.1) })
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
    static func read(_ text: Substring, previousLetter: String?) -> ItemMarker? {
        if let match = text.prefixMatch(of: /\(?([a-zа-я])\)(bis|ter|quater)?\s*/) {
            let letter = String(match.1)
            let suffix = match.2.map(String.init) ?? ""
            let length = match.0.utf16.count
            // "i)", "v)" and "x)" are roman numerals, unless they follow the letter before them.
            let letterBefore = ["i": "h", "v": "u", "x": "w"]
            if let before = letterBefore[letter], previousLetter != before {
                return ItemMarker(kind: .roman, value: letter + suffix, length: length)
            }
            return ItemMarker(kind: .letter, value: letter + suffix, length: length)
        }
        if let match = text.prefixMatch(of: /\(?((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv))\)\s*/) {
            return ItemMarker(kind: .roman, value: String(match.1), length: match.0.utf16.count)
        }
        if let match = text.prefixMatch(of: /(\d{1,3}(?:\.\d{1,3})*)(?:\.|\))?(?:\s+|$)/) {
            return ItemMarker(kind: .number, value: String(match.1), length: match.0.utf16.count)
        }
        return nil
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
