import Foundation
import Resolutions
import Review

/// The model of the calendar's page (`calendar.mustache`): the list by year with the mandates'
/// deadlines (and for the secretariat the forms to add and change milestones), or one month's grid.
struct CalendarPage: Sendable {
    struct Milestone: Sendable, Equatable {
        var key, title, kind, start: String
        /// Empty when it lasts one day or its end is not known (the form shows the field empty).
        var end, when, place: String
        var confirmed: Bool
        var source: String
        var version: Int
        var kinds: [PageChoice]
        var changeHref: String
    }

    struct Day: Sendable, Equatable {
        /// False for the cells before the first and after the last day of the month.
        var inMonth: Bool
        var day, date: String
        var today: Bool
        var items: [String]
    }

    struct Month: Sendable, Equatable {
        var name: String
        var weekdays: [String]
        var previousHref, nextHref: String
        var weeks: [[Day]]
        /// Milestones of the month whose day is not known yet.
        var undated: [Milestone]
    }

    struct Year: Sendable, Equatable {
        var year: String
        var milestones: [Milestone]
    }

    struct Deadline: Sendable, Equatable {
        var day, action, href: String
        var tentative: Bool
    }

    struct List: Sendable, Equatable {
        var thisMonthHref: String
        var years: [Year]
        var deadlines: [Deadline]
        var addHref: String
        /// The year shown ("2026"), or nil when every year is; the links to the years around it and to all.
        var year: String?
        var previousHref, nextHref, allHref, currentHref: String
        var previousLabel, nextLabel: String
        /// What an empty year says.
        var emptyYear: String?
    }

    var staff: Bool
    var kinds: [PageChoice]
    var feedHref: String
    var feeds: [PageLink]
    var listHref: String
    /// One of the two views.
    var month: Month?
    var list: List?
    var error: String?

