import Foundation
import Resolutions

/// How text becomes the words a search matches, one rule for both databases.
///
/// Words are runs of letters and digits, lower-cased, with accents removed ("Éducation" →
/// "education"). Chinese and Japanese have no spaces: a run of ideographs becomes its overlapping
/// pairs ("数字经济" → "数字 字经 经济"), and a query is cut the same way, so a two-character
/// word matches wherever it stands. Both engines are given these words already made (FTS5 sees
/// them separated by spaces; PostgreSQL gets a tsvector built here), so they match the same rows.
public enum SearchText {
    /// The rule's version: when `fold` or the cutting into words changes, this number goes up and
    /// the indexed words of every published activity are made again with the new rule
    /// (`SearchWords.renewIfTheRuleChanged` in Storage), so that old rows and new queries agree.
    /// 2: Arabic folded further (tatweel, ta marbuta, alef maqsura, hamza seats, Arabic-Indic digits).
    public static let rule = 2

    /// Longer "words" (a pasted hash, a URL squeezed together) are not indexed.
    public static let maximumWordLength = 64

    /// The words of a text, in order.
    public static func words(_ text: String) -> [String] {
        var result: [String] = []
        forEachWord(text) { result.append($0) }
        return result
    }

    /// Appends the words of `text` to `out` as UTF-8, each after a space unless `out` is empty: the
    /// same bytes as `words(text).joined(separator: " ")` after what `out` held. Plain ASCII text
    /// (most of a registry) is read byte by byte here, with no string made per word; any other
    /// text goes through `forEachWord`.
    public static func appendWords(_ text: String, to out: inout [UInt8]) {
        let start = out.count
        var copy = text
        let ascii = copy.withUTF8 { bytes -> Bool in
            var wordStart = -1
            var spaced = false
            func endWord() {
                if wordStart >= 0 && out.count - wordStart > maximumWordLength {
                    out.removeSubrange((spaced ? wordStart - 1 : wordStart)...)
                }
                wordStart = -1
            }
            for byte in bytes {
                if byte >= 0x80 { return false }
                let lower = byte | 0x20
                let isLetter = lower &- UInt8(ascii: "a") < 26
                if isLetter || byte &- UInt8(ascii: "0") < 10 {
                    if wordStart < 0 {
                        spaced = !out.isEmpty
                        if spaced { out.append(UInt8(ascii: " ")) }
                        wordStart = out.count
                    }
                    out.append(isLetter ? lower : byte)
                } else if wordStart >= 0 {
                    endWord()
                }
            }
            endWord()
            return true
        }
        guard !ascii else { return }
        out.removeSubrange(start...)
        forEachWord(text) { (word: String) -> Void in
            if !out.isEmpty { out.append(UInt8(ascii: " ")) }
            out.append(contentsOf: word.utf8)
        }
    }

    /// Calls `body` with each word of `text`, in order.
    public static func forEachWord(_ text: String, _ body: (String) -> Void) {
        forEachWord(text, while: { body($0); return true })
    }

