import Foundation

/// What a paragraph mentions, with ranges in the paragraph's text (UTF-16).
struct Extraction {
    var citations: [Citation] = []
    var times: [TimeExpression] = []
    var bodies: [Mention] = []
    var actionLines: [Mention] = []
    var sdgs: [Mention] = []

    static func run(on text: String, language: Language = .english) -> Extraction {
        var result = Extraction()
        // One pass over the words decides which extractors have anything to look for: the
        // patterns are costly, and most paragraphs hold no date, symbol or Action Line.
        let words = Words(text)
        result.citations = CitationExtractor.extract(text, words: words)
        let cited = result.citations.map(\.range)
        result.times = TimeExtractor.extract(text, words: words, language: language).filter { time in !cited.contains { $0.overlaps(time.range) } }
        result.bodies = BodyExtractor.extract(text, words: words).filter { body in !cited.contains { $0.overlaps(body.range) } }
        result.actionLines = ActionLineExtractor.extract(text, words: words).filter { line in !cited.contains { $0.overlaps(line.range) } }
        result.sdgs = ActionLineExtractor.sdgs(text, words: words)
        return result
    }
}

/// The lower-cased words of a text (letters and digits), and a few facts about its characters.
struct Words {
    private(set) var set: Set<String> = []
    private(set) var hasSlash = false
    private(set) var hasYear = false
    private(set) var hasDigit = false

    init(_ text: String) {
        var word = String.UnicodeScalarView()
        var digits = 0
        func finish() {
            guard !word.isEmpty else { return }
            if digits == 4, word.count == 4, word.first == "1" || word.first == "2" { hasYear = true }
            set.insert(String(word))
            word = String.UnicodeScalarView()
            digits = 0
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                if value >= 0x41 && value <= 0x5A {
                    word.append(Unicode.Scalar(value + 0x20)!)
                } else if (value >= 0x61 && value <= 0x7A) {
                    word.append(scalar)
                } else if value >= 0x30 && value <= 0x39 {
                    hasDigit = true
                    digits += 1
                    word.append(scalar)
                } else {
                    if value == 0x2F { hasSlash = true }
                    finish()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                finish()
            }
        }
        finish()
    }

    func contains(_ word: String) -> Bool { set.contains(word) }
    func containsAny(_ words: [String]) -> Bool { words.contains { set.contains($0) } }
    /// Whether any word starts with `prefix` ("resolution" for "resolutions").
    func anyStarts(with prefix: String) -> Bool { set.contains { $0.hasPrefix(prefix) } }
}

extension SourceRange {
    public func overlaps(_ other: SourceRange) -> Bool { start < other.end && other.start < end }
}

extension String {
    /// The UTF-16 range of a match in this string.
    func utf16Range(_ range: Range<String.Index>) -> SourceRange {
        SourceRange(utf16.distance(from: utf16.startIndex, to: range.lowerBound),
                    utf16.distance(from: utf16.startIndex, to: range.upperBound))
    }
}

extension StringProtocol {
    /// The text without spaces at either end (the cleaned text has no other blanks): far cheaper
    /// than Foundation's `trimmingCharacters(in:)`, and it runs on every line.
    var trimmedSpaces: String {
        var start = startIndex
        var end = endIndex
        while start < end, self[start] == " " { start = index(after: start) }
        while end > start, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[start..<end])
    }
}

extension String {
    /// Where `needle` occurs, compared as UTF-8 bytes: a plain search without Foundation's
    /// locale-aware machinery, which costs far more on every paragraph.
    func occurrences(of needle: String) -> [Range<String.Index>] {
        let haystack = Array(utf8)
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, pattern.count <= haystack.count else { return [] }
        var found: [Range<String.Index>] = []
        var index = 0
        let last = haystack.count - pattern.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + pattern.count)].elementsEqual(pattern) {
                let start = utf8.index(startIndex, offsetBy: index)
                let end = utf8.index(start, offsetBy: pattern.count)
                // Only whole characters: a match that starts or ends inside one does not count.
                if start.samePosition(in: self) != nil, end.samePosition(in: self) != nil { found.append(start..<end) }
                index += pattern.count
            } else {
                index += 1
            }
        }
        return found
    }
}

/// Runs patterns only near the words that must be in their matches: a pattern tried at every
/// position of a paragraph costs far more than the same pattern tried in a few short windows.
enum Windows {
    /// Matches of `pattern` within `before` characters before and `after` characters after each
    /// occurrence of one of `anchors`, each match once.
    static func matches<Output>(of pattern: Regex<Output>, in text: String, around anchors: [String],
                                before: Int, after: Int) -> [Regex<Output>.Match] {
        var seen = Set<String>()
        var result: [Regex<Output>.Match] = []
        for anchor in anchors {
            for occurrence in text.occurrences(of: anchor) {
                let start = text.index(occurrence.lowerBound, offsetBy: -before, limitedBy: text.startIndex) ?? text.startIndex
                let end = text.index(occurrence.upperBound, offsetBy: after, limitedBy: text.endIndex) ?? text.endIndex
                for match in text[start..<end].matches(of: pattern) {
                    let key = "\(text.utf16.distance(from: text.startIndex, to: match.range.lowerBound)):\(text.utf16.distance(from: text.startIndex, to: match.range.upperBound))"
                    if seen.insert(key).inserted { result.append(match) }
                }
            }
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
