import Foundation

/// What reading a document can refuse.
public enum ReadingError: Error, Equatable, CustomStringConvertible, Sendable {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case notText
    case notAResolution(String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .empty: "the document is empty"
        case .tooLarge(let bytes, let limit): "the document is too large (\(bytes / 1_048_576) MB; the limit is \(limit / 1_048_576) MB)"
        case .notText: "the document is not text: it looks like binary data"
        case .notAResolution(let why): "this does not look like a resolution: \(why)"
        case .unsupported(let why): why
        }
    }
}

/// A document made ready for parsing: exporter markers removed, white space made plain,
/// Cyrillic look-alikes read as Latin where they stand for list letters and codes, page
/// furniture and footnote areas of PDF text taken out, footnotes collected. Offsets of the
/// cleaned text map back to the source.
public struct CleanDocument: Sendable {
    public struct Line: Sendable, Equatable {
        public var text: String
        /// Offset of the line's first character in the cleaned text.
        public var start: Int
    }

    public let text: String
    public let lines: [Line]
    public let map: OffsetMap
    /// Footnotes found as exporter tokens (`[1: 1 text]`) or in the footnote areas of PDF pages, by marker.
    public let footnotes: [Footnote]

    /// The largest document read, in bytes.
    public static let sizeLimit = 20 * 1_048_576

    /// The placeholder left where a footnote reference stood: U+E000, the marker, U+E001.
    static let referenceOpen: Character = "\u{E000}"
    static let referenceClose: Character = "\u{E001}"

