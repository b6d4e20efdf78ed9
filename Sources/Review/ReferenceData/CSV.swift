import Foundation

/// A reader for RFC 4180 CSV: comma-separated, double quotes around fields that hold commas,
/// quotes or line breaks, a doubled quote for a quote. Rows come back keyed by the header.
public struct CSVTable: Sendable {
    public let header: [String]
    public let rows: [[String]]

    public init(text: String) throws {
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        if pending == "\u{FEFF}" { pending = iterator.next() }
        var sawAnything = false
        while let scalar = pending {
            pending = iterator.next()
            sawAnything = true
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\r":
                continue
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                sawAnything = false
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw CSVError.unterminatedQuote(line: records.count + 1) }
        if sawAnything {
            record.append(field)
            records.append(record)
        }
        guard let header = records.first else { throw CSVError.empty }
        self.header = header
        self.rows = records.dropFirst().map { $0.map(CSVLine.unguarded) }
        for (index, row) in rows.enumerated() where row.count != header.count {
            throw CSVError.wrongFieldCount(line: index + 2, expected: header.count, found: row.count)
        }
    }

    /// Each row as a dictionary from column name to value (the first column of a repeated name wins).
    public var records: [[String: String]] {
        rows.map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
    }

    /// Rows written as RFC 4180 CSV with CRLF line ends: a field holding a comma, a quote or a line
    /// break is quoted, its quotes doubled; one a spreadsheet would run as a formula gets an
    /// apostrophe first (`CSVLine`). What this writes, `init(text:)` reads back the same.
    public static func write(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(CSVLine.make).joined()
    }
}

public enum CSVError: Error, Equatable, CustomStringConvertible {
    case empty
    case unterminatedQuote(line: Int)
    case wrongFieldCount(line: Int, expected: Int, found: Int)

    public var description: String {
        switch self {
        case .empty: "the file is empty"
        case .unterminatedQuote(let line): "a quoted field opened near line \(line) is never closed"
        case .wrongFieldCount(let line, let expected, let found): "line \(line) has \(found) fields, the header has \(expected)"
        }
    }
}
