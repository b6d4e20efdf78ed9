import Foundation

/// A small RFC 4180 CSV file read whole (reference data, the seed calendar, an import of mandate
/// updates): comma-separated, double quotes around fields that hold commas, quotes or line breaks,
/// a doubled quote for a quote. Rows come back keyed by the header.
public struct CSVTable: Sendable {
    public let header: [String]
    public let rows: [[String]]

    /// Reads the whole text through `CSVStream`, the platform's one CSV reader.
    public init(text: String) throws {
        var stream = CSVStream(data: Data(text.utf8))
        var records: [[String]] = []
        var lines: [Int] = []
        do {
            while true {
                let line = stream.line
                guard let record = try stream.nextRecord() else { break }
                records.append(record)
                lines.append(line)
            }
        } catch CSVStream.Problem.unterminatedQuote(let line) {
            throw CSVError.unterminatedQuote(line: line)
        }
        guard let header = records.first else { throw CSVError.empty }
        self.header = header
        self.rows = Array(records.dropFirst())
        for (row, line) in zip(rows, lines.dropFirst()) where row.count != header.count {
            throw CSVError.wrongFieldCount(line: line, expected: header.count, found: row.count)
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
