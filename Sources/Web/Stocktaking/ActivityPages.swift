import Foundation
import Hummingbird
import Reporting
import Resolutions
import Review

/// The stocktaking registry on the web: search with facets, an activity's page, the submission
/// form (with the matrix's suggestions), moderation, open data in and out.
struct ActivityPages: PageGroup {
    let services: Services
    let renderer: Renderer

    func register(on router: Router<WebContext>) {
        let signedIn = router.group(context: SignedInContext.self)
        router.get(SiteURL.activities.route, use: search)
        signedIn.get(SiteURL.newActivity.route, use: newForm)
        signedIn.post(SiteURL.activities.route, use: create)
        signedIn.get(SiteURL.activityQueue.route, use: queue)
        signedIn.get(SiteURL.activityImport.route, use: importForm)
        signedIn.post(SiteURL.activityImport.route, use: importFile)
        signedIn.get(SiteURL.activityImportJob(":id").route, use: importJob)
        router.get(SiteURL.activityFields.route, use: fields)
        router.get(SiteURL.activitiesCSV.route, use: { request, context in try await export(.csv, request: request, context: context) })
        router.get(SiteURL.activitiesJSON.route, use: { request, context in try await export(.json, request: request, context: context) })
        router.get(SiteURL.activitiesIATI.route, use: { request, context in try await export(.iati, request: request, context: context) })
        router.get(SiteURL.activity(":id").route, use: show)
        signedIn.get(SiteURL.activityEdit(":id").route, use: editForm)
        signedIn.post(SiteURL.activityEdit(":id").route, use: edit)
        signedIn.post(SiteURL.activityTransitions(":id").route, use: transition)
        signedIn.post(SiteURL.activityComments(":id").route, use: comment)
    }

    // MARK: Search

    @Sendable func search(_ request: Request, context: WebContext) async throws -> Response {
        let parameters = request.queryForm
        let text = parameters["q"] ?? ""
        var searchRequest = ActivitySearchRequest()
        searchRequest.sort = parameters["sort"].flatMap { ActivitySearchRequest.Sort(rawValue: $0) } ?? .relevance
        searchRequest.cursor = parameters["cursor"]
        for facet in Facet.allCases {
            let values = parameters.all(facet.rawValue).filter { !$0.isEmpty }
            if !values.isEmpty { searchRequest.filters[facet] = Set(values) }
        }
        var model = ActivitySearchView(text: text, viewer: context.viewer)
        do {
            searchRequest.query = try SearchQuery(parsing: text)
            let page = try await services.search.search(searchRequest, language: context.language.rawValue)
            model.show(page, of: searchRequest, names: try await names(context), language: context.language, catalog: renderer.catalog)
        } catch let error as DomainError {
            model.error = renderer.refusal(error, context.language)?.message ?? ""
            return renderer.page("activities", title: t("activities.title", context), content: model, request: request, context: context,
                                 status: .badRequest)
        }
        return renderer.page("activities", title: t("activities.title", context), content: model, request: request, context: context)
    }

    /// Names for codes in the reader's language.
    struct Names {
        var countries, regions, lines: [String: String]
        var goals: [Int: String]

        init(_ names: ReferenceNames, language: Language) {
            countries = names.countries.mapValues { $0.text(language) }
            regions = names.regions.mapValues { $0.text(language) }
            lines = names.actionLines.mapValues { $0.text(language) }
            goals = names.goals.mapValues { $0.text(language) }
        }

        func label(_ facet: Facet, _ value: String, catalog: Catalog, language: Language) -> String {
            switch facet {
            case .actionLine: lines[value].map { "\(value) \($0)" } ?? value
            case .sdg: Int(value).flatMap { goals[$0] }.map { "\(value) \($0)" } ?? value
            case .country: countries[value] ?? value
            case .region: regions[value] ?? value
            case .stakeholderType: catalog.text("stakeholder.\(value)", language)
            case .status: catalog.text("activities.status.\(value)", language)
            case .year: value
            }
        }
    }

    private func names(_ context: some SiteContext) async throws -> Names {
        Names(try await services.reference.names(), language: context.language)
    }

    // MARK: One activity

    @Sendable func show(_ request: Request, context: WebContext) async throws -> Response {
        try await render(id: try context.parameters.require("id"), request: request, context: context)
    }

