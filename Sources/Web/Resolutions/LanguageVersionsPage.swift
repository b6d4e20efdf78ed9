import Foundation
import Resolutions
import Review

/// The model of `resolution-languages.mustache`: a resolution beside another of its language
/// versions, paragraph by paragraph, each pair linked; a paragraph without a counterpart says so.
struct LanguageVersionsPage: Sendable {
    /// One side's version: its language (code, direction, name) and where its page is.
    struct Side: Sendable, Equatable {
        var language, direction, name, href, label: String
    }

    /// One cell of a row: a paragraph with the block heading it opens, if it opens one.
    struct Cell: Sendable, Equatable {
        var id, number, text: String
        var heading: String?
        var href: String
    }

    struct Row: Sendable, Equatable {
        var anchor: String
        /// The left version's paragraph and the right one's.
        var first, second: Cell?
        /// Why the two are paired, or that one has no counterpart, in words; nil for the usual case,
        /// the same place in the structure (the page's summary says so once).
        var basis: String?
        var unaligned: Bool
    }

    var title: String
    var left: Side
    var right: Side?
    /// The other language versions, as links that put each beside the left one.
    var choices: [Choice]

    struct Choice: Sendable, Equatable {
        var href, name, language: String
        var current: Bool
    }
    var rows: [Row]
    var summary: String
    var backHref: String

    /// The page when the work has no version in another language yet.
    init(alone resolution: StoredResolution, language: Language, catalog: Catalog) {
        title = resolution.title ?? resolution.symbol ?? resolution.workID
        left = Self.side(resolution, catalog: catalog, reader: language)
        right = nil
        choices = []
        rows = []
        summary = catalog.text("languages.only_one", language)
        backHref = SiteURL.resolution(resolution.id).path
    }

    init(_ aligned: AlignedVersions, versions: [ResolutionSummary], language: Language, catalog: Catalog) {
        func t(_ key: String, _ parameters: [String: String] = [:]) -> String { catalog.text(key, language, parameters) }
        let leftResolution = aligned.left, rightResolution = aligned.right
        title = leftResolution.title ?? leftResolution.symbol ?? leftResolution.workID
        let left = Self.side(leftResolution, catalog: catalog, reader: language)
        let right = Self.side(rightResolution, catalog: catalog, reader: language)
        self.left = left
        self.right = right
        choices = versions.filter { $0.id != leftResolution.id }.compactMap { summary in
            guard let other = Language(rawValue: summary.language) else { return nil }
            return Choice(href: SiteURL.resolutionLanguages(leftResolution.id).path(query: ["with": other.rawValue]),
                          name: other.autonym, language: other.rawValue, current: summary.id == rightResolution.id)
        }
        let headings = { (resolution: Resolution) -> [String: String] in
            var openers: [String: String] = [:]
            for block in resolution.preamble + resolution.operative {
                guard let first = block.paragraphs.first, !block.phrase.isEmpty, block.phrase.first?.isUppercase != true else { continue }
                // Chinese puts no space between the verb and whom it addresses (责成秘书长).
                openers[first.id] = [block.phrase, block.addressee].compactMap { $0 }.joined(separator: resolution.language == .chinese ? "" : " ")
            }
            return openers
        }
        let leftHeadings = headings(leftResolution.structure), rightHeadings = headings(rightResolution.structure)
        func cell(_ paragraph: Paragraph?, of resolution: StoredResolution, headings: [String: String]) -> Cell? {
            guard let paragraph else { return nil }
            return Cell(id: paragraph.id, number: paragraph.writtenNumber(in: resolution.structure.language) ?? "", text: paragraph.text,
                        heading: headings[paragraph.id],
                        href: SiteURL.resolution(resolution.id).path(anchor: paragraph.id))
        }
        rows = aligned.rows.enumerated().map { index, row in
            let basis: String?
            switch row.pair.basis {
            case .unaligned:
                basis = t("languages.no_counterpart", ["language": row.left == nil ? left.name : right.name])
            case .structure:
                basis = nil
            default:
                basis = t("languages.basis.\(row.pair.basis.rawValue)")
            }
            return Row(anchor: "pair-\(index + 1)", first: cell(row.left, of: leftResolution, headings: leftHeadings),
                       second: cell(row.right, of: rightResolution, headings: rightHeadings), basis: basis,
                       unaligned: row.pair.basis == .unaligned)
        }
        let unaligned = aligned.alignment.pairs.count - aligned.alignment.pairedCount
        summary = t("languages.summary", ["paired": LocaleFormat.number(aligned.alignment.pairedCount, language),
                                          "alone": LocaleFormat.number(unaligned, language)])
        backHref = SiteURL.resolution(leftResolution.id).path
    }

    static func side(_ resolution: StoredResolution, catalog: Catalog, reader: Language) -> Side {
        let language = resolution.structure.language
        return Side(language: language.rawValue, direction: language.isRightToLeft ? "rtl" : "ltr", name: language.autonym,
                    href: SiteURL.resolution(resolution.id).path,
                    label: [language.autonym, resolution.symbol, catalog.text("languages.version", reader, ["version": String(resolution.version)])]
                        .compactMap { $0 }.joined(separator: " · "))
    }
}
