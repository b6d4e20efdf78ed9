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
    }

    @Sendable func list(_ request: Request, context: WebContext) async throws -> Response {
        let summaries = try await services.resolutions.list(viewer: context.actor)
        return renderer.page("resolutions", title: t("resolutions.title", context), content: [
            "resolutions": summaries.map { summary in
                [
                    "id": summary.id, "symbol": summary.symbol ?? summary.workID, "title": summary.title ?? "",
                    "version": summary.version, "draft": summary.status == .draft,
                    "counts": t("resolutions.counts", context, ["preamble": String(summary.preambularParagraphs),
                                                               "operative": String(summary.operativeParagraphs)]),
                ] as [String: Any]
            },
            "empty": summaries.isEmpty,
            "staff": context.isStaff,
        ], request: request, context: context)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        renderNew(request: request, context: context)
    }

    private func renderNew(request: Request, context: some SiteContext, error: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        var content: [String: Any] = ["pdf": Pdftotext.isInstalled]
        if let error { content["error"] = error }
        return renderer.page("resolution-new", title: t("resolutions.new_title", context), content: content,
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
            return .redirect(to: SiteURL.resolution(imported.resolution.id).path, type: .normal)
        } catch let error as ReadingError {
            return renderNew(request: request, context: context,
                             error: t("resolutions.unreadable", context, ["reason": error.description]), status: .badRequest)
        }
    }

    @Sendable func confirm(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await services.resolutions.confirm(id: id, by: context.actor)
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

    @Sendable func show(_ request: Request, context: WebContext) async throws -> Response {
        try await render(id: try context.parameters.require("id"), request: request, context: context)
    }

    private func render(id: String, request: Request, context: some SiteContext, error: String? = nil) async throws -> Response {
        let stored = try await services.resolutions.resolution(id: id, viewer: context.viewerActor)
        let resolution = stored.structure
        let links = try await services.resolutions.linkedWorks(of: stored)
        let citedBy = try await services.resolutions.citedBy(workID: stored.workID)
        let staff = context.isStaff
        let correcting = staff && stored.status == .draft
        let blockChoices = (resolution.preamble + resolution.operative).map { block in
            ["id": block.id, "label": [block.phrase, block.addressee].compactMap { $0 }.joined(separator: " ")]
        }

        func paragraphModel(_ paragraph: Paragraph) -> [String: Any] {
            var spans: [Highlighter.Span] = []
            for (citation, range) in zip(paragraph.citations, paragraph.positions(of: paragraph.citations.map(\.text))) {
                guard let range else { continue }
                let local = SourceRange(paragraph.text.utf16.distance(from: paragraph.text.startIndex, to: range.lowerBound),
                                        paragraph.text.utf16.distance(from: paragraph.text.startIndex, to: range.upperBound))
                let title = Highlighter.escape(citation.id + (citation.version.map { " (\($0))" } ?? ""))
                if let target = links[citation.id] {
                    spans.append(.init(range: local, open: "<a class=\"citation\" href=\"\(SiteURL.resolution(target).path)\" title=\"\(title)\">", close: "</a>"))
                } else {
                    spans.append(.init(range: local, open: "<cite title=\"\(title)\">", close: "</cite>"))
                }
            }
            let details = paragraph.times.map { t("resolution.time", context, ["text": $0.text, "value": $0.value.description]) }
                + (paragraph.addressee.map { [t("resolution.addressee", context, ["who": $0])] } ?? [])
                + paragraph.footnoteReferences.map { t("resolution.footnote_ref", context, ["marker": $0]) }
            return [
                "id": paragraph.id, "number": paragraph.number ?? "", "html": Highlighter.html(paragraph.text, spans: spans),
                "details": details.joined(separator: " · "), "has_details": !details.isEmpty,
                "children": paragraph.children.map(paragraphModel),
                "correcting": correcting, "blocks": blockChoices,
                "citations": paragraph.citations.map { citation in
                    ["paragraph": paragraph.id, "text": citation.text,
                     "remove_label": t("resolution.remove_citation", context, ["text": citation.text, "id": citation.id])]
                },
            ]
        }
        func blockModel(_ block: Block) -> [String: Any] {
            [
                "id": block.id, "phrase": block.phrase, "addressee": block.addressee ?? "",
                "concept": block.concept.rawValue, "paragraphs": block.paragraphs.map(paragraphModel),
                "operative": block.part == .operative, "correcting": correcting && block.part == .operative,
            ]
        }
        // Annex paragraphs are shown, not corrected: corrections apply to the resolution's own paragraphs.
        func annexParagraphModel(_ paragraph: Paragraph) -> [String: Any] {
            var model = paragraphModel(paragraph)
            model["correcting"] = false
            model["children"] = paragraph.children.map(annexParagraphModel)
            return model
        }

        var sourceSpans: [Highlighter.Span] = []
        for block in resolution.preamble + resolution.operative {
            sourceSpans.append(.init(range: block.range, open: "<mark class=\"hl-phrase\" title=\"\(Highlighter.escape(block.concept.rawValue))\">", close: "</mark>"))
        }
        for section in resolution.sections {
            sourceSpans.append(.init(range: section.range, open: "<mark class=\"hl-phrase\" title=\"\(Highlighter.escape(section.id))\">", close: "</mark>"))
        }
        for annex in resolution.annexes {
            sourceSpans.append(.init(range: annex.range, open: "<mark class=\"hl-phrase\" title=\"\(Highlighter.escape(annex.id))\">", close: "</mark>"))
        }
        let annexParagraphs = resolution.annexes.flatMap { $0.paragraphs.flatMap(\.flattened) }
        for paragraph in resolution.allParagraphs.map(\.paragraph) + annexParagraphs {
            for citation in paragraph.citations {
                sourceSpans.append(.init(range: citation.range, open: "<mark class=\"hl-citation\" title=\"\(Highlighter.escape(citation.id))\">", close: "</mark>"))
            }
            for time in paragraph.times {
                sourceSpans.append(.init(range: time.range, open: "<mark class=\"hl-time\" title=\"\(Highlighter.escape(time.value.description))\">", close: "</mark>"))
            }
            for body in paragraph.bodies + paragraph.actionLines {
                sourceSpans.append(.init(range: body.range, open: "<mark class=\"hl-body\" title=\"\(Highlighter.escape(body.code))\">", close: "</mark>"))
            }
        }

        let facts: [(String, String?)] = [
            ("resolution.symbol", resolution.symbol?.value), ("resolution.date", resolution.date?.value.description),
            ("resolution.agenda", resolution.agendaItem?.value), ("resolution.original", resolution.originalLanguage?.value),
            ("resolution.source", resolution.source?.value), ("resolution.work", stored.workID),
            ("resolution.version", String(stored.version)),
        ]
        var content: [String: Any] = [:]
        if let error { content["error"] = error }
        return renderer.page("resolution", title: resolution.title?.value ?? stored.symbol ?? stored.workID, content: content.merging([
            "id": stored.id, "title": resolution.title?.value ?? stored.workID, "symbol": stored.symbol ?? "",
            "draft": stored.status == .draft, "staff": staff,
            "facts": facts.compactMap { key, value in value.map { ["label": t(key, context), "value": $0] } },
            "formula": resolution.formula?.value ?? "",
            "parts": resolution.outline.map { section, blocks in
                [
                    "section_id": section?.id ?? "", "has_section": section != nil, "label": section?.label ?? "",
                    "heading": section?.heading ?? "", "blocks": blocks.map(blockModel),
                ] as [String: Any]
            },
            "annexes": resolution.annexes.map { annex in
                ["id": annex.id, "heading": annex.heading, "title": annex.title ?? "", "has_title": annex.title != nil,
                 "paragraphs": annex.paragraphs.map(annexParagraphModel)] as [String: Any]
            },
            "footnotes": resolution.footnotes.map { ["marker": $0.marker, "text": $0.text] },
            "has_footnotes": !resolution.footnotes.isEmpty,
            "cited_by": citedBy.map { ["id": $0.resolution.id, "symbol": $0.resolution.symbol ?? $0.resolution.workID,
                                       "paragraph": $0.paragraphID, "text": $0.citedText] },
            "has_cited_by": !citedBy.isEmpty,
            "source_html": Highlighter.html(stored.sourceText, spans: sourceSpans),
            "counts": t("resolutions.counts", context, ["preamble": String(resolution.preambularParagraphCount),
                                                       "operative": String(resolution.operativeParagraphCount)]),
        ]) { first, _ in first }, request: request, context: context, status: error == nil ? .ok : .badRequest)
    }
}