    /// Calls `body` with each word of `text`, in order, until it returns false.
    public static func forEachWord(_ text: String, while body: (String) -> Bool) {
        var stopped = false
        var ascii: [UInt8] = []
        var other = String.UnicodeScalarView()
        var ideographs: [Unicode.Scalar] = []

        func flushWord() {
            if stopped {
            } else if !other.isEmpty {
                var word = String(String.UnicodeScalarView(ascii.map { Unicode.Scalar($0) }))
                word.unicodeScalars.append(contentsOf: other)
                let folded = fold(word)
                if folded.unicodeScalars.count <= maximumWordLength { stopped = !body(folded) }
            } else if !ascii.isEmpty, ascii.count <= maximumWordLength {
                stopped = !body(String(decoding: ascii, as: UTF8.self))
            }
            ascii.removeAll(keepingCapacity: true)
            other = String.UnicodeScalarView()
        }
        func flushIdeographs() {
            if stopped {
            } else if ideographs.count == 1 {
                stopped = !body(String(Character(ideographs[0])))
            } else if ideographs.count > 1 {
                for index in 0..<(ideographs.count - 1) where !stopped {
                    var pair = String.UnicodeScalarView()
                    pair.append(ideographs[index])
                    pair.append(ideographs[index + 1])
                    stopped = !body(String(pair))
                }
            }
            ideographs.removeAll(keepingCapacity: true)
        }

        for scalar in text.unicodeScalars {
            if stopped { return }
            let value = scalar.value
            if value < 0x80 {
                if !ideographs.isEmpty { flushIdeographs() }
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if other.isEmpty { ascii.append(byte) } else { other.append(scalar) }
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if other.isEmpty { ascii.append(byte + 32) } else { other.append(Unicode.Scalar(byte + 32)) }
                default:
                    flushWord()
                }
            } else if isIdeograph(scalar) {
                flushWord()
                ideographs.append(scalar)
            } else if isWordScalar(scalar) {
                if !ideographs.isEmpty { flushIdeographs() }
                if other.isEmpty && !ascii.isEmpty {
                    // Keep the order: the ASCII letters so far move into the general buffer.
                    for byte in ascii { other.append(Unicode.Scalar(byte)) }
                    ascii.removeAll(keepingCapacity: true)
                }
                other.append(scalar)
            } else {
                flushWord()
                flushIdeographs()
            }
        }
        flushWord()
        flushIdeographs()
    }

    /// Lower case without accents; marks are dropped after the fold. Arabic is folded as people
    /// search it: without vowel marks (tashkeel) or the tatweel that stretches a word, alef with
    /// hamza or madda and alef wasla as a bare alef, ta marbuta as ha (مدرسة, مدرسه), alef maqsura
    /// as ya (مستوى, مستوي), hamza on waw or ya as the bare letter, Arabic-Indic digits as 0–9.
    static func fold(_ word: String) -> String {
        let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var scalars = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where isWordScalar(scalar) || scalar.value < 0x80 {
            switch scalar.value {
            case 0x0622, 0x0623, 0x0625, 0x0671: scalars.append(Unicode.Scalar(0x0627)!)
            case 0x0629: scalars.append(Unicode.Scalar(0x0647)!)
            case 0x0649, 0x0626: scalars.append(Unicode.Scalar(0x064A)!)
            case 0x0624: scalars.append(Unicode.Scalar(0x0648)!)
            case 0x0640, 0x064B...0x065F, 0x0670: continue
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9: scalars.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!)
            default: scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber:
            return true
        case .nonspacingMark, .spacingMark, .enclosingMark:
            // Arabic vowel marks, Devanagari signs: part of the word (folded away where they are accents).
            return true
        default:
            return false
        }
    }

    /// Han ideographs, kana and Hangul syllables: written without spaces between words.
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}

/// A search typed by a person, read into groups of words that must all match.
///
/// Plain words must each appear; "quoted words" must appear together in that order; a word
/// ending in `*` matches every word that starts with it (at least two letters). Anything else a
/// search engine might read as an operator (`NEAR(`, `AND`, a lone `*`, unbalanced quotes) is
/// taken as ordinary text, so no search can fail to parse.
public struct SearchQuery: Sendable, Equatable, Hashable {
    public struct Group: Sendable, Equatable, Hashable {
        /// One word, or several that must stand together in this order.
        public var words: [String]
        /// The last word matches any word starting with it.
        public var prefix: Bool

        public init(words: [String], prefix: Bool) {
            self.words = words
            self.prefix = prefix
        }
    }

    public var groups: [Group]
    public static let maximumLength = 1000
    /// Words beyond this many are ignored (the search still answers).
    public static let maximumGroups = 16

    public var isEmpty: Bool { groups.isEmpty }

    public init(groups: [Group]) { self.groups = groups }

    /// Reads a search; refuses only one longer than `maximumLength` characters.
    public init(parsing text: String) throws {
        guard text.count <= Self.maximumLength else {
            throw DomainError.invalid([FieldError(field: "q", code: "too-long", parameters: ["max": String(Self.maximumLength)])])
        }
        var groups: [Group] = []
        var seen = Set<Group>()
        func add(_ words: [String], prefix: Bool) {
            guard !words.isEmpty, groups.count < Self.maximumGroups else { return }
            let group = Group(words: words, prefix: prefix)
            if seen.insert(group).inserted { groups.append(group) }
        }
        // Split on quotes: odd pieces were inside quotes (an unclosed quote runs to the end).
        let pieces = text.split(separator: "\"", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            if index % 2 == 1 {
                add(SearchText.words(String(piece)), prefix: false)
                continue
            }
            for chunk in piece.split(whereSeparator: { $0.isWhitespace }) {
                var raw = Substring(chunk)
                var prefix = false
                while raw.hasSuffix("*") {
                    raw = raw.dropLast()
                    prefix = true
                }
                let words = SearchText.words(String(raw))
                // A prefix of one letter would match half the registry: it is read as a plain word.
                let isPrefix = prefix && (words.last?.count ?? 0) >= 2 && !(words.last.map { $0.unicodeScalars.contains(where: SearchText.isIdeograph) } ?? false)
                add(words, prefix: isPrefix)
            }
        }
        self.groups = groups
    }

