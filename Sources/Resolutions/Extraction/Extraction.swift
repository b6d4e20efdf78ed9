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
        // The paragraph is read into bytes once, and one pass over its words decides which
        // extractors have anything to look for: most paragraphs hold no date, symbol or Action Line.
        let scan = ScanText(text)
        let words = Words(scan)
        result.citations = CitationExtractor.extract(scan, words: words)
        let scriptTimes: [TimeExpression]
        if language == .arabic || language == .chinese {
            let known = result.citations.map(\.range)
            result.citations += ArabicChinese.citations(in: text, language: language).filter { found in !known.contains { $0.overlaps(found.range) } }
            result.citations.sort { $0.range.start < $1.range.start }
            scriptTimes = ArabicChinese.times(in: text, language: language)
        } else {
            scriptTimes = TimeExtractor.extract(scan, words: words, language: language)
        }
        let cited = result.citations.map(\.range)
        result.times = scriptTimes.filter { time in !cited.contains { $0.overlaps(time.range) } }
        result.bodies = BodyExtractor.extract(scan, words: words).filter { body in !cited.contains { $0.overlaps(body.range) } }
        result.actionLines = ActionLineExtractor.extract(scan, words: words).filter { line in !cited.contains { $0.overlaps(line.range) } }
        result.sdgs = ActionLineExtractor.sdgs(scan, words: words)
        return result
    }
}

/// The lower-cased words of a text (letters and digits), and a few facts about its characters,
/// read in one pass: the extractors ask it whether their trigger words occur at all before they
/// look for them. Words are kept as hashes, sorted (a paragraph has a few dozen words: a sorted
/// array is cheaper to build than a set); a rare collision only makes an extractor look.
struct Words {
    private var words: [UInt64] = []
    /// The hashes of the first eight bytes of the words at least that long, for `anyStarts(with:)`.
    private var prefixes: [UInt64] = []
    private(set) var hasSlash = false
    private(set) var hasYear = false
    private(set) var hasDigit = false

    static let prefixLength = 8

    init(_ text: String) { self.init(ScanText(text)) }

    init(_ scan: ScanText) {
        var hash = WordHash.seed
        var length = 0
        var digits = 0
        var first: UInt8 = 0
        func add(_ byte: UInt8) {
            if length == 0 { first = byte }
            hash = WordHash.feed(hash, byte)
            length += 1
            if length == Self.prefixLength { prefixes.append(hash) }
        }
        func finish() {
            guard length > 0 else { return }
            if digits == 4, length == 4, first == 0x31 || first == 0x32 { hasYear = true }
            words.append(hash)
            hash = WordHash.seed
            length = 0
            digits = 0
        }
        let bytes = scan.bytes
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if ScanText.isUpper(byte) {
                    add(byte + 0x20)
                } else if ScanText.isLower(byte) {
                    add(byte)
                } else if ScanText.isDigit(byte) {
                    hasDigit = true
                    digits += 1
                    add(byte)
                } else {
                    if byte == 0x2F { hasSlash = true }
                    finish()
                }
                index += 1
                continue
            }
            let (value, width) = UTF8Bytes.scalar(bytes, at: index)
            index += width
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                finish()
                continue
            }
            for lowered in WordHash.lowercase(scalar).utf8 { add(lowered) }
        }
        finish()
        words.sort()
        prefixes.sort()
    }

    private static func search(_ sorted: [UInt64], _ value: UInt64) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// Whether the lower-case `word` is one of the words.
    func contains(_ word: String) -> Bool { Self.search(words, WordHash.hash(word.utf8)) }
    func containsAny(_ words: [String]) -> Bool { words.contains { contains($0) } }
    /// The same with the words' hashes computed beforehand (`WordHash.hash`), for the checks made on every paragraph.
    func contains(hash: UInt64) -> Bool { Self.search(words, hash) }
    func containsAny(hashes: [UInt64]) -> Bool { hashes.contains { Self.search(words, $0) } }
    /// Whether a word may start with the lower-case `prefix` ("resolution" for "resolutions"):
    /// compared on the first eight bytes, so it can say yes wrongly but never no wrongly.
    func anyStarts(with prefix: String) -> Bool {
        let bytes = Array(prefix.utf8)
        if bytes.count < Self.prefixLength { return true }
        return Self.search(prefixes, WordHash.hash(bytes.prefix(Self.prefixLength)))
    }
}

/// A word's hash (FNV-1a over its lower-cased UTF-8 bytes), computed as the word is read.
enum WordHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    @inline(__always)
    static func feed(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 { bytes.reduce(seed, feed) }

    /// Lower-case, by hand for Latin-1 and Cyrillic capitals (most of what the four languages use).
    static func lowercase(_ scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        if (0xC0...0xDE).contains(value), value != 0xD7 { return String(Unicode.Scalar(value + 0x20)!) }
        if (0x410...0x42F).contains(value) { return String(Unicode.Scalar(value + 0x20)!) }
        if (0x400...0x40F).contains(value) { return String(Unicode.Scalar(value + 0x50)!) }
        if (0xE0...0xFF).contains(value) || (0x430...0x45F).contains(value) { return String(scalar) }
        return scalar.properties.lowercaseMapping
    }
}

extension SourceRange {
    public func overlaps(_ other: SourceRange) -> Bool { start < other.end && other.start < end }
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
