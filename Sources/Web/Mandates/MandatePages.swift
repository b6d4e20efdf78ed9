import Foundation
import Hummingbird
import Resolutions
import Review

/// Mandates: every mandate with filters, each resolution's board grouped as its operative part
/// is, and each mandate's page with its paragraph, its history and the forms to report on it.
struct MandatePages: PageGroup {
    let services: Services
    let renderer: Renderer

    func register(on router: Router<WebContext>) {
        let signedIn = router.group(context: SignedInContext.self)
        router.get(SiteURL.mandates.route, use: list)
        router.get(SiteURL.mandate(":id").route, use: show)
        signedIn.post(SiteURL.mandateUpdates(":id").route, use: report)
        signedIn.post(SiteURL.mandateDecision(":id").route, use: decide)
        router.get(SiteURL.mandatesCSV.route, use: exportMandates)
        router.get(SiteURL.mandatesJSON.route, use: exportJSON)
        router.get(SiteURL.mandateUpdatesCSV.route, use: exportUpdates)
        signedIn.get(SiteURL.mandateImport.route, use: importForm)
        signedIn.post(SiteURL.mandateImport.route, use: importUpdates)
        router.get(SiteURL.mandateActors.route, use: actorsPage)
        signedIn.post(SiteURL.mandateActors.route, use: addActor)
        router.get(SiteURL.evidence(":id").route, use: evidence)
        router.get(SiteURL.board(":id").route, use: board)
        signedIn.post(SiteURL.boardAcceptAll(":id").route, use: acceptAll)
    }

