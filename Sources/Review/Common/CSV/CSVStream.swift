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
