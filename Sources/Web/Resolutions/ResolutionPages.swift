import Foundation
import Hummingbird
import Resolutions
import Review

/// Resolutions: the list, the import form, and each resolution with its structure beside its
/// source text, every recognised element highlighted; the secretariat confirms drafts.
struct ResolutionPages: PageGroup {
    let services: Services
    let renderer: Renderer

    func register(on router: Router<WebContext>) {
        let signedIn = router.group(context: SignedInContext.self)
        router.get(SiteURL.resolutions.route, use: list)
        signedIn.get(SiteURL.newResolution.route, use: newForm)
        signedIn.post(SiteURL.resolutions.route, use: importDocument)
        router.get(SiteURL.resolution(":id").route, use: show)
        signedIn.post(SiteURL.resolutionConfirmation(":id").route, use: confirm)
        signedIn.post(SiteURL.resolutionCorrections(":id").route, use: correct)
        router.get(SiteURL.resolutionAKN(":id").route, use: akn)
        router.get(SiteURL.resolutionLanguages(":id").route, use: languages)
    }

    @Sendable func list(_ request: Request, context: WebContext) async throws -> Response {
        let query = String((request.uri.queryParameters["q"].map(String.init) ?? "").prefix(ResolutionService.maximumSearchLength))
        let page = ResolutionsPage(try await services.resolutions.list(viewer: context.actor, matching: query), query: query,
                                   staff: context.isStaff, language: context.language, catalog: renderer.catalog)
        return renderer.page("resolutions", title: t("resolutions.title", context), content: page, request: request, context: context)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        renderNew(request: request, context: context)
    }

    private func renderNew(request: Request, context: some SiteContext, error: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        renderer.page("resolution-new", title: t("resolutions.new_title", context), content: ResolutionFormPage(pdf: Pdftotext.isInstalled, error: error),
                             request: request, context: context, status: status)
    }

    @Sendable func importDocument(_ request: Request, context: SignedInContext) async throws -> Response {
        var data = context.uploads["file"]?.data
        if data == nil, let text = context.form["text"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            data = Data(text.utf8)
        }
        guard let data else {
            return renderNew(request: request, context: context, error: t("resolutions.nothing_sent", context), status: .badRequest)
        }
        do {
            let imported = try await services.resolutions.importDocument(data, by: context.actor)
            NoticeExchange.post(imported.created ? .resolutionImported : .resolutionAlreadyImported)
            return .redirect(to: SiteURL.resolution(imported.resolution.id).path, type: .normal)
        } catch let error as ReadingError {
            return renderNew(request: request, context: context,
                             error: t("resolutions.unreadable", context, ["reason": renderer.catalog.message(for: error, context.language)]),
                             status: .badRequest)
        }
    }

    @Sendable func confirm(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await services.resolutions.confirm(id: id, by: context.actor)
        NoticeExchange.post(.resolutionConfirmed)
        return .redirect(to: SiteURL.resolution(id).path, type: .normal)
    }

    /// One correction from the forms of a draft's page: `kind` is addressee, move, citation or uncite.
    @Sendable func correct(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = context.form
        guard let correction = Correction(kind: form["kind"] ?? "", blockID: form["block"], paragraphID: form["paragraph"],
                                          addressee: form["addressee"], citation: form["citation"]) else {
            throw HTTPError(.badRequest, message: t("resolution.unknown_correction", context))
        }
        do {
            _ = try await services.resolutions.correct(id: id, correction, by: context.actor)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await render(id: id, request: request, context: context,
                                    error: error.fieldErrors.map { renderer.catalog.message(for: $0, context.language) }.joined(separator: " "))
        }
        NoticeExchange.post(.resolutionCorrected)
        // Back to where the correction was made: the block (addressee, move) or the paragraph (citation, uncite).
        let target = form["kind"] == "citation" || form["kind"] == "uncite" ? form["paragraph"] : form["block"]
        let anchor = target.flatMap { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } ? "#" + $0 : nil } ?? ""
        return .redirect(to: SiteURL.resolution(id).path + anchor, type: .normal)
    }

    @Sendable func akn(_ request: Request, context: WebContext) async throws -> Response {
        let resolution = try await services.resolutions.resolution(id: try context.parameters.require("id"), viewer: context.actor)
        return Response(status: .ok, headers: [.contentType: "application/akn+xml; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: AkomaNtoso.render(resolution.structure, draft: resolution.status == .draft))))
    }

    /// The resolution beside another language version (`?with=fr`; the first other one when not
    /// given, or when the work has no version in that language).
    @Sendable func languages(_ request: Request, context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let asked = request.uri.queryParameters["with"].flatMap { Language(tag: String($0)) }
        let (versions, aligned) = try await services.resolutions.sideBySide(id: id, asking: asked, viewer: context.actor)
        let page = if let aligned {
            LanguageVersionsPage(aligned, versions: versions, language: context.language, catalog: renderer.catalog)
        } else {
            LanguageVersionsPage(alone: try await services.resolutions.resolution(id: id, viewer: context.actor), language: context.language,
                                 catalog: renderer.catalog)
        }
        return renderer.page("resolution-languages", title: t("languages.title", context, ["title": page.title]), content: page,
                             request: request, context: context)
    }

    @Sendable func show(_ request: Request, context: WebContext) async throws -> Response {
        try await render(id: try context.parameters.require("id"), request: request, context: context)
    }

    private func render(id: String, request: Request, context: some SiteContext, error: String? = nil) async throws -> Response {
        let dossier = try await services.resolutions.dossier(id: id, viewer: context.viewerActor)
        let page = ResolutionPage(dossier, staff: context.isStaff, language: context.language, catalog: renderer.catalog, error: error)
        let resolution = dossier.resolution
        return renderer.page("resolution", title: resolution.structure.title?.value ?? resolution.symbol ?? resolution.workID, content: page,
                             request: request, context: context, status: error == nil ? .ok : .badRequest)
    }
}