    /// `month` (`yyyy-MM`) asks for a month's grid; otherwise the list shows `year` (`yyyy`; today's
    /// when nil) or, when `allYears`, every year. `today` is `yyyy-MM-dd`.
    init(_ calendar: MandateCalendar, month: String?, year: Int? = nil, allYears: Bool = false, today: String, staff: Bool, language: Language,
         catalog: Catalog, error: String? = nil) {
        func t(_ key: String) -> String { catalog.text(key, language) }
        let kinds = Review.Milestone.Kind.allCases.map { PageChoice(value: $0.rawValue, label: t("calendar.kinds.\($0.rawValue)"), selected: false) }
        func milestone(_ milestone: Review.Milestone) -> Milestone {
            Milestone(key: milestone.key, title: milestone.title, kind: t("calendar.kinds.\(milestone.kind.rawValue)"), start: milestone.start,
                      end: milestone.end ?? "", when: LocaleFormat.range(milestone.start, milestone.end, language),
                      place: milestone.place ?? "", confirmed: milestone.confirmed, source: milestone.source ?? "", version: milestone.version,
                      kinds: kinds.map { PageChoice(value: $0.value, label: $0.label, selected: $0.value == milestone.kind.rawValue) },
                      changeHref: SiteURL.milestone(milestone.key).path)
        }
        self.staff = staff
        self.kinds = kinds
        feedHref = SiteURL.calendarFeed.path
        feeds = calendar.actors.map { PageLink(href: SiteURL.actorFeed($0.code).path, label: $0.name) }
        listHref = SiteURL.calendar.path
        self.error = error
        if let month {
            // A month's grid: weeks from Monday, each day with what falls on it.
            let (previous, next) = Self.neighbours(of: month)
            let weeks = Self.weeks(of: month).map { week in
                week.map { day -> Day in
                    guard let day else { return Day(inMonth: false, day: "", date: "", today: false, items: []) }
                    let events = calendar.milestones.filter { ($0.firstDay ?? "") <= day && day <= ($0.end ?? $0.firstDay ?? "") }.map(\.title)
                    let due = calendar.deadlines.filter { $0.dueDay == day }.map { t("calendar.due") + t("punctuation.colon") + $0.mandate.action }
                    return Day(inMonth: true, day: String(day.suffix(2)), date: day, today: day == today, items: events + due)
                }
            }
            self.month = Month(name: LocaleFormat.date(month, language), weekdays: t("calendar.weekdays").split(separator: " ").map(String.init),
                               previousHref: SiteURL.calendar.path(query: ["month": previous]), nextHref: SiteURL.calendar.path(query: ["month": next]),
                               weeks: weeks, undated: calendar.milestones.filter { $0.firstDay == nil && $0.overlaps(month: month) }.map(milestone))
        } else {
            // One year at a time (today's unless asked), paged by year; or every year when asked.
            let thisYear = Int(today.prefix(4)) ?? 2026
            let shown = allYears ? nil : year ?? thisYear
            func inYear(_ start: String, _ end: String?) -> Bool {
                guard let shown else { return true }
                let first = Int(start.prefix(4)) ?? 0, last = Int((end ?? start).prefix(4)) ?? first
                return first <= shown && shown <= last
            }
            let milestones = calendar.milestones.filter { inYear($0.start, $0.end) }
            let years = Dictionary(grouping: milestones) { String($0.start.prefix(4)) }
            let deadlines = calendar.deadlines.filter { view in view.dueDay.map { inYear($0, nil) } ?? (shown == nil) }
            list = List(thisMonthHref: SiteURL.calendar.path(query: ["month": String(today.prefix(7))]),
                        years: years.keys.sorted().map { Year(year: $0, milestones: years[$0]!.map(milestone)) },
                        deadlines: deadlines.map { view in
                            Deadline(day: view.dueDay.map { LocaleFormat.date($0, language) } ?? "", action: view.mandate.action, href: SiteURL.mandate(view.mandate.id).path,
                                     tentative: view.milestone.map { !$0.confirmed } ?? false)
                        },
                        addHref: SiteURL.calendar.path,
                        year: shown.map(String.init),
                        previousHref: SiteURL.calendar.path(query: ["year": String((shown ?? thisYear) - 1)]),
                        nextHref: SiteURL.calendar.path(query: ["year": String((shown ?? thisYear) + 1)]),
                        allHref: SiteURL.calendar.path(query: ["year": "all"]),
                        currentHref: SiteURL.calendar.path,
                        previousLabel: String((shown ?? thisYear) - 1), nextLabel: String((shown ?? thisYear) + 1),
                        emptyYear: milestones.isEmpty && deadlines.isEmpty
                            ? catalog.text("calendar.year_empty", language, ["year": shown.map(String.init) ?? ""]) : nil)
        }
    }

    /// The calendar's list at the year of a date (`2027-06-08` → `/calendar?year=2027`), at a milestone's row.
    static func href(milestone key: String, start: String) -> String {
        SiteURL.calendar.path(query: ["year": String(start.prefix(4))]) + "#milestone-" + key
    }

    /// The month before and after `yyyy-MM`.
    static func neighbours(of month: String) -> (String, String) {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        let previous = parts[1] == 1 ? (parts[0] - 1, 12) : (parts[0], parts[1] - 1)
        let next = parts[1] == 12 ? (parts[0] + 1, 1) : (parts[0], parts[1] + 1)
        return (String(format: "%04d-%02d", previous.0, previous.1), String(format: "%04d-%02d", next.0, next.1))
    }

    /// The month's days in weeks from Monday; nil for the days of other months.
    static func weeks(of month: String) -> [[String?]] {
        let calendar = Timestamp.calendar
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard let first = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: 1)),
              let days = calendar.range(of: .day, in: .month, for: first)?.count else { return [] }
        let offset = (calendar.component(.weekday, from: first) + 5) % 7  // Monday = 0
        var cells: [String?] = Array(repeating: nil, count: offset) + (1...days).map { String(format: "%@-%02d", month, $0) }
        while cells.count % 7 != 0 { cells.append(nil) }
        return stride(from: 0, to: cells.count, by: 7).map { Array(cells[$0..<($0 + 7)]) }
    }
}
