import Foundation

/// Reads RFC 4180 CSV a chunk at a time from bytes, for files too large to hold as text
/// (a million activities is about a gigabyte). Fields are checked to be UTF-8.
public struct CSVStream {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notUTF8(line: Int)
        case unterminatedQuote(line: Int)

        public var description: String {
            switch self {
            case .notUTF8(let line): "line \(line) is not UTF-8 text (save the file as CSV UTF-8)"
            case .unterminatedQuote(let line): "a quoted field opened on line \(line) is never closed"
            }
        }
    }

    private let next: () throws -> Data?
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    /// The line the next record starts on (1 is the first).
    public private(set) var line = 1
    /// Bytes handed over so far, for progress.
    public private(set) var bytesRead = 0

    /// Reads from a function that returns the next chunk, nil at the end.
    public init(chunks next: @escaping () throws -> Data?) {
        self.next = next
    }

    public init(data: Data) {
        var sent = false
        self.init(chunks: {
            if sent { return nil }
            sent = true
            return data
        })
    }

    /// Reads a file 4 MB at a time.
    public init(file: FileHandle) {
        self.init(chunks: {
            let data = try file.read(upToCount: 4 << 20)
            return (data?.isEmpty ?? true) ? nil : data
        })
    }

    private mutating func fill() throws -> Bool {
        if finished { return false }
        guard let chunk = try next() else {
            finished = true
            return false
        }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        bytesRead += chunk.count
        buffer.append(contentsOf: chunk)
        return true
    }

    /// The next record's fields, or nil at the end. A byte order mark at the start is skipped.
    public mutating func nextRecord() throws -> [String]? {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var sawAnything = false
        let startLine = line
        if line == 1, position == 0, buffer.isEmpty {
            _ = try fill()
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }
        func finish(_ field: [UInt8]) throws -> String {
            guard let text = String(validating: field, as: UTF8.self) else { throw Problem.notUTF8(line: startLine) }
            return field.first == UInt8(ascii: "'") ? CSVLine.unguarded(text) : text
        }
        while true {
            if position >= buffer.count {
                if try !fill() {
                    if quoted { throw Problem.unterminatedQuote(line: startLine) }
                    if !sawAnything { return nil }
                    fields.append(try finish(field))
                    return fields
                }
                continue
            }
            let byte = buffer[position]
            position += 1
            sawAnything = true
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if position >= buffer.count { _ = try fill() }
                    if position < buffer.count && buffer[position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where field.isEmpty:
                quoted = true
            case UInt8(ascii: ","):
                fields.append(try finish(field))
                field.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\n"):
                line += 1
                fields.append(try finish(field))
                return fields
            default:
                field.append(byte)
            }
        }
    }
}

/// Writes CSV rows the way `CSVTable` and `CSVStream` read them.
///
/// A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
/// formula: an activity's title could fetch a web address, or worse, when the secretariat opens an
/// export. Such a value is written with an apostrophe before it, which spreadsheets show as text;
/// a number such as `-5` or `+3.5` is written as it is. Both readers take the apostrophe away again
/// (a value that itself starts with apostrophes before such a character gets one more), so a file
/// exported and imported again gives back the same values.
public enum CSVLine {
    public static func make(_ fields: [String]) -> String {
        fields.map { field in
            let value = guarded(field)
            guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }

    /// The value as written: with an apostrophe before it when a spreadsheet would read it as a formula.
    public static func guarded(_ value: String) -> String {
        needsGuard(value) ? "'" + value : value
    }

    /// The value as it was before `guarded`.
    public static func unguarded(_ value: String) -> String {
        value.utf8.first == UInt8(ascii: "'") && needsGuard(String(value.dropFirst())) ? String(value.dropFirst()) : value
    }

    /// Whether the value, past any apostrophes it starts with, starts like a formula (and is not a plain number).
    static func needsGuard(_ value: String) -> Bool {
        let bytes = value.utf8.drop { $0 == UInt8(ascii: "'") }
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D:
            return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            // A plain number (sign, digits, at most one point) stays as it is, unless apostrophes came before it.
            let rest = bytes.dropFirst()
            let isNumber = !rest.isEmpty && rest.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }
                && rest.filter { $0 == UInt8(ascii: ".") }.count <= 1 && rest.contains { $0 >= 0x30 && $0 <= 0x39 }
            return !isNumber || bytes.startIndex != value.utf8.startIndex
        default:
            return false
        }
    }
}
