import Foundation

/// A paragraph's text as UTF-8 bytes, for the extractors to walk by hand. Positions are byte
/// offsets; `range(_:_:)` turns them into the UTF-16 ranges the rest of the module reports.
///
/// Every extractor matches on bytes: a paragraph is read once into this form and then searched
/// for its few trigger words, and only the short stretches around them are looked at closely.
/// (Swift's `Regex` was the first design; walking bytes is about ten times faster here.)
struct ScanText {
    let text: String
    let bytes: [UInt8]
    /// The UTF-16 offset of each byte position (and of the end), when the text is not all ASCII.
    private let utf16Offsets: [Int32]?

    init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        if bytes.allSatisfy({ $0 < 0x80 }) {
            utf16Offsets = nil
        } else {
            var offsets = [Int32](repeating: 0, count: bytes.count + 1)
            var offset: Int32 = 0
            for (index, byte) in bytes.enumerated() {
                offsets[index] = offset
                if byte & 0xC0 != 0x80 { offset += byte >= 0xF0 ? 2 : 1 }
            }
            offsets[bytes.count] = offset
            utf16Offsets = offsets
        }
    }

    var count: Int { bytes.count }

    subscript(index: Int) -> UInt8 { index >= 0 && index < bytes.count ? bytes[index] : 0 }

    /// The UTF-16 range of bytes `start..<end`.
    func range(_ start: Int, _ end: Int) -> SourceRange {
        guard let utf16Offsets else { return SourceRange(start, end) }
        return SourceRange(Int(utf16Offsets[start]), Int(utf16Offsets[end]))
    }

    func string(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    /// Where `needle` stands, compared byte for byte; matches do not overlap.
    func occurrences(of needle: String) -> [Int] { occurrences(of: Array(needle.utf8)) }

    func occurrences(of needle: [UInt8], from start: Int = 0, to end: Int? = nil) -> [Int] {
        let end = end ?? bytes.count
        guard let first = needle.first, needle.count <= end - start else { return [] }
        var found: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var index = start
            let last = end - needle.count
            // memchr finds the first byte; only there is the rest compared.
            while index <= last, let hit = memchr(base + index, Int32(first), last - index + 1) {
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + position, needle, needle.count) == 0 {
                    found.append(position)
                    index = position + needle.count
                } else {
                    index = position + 1
                }
            }
        }
        return found
    }

    /// Whether `needle` stands at `index`, byte for byte.
    func matches(_ needle: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + needle.count <= bytes.count else { return false }
        var offset = 0
        while offset < needle.count {
            if bytes[index + offset] != needle[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Whether `needle` (ASCII, lower-case) stands at `index`, ignoring the case of ASCII letters.
    func matchesIgnoringCase(_ needle: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + needle.count <= bytes.count else { return false }
        var offset = 0
        while offset < needle.count {
            if Self.lowered(bytes[index + offset]) != needle[offset] { return false }
            offset += 1
        }
        return true
    }

    static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    // MARK: Characters

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    static func isASCIILetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }

    /// The scalar that starts at byte `index`, or nil outside the text.
    func scalar(at index: Int) -> Unicode.Scalar? {
        guard index >= 0, index < bytes.count else { return nil }
        return Unicode.Scalar(UTF8Bytes.scalar(bytes, at: index).value)
    }

    /// The scalar that ends just before byte `index`, or nil at the start.
    func scalar(before index: Int) -> Unicode.Scalar? {
        guard index > 0, index <= bytes.count else { return nil }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start)
    }

    /// The byte offset just after the scalar that starts at `index`.
    func after(_ index: Int) -> Int {
        var next = index + 1
        while next < bytes.count, bytes[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    static func isLetter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII { return isASCIILetter(UInt8(scalar.value)) }
        return scalar.properties.isAlphabetic
    }

    /// A word character in the sense of `\w`: a letter, a digit, a mark or an underscore.
    static func isWord(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return isASCIILetter(byte) || isDigit(byte) || byte == 0x5F
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
    }

    /// Whether a word starts at `index` (`\b` before it: no word character just before).
    func wordStarts(at index: Int) -> Bool { !Self.isWord(scalar(before: index)) }

    /// Whether a word ends at `index` (`\b` after it: no word character at it).
    func wordEnds(at index: Int) -> Bool { !Self.isWord(scalar(at: index)) }

    /// Whether `index` stands between a word character and something else (`\b`).
    func isBoundary(at index: Int) -> Bool { Self.isWord(scalar(before: index)) != Self.isWord(scalar(at: index)) }

    /// The end of the run of bytes from `index` that satisfy `test`, at most `limit` long.
    func run(from index: Int, limit: Int = .max, _ test: (UInt8) -> Bool) -> Int {
        var end = index
        while end < bytes.count, end - index < limit, test(bytes[end]) { end += 1 }
        return end
    }

    /// The start of the run of bytes ending at `index` that satisfy `test`.
    func runBack(from index: Int, _ test: (UInt8) -> Bool) -> Int {
        var start = index
        while start > 0, test(bytes[start - 1]) { start -= 1 }
        return start
    }

    /// The end of the spaces from `index`.
    func spaces(from index: Int) -> Int { run(from: index) { $0 == 0x20 } }
    /// The start of the spaces ending at `index`.
    func spacesBack(from index: Int) -> Int { runBack(from: index) { $0 == 0x20 } }
}

/// What an extractor finds in a paragraph, by byte range while it searches: the first of
/// overlapping finds is kept, and they come out in the order of the text.
struct Finds<Item> {
    private var found: [(item: Item, start: Int, end: Int)] = []

    /// Keeps the find unless it overlaps one already kept; says whether it was kept.
    @discardableResult
    mutating func add(_ item: Item, _ start: Int, _ end: Int) -> Bool {
        guard !found.contains(where: { $0.start < end && start < $0.end }) else { return false }
        found.append((item, start, end))
        return true
    }

    /// The finds in the order of the text, with their byte ranges.
    var ordered: [(item: Item, start: Int, end: Int)] { found.sorted { $0.start < $1.start } }
}

extension StringProtocol {
    /// Whether `needle` occurs, compared byte for byte (Foundation's `contains` is locale-aware and far slower).
    func containsBytes(_ needle: String) -> Bool { containsBytes(needle, ignoringCase: false) }

    /// Whether `needle` (lower-case) occurs, ignoring the case of ASCII letters when asked.
    func containsBytes(_ needle: String, ignoringCase: Bool) -> Bool {
        var needle = needle
        var haystack = String(self)
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard let first = pattern.first, pattern.count <= text.count else { return pattern.isEmpty }
                func same(_ a: UInt8, _ b: UInt8) -> Bool { a == b || (ignoringCase && ScanText.lowered(a) == b) }
                for start in 0...(text.count - pattern.count) where same(text[start], first) {
                    var offset = 1
                    while offset < pattern.count, same(text[start + offset], pattern[offset]) { offset += 1 }
                    if offset == pattern.count { return true }
                }
                return false
            }
        }
    }

    /// The text with every `character` taken out.
    func removing(_ character: Character) -> String { String(filter { $0 != character }) }
}
