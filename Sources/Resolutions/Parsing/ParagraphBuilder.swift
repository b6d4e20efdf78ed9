import Foundation

/// A paragraph being gathered from lines: its pieces of cleaned text, joined by single spaces.
struct PendingParagraph {
    struct Piece {
        var text: Substring
        /// Offset of the piece in the cleaned text.
        var start: Int
    }

    var number: String?
    var pieces: [Piece] = []
    var children: [PendingParagraph] = []

    init(number: String?, first: Piece?) {
        self.number = number
        if let first { pieces.append(first) }
    }

    mutating func add(_ piece: Piece) { pieces.append(piece) }

    var lastText: Substring? { children.last?.lastText ?? pieces.last?.text }
}

/// A paragraph's final text, its footnote references, and where each of its characters came from.
struct AssembledText {
    var text: String
    var map: OffsetMap
    /// The markers of the footnotes referred to, in order.
    var references: [String]

    /// A Chinese character or full-width punctuation.
    static func isHan(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return false }
        return (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x3000...0x303F).contains(value)
            || (0xFF00...0xFF65).contains(value)
    }

    /// Joins the pieces with single spaces, taking out footnote placeholders and the PDF footnote
    /// numbers listed in `pageNoteMarkers` (digits standing after a word, such as "Agreement 4 requires").
    init(_ pieces: [PendingParagraph.Piece], pageNoteMarkers: Set<String>) {
        var builder = MappedTextBuilder()
        var references: [String] = []
        for (index, piece) in pieces.enumerated() {
            // Lines of Chinese text are joined without a space: the script puts none between words.
            if index > 0, !(Self.isHan(pieces[index - 1].text.unicodeScalars.last) && Self.isHan(piece.text.unicodeScalars.first)) {
                builder.append(ascii: 0x20, source: piece.start)
            }
            let skips = Self.numberReferences(in: piece.text, markers: pageNoteMarkers)
            if skips.isEmpty, !piece.text.utf8.contains(0xEE) {
                // Nothing to take out (footnote placeholders are U+E000, whose UTF-8 starts 0xEE): copied whole.
                builder.append(piece.text, source: piece.start)
                continue
            }
            var offset = 0
            var skipIndex = 0
            var scalars = piece.text.unicodeScalars.makeIterator()
            var insidePlaceholder: String?
            while let scalar = scalars.next() {
                let width = scalar.utf16.count
                defer { offset += width }
                if scalar == "\u{E000}" { insidePlaceholder = ""; continue }
                if scalar == "\u{E001}", let marker = insidePlaceholder {
                    references.append(marker)
                    insidePlaceholder = nil
                    continue
                }
                if insidePlaceholder != nil { insidePlaceholder!.unicodeScalars.append(scalar); continue }
                if skipIndex < skips.count, offset >= skips[skipIndex].range.lowerBound {
                    if offset == skips[skipIndex].range.lowerBound { references.append(skips[skipIndex].marker) }
                    if offset < skips[skipIndex].range.upperBound {
                        if offset + width >= skips[skipIndex].range.upperBound { skipIndex += 1 }
                        continue
                    }
                    skipIndex += 1
                }
                builder.append(scalar, source: piece.start + offset)
            }
        }
        var text = builder.string
        // Taking a number out can leave a space before punctuation or a double space.
        while text.hasSuffix(" ") { text.removeLast() }
        self.text = text
        self.map = builder.map
        self.references = references
    }

    /// Words after which a number is a number, not a footnote ("resolution 4", "paragraph 12").
    static let notAfter: Set<String> = ["of", "resolution", "resolutions", "paragraph", "paragraphs", "article", "and", "on", "in", "by",
                                        "to", "vol.", "no.", "chapter", "annex", "section", "goal", "target", "the", "from", "between", "than"]
    /// Words before which a number is a date or a quantity ("4 June", "5 per cent").
    static let notBefore = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                            "november", "december", "per", "%", "years", "days", "months", "to"]

    /// Digits that stand for a footnote in PDF text: a known marker after a word or punctuation,
    /// alone or glued to a comma ("UNISPACE+50,1"), not before a month or a unit.
    static func numberReferences(in text: Substring, markers: Set<String>) -> [(range: Range<Int>, marker: String)] {
        guard !markers.isEmpty else { return [] }
        var found: [(Range<Int>, String)] = []
        let units = Array(text.utf16)
        var index = 0
        while index < units.count {
            let isDigit = units[index] >= 0x30 && units[index] <= 0x39
            let previous: UInt16 = index > 0 ? units[index - 1] : 0x20
            let startsToken = previous == 0x20 || previous == 0x2C
            if isDigit, startsToken, index > 0 {
                var end = index
                while end < units.count, units[end] >= 0x30, units[end] <= 0x39 { end += 1 }
                let marker = String(decoding: units[index..<end], as: UTF16.self)
                let next: UInt16 = end < units.count ? units[end] : 0x20
                let endsToken = next == 0x20 || next == 0x2C || next == 0x3B || next == 0x2E
                // The words on either side of the number.
                var previousEnd = index
                while previousEnd > 0, units[previousEnd - 1] == 0x20 { previousEnd -= 1 }
                var previousStart = previousEnd
                while previousStart > 0, units[previousStart - 1] != 0x20 { previousStart -= 1 }
                let previousWord = String(decoding: units[previousStart..<previousEnd], as: UTF16.self).lowercased()
                var nextStart = end
                while nextStart < units.count, units[nextStart] == 0x20 { nextStart += 1 }
                var nextEnd = nextStart
                while nextEnd < units.count, units[nextEnd] != 0x20 { nextEnd += 1 }
                let nextWord = String(decoding: units[nextStart..<nextEnd], as: UTF16.self).lowercased()
                let before = previousEnd > 0
                if markers.contains(marker), endsToken, before, !Self.notAfter.contains(previousWord),
                   !Self.notBefore.contains(where: { nextWord.hasPrefix($0) }) {
                    // Take the space before the number with it, unless it is glued to a comma.
                    let start = previous == 0x20 ? index - 1 : index
                    found.append((start..<end, marker))
                }
                index = end
                continue
            }
            index += 1
        }
        return found
    }
}