    /// The filters a list or board takes from its query: status, signal, actor, owner, due window,
    /// Action Line, SDG, and "mine" for a focal point.
    private func filters(_ request: Request) -> (filter: MandateFilter, signal: Signal?, dueWithin: String?, mine: Bool) {
        let query = request.queryForm
        var filter = MandateFilter()
        filter.status = query["status"].flatMap { Mandate.Status(rawValue: $0) }
        filter.actor = query["actor"].flatMap { $0.isEmpty ? nil : $0 }
        let text = { (name: String) in query[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        filter.actionLine = text("action_line")
        filter.sdg = text("sdg")
        filter.owner = text("owner")
        // "Due within N days" is a day from the clock.
        if let days = text("due_within").flatMap(Int.init), (0...3660).contains(days) {
            filter.dueBefore = Timestamp.day(services.clock.now().addingTimeInterval(Double(days) * 86_400))
        }
        return (filter, query["signal"].flatMap { Signal(rawValue: $0) }, text("due_within"), query["mine"] == "1")
    }

    /// The paragraph's number path as the resolution writes it: `op_3__para_4__subpara_iv` → "4 iv".
    static func paragraphLabel(_ id: String) -> String {
        id.components(separatedBy: "__").dropFirst().map { part in
            part.replacingOccurrences(of: "subpara_", with: "").replacingOccurrences(of: "para_", with: "")
        }.joined(separator: " ")
    }

    /// A deadline in words: its text, and the day it falls on when known.
    static func due(_ due: Due, day: String?, language: Language, catalog: Catalog) -> String {
        let day = day.map { LocaleFormat.date($0, language) }
        return switch due {
        case .none: catalog.text("mandate.due.none", language)
        case .date(let value, let text): catalog.text("mandate.due.date", language, ["text": text, "day": day ?? LocaleFormat.date(value, language)])
        case .event(_, let text): day.map { catalog.text("mandate.due.event_dated", language, ["text": text, "day": $0]) }
            ?? catalog.text("mandate.due.event", language, ["text": text])
        case .recurrence(_, let text): catalog.text("mandate.due.recurrence", language, ["text": text])
        }
    }

    @Sendable func list(_ request: Request, context: WebContext) async throws -> Response {
        var (filter, signal, dueWithin, mine) = filters(request)
        if mine { filter.mineFor = context.viewer?.organizationID }
        let (views, names) = try await services.mandates.listing(filter, signal: signal, viewer: context.viewerActor)
        let language = context.language, catalog = renderer.catalog
        let page = MandatesPage(
            filters: MandateFilterForm(filter, signal: signal, dueWithin: dueWithin, actorNames: names, language: language, catalog: catalog),
            mandates: views.map { MandateRow($0, actorNames: names, language: language, catalog: catalog, staff: context.isStaff) },
            focalPoint: context.viewer?.organizationID != nil, mineHref: SiteURL.mandates.path(query: ["mine": "1"]), staff: context.isStaff,
            none: t(filter == MandateFilter() && signal == nil ? "mandates.none_yet" : "mandates.none", context))
        return renderer.page("mandates", title: t("mandates.title", context), content: page, request: request, context: context)
    }

    @Sendable func board(_ request: Request, context: WebContext) async throws -> Response {
        let (filter, signal, dueWithin, _) = filters(request)
        let board = try await services.mandates.board(resolutionID: try context.parameters.require("id"), filter: filter, signal: signal,
                                                       viewer: context.viewerActor)
        let language = context.language, catalog = renderer.catalog
        let page = MandateBoardPage(board, filters: MandateFilterForm(filter, signal: signal, dueWithin: dueWithin, actorNames: board.actorNames,
                                                                      language: language, catalog: catalog),
                                    language: language, catalog: catalog, staff: context.isStaff)
        return renderer.page("mandate-board", title: t("mandates.board_title", context, ["symbol": page.symbol]),
                             content: page, request: request, context: context)
    }

    @Sendable func show(_ request: Request, context: WebContext) async throws -> Response {
        try await render(id: try context.parameters.require("id"), request: request, context: context)
    }

    private func render(id: String, request: Request, context: some SiteContext, error: String? = nil,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let dossier = try await services.mandates.dossier(id: id, viewer: context.viewerActor)
        // The paragraph in the reader's language, when the work has a version in it.
        let counterpart = try await services.resolutions.counterpart(of: dossier.mandate.paragraphID, in: dossier.resolution.id,
                                                                     language: context.language, viewer: context.viewerActor)
        let page = MandatePage(dossier, counterpart: counterpart, language: context.language, catalog: renderer.catalog, staff: context.isStaff,
                               error: error)
        return renderer.page("mandate", title: page.action, content: page, request: request, context: context, status: status)
    }

    /// A report from the mandate's page: a note, perhaps a new status, progress, evidence links (one per line).
    @Sendable func report(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = context.form
        let report = MandateReport(
            expectedVersion: Int(form["version"] ?? "") ?? -1, note: form["note"] ?? "",
            status: form["status"].flatMap(Mandate.Status.init(rawValue:)), reason: form["reason"],
            progress: form["progress"].flatMap { $0.isEmpty ? nil : Int($0) ?? -1 }, blocked: form["blocked"] == "on",
            evidence: (form["evidence"] ?? "").split(whereSeparator: \.isNewline).map(String.init),
            files: context.uploads["evidence_file"].flatMap { $0.data.isEmpty ? nil : [EvidenceFile(fileName: $0.fileName, data: $0.data)] } ?? [],
            period: form["period"].flatMap { $0.isEmpty ? nil : $0 }
        )
        do {
            _ = try await services.mandates.report(on: id, report, by: context.actor)
        } catch let error as DomainError {
            // The person sees the current state, with what they sent refused and why.
            guard let (message, status) = renderer.refusal(error, context.language) else { throw error }
            return try await render(id: id, request: request, context: context, error: message, status: status)
        }
        NoticeExchange.post(.mandateUpdated)
        return .redirect(to: SiteURL.mandate(id).path(anchor: "history"), type: .normal)
    }

    /// The secretariat's decisions: accept, drop, or edit the proposal.
    @Sendable func decide(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = context.form
        guard let kind = form["decision"].flatMap(MandateDecision.Kind.init(rawValue:)) else {
            throw HTTPError(.badRequest, message: t("mandate.unknown_decision", context))
        }
        do {
            var decision = MandateDecision(kind: kind, expectedVersion: Int(form["version"] ?? "") ?? -1, reason: form["reason"],
                                           parts: (form["parts"] ?? "").split(whereSeparator: \.isNewline).map(String.init), into: form["into"])
            if kind == .edit {
                decision.actors = (form["actors"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                decision.action = form["action"]
                decision.due = try Due(kind: form["due_kind"] ?? "none", value: (form["due_value"] ?? "").trimmingCharacters(in: .whitespaces),
                                       text: form["due_text"] ?? "")
                decision.owner = form["owner"]
                decision.weight = form["weight"].flatMap { Int($0) ?? -1 }
            }
            let mandate = try await services.mandates.decide(on: id, decision, by: context.actor)
            NoticeExchange.post(.mandateDecided)
            let back = form["back"] == "board" ? SiteURL.board(mandate.resolutionID).path(anchor: mandate.blockID) : SiteURL.mandate(id).path
            return .redirect(to: back, type: .normal)
        } catch let error as DomainError {
            guard let (message, status) = renderer.refusal(error, context.language) else { throw error }
            return try await render(id: id, request: request, context: context, error: message, status: status)
        }
    }

    @Sendable func acceptAll(_ request: Request, context: SignedInContext) async throws -> Response {
        let stored = try await services.resolutions.resolution(id: try context.parameters.require("id"), viewer: context.actor)
        let accepted = try await services.mandates.acceptAll(resolutionID: stored.id, by: context.actor)
        NoticeExchange.post(.mandatesAccepted, count: accepted)
        return .redirect(to: SiteURL.board(stored.id).path, type: .normal)
    }

    // MARK: Open data

    /// The filter of an export: a resolution, a status, an actor (as in the list).
    private func exportViews(_ request: Request, context: some SiteContext) async throws -> [MandateView] {
        let (filter, signal, _, _) = filters(request)
        var scoped = filter
        scoped.resolutionID = request.uri.queryParameters["resolution"].map(String.init)
        return try await services.mandates.list(scoped, signal: signal, viewer: context.viewerActor)
    }

    private func download(_ body: String, type: String, name: String, request: Request) -> Response {
        let bom = type.hasPrefix("text/csv") && SpreadsheetCSV.asked(request) ? SpreadsheetCSV.byteOrderMark : ""
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(string: bom + body)))
    }

    @Sendable func exportMandates(_ request: Request, context: WebContext) async throws -> Response {
        download(MandateExchange.mandatesCSV(try await exportViews(request, context: context)), type: "text/csv; charset=utf-8", name: "mandates.csv", request: request)
    }

    @Sendable func exportUpdates(_ request: Request, context: WebContext) async throws -> Response {
        let updates = try await services.mandates.updates(of: try await exportViews(request, context: context))
        return download(MandateExchange.updatesCSV(updates), type: "text/csv; charset=utf-8", name: "mandates-updates.csv", request: request)
    }

    @Sendable func exportJSON(_ request: Request, context: WebContext) async throws -> Response {
        let views = try await exportViews(request, context: context)
        let data = try MandatesJSON.document(views, updates: try await services.mandates.updates(of: views))
        return download(String(decoding: data, as: UTF8.self), type: "application/json; charset=utf-8", name: "mandates.json", request: request)
    }

    @Sendable func importForm(_ request: Request, context: SignedInContext) async throws -> Response {
        renderer.page("mandate-import", title: t("import.title", context), content: MandateImportPage(), request: request, context: context)
    }

    /// Checks (dry run) or applies a CSV of updates and shows the report, row by row.
    @Sendable func importUpdates(_ request: Request, context: SignedInContext) async throws -> Response {
        guard let data = context.uploads["file"]?.data, !data.isEmpty else {
            return renderer.page("mandate-import", title: t("import.title", context), content: MandateImportPage(error: t("import.nothing_sent", context)),
                                 request: request, context: context, status: .badRequest)
        }
        let apply = context.form["mode"] == "apply"
        let report = try await services.mandates.importUpdates(csv: String(decoding: data, as: UTF8.self), apply: apply, by: context.actor)
        let page = MandateImportPage(report, applying: apply, language: context.language, catalog: renderer.catalog)
        return renderer.page("mandate-import", title: t("import.title", context), content: page, request: request, context: context,
                             status: report.problems == 0 ? .ok : .badRequest)
    }

    /// A file kept as evidence, served as a download (never shown inline, so it cannot act as a page of this site).
    @Sendable func evidence(_ request: Request, context: WebContext) async throws -> Response {
        let (record, data) = try await services.mandates.evidence(id: try context.parameters.require("id"), viewer: context.actor)
        let name = record.fileName.replacingOccurrences(of: "\"", with: "").filter { !$0.isNewline }
        return Response(status: .ok, headers: [.contentType: record.mediaType, .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    // MARK: The actor registry

    @Sendable func actorsPage(_ request: Request, context: WebContext) async throws -> Response {
        try await renderActors(request: request, context: context)
    }

    private func renderActors(request: Request, context: some SiteContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let page = MandateActorsPage(try await services.mandates.actors(), staff: context.isStaff, error: error)
        return renderer.page("mandate-actors", title: t("actors.title", context), content: page, request: request, context: context, status: status)
    }

    /// The secretariat adds someone resolutions address: the words that name them, one per line.
    @Sendable func addActor(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = context.form
        do {
            let actor = try await services.mandates.addActor(code: form["code"] ?? "", name: form["name"] ?? "",
                                                             patterns: (form["patterns"] ?? "").split(whereSeparator: \.isNewline).map(String.init)
                                                                 .filter { !$0.trimmedFast.isEmpty },
                                                             by: context.actor)
            NoticeExchange.post(.actorAdded)
            return .redirect(to: SiteURL.mandateActors.path(anchor: "actor-\(actor.code)"), type: .normal)
        } catch let error as DomainError {
            guard let (message, status) = renderer.refusal(error, context.language) else { throw error }
            return try await renderActors(request: request, context: context, error: message, status: status)
        }
    }
}
