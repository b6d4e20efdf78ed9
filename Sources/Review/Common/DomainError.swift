import Foundation

/// A problem with one field of a submitted form or API body.
///
/// `code` names the problem (`required`, `too-long`, `invalid-email` …); the user interface turns it
/// into a sentence in the reader's language through the string catalog (key `error.<code>`).
public struct FieldError: Error, Sendable, Equatable, Codable {
    public var field: String
    public var code: String
    /// Values the sentence needs, such as the maximum length.
    public var parameters: [String: String]

    public init(field: String, code: String, parameters: [String: String] = [:]) {
        self.field = field
        self.code = code
        self.parameters = parameters
    }
}

/// Errors a service can answer with. Every one is the user's to act on; none is a crash.
public enum DomainError: Error, Sendable, Equatable {
    /// The input was refused; nothing was written.
    case invalid([FieldError])
    /// The named object does not exist.
    case notFound(kind: String, id: String)
    /// The actor may not do this.
    case forbidden
    /// The e-mail and password do not match an account (the same answer whether the account exists or not).
    case badCredentials
    /// Too many failed sign-in attempts; try again after the given number of seconds.
    case rateLimited(retryAfterSeconds: Int)
    /// The change conflicts with the object's state: someone changed it meanwhile, or its
    /// lifecycle forbids the step. The code names why (`changed-meanwhile`, `reason-required-to-reopen`).
    case conflict(String)
    /// A file larger than the limit (in bytes): nothing was stored.
    case tooLarge(limit: Int)
    /// A file of a kind that is not accepted (named by the file's name): nothing was stored.
    case unsupportedMedia(String)

    public var fieldErrors: [FieldError] {
        if case .invalid(let errors) = self { return errors }
        return []
    }
}

/// Collects field errors while validating input, then throws them all at once.
public struct Validator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func add(_ field: String, _ code: String, _ parameters: [String: String] = [:]) {
        errors.append(FieldError(field: field, code: code, parameters: parameters))
    }

    /// Trims the value and checks that it is present and not longer than `maxLength` characters.
    /// `multiline` text (a description) may hold line breaks and tabs; no text may hold other control characters.
    /// The Unicode controls that reorder text (embeddings, overrides and isolates, U+202A–U+202E and
    /// U+2066–U+2069) are taken out: in a title or a link's label they could make text read in an
    /// order other than the one it is stored in (a disguised address). The marks that only set a
    /// direction (U+200E, U+200F, U+061C), which Arabic text needs, are kept.
    @discardableResult
    public mutating func text(_ field: String, _ value: String?, required: Bool = true, maxLength: Int, multiline: Bool = false) -> String {
        let trimmed = (value ?? "").trimmedFast.withoutBidiOverrides
        if trimmed.isEmpty {
            if required { add(field, "required") }
        } else if let value, value.utf8.count > maxLength && value.unicodeScalars.count > maxLength {
            // Counted as JSON Schema counts (code points, white space at the ends included), so that the
            // API's document can state the limit exactly. A code point is at least one byte: only a text
            // of more bytes than allowed code points needs counting.
            add(field, "too-long", ["max": String(maxLength)])
        } else if trimmed.hasControlCharacters(allowingLineBreaks: multiline) {
            add(field, "control-characters")
        }
        return trimmed
    }

    public func check() throws {
        if !errors.isEmpty { throw DomainError.invalid(errors) }
    }
}

extension String {
    /// The text without the controls that reorder it (U+202A–U+202E, U+2066–U+2069); quick when there is none.
    public var withoutBidiOverrides: String {
        // Each of them is E2 80 AA…AE or E2 81 A6…A9 in UTF-8: most text holds no E2 byte at all.
        guard utf8.contains(0xE2) else { return self }
        let kept = unicodeScalars.filter { !(0x202A...0x202E).contains($0.value) && !(0x2066...0x2069).contains($0.value) }
        return kept.count == unicodeScalars.count ? self : String(String.UnicodeScalarView(kept))
    }

    /// The text without white space (and line breaks) at either end; quick for the common ASCII case.
    public var trimmedFast: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !Self.isSpace($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)) : scalar.properties.isWhitespace
    }

    /// Whether it holds a control character (C0, DEL or C1), read from its UTF-8 bytes; tab, line
    /// feed and carriage return are allowed when `allowingLineBreaks`.
    func hasControlCharacters(allowingLineBreaks: Bool) -> Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if byte < 0x20 {
                if !(allowingLineBreaks && (byte == 0x09 || byte == 0x0A || byte == 0x0D)) { return true }
            } else if byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) {
                return true
            }
            previous = byte
        }
        return false
    }

    /// Words separated by white space, counted from the bytes (any non-ASCII byte is part of a word).
    var wordCount: Int {
        var count = 0
        var inWord = false
        for byte in utf8 {
            let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
