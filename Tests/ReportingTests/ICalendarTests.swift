import Foundation
import Reporting
import Review
import TestSupport
import Testing

@Suite("iCalendar feed")
struct ICalendarTests {
    let stamp = TestPlatform.epoch

    func milestone(_ key: String, start: String, end: String? = nil, confirmed: Bool = true, title: String = "A meeting") -> Milestone {
        Milestone(key: key, kind: .councilSession, title: title, start: start, end: end, place: "Geneva", confirmed: confirmed, updatedAt: stamp)
    }

    @Test("all-day events with the day after the last as DTEND, stable UIDs and stamps; a month-only date one tentative day with the month in its title; a year alone left out")
    func events() {
        let events = ICalendar.events(milestones: [
            milestone("council-2026", start: "2026-06-09", end: "2026-06-19"), milestone("cstd-2026", start: "2026-04"),
            milestone("pp-2026", start: "2026"), milestone("summit-2023", start: "2023-09-18", confirmed: false),
        ])
        #expect(events.map(\.uid) == ["milestone-council-2026@wsis20-platform", "milestone-cstd-2026@wsis20-platform",
                                      "milestone-summit-2023@wsis20-platform"])
        #expect(events[0].firstDay == "2026-06-09" && events[0].dayAfter == "2026-06-20" && events[0].confirmed)
        // Known to the month only: one all-day event on its first day, not a month-long one filling every day.
        #expect(events[1].firstDay == "2026-04-01" && events[1].dayAfter == "2026-04-02" && !events[1].confirmed)
        #expect(events[1].summary == "A meeting (April 2026, day to be confirmed)" && events[2].summary.hasSuffix("(date to be confirmed)"))
        let feed = ICalendar.feed(name: "WSIS+20", events: events)
        #expect(feed == ICalendar.feed(name: "WSIS+20", events: events.reversed()), "the same calendar gives the same feed")
        #expect(feed.contains("DTSTART;VALUE=DATE:20260609\r\nDTEND;VALUE=DATE:20260620\r\n"))
        #expect(feed.contains("DTSTAMP:20260528T202640Z\r\n"))
        #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") && feed.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!feed.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends with CRLF")
    }

    @Test("text is escaped and long lines are folded at 75 octets, never inside a character")
    func folding() {
        let title = "Réunion; la session, du Conseil \\ avec une très longue description qui dépasse largement soixante-quinze octets"
        let feed = ICalendar.feed(name: "x", events: ICalendar.events(milestones: [milestone("long", start: "2026-01-05", title: title)]))
        for line in feed.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
        let unfolded = feed.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Réunion\\; la session\\, du Conseil \\\\ avec une très longue description"))
    }

    @Test("a mandate's deadline: on its due day, tentative when its milestone is, not when it is finished or only proposed")
    func mandates() {
        var mandate = Mandate(id: "m1", resolutionID: "r1", workID: "itu/doc/C23/85", paragraphID: "op_3__para_5", blockID: "op_3", position: 1,
                              actors: ["cwg-wsis-sdg"], action: "report to the 2026 session of the Council", due: .event("council-2026", text: "t"),
                              actionLines: [], sdgs: [], suggestedSDGs: [], proposal: .accepted, createdAt: stamp, updatedAt: stamp, lastActivityAt: stamp)
        let dated = MandateView(mandate: mandate, signals: [], dueDay: "2026-06-09", milestone: milestone("council-2026", start: "2026-06-09", confirmed: false))
        let events = ICalendar.events(mandates: [dated], symbols: ["r1": "C23/85-E"], baseURL: "https://wsis.example.org")
        #expect(events.count == 1 && events[0].uid == "mandate-m1@wsis20-platform" && !events[0].confirmed)
        #expect(events[0].summary == "Due: report to the 2026 session of the Council" && events[0].url == "https://wsis.example.org/mandates/m1")
        #expect(events[0].description?.hasPrefix("C23/85-E, op_3__para_5.") == true)
        mandate.status = .completed
        #expect(ICalendar.events(mandates: [MandateView(mandate: mandate, signals: [], dueDay: "2026-06-09")], symbols: [:], baseURL: nil).isEmpty)
        #expect(ICalendar.events(mandates: [MandateView(mandate: mandate, signals: [], dueDay: nil)], symbols: [:], baseURL: nil).isEmpty)
    }
}
