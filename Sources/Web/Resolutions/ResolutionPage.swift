import Foundation
import Resolutions
import Review

/// The model of a resolution's page (`resolution.mustache`, `resolution-paragraph.mustache`): its
/// structure beside its source text, every recognised element highlighted, citations linked to
/// the resolutions they name; for a draft and the secretariat, the forms that correct it.
struct ResolutionPage: Sendable {
    struct Paragraph: Sendable, Equatable {
        var id, number: String
        /// The text with its citations marked (linked when the cited resolution is here), escaped.
        var html: String
        /// Times, addressee and footnote references, in words.
        var details: String?
        var children: [Paragraph]
        /// The secretariat may move it and correct its citations (a draft's own paragraphs, not an annex's).
        var correcting: Bool
        /// The buttons that take a citation away: the citation's text, and what the button says.
        var citations: [PageChoice]
    }

    struct Block: Sendable, Equatable {
        var id, phrase, addressee, concept: String
        var paragraphs: [Paragraph]
        var operative, correcting: Bool
    }

    struct SectionHeading: Sendable, Equatable {
        var id, label, heading: String
    }

    struct Part: Sendable, Equatable {
        var section: SectionHeading?
        var blocks: [Block]
    }

    struct Annex: Sendable, Equatable {
        var id, heading: String
        var subtitle: String?
        var paragraphs: [Paragraph]
    }

    struct CitingLink: Sendable, Equatable {
        var href, symbol, text: String
    }

    var id, title: String
    var draft, staff: Bool
    var facts: [PageTerm]
    var counts, formula: String
    var parts: [Part]
    var annexes: [Annex]
    var footnotes: [PageTerm]
    var citedBy: [CitingLink]
    /// The source text with the phrases, sections, annexes, citations, times and bodies marked, escaped.
    var sourceHTML: String
    /// Where a paragraph may be moved to: every block, by its phrase and addressee.
    var moveChoices: [PageChoice]
    var error: String?
    var backHref, confirmHref, correctionsHref, aknHref, boardHref: String
    /// The resolution's language and direction, for its texts inside a page in another language.
    var textLanguage, textDirection: String
    /// The other language versions, each a link to the two side by side.
    var languageVersions: [PageLink]

    init(_ dossier: ResolutionDossier, staff: Bool, language: Language, catalog: Catalog, error: String? = nil) {
        func t(_ key: String, _ parameters: [String: String] = [:]) -> String { catalog.text(key, language, parameters) }
        let stored = dossier.resolution
        let resolution = stored.structure
        let correcting = staff && stored.status == .draft

        func paragraphModel(_ paragraph: Resolutions.Paragraph, correcting: Bool) -> Paragraph {
            var spans: [Highlighter.Span] = []
            for (citation, range) in zip(paragraph.citations, paragraph.positions(of: paragraph.citations.map(\.text))) {
                guard let range else { continue }
                let local = SourceRange(paragraph.text.utf16.distance(from: paragraph.text.startIndex, to: range.lowerBound),
                                        paragraph.text.utf16.distance(from: paragraph.text.startIndex, to: range.upperBound))
                let title = Highlighter.escape(citation.id + (citation.version.map { " (\($0))" } ?? ""))
                if let target = dossier.linkedWorks[citation.id] {
                    spans.append(.init(range: local, open: "<a class=\"citation\" href=\"\(SiteURL.resolution(target).path)\" title=\"\(title)\">", close: "</a>"))
                } else {
                    spans.append(.init(range: local, open: "<cite title=\"\(title)\">", close: "</cite>"))
                }
            }
            let details = paragraph.times.map { t("resolution.time", ["text": $0.text, "value": $0.value.description]) }
                + (paragraph.addressee.map { [t("resolution.addressee", ["who": $0])] } ?? [])
                + paragraph.footnoteReferences.map { t("resolution.footnote_ref", ["marker": $0]) }
            // An unnumbered paragraph's anchor shows a pilcrow: a link needs words or a sign.
            return Paragraph(id: paragraph.id, number: paragraph.writtenNumber(in: resolution.language) ?? "¶", html: Highlighter.html(paragraph.text, spans: spans),
                             details: details.isEmpty ? nil : details.joined(separator: " · "),
                             children: paragraph.children.map { paragraphModel($0, correcting: correcting) }, correcting: correcting,
                             citations: paragraph.citations.map {
                                 PageChoice(value: $0.text, label: t("resolution.remove_citation", ["text": $0.text, "id": $0.id]), selected: false)
                             })
        }

        id = stored.id
        title = resolution.title?.value ?? stored.workID
        draft = stored.status == .draft
        self.staff = staff
        let facts: [(String, String?)] = [
            ("resolution.heading", resolution.heading?.value), ("resolution.symbol", resolution.symbol?.value), ("resolution.date", resolution.date.map { LocaleFormat.date($0.value.description, language) }),
            ("resolution.agenda", resolution.agendaItem?.value), ("resolution.original", resolution.originalLanguage?.value),
            ("resolution.source", resolution.source?.value), ("resolution.work", stored.workID),
            ("resolution.version", String(stored.version)),
        ]
        self.facts = facts.compactMap { key, value in value.map { PageTerm(term: t(key), text: $0) } }
        counts = t("resolutions.counts", ["preamble": String(resolution.preambularParagraphCount), "operative": String(resolution.operativeParagraphCount)])
        formula = resolution.formula?.value ?? ""
        parts = resolution.outline.map { section, blocks in
            Part(section: section.map { SectionHeading(id: $0.id, label: $0.label, heading: $0.heading ?? "") }, blocks: blocks.map { block in
                Block(id: block.id, phrase: block.phrase, addressee: block.addressee ?? "", concept: block.concept.rawValue,
                      paragraphs: block.paragraphs.map { paragraphModel($0, correcting: correcting) },
                      operative: block.part == .operative, correcting: correcting && block.part == .operative)
            })
        }
        // Annex paragraphs are shown, not corrected: corrections apply to the resolution's own paragraphs.
        annexes = resolution.annexes.map { annex in
            Annex(id: annex.id, heading: annex.heading, subtitle: annex.title, paragraphs: annex.paragraphs.map { paragraphModel($0, correcting: false) })
        }
        footnotes = resolution.footnotes.map { PageTerm(term: $0.marker, text: $0.text) }
        citedBy = dossier.citedBy.map {
            CitingLink(href: SiteURL.resolution($0.resolution.id).path(anchor: $0.paragraphID), symbol: $0.resolution.symbol ?? $0.resolution.workID,
                       text: $0.citedText)
        }
        sourceHTML = Self.sourceHTML(stored)
        moveChoices = (resolution.preamble + resolution.operative).map { block in
            PageChoice(value: block.id, label: [block.phrase, block.addressee].compactMap { $0 }.joined(separator: " "), selected: false)
        }
        self.error = error
        backHref = SiteURL.resolutions.path
        confirmHref = SiteURL.resolutionConfirmation(stored.id).path
        correctionsHref = SiteURL.resolutionCorrections(stored.id).path
        aknHref = SiteURL.resolutionAKN(stored.id).path
        boardHref = SiteURL.board(stored.id).path
        textLanguage = resolution.language.rawValue
        textDirection = resolution.language.isRightToLeft ? "rtl" : "ltr"
        languageVersions = dossier.languageVersions.filter { $0.id != stored.id }.compactMap { version in
            Language(rawValue: version.language).map {
                PageLink(href: SiteURL.resolutionLanguages(stored.id).path(query: ["with": $0.rawValue]), label: $0.autonym)
            }
        }
    }

