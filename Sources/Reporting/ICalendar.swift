import Foundation
import Review

/// The calendar as an iCalendar feed (RFC 5545): milestones and mandates' deadlines as all-day
/// events with stable UIDs, so that a calendar application that subscribes updates them in place.
public enum ICalendar {
    public struct Event: Sendable, Equatable {
        public var uid: String
        /// When this version of the event was made (the milestone's last change): stable between fetches.
        public var stamp: Date
        /// `yyyy-MM-dd`.
        public var firstDay: String
        /// The day after the last, as RFC 5545 wants for all-day events.
        public var dayAfter: String
        public var summary: String
        public var location: String?
        public var description: String?
        public var confirmed: Bool
        public var category: String
        public var url: String?
    }

    /// Milestones whose day or month is known (a year alone is not put in a calendar), marked
    /// tentative when unconfirmed or when only the month is known.
    public static func events(milestones: [Milestone]) -> [Event] {
        milestones.compactMap { milestone in
            let first: String, after: String, exact: Bool
            if let day = milestone.firstDay {
                guard let next = Self.day(after: milestone.end ?? day) else { return nil }
                (first, after, exact) = (day, next, true)
            } else if milestone.start.count == 7, PartialDate.lastDay(of: milestone.start) != nil, let next = Self.day(after: milestone.start + "-01") {
                // Known to the month only: one all-day event on its first day, the month in its title, rather
                // than a month-long event that would fill every day of a subscriber's calendar.
                (first, after, exact) = (milestone.start + "-01", next, false)
            } else {
                return nil
            }
            let tentative = !milestone.confirmed || !exact
            let when = exact ? "date to be confirmed" : "\(Self.monthName(milestone.start)), day to be confirmed"
            return Event(uid: "milestone-\(milestone.key)@wsis20-platform", stamp: milestone.updatedAt, firstDay: first, dayAfter: after,
                         summary: milestone.title + (tentative ? " (\(when))" : ""), location: milestone.place,
                         description: milestone.source.map { "Source: \($0)" }, confirmed: !tentative, category: milestone.kind.rawValue)
        }
    }

    /// `2014-06` as "June 2014".
    static func monthName(_ month: String) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        guard month.count == 7, let number = Int(month.suffix(2)), (1...12).contains(number) else { return month }
        return "\(names[number - 1]) \(month.prefix(4))"
    }

    /// Accepted, open mandates whose due day is known: "Due: …", on that day.
    public static func events(mandates: [MandateView], symbols: [String: String], baseURL: String?) -> [Event] {
        mandates.compactMap { view in
            let mandate = view.mandate
            guard mandate.proposal == .accepted, mandate.status.isOpen, let day = view.dueDay, let after = Self.day(after: day) else { return nil }
            let confirmed = view.milestone.map(\.confirmed) ?? true
            let source = "\(symbols[mandate.resolutionID] ?? mandate.workID), \(mandate.paragraphID)"
            return Event(uid: "mandate-\(mandate.id)@wsis20-platform", stamp: mandate.updatedAt, firstDay: day, dayAfter: after,
                         summary: "Due: " + mandate.action, location: nil,
                         description: "\(source). Who must act: \(mandate.actors.joined(separator: ", ")). Status: \(mandate.status.rawValue), \(mandate.progress)%.",
                         confirmed: confirmed, category: "mandate", url: baseURL.map { "\($0)/mandates/\(mandate.id)" })
        }
    }

    /// The whole calendar (milestones and every dated deadline), or one actor's deadlines with the
    /// milestones they are tied to, as a feed. An unknown actor is not found.
    public static func feed(actor code: String?, mandates: MandateService, calendar: CalendarService, resolutions: ResolutionService,
                            baseURL: String?) async throws -> String {
        var milestones = try await calendar.milestones()
        let views = try await mandates.list(MandateFilter(actor: code, proposal: .accepted), viewer: nil)
        var name = "WSIS+20"
        if let code {
            guard let actor = try await mandates.actors().first(where: { $0.code == code }) else {
                throw DomainError.notFound(kind: "actor", id: code)
            }
            let keys = Set(views.compactMap { $0.milestone?.key })
            milestones = milestones.filter { keys.contains($0.key) }
            name += " — " + actor.name
        }
        let symbols = Dictionary(try await resolutions.list(viewer: nil).map { ($0.id, $0.symbol ?? $0.workID) }, uniquingKeysWith: { first, _ in first })
        return feed(name: name, events: events(milestones: milestones) + events(mandates: views, symbols: symbols, baseURL: baseURL))
    }

    /// The feed: CRLF line ends, long lines folded at 75 octets, text escaped.
    public static func feed(name: String, events: [Event]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//WSIS+20 review platform//Calendar//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name)]
        for event in events.sorted(by: { ($0.firstDay, $0.uid) < ($1.firstDay, $1.uid) }) {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + event.uid)
            lines.append("DTSTAMP:" + stamp(event.stamp))
            lines.append("DTSTART;VALUE=DATE:" + event.firstDay.replacingOccurrences(of: "-", with: ""))
            lines.append("DTEND;VALUE=DATE:" + event.dayAfter.replacingOccurrences(of: "-", with: ""))
            lines.append("SUMMARY:" + escape(event.summary))
            if let location = event.location { lines.append("LOCATION:" + escape(location)) }
            if let description = event.description { lines.append("DESCRIPTION:" + escape(description)) }
            if let url = event.url { lines.append("URL:" + url) }
            lines.append("CATEGORIES:" + escape(event.category))
            lines.append("STATUS:" + (event.confirmed ? "CONFIRMED" : "TENTATIVE"))
            lines.append("TRANSP:TRANSPARENT")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// Lines longer than 75 octets are folded: a CRLF and a space, never inside a character (§3.1).
    static func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.append(character)
            octets += size
        }
        return result
    }

    static func stamp(_ date: Date) -> String {
        let text = Timestamp.string(date)  // 2026-05-28T20:26:40.000Z
        return String(text.prefix(19)).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") + "Z"
    }

    /// The day after `yyyy-MM-dd`.
    static func day(after day: String) -> String? {
        let calendar = Timestamp.calendar
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              let next = calendar.date(byAdding: .day, value: 1, to: date) else { return nil }
        let components = calendar.dateComponents([.year, .month, .day], from: next)
        return String(format: "%04d-%02d-%02d", components.year!, components.month!, components.day!)
    }
}
