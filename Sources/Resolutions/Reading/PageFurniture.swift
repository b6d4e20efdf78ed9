import Foundation

/// Text extracted from PDF carries each page's furniture (job number, "2/5", bar code, the
/// symbol as a running head) and its footnote area (a rule of underscores, then the notes,
/// their numbers often on lines of their own and out of order). This takes them out of the
/// running text and turns the footnote areas into footnotes.
enum PageFurniture {
    struct PageNote {
        var marker: String
        var text: String
        var range: SourceRange
    }

    /// A job number "18-17962 (E)", a page "2/5", a bar code "*1817962*", a date code "021118",
    /// or the running head. Checked by hand: it runs on every line.
    static func isFurniture(_ line: String, runningHead: String?) -> Bool {
        let text = line.trimmedSpaces
        if let runningHead, text == runningHead { return true }
        let units = Array(text.utf8)
        guard !units.isEmpty, units.count <= 16 else { return false }
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= units.count && units[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        if units.count == 6, digits(0..<6) { return true }
        if units.count >= 7, units.first == 0x2A, units.last == 0x2A, digits(1..<(units.count - 1)) { return true }
        if let slash = units.firstIndex(of: 0x2F), (1...3).contains(slash), (1...3).contains(units.count - slash - 1),
           digits(0..<slash), digits((slash + 1)..<units.count) { return true }
        if units.count >= 8, digits(0..<2), units[2] == 0x2D, digits(3..<8) {
            let rest = String(decoding: units[8...], as: UTF8.self).trimmedSpaces
            return rest.isEmpty || (rest.count == 3 && rest.first == "(" && rest.last == ")" && rest.dropFirst().first!.isUppercase)
        }
        return false
    }

    static func remove(from lines: [CleanDocument.Line]) -> ([CleanDocument.Line], [PageNote]) {
        // The first non-blank line is the running head when it is a UN symbol ("A/RES/73/6").
        let first = lines.first { !$0.text.trimmedSpaces.isEmpty }?.text.trimmedSpaces
        let runningHead = first.flatMap { $0.wholeMatch(of: /[A-Z]{1,2}\/[A-Z0-9.\/]+/) != nil ? $0 : nil }
        let furnitureCount = lines.filter { isFurniture($0.text, runningHead: nil) }.count
        guard furnitureCount >= 2 else { return (lines, []) }

        var kept: [CleanDocument.Line] = []
        var notes: [PageNote] = []
        var seenRunningHead = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let text = line.text.trimmedSpaces
            if text == runningHead {
                if seenRunningHead { index += 1; continue }
                seenRunningHead = true
            } else if isFurniture(text, runningHead: nil) {
                index += 1
                continue
            }
            if text.count >= 5, text.allSatisfy({ $0 == "_" }), let end = footerEnd(lines, from: index, runningHead: runningHead) {
                collectNotes(lines[(index + 1)..<end], runningHead: runningHead, into: &notes)
                index = end
                continue
            }
            kept.append(line)
            index += 1
        }
        return (kept, notes)
    }

    /// The footnote area runs from the rule to the next page's running head (or, on the last page,
    /// to the last furniture line near it). Nil when the rule is not followed by furniture: then it
    /// is a plain separator, as in Word exports.
    private static func footerEnd(_ lines: [CleanDocument.Line], from rule: Int, runningHead: String?) -> Int? {
        let limit = min(lines.count, rule + 80)
        var lastFurniture: Int?
        for index in (rule + 1)..<limit {
            let text = lines[index].text.trimmedSpaces
            if let runningHead, text == runningHead { return index + 1 }
            if isFurniture(text, runningHead: nil) { lastFurniture = index }
        }
        return lastFurniture.map { $0 + 1 }
    }

    /// Pairs the note texts of one footnote area with the numbers found in it, in ascending order.
    /// A text that does not end a sentence goes on in the next line; a first text that continues
    /// the previous page's last note is added to it.
    private static func collectNotes(_ area: ArraySlice<CleanDocument.Line>, runningHead: String?, into notes: inout [PageNote]) {
        var numbers: [Int] = []
        var groups: [(text: String, range: SourceRange)] = []
        var previousEnded = true
        for line in area {
            let text = line.text.trimmedSpaces
            if text.isEmpty || isFurniture(text, runningHead: runningHead) { continue }
            let range = SourceRange(line.start, line.start + line.text.utf16.count)
            if let number = Int(text), text.count <= 3 {
                numbers.append(number)
                continue
            }
            if let numbered = text.wholeMatch(of: /(\d{1,3})\s+(.+)/), let number = Int(numbered.1) {
                numbers.append(number)
                groups.append((String(numbered.2), range))
                previousEnded = text.hasSuffix(".")
                continue
            }
            if !previousEnded, !groups.isEmpty {
                groups[groups.count - 1].text += " " + text
                groups[groups.count - 1].range.end = range.end
            } else {
                groups.append((text, range))
            }
            previousEnded = text.hasSuffix(".")
        }
        numbers.sort()
        if groups.count > numbers.count, let last = notes.last, !last.text.hasSuffix("."), !groups.isEmpty {
            let continuation = groups.removeFirst()
            notes[notes.count - 1].text += " " + continuation.text
        }
        for (number, group) in zip(numbers, groups) {
            notes.append(PageNote(marker: String(number), text: group.text, range: group.range))
        }
    }
}
