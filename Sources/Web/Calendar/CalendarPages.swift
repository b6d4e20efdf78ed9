import Foundation
import Hummingbird
import Reporting
import Review

/// The calendar: a list by year or a month's grid, with the mandates' deadlines; iCalendar feeds
/// of the whole calendar and of each actor's deadlines; the secretariat adds and changes milestones.
struct CalendarPages: PageGroup {
    let services: Services
    let renderer: Renderer
    let settings: WebSettings

    func register(on router: Router<WebContext>) {
        let signedIn = router.group(context: SignedInContext.self)
        router.get(SiteURL.calendar.route, use: page)
        signedIn.post(SiteURL.calendar.route, use: add)
        signedIn.post(SiteURL.milestone(":key").route, use: change)
        router.get(SiteURL.calendarFeed.route, use: feed)
        router.get(SiteURL.actorFeed(":code").route, use: actorFeed)
    }

    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        try await render(request: request, context: context)
    }

    private func render(request: Request, context: some SiteContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let month = request.uri.queryParameters["month"].map(String.init).flatMap { PartialDate.lastDay(of: $0) != nil && $0.count == 7 ? $0 : nil }
        let yearText = request.uri.queryParameters["year"].map(String.init)
        let year = yearText.flatMap { Int($0) }.flatMap { (1900...2200).contains($0) ? $0 : nil }
        let page = CalendarPage(try await services.mandates.calendar(viewer: context.viewerActor), month: month, year: year,
                                allYears: yearText == "all", today: Timestamp.day(services.clock.now()), staff: context.isStaff,
                                language: context.language, catalog: renderer.catalog, error: error)
        return renderer.page("calendar", title: t("calendar.title", context), content: page, request: request, context: context, status: status)
    }

    private func milestoneInput(_ context: some SiteContext, expectedVersion: Int? = nil) -> MilestoneInput {
        let form = context.form
        return MilestoneInput(key: form["key"], kind: form["kind"], title: form["title"], start: form["start"], end: form["end"],
                              place: form["place"], confirmed: form["confirmed"] == "on", source: form["source"], expectedVersion: expectedVersion)
    }

    @Sendable func add(_ request: Request, context: SignedInContext) async throws -> Response {
        do {
            let milestone = try await services.calendar.add(milestoneInput(context), by: context.actor)
            NoticeExchange.post(.milestoneAdded)
            return .redirect(to: CalendarPage.href(milestone: milestone.key, start: milestone.start), type: .normal)
        } catch let error as DomainError {
            guard let (message, status) = renderer.refusal(error, context.language) else { throw error }
            return try await render(request: request, context: context, error: message, status: status)
        }
    }

    @Sendable func change(_ request: Request, context: SignedInContext) async throws -> Response {
        let key = try context.parameters.require("key")
        do {
            let changed = try await services.calendar.change(key: key, milestoneInput(context, expectedVersion: Int(context.form["version"] ?? "")),
                                                             by: context.actor)
            NoticeExchange.post(.milestoneChanged)
            return .redirect(to: CalendarPage.href(milestone: key, start: changed.start), type: .normal)
        } catch let error as DomainError {
            guard let (message, status) = renderer.refusal(error, context.language) else { throw error }
            return try await render(request: request, context: context, error: message, status: status)
        }
    }

    @Sendable func feed(_ request: Request, context: WebContext) async throws -> Response {
        try await calendarResponse(actor: nil)
    }

    /// One actor's deadlines, with the milestones they are tied to.
    @Sendable func actorFeed(_ request: Request, context: WebContext) async throws -> Response {
        try await calendarResponse(actor: try context.parameters.require("code"))
    }

    private func calendarResponse(actor: String?) async throws -> Response {
        let feed = try await ICalendar.feed(actor: actor, mandates: services.mandates, calendar: services.calendar, resolutions: services.resolutions,
                                            baseURL: settings.publicURL)
        return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: feed)))
    }
}