    public init(source: String) throws {
        let bytes = source.utf8.count
        guard bytes <= Self.sizeLimit else { throw ReadingError.tooLarge(bytes: bytes, limit: Self.sizeLimit) }
        guard source.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { throw ReadingError.empty }
        let units = Array(source.utf16)
        let suspicious = units.reduce(0) { $0 + (($1 < 0x20 && $1 != 0x09 && $1 != 0x0A && $1 != 0x0D && $1 != 0x0C) || $1 == 0xFFFD ? 1 : 0) }
        guard suspicious * 100 <= units.count else { throw ReadingError.notText }

        var builder = MappedTextBuilder()
        var footnotes: [Footnote] = []
        Self.scan(units, into: &builder, footnotes: &footnotes)
        let cleaned = builder.string
        var lines: [Line] = []
        var start = 0
        for piece in cleaned.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = piece.utf16.count
            // Trailing spaces are left out of the line (its start does not move).
            var text = String(piece)
            while text.last == " " { text.removeLast() }
            lines.append(Line(text: text, start: start))
            start += length + 1
        }
        let (kept, pageFootnotes) = PageFurniture.remove(from: lines)
        self.text = cleaned
        self.lines = kept
        self.map = builder.map
        self.footnotes = footnotes + pageFootnotes.map { note in
            Footnote(marker: note.marker, text: note.text, range: builder.map.source(note.range))
        }
    }

    /// Walks the source once, copying it into the builder with markers removed and white space made plain.
    private static func scan(_ units: [UInt16], into out: inout MappedTextBuilder, footnotes: inout [Footnote]) {
        var index = 0
        var atLineStart = true
        var pendingSpace: Int?
        func flushSpace() {
            if let at = pendingSpace, !atLineStart { out.append(unit: 0x20, source: at) }
            pendingSpace = nil
        }
        while index < units.count {
            let unit = units[index]
            if unit == 0x5B /* [ */, let (consumed, action) = bracketToken(units, at: index) {
                switch action {
                case .drop:
                    break
                case .reference(let marker):
                    flushSpace()
                    out.append(String(referenceOpen) + marker + String(referenceClose), source: index)
                    atLineStart = false
                case .footnote(let marker, let text):
                    footnotes.append(Footnote(marker: marker, text: text, range: SourceRange(index, index + consumed)))
                }
                index += consumed
                continue
            }
            switch unit {
            case 0x0D:
                if index + 1 < units.count, units[index + 1] == 0x0A { index += 1 }
                fallthrough
            case 0x0A, 0x0C:
                pendingSpace = nil
                out.append(unit: 0x0A, source: index)
                atLineStart = true
            case 0x20, 0x09, 0xA0, 0x202F, 0x2007, 0x2002, 0x2003, 0x2009:
                if pendingSpace == nil { pendingSpace = index }
            case 0xAD, 0xFFFC, 0x200B, 0xFEFF, 0x200E, 0x200F:
                break
            case 0x2011:
                flushSpace()
                out.append(unit: 0x2D, source: index)
                atLineStart = false
            default:
                flushSpace()
                out.append(unit: foldedLookalike(units, at: index) ?? unit, source: index)
                atLineStart = false
            }
            index += 1
        }
    }

    private enum TokenAction {
        case drop
        case reference(String)
        case footnote(String, String)
    }

    /// Exporter tokens in square brackets: `[bookmark: x]`, `[image: …]`, `[footnoteRef:1]`,
    /// `[endnoteRef:1]`, and inline footnote bodies `[1: 1 text]`. Other brackets are text.
    private static func bracketToken(_ units: [UInt16], at start: Int) -> (Int, TokenAction)? {
        let limit = min(units.count, start + 10_000)
        var end = start + 1
        var depth = 1
        while end < limit {
            if units[end] == 0x5B { depth += 1 }
            if units[end] == 0x5D {
                depth -= 1
                if depth == 0 { break }
            }
            end += 1
        }
        guard end < limit else { return nil }
        let inner = String(decoding: units[(start + 1)..<end], as: UTF16.self)
        let consumed = end - start + 1
        if inner.hasPrefix("bookmark:") || inner.hasPrefix("image:") {
            return (consumed, .drop)
        }
        for prefix in ["footnoteRef:", "endnoteRef:"] where inner.hasPrefix(prefix) {
            let marker = String(inner.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            guard !marker.isEmpty, marker.allSatisfy(\.isNumber) else { return nil }
            // The exporter writes the marker again right after the token ("[footnoteRef:1]1"): skip it.
            var extra = 0
            let digits = Array(marker.utf16)
            if end + 1 + digits.count <= units.count, Array(units[(end + 1)..<(end + 1 + digits.count)]) == digits {
                extra = digits.count
            }
            return (consumed + extra, .reference(marker))
        }
        // "[1: 1 \tThese include …]": a footnote body placed where the exporter found it.
        if let colon = inner.firstIndex(of: ":") {
            let marker = inner[..<colon]
            if !marker.isEmpty, marker.count <= 4, marker.allSatisfy(\.isNumber) {
                var body = inner[inner.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if body.hasPrefix(marker) { body = String(body.dropFirst(marker.count)) }
                let text = body.replacingOccurrences(of: "\t", with: " ").trimmingCharacters(in: .whitespacesAndNewlines)
                return (consumed, .footnote(String(marker), text))
            }
        }
        return nil
    }

    /// Cyrillic letters that look Latin, read as Latin where they stand for a list letter
    /// ("а)" at a line start) or begin a code ("С1", "А/RES/…"); Russian words are left alone.
    private static let lookalikes: [UInt16: UInt16] = [
            0x0430: 0x61, 0x0441: 0x63, 0x0435: 0x65, 0x043E: 0x6F, 0x0440: 0x70, 0x0445: 0x78, 0x0443: 0x79, 0x0456: 0x69,
            0x0410: 0x41, 0x0412: 0x42, 0x0415: 0x45, 0x041A: 0x4B, 0x041C: 0x4D, 0x041D: 0x48, 0x041E: 0x4F, 0x0420: 0x50,
            0x0421: 0x43, 0x0422: 0x54, 0x0425: 0x58, 0x0406: 0x49,
    ]

    private static func foldedLookalike(_ units: [UInt16], at index: Int) -> UInt16? {
        guard units[index] >= 0x0400, units[index] <= 0x04FF, let latin = lookalikes[units[index]] else { return nil }
        let previous = index > 0 ? units[index - 1] : 0x0A
        let next = index + 1 < units.count ? units[index + 1] : 0x0A
        let previousIsLetter = (previous >= 0x41 && previous <= 0x5A) || (previous >= 0x61 && previous <= 0x7A) || (previous >= 0x0400 && previous <= 0x04FF)
        guard !previousIsLetter else { return nil }
        let nextIsDigit = next >= 0x30 && next <= 0x39
        if next == 0x29 /* ) */ || next == 0x2F /* / */ || nextIsDigit { return latin }
        return nil
    }
}
