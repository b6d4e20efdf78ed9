import Foundation
import Resolutions
import Review

/// Dates and numbers as a reader of each language writes them (`27 mai 2024`, `27 мая 2024 г.`,
/// `2024年5月27日`, `1 234`), from Foundation's locale data, never from month names of our own.
/// Digits stay Latin in every language, Arabic included: the UN's practice for figures and symbols.
public enum LocaleFormat {
    /// The locale of a language's pages.
    public static func locale(_ language: Language) -> Locale {
        switch language {
        case .arabic: Locale(identifier: "ar@numbers=latn")
        case .chinese: Locale(identifier: "zh-Hans")
        default: Locale(identifier: language.rawValue)
        }
    }

    /// A whole number with the language's grouping (`1,234`, `1 234`, `1.234`).
    public static func number(_ value: Int, _ language: Language) -> String {
        value.formatted(.number.locale(locale(language)))
    }

    /// A date as precise as it was given: a day (`2024-05-27` → `27 mai 2024`), a month
    /// (`2024-05` → `mai 2024`) or a year (`2024`); anything else as it is.
    public static func date(_ text: String, _ language: Language) -> String {
        guard [4, 7, 10].contains(text.count), PartialDate.lastDay(of: text) != nil else { return text }
        if text.count == 4 { return text }
        let parts = PartialDate.firstDay(of: text).split(separator: "-").compactMap { Int($0) }
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)) else { return text }
        let month = Date.FormatStyle(locale: locale(language), calendar: calendar, timeZone: .gmt).year().month(.wide)
        return date.formatted(text.count == 7 ? month : month.day())
    }

    /// A day range (`7–11 July 2025`) as two dates joined by a dash; one date when they are the same.
    public static func range(_ start: String, _ end: String?, _ language: Language) -> String {
        guard let end, end != start else { return date(start, language) }
        return date(start, language) + " – " + date(end, language)
    }

    /// A moment (an audit record, an update) as its day and time in UTC.
    public static func moment(_ date: Date, _ language: Language) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .shortened, locale: locale(language), calendar: calendar, timeZone: .gmt)) + " UTC"
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()
}