    private func render(id: String, request: Request, context: some SiteContext, error: String? = nil,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let (view, names) = try await services.activities.page(id: id, for: context.viewerActor)
        let page = ActivityPage(view, names: Names(names, language: context.language), language: context.language, catalog: renderer.catalog,
                                error: error)
        return renderer.page("activity", title: page.title, content: page, request: request, context: context, status: status)
    }

    @Sendable func transition(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id")
        do {
            guard let step = ActivityTransition(rawValue: context.form["step"] ?? "") else {
                throw DomainError.invalid([FieldError(field: "step", code: "unknown-choice")])
            }
            try await services.activities.transition(id: id, step, comment: context.form["comment"],
                                                     expectedVersion: Int(context.form["version"] ?? ""), by: context.actor)
            NoticeExchange.post(.activityMoved)
            return .redirect(to: SiteURL.activity(id).path, type: .normal)
        } catch let error as DomainError {
            guard let (message, status) = renderer.refusal(error, context.language) else { throw error }
            return try await render(id: id, request: request, context: context, error: message, status: status)
        }
    }

    @Sendable func comment(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id")
        do {
            try await services.activities.comment(id: id, text: context.form["comment"] ?? "", by: context.actor)
            NoticeExchange.post(.commentAdded)
            return .redirect(to: SiteURL.activity(id).path(anchor: "comments"), type: .normal)
        } catch let error as DomainError {
            guard let (message, status) = renderer.refusal(error, context.language) else { throw error }
            return try await render(id: id, request: request, context: context, error: message, status: status)
        }
    }

    // MARK: The form

    /// The form's fields as the service reads them: lists from repeated checkboxes or `;` text.
    private func record(_ context: some SiteContext) -> [String: String] {
        let form = context.form
        var record: [String: String] = [:]
        for field in ActivityFields.all {
            let values = form.all(field.name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            if !values.isEmpty { record[field.name] = values.joined(separator: "; ") }
        }
        return record
    }

    private func formPage(_ record: [String: String], action: String, heading: String, version: Int?, request: Request, context: some SiteContext,
                          errors: DomainError? = nil, suggest: Bool = false, status: HTTPResponse.Status = .ok) async throws -> Response {
        let page = ActivityFormPage(record, action: action, heading: heading, version: version, choices: try await services.activities.formChoices(),
                                    errors: errors.map { renderer.fieldErrors($0, language: context.language) } ?? [:],
                                    error: errors.flatMap { renderer.refusal($0, context.language)?.message }, suggest: suggest,
                                    moderator: context.viewer.map { $0.has(.reviewer) || $0.has(.secretariat) } ?? false,
                                    language: context.language, catalog: renderer.catalog)
        return renderer.page("activity-form", title: heading, content: page, request: request, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        try await formPage([:], action: SiteURL.activities.path, heading: t("activities.form.new", context), version: nil, request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let record = record(context)
        if context.form["mode"] == "suggest" {
            return try await formPage(record, action: SiteURL.activities.path, heading: t("activities.form.new", context), version: nil,
                                      request: request, context: context, suggest: true)
        }
        do {
            let activity = try await services.activities.create(record, by: context.actor)
            NoticeExchange.post(.activitySaved)
            return .redirect(to: SiteURL.activity(activity.id).path, type: .normal)
        } catch let error as DomainError {
            guard let (_, status) = renderer.refusal(error, context.language) else { throw error }
            return try await formPage(record, action: SiteURL.activities.path, heading: t("activities.form.new", context), version: nil,
                                      request: request, context: context, errors: error, status: status)
        }
    }

    @Sendable func editForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let view = try await services.activities.view(id: try context.parameters.require("id"), for: context.actor)
        guard view.canEdit else { throw DomainError.forbidden }
        var record = ActivityFields.record(view.revision?.proposed ?? view.activity, includeContact: true)
        if view.activity.externalID == nil { record["external_id"] = nil }
        return try await formPage(record, action: SiteURL.activityEdit(view.activity.id).path, heading: t("activities.form.edit", context),
                                  version: view.activity.version, request: request, context: context)
    }

    @Sendable func edit(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let record = record(context)
        let version = Int(context.form["version"] ?? "") ?? 0
        let action = SiteURL.activityEdit(id).path
        if context.form["mode"] == "suggest" {
            return try await formPage(record, action: action, heading: t("activities.form.edit", context), version: version,
                                      request: request, context: context, suggest: true)
        }
        do {
            try await services.activities.edit(id: id, record, expectedVersion: version, by: context.actor)
            NoticeExchange.post(.activitySaved)
            return .redirect(to: SiteURL.activity(id).path, type: .normal)
        } catch let error as DomainError {
            guard let (_, status) = renderer.refusal(error, context.language) else { throw error }
            return try await formPage(record, action: action, heading: t("activities.form.edit", context), version: version,
                                      request: request, context: context, errors: error, status: status)
        }
    }

    // MARK: Moderation queue and one's own

    @Sendable func queue(_ request: Request, context: SignedInContext) async throws -> Response {
        let moderator = context.actor.has(.reviewer) || context.actor.has(.secretariat)
        let (activities, revisions) = try await services.activities.queue(for: context.actor)
        let page = ActivityQueuePage(activities: activities, revisions: revisions, moderator: moderator, language: context.language, catalog: renderer.catalog)
        return renderer.page("activity-queue", title: t(moderator ? "activities.queue.title" : "activities.queue.mine", context),
                             content: page, request: request, context: context)
    }

    // MARK: Open data

    @Sendable func fields(_ request: Request, context: WebContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"activities.fields.csv\""],
                 body: .init(byteBuffer: ByteBuffer(string: ActivityFields.dictionaryCSV)))
    }

