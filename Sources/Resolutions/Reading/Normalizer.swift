import Foundation

/// What reading a document can refuse. Each refusal has a stable `code` and `parameters`, so
/// that a page or the command line can say it in the reader's language; `description` says it in
/// English.
public enum ReadingError: Error, Equatable, CustomStringConvertible, Sendable {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case notText
    /// Read, but not a resolution (no formula, no operative paragraph).
    case notAResolution(Problem)
    /// A known reason the file could not be read.
    case unreadable(Problem)
    /// Any other reason, in words (from a PDF extractor the platform did not write).
    case unsupported(String)

    public enum Problem: Equatable, Sendable {
        case neitherWordPDFNorText
        case pdfToolMissing
        case pdfTooSlow
        case pdfUnreadable
        case notZip
        case zipBomb(expansion: Int, megabytes: Int)
        case damagedPart(String)
        case doctype(String)
        case zipNotWord
        case xmlUnreadable
        case footnotesUnreadable
        case numberingUnreadable
        case noFormula
        case noOperative

        var code: String {
            switch self {
            case .neitherWordPDFNorText: "neither-word-pdf-nor-text"
            case .pdfToolMissing: "pdf-tool-missing"
            case .pdfTooSlow: "pdf-too-slow"
            case .pdfUnreadable: "pdf-unreadable"
            case .notZip: "not-zip"
            case .zipBomb: "zip-bomb"
            case .damagedPart: "damaged-part"
            case .doctype: "doctype"
            case .zipNotWord: "zip-not-word"
            case .xmlUnreadable: "xml-unreadable"
            case .footnotesUnreadable: "footnotes-unreadable"
            case .numberingUnreadable: "numbering-unreadable"
            case .noFormula: "no-formula"
            case .noOperative: "no-operative"
            }
        }

        var parameters: [String: String] {
            switch self {
            case .zipBomb(let expansion, let megabytes): ["expansion": String(expansion), "megabytes": String(megabytes)]
            case .damagedPart(let path), .doctype(let path): ["part": path]
            default: [:]
            }
        }

        var english: String {
            switch self {
            case .neitherWordPDFNorText: "the file is neither a Word document, a PDF nor UTF-8 text"
            case .pdfToolMissing:
                "PDF files need pdftotext, which is not installed here (Debian: apt-get install poppler-utils); or export the document as text from Word"
            case .pdfTooSlow: "the PDF took too long to read"
            case .pdfUnreadable: "the PDF cannot be read (it may be damaged, encrypted or a scan without text)"
            case .notZip: "the file is not a Word document (.docx): it is not a zip archive"
            case .zipBomb(let expansion, let megabytes):
                "the Word document unpacks to far more than it weighs (over \(expansion)× or \(megabytes) MB): refused as a zip bomb"
            case .damagedPart(let path): "the Word document is damaged: \(path) cannot be unpacked"
            case .doctype(let path): "the Word document declares a DOCTYPE or entities in \(path): refused"
            case .zipNotWord: "the file is a zip archive but not a Word document (no word/document.xml)"
            case .xmlUnreadable: "the Word document's text cannot be read: its XML is malformed"
            case .footnotesUnreadable: "the Word document's footnotes cannot be read"
            case .numberingUnreadable: "the Word document's list numbering cannot be read"
            case .noFormula: "no enacting formula such as \"The Council,\" or \"The General Assembly,\" was found"
            case .noOperative: "no operative paragraph (\"resolves\", \"decides\", \"requests\" …) was found"
            }
        }
    }

    public var description: String {
        switch self {
        case .empty: "the document is empty"
        case .tooLarge(let bytes, let limit): "the document is too large (\(bytes / 1_048_576) MB; the limit is \(limit / 1_048_576) MB)"
        case .notText: "the document is not text: it looks like binary data"
        case .notAResolution(let problem): "this does not look like a resolution: \(problem.english)"
        case .unreadable(let problem): problem.english
        case .unsupported(let why): why
        }
    }

    /// The refusal's code, for a catalogue of messages (`reading.<code>`).
    public var code: String {
        switch self {
        case .empty: "empty"
        case .tooLarge: "too-large"
        case .notText: "not-text"
        case .notAResolution(let problem), .unreadable(let problem): problem.code
        case .unsupported: "other"
        }
    }

