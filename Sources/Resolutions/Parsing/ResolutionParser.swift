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
        let formula: Located<String>?
        let masthead: Masthead
        let body: [CleanDocument.Line]
        if let (formulaIndex, formulaEnd) = Self.formulaLines(lines, lexicon: lexicon) {
            let formulaText = lines[formulaIndex...formulaEnd].map { $0.text.trimmedSpaces }.joined(separator: " ")
            let first = lines[formulaIndex], last = lines[formulaEnd]
            let formulaStart = first.start + (first.text.utf16.count - first.text.drop(while: { $0 == " " }).utf16.count)
            formula = Located(formulaText, text: formulaText,
                              range: document.map.source(SourceRange(formulaStart, last.start + last.text.utf16.count)))
            masthead = Masthead(lines: Array(lines[..<formulaIndex]), context: context)
            body = Array(lines[(formulaEnd + 1)...])
        } else if Self.opensWithOperativeParagraph(lines, lexicon: lexicon) {
            // An extract of an operative part ("1. Takes note …", "1. 注意到 …"): no masthead, no formula.
            formula = nil
            masthead = Masthead(lines: [], context: context)
            body = lines
        } else {
            throw ReadingError.notAResolution(.noFormula)
        }
        let firstBodyLine = body.first { !$0.text.trimmedSpaces.isEmpty }?.text
            .trimmedSpaces ?? ""
        // ITU texts head their items with lower-case phrase lines; in a script without case, with
        // a phrase alone on its line.
        let style: Resolution.Style
        if let first = firstBodyLine.first, first.isLetter, !first.isCased {
            let phrase = lexicon.match(atStartOf: Substring(firstBodyLine), allowAdverb: false)
            style = phrase != nil && Context.mayBePhraseLine(Substring(firstBodyLine)) && !",،，".contains(firstBodyLine.last!) ? .itu : .un
        } else {
            style = firstBodyLine.first?.isLowercase == true ? .itu : .un
        }
        let parsed = style == .itu ? context.parseITU(body) : context.parseUN(body)
        let (preamble, operative) = (parsed.preamble, parsed.operative)
        guard !operative.isEmpty else {
            throw ReadingError.notAResolution(.noOperative)
        }
        return Resolution(
            language: language, style: style, symbol: masthead.symbol, date: masthead.date, agendaItem: masthead.agendaItem,
            originalLanguage: masthead.originalLanguage, source: masthead.source, heading: masthead.heading, title: masthead.title, formula: formula,
            preamble: preamble, operative: operative, footnotes: document.footnotes, sections: parsed.sections,
            annexes: context.parseAnnexes(body[parsed.end...])
        )
    }

    /// The first and last lines of the enacting formula ("The Council,"), or of a declaration's
    /// opening ("We, the Heads of State …,"), which may run over several lines.
    static func formulaLines(_ lines: [CleanDocument.Line], lexicon: Lexicon) -> (Int, Int)? {
        if let index = lines.firstIndex(where: { lexicon.isFormula($0.text) }) { return (index, index) }
        guard let index = lines.firstIndex(where: { lexicon.opensDeclaration($0.text) }) else { return nil }
        var end = index
        while end < min(lines.count - 1, index + 6), let last = lines[end].text.last, !",،，".contains(last) { end += 1 }
        return (index, end)
    }

    /// Whether the text starts with an operative paragraph numbered 1: an extract of a resolution's operative part.
    static func opensWithOperativeParagraph(_ lines: [CleanDocument.Line], lexicon: Lexicon) -> Bool {
        guard let first = lines.first(where: { !$0.text.trimmedSpaces.isEmpty })?.text.trimmedSpaces,
              let numbered = first.prefixMatch(of: Context.numberedPattern), numbered.1 == "1" else { return false }
        return lexicon.match(atStartOf: first.dropFirst(numbered.0.count), preferring: .operative)?.entry.part == .operative
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
        func isDigit(_ unit: UInt16) -> Bool { asciiDigit(unit) != nil }
        func isLower(_ unit: UInt16) -> Bool { (unit >= 0x61 && unit <= 0x7A) || (unit >= 0x0430 && unit <= 0x044F) }
        func spaces() { while index < units.count, units[index] == 0x20 { index += 1 } }

        if isDigit(first) {
            // 1, 1., 1), 1.1, 10.2.3 — up to three digits a part, then a space or the end; Arabic-Indic digits read as 0–9.
            var value = ""
            while true {
                let start = index
                while index < units.count, isDigit(units[index]), index - start < 4 { index += 1 }
                guard index > start, index - start <= 3 else { return nil }
                value += String(units[start..<index].map { Character(Unicode.Scalar(asciiDigit($0)!)) })
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

        // Chinese numerals: 一、 二、 … 九十九、, or （一）.
        let fullWidthParenthesis = first == 0xFF08
        if fullWidthParenthesis || chineseNumeral(first) != nil {
            var position = fullWidthParenthesis ? 1 : 0
            let start = position
            while position < units.count, chineseNumeral(units[position]) != nil, position - start < 3 { position += 1 }
            guard position > start, let number = chineseNumber(units[start..<position]), position < units.count,
                  units[position] == (fullWidthParenthesis ? 0xFF09 : 0x3001) else { return nil }
            index = position + 1
            spaces()
            return ItemMarker(kind: .number, value: String(number), length: index)
        }

        // Arabic letters in their alphabetical (abjad) order: أ) ب) ج) د) …, or (أ).
        let parenthesised = first == 0x28
        if let letter = arabicLetter(parenthesised ? (units.count > 1 ? units[1] : 0) : first) {
            index = parenthesised ? 2 : 1
            guard index < units.count, units[index] == 0x29 else { return nil }
            index += 1
            spaces()
            return ItemMarker(kind: .letter, value: letter, length: index)
        }

        // Letters and roman numerals: a), (a), b)bis, i), (iv).
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

    /// The ASCII digit of an ASCII, Arabic-Indic (U+0660…) or Extended Arabic-Indic (U+06F0…) digit.
    static func asciiDigit(_ unit: UInt16) -> UInt8? {
        switch unit {
        case 0x30...0x39: UInt8(unit)
        case 0x0660...0x0669: UInt8(unit - 0x0660 + 0x30)
        case 0x06F0...0x06F9: UInt8(unit - 0x06F0 + 0x30)
        default: nil
        }
    }

    /// Arabic item letters in abjad order (أ ب ج د ه و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض), as a b c … z.
    static let abjad: [UInt16: String] = {
        let order: [[UInt16]] = [[0x0623, 0x0627, 0x0625], [0x0628], [0x062C], [0x062F], [0x0647], [0x0648], [0x0632], [0x062D], [0x0637],
                                 [0x064A, 0x0649], [0x0643], [0x0644], [0x0645], [0x0646], [0x0633], [0x0639], [0x0641], [0x0635],
                                 [0x0642], [0x0631], [0x0634], [0x062A], [0x062B], [0x062E], [0x0630], [0x0636]]
        var table: [UInt16: String] = [:]
        for (position, letters) in order.enumerated() {
            for letter in letters { table[letter] = String(Character(Unicode.Scalar(UInt8(0x61 + position)))) }
        }
        return table
    }()

    static func arabicLetter(_ unit: UInt16) -> String? { abjad[unit] }

    /// 一 … 九 and 十.
    static func chineseNumeral(_ unit: UInt16) -> Int? {
        [0x4E00: 1, 0x4E8C: 2, 0x4E09: 3, 0x56DB: 4, 0x4E94: 5, 0x516D: 6, 0x4E03: 7, 0x516B: 8, 0x4E5D: 9, 0x5341: 10][unit]
    }

    /// 一 = 1, 十 = 10, 十二 = 12, 二十 = 20, 二十一 = 21.
    static func chineseNumber(_ units: ArraySlice<UInt16>) -> Int? {
        let values = units.compactMap(chineseNumeral)
        switch values.count {
        case 1: return values[0]
        case 2 where values[0] == 10 && values[1] < 10: return 10 + values[1]
        case 2 where values[1] == 10 && values[0] < 10: return values[0] * 10
        case 3 where values[1] == 10 && values[0] < 10 && values[2] < 10: return values[0] * 10 + values[2]
        default: return nil
        }
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

extension Paragraph {
    /// The number as the text's own language writes it: in Arabic, a lettered item with its
    /// Arabic letter (`a` is أ, `d` is د), since numbers are stored in Latin letters for every language.
    public func writtenNumber(in language: Language) -> String? {
        guard let number, language == .arabic, number.count == 1, let scalar = number.unicodeScalars.first,
              (0x61...0x7A).contains(scalar.value) else { return number }
        let letters = Array("أبجدهوزحطيكلمنسعفصقرشتثخذض")
        return String(letters[Int(scalar.value - 0x61)])
    }
}
