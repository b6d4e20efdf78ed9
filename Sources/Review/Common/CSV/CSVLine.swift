import Foundation

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