    /// The source text with what the parser recognised marked: phrases, sections, annexes, and in
    /// every paragraph its citations, times and the bodies and Action Lines it names.
    private static func sourceHTML(_ stored: StoredResolution) -> String {
        let resolution = stored.structure
        func mark(_ range: SourceRange, _ kind: String, _ title: String) -> Highlighter.Span {
            .init(range: range, open: "<mark class=\"hl-\(kind)\" title=\"\(Highlighter.escape(title))\">", close: "</mark>")
        }
        var spans: [Highlighter.Span] = []
        spans += (resolution.preamble + resolution.operative).map { mark($0.range, "phrase", $0.concept.rawValue) }
        spans += resolution.sections.map { mark($0.range, "phrase", $0.id) }
        spans += resolution.annexes.map { mark($0.range, "phrase", $0.id) }
        for paragraph in resolution.everyParagraph {
            spans += paragraph.citations.map { mark($0.range, "citation", $0.id) }
            spans += paragraph.times.map { mark($0.range, "time", $0.value.description) }
            spans += (paragraph.bodies + paragraph.actionLines).map { mark($0.range, "body", $0.code) }
        }
        return Highlighter.html(stored.sourceText, spans: spans)
    }
}

/// The list of resolutions (`resolutions.mustache`), perhaps narrowed by a search of their titles.
struct ResolutionsPage: Sendable {
    struct Row: Sendable, Equatable {
        var href, symbol, title, language, languageName: String
        var version: Int
        var draft: Bool
        var counts: String
    }

    var resolutions: [Row]
    var staff: Bool
    var newHref, action, query: String
    /// What the list holds when it is empty: none imported yet, or none matching the search.
    var empty: String
    var searched: Bool

    init(_ summaries: [ResolutionSummary], query: String = "", staff: Bool, language: Language, catalog: Catalog) {
        resolutions = summaries.map { summary in
            Row(href: SiteURL.resolution(summary.id).path, symbol: summary.symbol ?? summary.workID, title: summary.title ?? "",
                language: summary.language, languageName: Language(rawValue: summary.language)?.autonym ?? summary.language,
                version: summary.version, draft: summary.status == .draft,
                counts: catalog.text("resolutions.counts", language, ["preamble": String(summary.preambularParagraphs),
                                                                      "operative": String(summary.operativeParagraphs)]))
        }
        self.staff = staff
        newHref = SiteURL.newResolution.path
        action = SiteURL.resolutions.path
        self.query = query
        searched = !query.trimmingCharacters(in: .whitespaces).isEmpty
        empty = catalog.text(searched ? "resolutions.none_matching" : "resolutions.none", language)
    }
}

/// The form that reads a new resolution (`resolution-new.mustache`).
struct ResolutionFormPage: Sendable {
    /// Whether a PDF can be read here (pdftotext is installed).
    var pdf: Bool
    var error: String?
    var backHref = SiteURL.resolutions.path
    var action = SiteURL.resolutions.path
}
