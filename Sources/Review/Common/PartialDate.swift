import Foundation

/// Dates as precise as they were given: a day (`2027-12-31`), a month (`2025-12`) or a year
/// (`2030`), as resolutions, the calendar and the registry's activities hold them.
public enum PartialDate {
    /// The first day a date as precise as it was given may stand for: `2021-03` → `2021-03-01`, `2027` → `2027-01-01`.
    public static func firstDay(of date: String) -> String {
        switch date.count {
        case 4: date + "-01-01"
        case 7: date + "-01"
        default: date
        }
    }

    /// The last day a date covers (`2025-12` → 2025-12-31, `2030` → 2030-12-31), as `yyyy-MM-dd`; nil if it is not one.
    public static func lastDay(of value: String) -> String? {
        let parts = value.split(separator: "-").map { Int($0) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }), let year = parts[0], (1900...2200).contains(year) else { return nil }
        let calendar = Timestamp.calendar
        switch parts.count {
        case 1: return String(format: "%04d-12-31", year)
        case 2:
            guard let month = parts[1], (1...12).contains(month),
                  let date = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
                  let days = calendar.range(of: .day, in: .month, for: date) else { return nil }
            return String(format: "%04d-%02d-%02d", year, month, days.count)
        case 3:
            guard let month = parts[1], let day = parts[2],
                  let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
                  calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month else { return nil }
            return String(format: "%04d-%02d-%02d", year, month, day)
        default: return nil
        }
    }
}
