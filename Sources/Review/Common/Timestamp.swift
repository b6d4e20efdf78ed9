import Foundation

/// Times are stored and exchanged as ISO 8601 UTC with milliseconds, which sort as text.
public enum Timestamp {
    /// Rounds to the nearest millisecond, so that a time read back from its text gives the same text
    /// again (the audit chain hashes this text).
    public static func string(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let inDay = milliseconds - days * 86_400_000
        // Civil date from days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = inDay % 1000
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        let yearText = year >= 0 && year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(inDay / 3_600_000)):\(two(inDay / 60_000 % 60)):\(two(inDay / 1000 % 60)).\(fraction)Z"
    }

    /// The Gregorian calendar in UTC, for counting days and months the same way everywhere.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The day (UTC) of a time, as `yyyy-MM-dd`: days compare as text.
    public static func day(_ date: Date) -> String { String(string(date).prefix(10)) }

    /// As a page shows a moment, in UTC: `2026-12-07 14:05`.
    public static func minute(_ date: Date) -> String { string(date).prefix(16).replacingOccurrences(of: "T", with: " ") }

    /// As the audit trail shows a moment, in UTC: `2026-12-07 14:05:09`.
    public static func second(_ date: Date) -> String { string(date).prefix(19).replacingOccurrences(of: "T", with: " ") }

    public static func date(_ string: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt).parse(string) {
            return date
        }
        return try? Date.ISO8601FormatStyle(timeZone: .gmt).parse(string)
    }
}

extension Timestamp {
    /// A JSON encoder that writes times as `Timestamp.string` (what the audit digests, stored records and
    /// exports use), with sorted keys and unescaped slashes, plus any other formatting asked for.
    public static func jsonEncoder(_ formatting: JSONEncoder.OutputFormatting = []) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting.union([.sortedKeys, .withoutEscapingSlashes])
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.string(date))
        }
        return encoder
    }

    /// A JSON decoder that reads times written by `jsonEncoder`.
    public static func jsonDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = Timestamp.date(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(text) is not a time"))
            }
            return date
        }
        return decoder
    }
}
