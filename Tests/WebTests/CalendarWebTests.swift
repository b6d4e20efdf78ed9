import Foundation
import Hummingbird
import HummingbirdTesting
import Review
import TestSupport
import Testing
import Web

@Suite("Calendar pages and feeds")
struct CalendarWebTests {
    @Test("the list and month views, the feeds of the whole calendar and of one actor, and the secretariat's forms",
          arguments: TestDatabase.available)
    func calendar(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            // The list opens on today's year, paged by year; every year on request.
            let current = try await web.get("/calendar")
            #expect(current.status == .ok)
            let thisYear = String(Timestamp.day(web.platform.services.clock.now()).prefix(4))
            #expect(current.text.contains("<strong>\(thisYear)</strong>"))
            #expect(current.text.contains("href=\"/calendar?year=\(Int(thisYear)! - 1)\"") && current.text.contains("href=\"/calendar?year=all\""))
            #expect(!current.text.contains("WSIS+20 Forum High-Level Event") || thisYear == "2024")
            #expect(try await web.get("/calendar?year=1990").text.contains("Nothing in the calendar for 1990: no milestone and no deadline."))
            #expect(try await web.get("/calendar?year=nonsense").status == .ok, "an unreadable year is today's")
            let list = try await web.get("/calendar?year=all")
            #expect(list.status == .ok)
            #expect(list.text.contains("WSIS+20 Forum High-Level Event") && list.text.contains("May 27, 2024 – May 31, 2024"))
            #expect(list.text.contains("<tr id=\"milestone-sdg-summit-2023\">") && list.text.contains("to be confirmed"))
            let month = try await web.get("/calendar?month=2024-05").text
            #expect(month.contains("<caption><h2>May 2024</h2></caption>") && month.contains("<th scope=\"col\">Mon</th>") && month.contains("<span class=\"day\">27</span><ul><li>WSIS+20 Forum"))
            #expect(month.contains("href=\"/calendar?month=2024-04\"") && month.contains("href=\"/calendar?month=2024-06\""))

            let (officer, password) = try await web.test.makeUser("officer@itu.int", roles: [.secretariat])
            let browser = try await web.signIn((officer, password))
            let imported = try await web.platform.resolutions.importDocument(Data(SampleText.tracked.utf8), by: Actor(user: officer))
            _ = try await web.platform.resolutions.confirm(id: imported.resolution.id, by: Actor(user: officer))
            _ = try await web.platform.mandates.acceptAll(resolutionID: imported.resolution.id, by: Actor(user: officer))

            let feed = try await web.get("/calendar.ics")
            #expect(feed.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(feed.text.contains("UID:milestone-wsis20-high-level-event-2024@wsis20-platform\r\n"))
            #expect(feed.text.contains("DTSTART;VALUE=DATE:20240527\r\nDTEND;VALUE=DATE:20240601\r\n"))
            #expect(feed.text.contains("SUMMARY:Due: publish the data by 20 June 2026"), "the mandates' deadlines are on it")
            #expect(try await web.get("/calendar.ics").text == feed.text, "stable between fetches")
            let actorFeed = try await web.get("/calendar/actors/secretary-general/feed.ics").text
            #expect(actorFeed.contains("Due: publish the data") && !actorFeed.contains("milestone-wsis20-high-level-event-2024"))
            #expect(try await web.get("/calendar/actors/nobody/feed.ics").status == .notFound)

            let added = try await web.post("/calendar", [("key", "council-2027"), ("kind", "council-session"), ("title", "ITU Council 2027"),
                                                         ("start", "2027-06-08"), ("end", "2027-06-18"), ("place", "Geneva")], as: browser)
            #expect(added.status == .seeOther && added.headers[.location] == "/calendar?year=2027#milestone-council-2027")
            let bad = try await web.post("/calendar", [("key", "x"), ("kind", "council-session"), ("title", "x"), ("start", "June")], as: browser)
            #expect(bad.status == .badRequest && bad.text.contains("Enter a day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY)."))
            let changed = try await web.post("/calendar/milestones/council-2026", [("version", "1"), ("kind", "council-session"),
                ("title", "ITU Council 2026"), ("start", "2026-06-10"), ("confirmed", "on")], as: browser)
            #expect(changed.status == .seeOther)
            let stale = try await web.post("/calendar/milestones/council-2026", [("version", "1"), ("kind", "council-session"),
                ("title", "ITU Council 2026"), ("start", "2026-06-11")], as: browser)
            #expect(stale.status == .conflict && stale.text.contains("Someone changed"))
            #expect(changed.headers[.location] == "/calendar?year=2026#milestone-council-2026")
            #expect(try await web.get("/calendar?year=2026").text.contains("<td>June 10, 2026</td>"))
            let year2024 = try await web.get("/calendar?year=2024").text
            #expect(year2024.contains("WSIS+20 Forum High-Level Event") && !year2024.contains("ITU Council 2026"))
            let anonymous = try await web.client.execute(uri: "/calendar", method: .post, headers: [:], body: nil)
            #expect(anonymous.status == .seeOther || anonymous.status == .forbidden || anonymous.status == .unauthorized)
        }
    }
}
