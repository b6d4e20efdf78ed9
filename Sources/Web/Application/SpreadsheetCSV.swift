import Hummingbird

/// CSV for spreadsheets: Excel and LibreOffice read a CSV file without a byte order mark as
/// Windows-1252, so every accented or non-Latin name comes out garbled. `?bom=1` (the pages' "CSV
/// for Excel" links) puts UTF-8's byte order mark first; the platform's own CSV reader skips it.
enum SpreadsheetCSV {
    static let byteOrderMark = "\u{FEFF}"

    static func asked(_ request: Request) -> Bool { request.uri.queryParameters["bom"] == "1" }
}
