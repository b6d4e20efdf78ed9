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

    /// Joins the pieces with single spaces, taking out footnote placeholders and the PDF footnote
    /// numbers listed in `pageNoteMarkers` (digits standing after a word, such as "Agreement 4 requires").
    init(_ pieces: [PendingParagraph.Piece], pageNoteMarkers: Set<String>) {
        var builder = MappedTextBuilder()
        var references: [String] = []
        for (index, piece) in pieces.enumerated() {
            if index > 0 { builder.append(unit: 0x20, source: piece.start) }
            let skips = Self.numberReferences(in: piece.text, markers: pageNoteMarkers)
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
                if width == 1 {
                    builder.append(unit: UInt16(scalar.value), source: piece.start + offset)
                } else {
                    for (index, unit) in scalar.utf16.enumerated() { builder.append(unit: unit, source: piece.start + offset + index) }
                }
            }
        }
        var text = builder.string
        // Taking a number out can leave a space before punctuation or a double space.
        while text.hasSuffix(" ") { text.removeLast() }
        self.text = text
        self.map = builder.map
        self.references = references
    }

    /// Digits that stand for a footnote in PDF text: a known marker after a word or punctuation,
    /// alone or glued to a comma ("UNISPACE+50,1"), not before a month or a unit.
    static func numberReferences(in text: Substring, markers: Set<String>) -> [(range: Range<Int>, marker: String)] {
        guard !markers.isEmpty else { return [] }
        var found: [(Range<Int>, String)] = []
        let notAfter: Set<String> = ["of", "resolution", "resolutions", "paragraph", "paragraphs", "article", "and", "on", "in", "by",
                                     "to", "vol.", "no.", "chapter", "annex", "section", "goal", "target", "the", "from", "between", "than"]
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
                let before = String(decoding: units[..<index], as: UTF16.self).trimmingCharacters(in: .whitespaces)
                let previousWord = before.split(separator: " ").last.map { $0.lowercased() } ?? ""
                let after = String(decoding: units[end...], as: UTF16.self).trimmingCharacters(in: .whitespaces)
                let nextWord = after.split(separator: " ").first.map { $0.lowercased() } ?? ""
                let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                              "november", "december", "per", "%", "years", "days", "months", "to"]
                if markers.contains(marker), endsToken, !before.isEmpty, !notAfter.contains(previousWord),
                   !months.contains(where: { nextWord.hasPrefix($0) }) {
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