    /// The query's words, for highlighting: made once per search, asked for every word of a text.
    public var matcher: Matcher { Matcher(self) }

    public struct Matcher: Sendable {
        let exact: Set<String>
        let prefixes: [String]
        public var isEmpty: Bool { exact.isEmpty && prefixes.isEmpty }

        init(_ query: SearchQuery) {
            // Every word of every group; a group's last word is a prefix when the group is.
            var exact = Set<String>(), prefixes: [String] = []
            for group in query.groups {
                for (offset, word) in group.words.enumerated() {
                    if group.prefix && offset == group.words.count - 1 { prefixes.append(word) } else { exact.insert(word) }
                }
            }
            self.exact = exact
            self.prefixes = prefixes
        }

        /// Whether a word of a text matches one of the query's words.
        public func matches(_ word: String) -> Bool {
            exact.contains(word) || prefixes.contains { word.hasPrefix($0) }
        }

        /// Whether any word of the text matches (reading stops at the first that does).
        public func found(in text: String) -> Bool {
            guard !isEmpty else { return false }
            var found = false
            SearchText.forEachWord(text, while: { word in
                found = matches(word)
                return !found
            })
            return found
        }
    }
}

/// A short extract of an activity's text around the words searched for, with those words marked.
public struct Snippet: Sendable, Equatable, Codable {
    public struct Part: Sendable, Equatable, Codable {
        public var text: String
        public var match: Bool
    }

    public var parts: [Part]

    /// The snippet as HTML: text escaped, matches in `<mark>`.
    public var html: String {
        parts.map { $0.match ? "<mark>" + Markup.escape($0.text) + "</mark>" : Markup.escape($0.text) }.joined()
    }

    public var plain: String { parts.map(\.text).joined() }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        return SearchText.isWordScalar(scalar) || SearchText.isIdeograph(scalar)
    }

    /// Up to `length` words of `text` around its first match of `query` (its start when none matches).
    public init(text: String, query: SearchQuery, length: Int = 30) {
        self.init(text: text, matcher: query.matcher, length: length)
    }

    /// Up to `length` words of `text` around its first match (its start when none matches). Words are
    /// compared with the query only up to the first match and then inside the extract.
    public init(text: String, matcher: SearchQuery.Matcher, length: Int = 30) {
        // Cut the text into words and what lies between them, keeping every character: ranges of its UTF-8 bytes.
        let bytes = Array(text.utf8)
        var tokens: [(range: Range<Int>, isWord: Bool)] = []
        var start = 0
        var offset = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWord = Self.isWordScalar(scalar)
            if isWord != inWord && offset > start {
                tokens.append((start..<offset, inWord))
                start = offset
            }
            inWord = isWord
            offset += UTF8.width(scalar)
        }
        if start < bytes.count { tokens.append((start..<bytes.count, inWord)) }
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

        func matches(_ position: Int) -> Bool {
            matcher.found(in: string(tokens[position].range))
        }
        let wordPositions = tokens.indices.filter { tokens[$0].isWord }
        let firstWordIndex = matcher.isEmpty ? 0 : (wordPositions.firstIndex(where: matches) ?? 0)
        let from = max(0, firstWordIndex - length / 3)
        let to = min(wordPositions.count, from + length)
        var matchFlags = [Bool](repeating: false, count: tokens.count)
        var parts: [Part] = []
        if from < to {
            if !matcher.isEmpty {
                for index in from..<to { matchFlags[wordPositions[index]] = matches(wordPositions[index]) }
            }
            // From the text's start, or to its end, when the extract reaches them: a title keeps its
            // opening quote or its closing bracket or question mark.
            let lower = from == 0 ? 0 : wordPositions[from]
            let upper = to == wordPositions.count ? tokens.count - 1 : wordPositions[to - 1]
            if from > 0 { parts.append(Part(text: "… ", match: false)) }
            for position in lower...upper {
                let text = string(tokens[position].range)
                if let last = parts.last, last.match == matchFlags[position], !last.text.hasPrefix("…") {
                    parts[parts.count - 1].text += text
                } else {
                    parts.append(Part(text: text, match: matchFlags[position]))
                }
            }
            if to < wordPositions.count { parts.append(Part(text: " …", match: false)) }
        }
        self.parts = parts
    }
}
