import Foundation
import Resolutions
import Review
import TestSupport
import Testing
@testable import Web

/// Page models, checked as models: what a page says and links to, without reading HTML.
@Suite("Page models")
struct PageModelTests {
    static let catalog = Result { try Catalog.bundled() }

    @Test("a goal's page: its badge and targets, the Action Lines the Matrix links to it; no page for a goal that does not exist")
    func goal() async throws {
        try await WebTest.with(.sqlite) { web in
            let catalog = try Self.catalog.get()
            let framework = try await web.platform.reference.framework()
            let page = try #require(GoalPage(number: 9, framework, language: .english))
            #expect(page.badge.href == "/sdgs/9" && page.badge.colorClass == "sdg-9" && page.backHref == "/sdgs")
            #expect(page.targets.first?.term == "9.1" && page.targets.allSatisfy { $0.term.hasPrefix("9.") })
            #expect(!page.actionLines.isEmpty && page.actionLines.allSatisfy { !$0.title.isEmpty })
            #expect(GoalPage(number: 18, framework, language: .english) == nil)
            let goals = GoalsPage(framework, language: .english, catalog: catalog)
            #expect(goals.goals.count == 17 && goals.goals[8].targets == "\(page.targets.count) targets")
            // The home page: for everyone, progress, milestones and the registry; for the secretariat, what waits.
            let (resolution, officer) = try await web.test.confirmedSample()
            let waiting = try await web.platform.services.dashboard(for: officer, language: "en")
            let home = HomePage(waiting, framework: framework, actorNames: [:], viewer: officer, language: .english, catalog: catalog)
            #expect(home.facts.map(\.href) == ["/sdgs", "/action-lines", "/matrix"])
            #expect(home.proposals.map(\.label) == ["C31/9-E — proposals: 3"] && home.proposals.first?.href == "/resolutions/\(resolution.id)/mandates")
            #expect(home.progress.isEmpty, "nothing accepted yet: nothing tracked")
            #expect(!home.milestones.isEmpty && home.milestones.count <= 5, "the calendar's seed holds milestones ahead")
            _ = try await web.platform.mandates.acceptAll(resolutionID: resolution.id, by: officer)
            let public_ = HomePage(try await web.platform.services.dashboard(for: nil, language: "en"), framework: framework, actorNames: [:],
                                   viewer: nil, language: .english, catalog: catalog)
            #expect(public_.progress.map(\.symbol) == ["C31/9-E"] && public_.progress[0].summary.hasPrefix("Mandates: 3 · completed: 0"))
            #expect(public_.proposals.isEmpty && !public_.signedIn)
            #expect(public_.registry == "Published activities: 0 · countries and areas: 0")
        }
    }

    @Test("a month of the calendar: weeks from Monday, the days of other months blank, today marked, links to the months around it")
    func calendarMonth() async throws {
        try await WebTest.with(.sqlite) { web in
            let calendar = try await web.platform.mandates.calendar(viewer: nil)
            let page = CalendarPage(calendar, month: "2026-05", today: "2026-05-14", staff: false, language: .english, catalog: try Self.catalog.get())
            let month = try #require(page.month)
            #expect(page.list == nil && month.name == "May 2026" && month.weekdays.first == "Mon")
            #expect(month.weeks.count == 5 && month.weeks.allSatisfy { $0.count == 7 })
            // 1 May 2026 is a Friday: four blank days before it.
            #expect(month.weeks[0].prefix(4).allSatisfy { !$0.inMonth } && month.weeks[0][4].date == "2026-05-01")
            #expect(month.weeks.joined().filter(\.today).map(\.date) == ["2026-05-14"])
            #expect(month.previousHref == "/calendar?month=2026-04" && month.nextHref == "/calendar?month=2026-06")
            let list = CalendarPage(calendar, month: nil, today: "2026-05-14", staff: true, language: .english, catalog: try Self.catalog.get())
            let years = try #require(list.list).years
            #expect(!years.isEmpty && years.map(\.year) == years.map(\.year).sorted())
            #expect(list.feeds.count == calendar.actors.count && list.feeds.allSatisfy { $0.href.hasSuffix("/feed.ics") })
            #expect(years.flatMap(\.milestones).allSatisfy { $0.changeHref.hasPrefix("/calendar/milestones/") })
        }
    }

