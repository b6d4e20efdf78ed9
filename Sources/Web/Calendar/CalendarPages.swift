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
        let milestones = try await services.calendar.milestones()
        let mandates = try await services.mandates.list(MandateFilter(proposal: .accepted), viewer: context.viewerActor).filter { $0.dueDay != nil }
        let today = Timestamp.day(services.clock.now())
        let month = request.uri.queryParameters["month"].map(String.init).flatMap { Due.lastDay(of: $0) != nil && $0.count == 7 ? $0 : nil }
        let staff = context.isStaff
        let actors = try await services.mandates.actors()
        func milestoneModel(_ milestone: Milestone) -> [String: Any] {
            [
                "key": milestone.key, "title": milestone.title, "kind": t("calendar.kinds.\(milestone.kind.rawValue)", context),
                "kind_value": milestone.kind.rawValue, "start": milestone.start, "end": milestone.end ?? "",
                "when": milestone.end.map { "\(milestone.start) – \($0)" } ?? milestone.start, "place": milestone.place ?? "",
                "confirmed": milestone.confirmed, "source": milestone.source ?? "", "version": milestone.version, "staff": staff,
                "kinds": Milestone.Kind.allCases.map { ["value": $0.rawValue, "label": t("calendar.kinds.\($0.rawValue)", context), "selected": $0 == milestone.kind] },
            ]
        }
        var content: [String: Any] = [
            "staff": staff,
            "kinds": Milestone.Kind.allCases.map { ["value": $0.rawValue, "label": t("calendar.kinds.\($0.rawValue)", context), "selected": false] },
            "actors": actors.enumerated().map { index, actor in
                ["code": actor.code, "name": actor.name, "last": index == actors.count - 1] as [String: Any]
            },
        ]
        if let error { content["error"] = error }
        if let month {
            // A month's grid: weeks from Monday, each day with what falls on it.
            content["month"] = month
            content["month_view"] = true
            content["weekdays"] = t("calendar.weekdays", context).split(separator: " ").map(String.init)
            let (previous, next) = Self.neighbours(of: month)
            content["previous"] = previous
            content["next"] = next
            content["weeks"] = Self.weeks(of: month).map { week in
                week.map { day -> [String: Any] in
                    guard let day else { return ["empty": true] }
                    let events = milestones.filter { ($0.firstDay ?? "") <= day && day <= ($0.end ?? $0.firstDay ?? "") }.map(\.title)
                    let due = mandates.filter { $0.dueDay == day }.map { t("calendar.due", context) + ": " + $0.mandate.action }
                    return ["day": String(day.suffix(2)), "date": day, "today": day == today, "items": events + due, "has_items": !(events + due).isEmpty]
                }
            }
            content["undated"] = milestones.filter { $0.firstDay == nil && $0.overlaps(month: month) }.map(milestoneModel)
        } else {
            let years = Dictionary(grouping: milestones) { String($0.start.prefix(4)) }
            content["years"] = years.keys.sorted().map { year in ["year": year, "milestones": years[year]!.map(milestoneModel)] as [String: Any] }
            content["this_month"] = String(today.prefix(7))
            content["deadlines"] = mandates.sorted { ($0.dueDay!, $0.mandate.id) < ($1.dueDay!, $1.mandate.id) }.map { view in
                ["day": view.dueDay!, "action": view.mandate.action, "id": view.mandate.id,
                 "tentative": view.milestone.map { !$0.confirmed } ?? false] as [String: Any]
            }
        }
        return renderer.page("calendar", title: t("calendar.title", context), content: content, request: request, context: context, status: status)
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

    private func milestoneInput(_ context: some SiteContext, expectedVersion: Int? = nil) -> MilestoneInput {
        let form = context.form
        return MilestoneInput(key: form["key"], kind: form["kind"], title: form["title"], start: form["start"], end: form["end"],
                              place: form["place"], confirmed: form["confirmed"] == "on", source: form["source"], expectedVersion: expectedVersion)
    }

    @Sendable func add(_ request: Request, context: SignedInContext) async throws -> Response {
        do {
            let milestone = try await services.calendar.add(milestoneInput(context), by: context.actor)
            return .redirect(to: SiteURL.calendar.path(anchor: "milestone-\(milestone.key)"), type: .normal)
        } catch let error as DomainError {
            guard let (message, status) = renderer.refusal(error, context.language) else { throw error }
            return try await render(request: request, context: context, error: message, status: status)
        }
    }

    @Sendable func change(_ request: Request, context: SignedInContext) async throws -> Response {
        let key = try context.parameters.require("key")
        do {
            _ = try await services.calendar.change(key: key, milestoneInput(context, expectedVersion: Int(context.form["version"] ?? "")), by: context.actor)
            return .redirect(to: SiteURL.calendar.path(anchor: "milestone-\(key)"), type: .normal)
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