    /// Every published activity, streamed a page at a time.
    func export(_ format: ActivityExportFormat, request: Request, context: some SiteContext) async throws -> Response {
        let bom = format == .csv && SpreadsheetCSV.asked(request)
        let service = services.activities
        let vocabulary = try await service.vocabulary()
        let body = ResponseBody { writer in
            if bom { try await writer.write(ByteBuffer(string: SpreadsheetCSV.byteOrderMark)) }
            try await writer.write(ByteBuffer(string: service.exportHeader(format)))
            var position: Int64 = 0
            while let (text, last) = try await service.exportPage(format, after: position, vocabulary: vocabulary) {
                try await writer.write(ByteBuffer(string: text))
                position = last
            }
            try await writer.write(ByteBuffer(string: service.exportFooter(format, empty: position == 0)))
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: format.mediaType,
                                               .contentDisposition: "attachment; filename=\"activities.\(format.fileExtension)\""], body: body)
    }

    @Sendable func importForm(_ request: Request, context: SignedInContext) async throws -> Response {
        renderer.page("activity-import", title: t("activities.import.title", context), content: ActivityImportPage(), request: request, context: context)
    }

    /// Checks (dry run) or applies a file of activities and shows the report, problem by problem.
    @Sendable func importFile(_ request: Request, context: SignedInContext) async throws -> Response {
        guard let upload = context.uploads["file"], !upload.data.isEmpty else {
            return renderer.page("activity-import", title: t("activities.import.title", context), content: ActivityImportPage(error: t("import.nothing_sent", context)),
                                 request: request, context: context, status: .badRequest)
        }
        let apply = context.form["mode"] == "apply"
        if apply {
            // Applying runs in the background as a job; its page shows how far it is, then the report.
            let job = try await services.activityImports.start(upload.data, fileName: upload.fileName, by: context.actor)
            NoticeExchange.post(.importStarted)
            return .redirect(to: SiteURL.activityImportJob(job.id).path, type: .normal)
        }
        let file = ActivityFile.upload(upload.data, fileName: upload.fileName)
        let report = try await services.activities.importActivities(file, apply: false, by: context.actor)
        return renderer.page("activity-import", title: t("activities.import.title", context),
                             content: ActivityImportPage(report: report, language: context.language, catalog: renderer.catalog),
                             request: request, context: context, status: report.problemCount == 0 ? .ok : .badRequest)
    }

    /// An import running in the background: how far it is (the page refreshes itself), then its report.
    @Sendable func importJob(_ request: Request, context: SignedInContext) async throws -> Response {
        let (job, report) = try await services.activityImports.status(id: try context.parameters.require("id"), for: context.actor)
        let page = ActivityImportPage(job: job, report: report, language: context.language, catalog: renderer.catalog)
        var response = renderer.page("activity-import", title: t("activities.import.title", context), content: page, request: request, context: context,
                                     status: report.map { $0.problemCount == 0 ? .ok : .badRequest } ?? .ok)
        if !job.isFinished { response.headers[.init("Refresh")!] = "2" }
        return response
    }
}