    /// The values its message names.
    public var parameters: [String: String] {
        switch self {
        case .tooLarge(let bytes, let limit): ["megabytes": String(bytes / 1_048_576), "limit": String(limit / 1_048_576)]
        case .notAResolution(let problem), .unreadable(let problem): problem.parameters
        case .unsupported(let why): ["detail": why]
        default: [:]
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
        let byteCount = source.utf8.count
        guard byteCount <= Self.sizeLimit else { throw ReadingError.tooLarge(bytes: byteCount, limit: Self.sizeLimit) }
        guard source.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { throw ReadingError.empty }
        // The walk is over the UTF-8 bytes; offsets are counted in UTF-16 code units as it goes.
        let bytes = Array(source.utf8)
        var characters = 0
        var suspicious = 0
        var index = 0
        while index < bytes.count {
            let (value, length) = UTF8Bytes.scalar(bytes, at: index)
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0x0C) || value == 0xFFFD { suspicious += 1 }
            characters += 1
            index += length
        }
        guard suspicious * 100 <= characters else { throw ReadingError.notText }

        var builder = MappedTextBuilder(capacity: bytes.count)
        var footnotes: [Footnote] = []
        Self.scan(bytes, into: &builder, footnotes: &footnotes)
        let cleaned = builder.string
        var lines: [Line] = []
        var start = 0
        var lineStart = 0
        let cleanedBytes = builder.bytes
        for position in 0...cleanedBytes.count where position == cleanedBytes.count || cleanedBytes[position] == 0x0A {
            // Trailing spaces are left out of the line (its start does not move).
            var lineEnd = position
            while lineEnd > lineStart, cleanedBytes[lineEnd - 1] == 0x20 { lineEnd -= 1 }
            lines.append(Line(text: String(decoding: cleanedBytes[lineStart..<lineEnd], as: UTF8.self), start: start))
            start += UTF8Bytes.utf16Count(cleanedBytes[lineStart..<position]) + 1
            lineStart = position + 1
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
    private static func scan(_ bytes: [UInt8], into out: inout MappedTextBuilder, footnotes: inout [Footnote]) {
        var index = 0
        /// The UTF-16 offset of `bytes[index]` in the source.
        var offset = 0
        var atLineStart = true
        var pendingSpace: Int?
        var previous: UInt32 = 0x0A
        func flushSpace() {
            if let at = pendingSpace, !atLineStart { out.append(ascii: 0x20, source: at) }
            pendingSpace = nil
        }
        while index < bytes.count {
            if bytes[index] == 0x5B /* [ */, let token = bracketToken(bytes, at: index) {
                switch token.action {
                case .drop:
                    break
                case .reference(let marker):
                    flushSpace()
                    out.append(String(referenceOpen) + marker + String(referenceClose), source: offset)
                    atLineStart = false
                case .footnote(let marker, let text):
                    footnotes.append(Footnote(marker: marker, text: text, range: SourceRange(offset, offset + token.units)))
                }
                index += token.bytes
                offset += token.units
                previous = UInt32(bytes[index - 1])
                continue
            }
            if bytes[index] > 0x20, bytes[index] < 0x7F {
                // A run of plain ASCII characters is copied whole: nothing in it changes.
                var end = index + 1
                while end < bytes.count, bytes[end] > 0x20, bytes[end] < 0x7F, bytes[end] != 0x5B { end += 1 }
                flushSpace()
                out.append(bytes: bytes[index..<end], source: offset)
                atLineStart = false
                previous = UInt32(bytes[end - 1])
                offset += end - index
                index = end
                continue
            }
            var (value, length) = UTF8Bytes.scalar(bytes, at: index)
            switch value {
            case 0x0D:
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    index += 1
                    offset += 1
                    value = 0x0A
                }
                fallthrough
            case 0x0A, 0x0C:
                pendingSpace = nil
                out.append(ascii: 0x0A, source: offset)
                atLineStart = true
            case 0x20, 0x09, 0xA0, 0x202F, 0x2007, 0x2002, 0x2003, 0x2009:
                if pendingSpace == nil { pendingSpace = offset }
            case 0xAD, 0xFFFC, 0x200B, 0xFEFF, 0x200E, 0x200F:
                break
            case 0x2011:
                flushSpace()
                out.append(ascii: 0x2D, source: offset)
                atLineStart = false
            default:
                flushSpace()
                let next = index + length < bytes.count ? UTF8Bytes.scalar(bytes, at: index + length).value : 0x0A
                if let latin = foldedLookalike(value, previous: previous, next: next) {
                    out.append(ascii: latin, source: offset)
                } else {
                    out.append(Unicode.Scalar(value) ?? "\u{FFFD}", source: offset)
                }
                atLineStart = false
            }
            previous = value
            index += length
            offset += value > 0xFFFF ? 2 : 1
        }
    }

    private enum TokenAction {
        case drop
        case reference(String)
        case footnote(String, String)
    }

    /// Exporter tokens in square brackets: `[bookmark: x]`, `[image: …]`, `[footnoteRef:1]`,
    /// `[endnoteRef:1]`, and inline footnote bodies `[1: 1 text]`. Other brackets are text.
    /// Returns what the token takes in bytes and in UTF-16 code units.
    private static func bracketToken(_ bytes: [UInt8], at start: Int) -> (bytes: Int, units: Int, action: TokenAction)? {
        let limit = min(bytes.count, start + 10_000)
        var end = start + 1
        var depth = 1
        while end < limit {
            if bytes[end] == 0x5B { depth += 1 }
            if bytes[end] == 0x5D {
                depth -= 1
                if depth == 0 { break }
            }
            end += 1
        }
        guard end < limit else { return nil }
        let inner = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        var consumed = end - start + 1
        func result(_ action: TokenAction) -> (Int, Int, TokenAction) {
            (consumed, UTF8Bytes.utf16Count(bytes[start..<(start + consumed)]), action)
        }
        if inner.hasPrefix("bookmark:") || inner.hasPrefix("image:") {
            return result(.drop)
        }
        for prefix in ["footnoteRef:", "endnoteRef:"] where inner.hasPrefix(prefix) {
            let marker = String(inner.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            guard !marker.isEmpty, marker.allSatisfy(\.isNumber) else { return nil }
            // The exporter writes the marker again right after the token ("[footnoteRef:1]1"): skip it.
            let digits = Array(marker.utf8)
            if end + 1 + digits.count <= bytes.count, bytes[(end + 1)..<(end + 1 + digits.count)].elementsEqual(digits) {
                consumed += digits.count
            }
            return result(.reference(marker))
        }
        // "[1: 1 \tThese include …]": a footnote body placed where the exporter found it.
        if let colon = inner.firstIndex(of: ":") {
            let marker = inner[..<colon]
            if !marker.isEmpty, marker.count <= 4, marker.allSatisfy(\.isNumber) {
                var body = inner[inner.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if body.hasPrefix(marker) { body = String(body.dropFirst(marker.count)) }
                let text = String(body.map { $0 == "\t" ? " " : $0 }).trimmingCharacters(in: .whitespacesAndNewlines)
                return result(.footnote(String(marker), text))
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

    private static func foldedLookalike(_ value: UInt32, previous: UInt32, next: UInt32) -> UInt8? {
        guard value >= 0x0400, value <= 0x04FF, let latin = lookalikes[UInt16(value)] else { return nil }
        let previousIsLetter = (previous >= 0x41 && previous <= 0x5A) || (previous >= 0x61 && previous <= 0x7A) || (previous >= 0x0400 && previous <= 0x04FF)
        guard !previousIsLetter else { return nil }
        let nextIsDigit = next >= 0x30 && next <= 0x39
        if next == 0x29 /* ) */ || next == 0x2F /* / */ || nextIsDigit { return UInt8(latin) }
        return nil
    }
}

/// Reading UTF-8 bytes by hand, where the parser walks a whole document.
enum UTF8Bytes {
    /// The scalar that starts at `index` (which must start one) and how many bytes it takes.
    /// The bytes come from a `String`, so they are valid UTF-8.
    @inline(__always)
    static func scalar(_ bytes: [UInt8], at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return (((lead & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (((lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return (((lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12) | (UInt32(bytes[index + 2] & 0x3F) << 6)
                    | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// How many UTF-16 code units the bytes (whole characters) take.
    static func utf16Count(_ bytes: some Collection<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
        return count
    }
}