    @Test("a resolution's page: the secretariat may correct a draft's own paragraphs; once confirmed nobody may, and the public reads it")
    func resolution() async throws {
        try await WebTest.with(.sqlite) { web in
            let catalog = try Self.catalog.get()
            let officer = try await web.test.makeActor("officer@itu.int", .secretariat)
            let draft = try await web.platform.resolutions.importDocument(Data(SampleText.tracked.utf8), by: officer).resolution
            let forStaff = ResolutionPage(try await web.platform.resolutions.dossier(id: draft.id, viewer: officer), staff: true,
                                          language: .english, catalog: catalog)
            let operative = forStaff.parts.flatMap(\.blocks).filter(\.operative)
            #expect(forStaff.draft && !operative.isEmpty && operative.allSatisfy(\.correcting))
            #expect(operative.flatMap(\.paragraphs).allSatisfy { $0.correcting })
            #expect(forStaff.moveChoices.count == forStaff.parts.flatMap(\.blocks).count)
            #expect(forStaff.correctionsHref == "/resolutions/\(draft.id)/corrections" && forStaff.confirmHref == "/resolutions/\(draft.id)/confirm")
            #expect(forStaff.facts.last == PageTerm(term: "Version", text: "1"))
            #expect(forStaff.sourceHTML.contains("<mark class=\"hl-phrase\""))

            _ = try await web.platform.resolutions.confirm(id: draft.id, by: officer)
            let forPublic = ResolutionPage(try await web.platform.resolutions.dossier(id: draft.id, viewer: nil), staff: false,
                                           language: .english, catalog: catalog)
            #expect(!forPublic.draft && forPublic.parts.flatMap(\.blocks).allSatisfy { !$0.correcting })
            #expect(forPublic.boardHref == "/resolutions/\(draft.id)/mandates" && forPublic.citedBy.isEmpty)
        }
    }

    @Test("the audit trail's page: the chain's state in words, the records, and a date the reader got wrong kept with its message")
    func audit() async throws {
        try await WebTest.with(.sqlite) { web in
            let catalog = try Self.catalog.get()
            let (verification, records) = try await web.platform.audit.page(AuditFilter())
            let page = AuditPage(verification: verification, records: records, values: [:], errors: [:], language: .english, catalog: catalog)
            #expect(page.intact && page.chain.hasPrefix("The chain of \(records.count) record") && page.chain.hasSuffix(" is intact."), "\(page.chain)")
            #expect(page.records.first?.action == "reference-data.load" || page.records.contains { $0.action == "reference-data.load" })
            let (_, none) = try await web.platform.audit.page(nil)
            #expect(none.isEmpty, "a filter the reader got wrong shows no records")
        }
    }
}

@Suite("Rendering")
struct RenderingTests {
    @Test("the layout and the shared parts, given to the templates without reflection, are exactly what reflection would give")
    func plainFields() {
        let nav = [PageLink(href: "/", label: "Home", current: true), PageLink(href: "/sdgs", label: "SDGs")]
        for user in [Layout.SignedIn(name: "Amina", staff: true, administrator: false), nil] {
            let layout = Layout(lang: "ar", dir: "rtl", title: "Title", csrf: "token", nav: nav, user: user,
                                languages: [.init(code: "fr", name: "Français", href: "/fr/sdgs", alternate: "/fr/sdgs", current: true)], englishHref: "/sdgs")
            #expect(Renderer.mirrored(layout) as? NSDictionary == layout.plainFields as NSDictionary)
        }
        let parts: [any PlainFields] = [nav[0], PageChoice(value: "v", label: "L", selected: true), PageChoice(value: "v", label: "L", selected: false, help: "H"),
                                        PageTerm(term: "9.1", text: "Infrastructure"), PageBadge(code: "overdue", label: "Overdue")]
        for part in parts {
            #expect(Renderer.mirrored(part) as? NSDictionary == part.plainFields as NSDictionary, "\(part)")
        }
    }
}
