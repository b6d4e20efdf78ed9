import Foundation
import Resolutions
import Review

/// The model of a mandate's page (`mandate.mustache` renders it): what the mandate asks, of whom
/// and by when, how far it is, its history, where it comes from and what it is linked to, and the
/// forms the viewer may use. Made from a `MandateDossier` (one read) by `init`; every text in the
/// reader's language, every link from `SiteURL`. What a row of the list shows of the mandate is its
/// `mandate` (the template reads it inside `{{#mandate}}`; Swift reads `page.action` through it).
@dynamicMemberLookup
struct MandatePage: Sendable {
    struct Update: Sendable, Equatable {
        var id, at, author, note: String
        /// The facts the update recorded (status, period, progress, blocked, reason), in words.
        var facts: String?
        var evidence: [PageLink]
    }

    struct Citation: Sendable, Equatable {
        var text, id: String
        /// The cited resolution's page, when it has been imported and confirmed.
        var link: String?
    }

    struct Period: Sendable, Equatable {
        var period, due, status: String
        var progress: Int
        var current: Bool
    }

    // The mandate: what its row in the list shows, and more.
    var mandate: MandateRow
    var statusReason: String
    var superseded: Bool
    var owner, actionLines, sdgs, suggestedSDGs: String
    var periods: [Period]

    // Where it comes from.
    var symbol, blockHeading, paragraphNumber, paragraphText, boardHref: String
    /// The language and direction of the paragraph as shown: the reader's, when the work has a version in it.
    var paragraphLanguage, paragraphDirection: String
    /// The paragraph in the version the mandate was read from, when another version is shown above it.
    var original: Original?

    struct Original: Sendable, Equatable {
        var summary, number, text, language, direction, href: String
    }

    // What it is linked to.
    var cites: [Citation]
    var citedBy: [PageLink]
    var newer: PageLink?
    var updates: [Update]

    // What the viewer may do, and the forms' values.
    var mayReport: Bool
    var updatesHref: String
    var statusChoices, dueKinds, mergeTargets: [PageChoice]
    var form: EditForm
    var error: String?
    /// What stands for an empty list of facts.
    var none: String

    /// The values the secretariat's edit form starts from.
    struct EditForm: Sendable, Equatable {
        var actorCodes, dueKind, dueValue, dueText, owner: String
        var weight: Int
    }

    subscript<Value>(dynamicMember field: KeyPath<MandateRow, Value>) -> Value { mandate[keyPath: field] }

    init(_ dossier: MandateDossier, counterpart: (resolution: StoredResolution, paragraph: Paragraph)? = nil, language: Language,
         catalog: Catalog, staff: Bool, error: String? = nil) {
        func t(_ key: String, _ parameters: [String: String] = [:]) -> String { catalog.text(key, language, parameters) }
        let stored = dossier.mandate
        let none = t("mandate.none")
        func shown(_ values: [String]) -> String { values.isEmpty ? none : values.joined(separator: ", ") }
        func status(_ status: Mandate.Status) -> String { t("mandate.status.\(status.rawValue)") }

        mandate = MandateRow(dossier.view, actorNames: dossier.actorNames, language: language, catalog: catalog, staff: staff)
        statusReason = stored.statusReason ?? ""
        superseded = stored.status == .superseded
        owner = shown(stored.owner.map { [$0] } ?? [])
        actionLines = shown(stored.actionLines)
        sdgs = shown(stored.sdgs)
        suggestedSDGs = shown(stored.suggestedSDGs)
        let lastPeriod = dossier.view.occurrences.last?.period
        periods = dossier.view.occurrences.map {
            Period(period: $0.period, due: $0.dueDay, status: t("mandate.status.\($0.status.rawValue)"), progress: $0.progress,
                   current: $0.period == lastPeriod)
        }

        let resolution = dossier.resolution
        symbol = resolution.symbol ?? resolution.workID
        blockHeading = dossier.block.map { [$0.phrase, $0.addressee].compactMap { $0 }.joined(separator: " ") } ?? ""
        let source = resolution.structure.language
        if let counterpart, let paragraph = dossier.paragraph {
            let shown = counterpart.resolution.structure.language
            paragraphNumber = counterpart.paragraph.writtenNumber(in: shown) ?? ""
            paragraphText = counterpart.paragraph.text
            paragraphLanguage = shown.rawValue
            paragraphDirection = shown.isRightToLeft ? "rtl" : "ltr"
            original = Original(summary: t("mandate.original_text", ["language": source.autonym]), number: paragraph.writtenNumber(in: source) ?? "",
                                text: paragraph.text, language: source.rawValue, direction: source.isRightToLeft ? "rtl" : "ltr",
                                href: SiteURL.resolution(resolution.id).path(anchor: paragraph.id))
        } else {
            paragraphNumber = dossier.paragraph?.writtenNumber(in: source) ?? ""
            paragraphText = dossier.paragraph?.text ?? ""
            paragraphLanguage = source.rawValue
            paragraphDirection = source.isRightToLeft ? "rtl" : "ltr"
            original = nil
        }
        boardHref = SiteURL.board(stored.resolutionID).path

        cites = (dossier.paragraph?.citations ?? []).map { citation in
            Citation(text: citation.text, id: citation.id, link: dossier.linkedWorks[citation.id].map { SiteURL.resolution($0).path })
        }
        citedBy = dossier.citedBy.map {
            PageLink(href: SiteURL.resolution($0.resolution.id).path(anchor: $0.paragraphID), label: $0.resolution.symbol ?? $0.resolution.workID)
        }
        newer = dossier.laterVersion.map { PageLink(href: SiteURL.resolution($0.id).path, label: t("mandate.version") + " \($0.version)") }
        updates = dossier.updates.reversed().map { update in
            var facts: [String] = []
            if let from = update.statusFrom, let to = update.statusTo {
                facts.append(t("mandate.update.status", ["from": status(from), "to": status(to)]))
            }
            if let period = update.period { facts.append(t("mandate.update.period", ["period": period])) }
            if let progress = update.progress { facts.append(t("mandate.update.progress", ["percent": String(progress)])) }
            if update.blocked { facts.append(t("mandate.signal.blocked")) }
            if let reason = update.reason { facts.append(t("mandate.update.reason", ["reason": reason])) }
            return Update(id: update.id, at: LocaleFormat.moment(update.at, language),
                          author: update.author, note: update.note, facts: facts.isEmpty ? nil : facts.joined(separator: " · "),
                          evidence: update.evidence.map { PageLink(href: $0, label: dossier.evidenceNames[$0] ?? $0) })
        }

        mayReport = dossier.mayReport
        updatesHref = SiteURL.mandateUpdates(stored.id).path
        statusChoices = Mandate.Status.allCases.map { PageChoice(value: $0.rawValue, label: status($0), selected: $0 == stored.status) }
        dueKinds = ["none", "date", "event", "recurrence"].map {
            PageChoice(value: $0, label: t("mandate.due_kind.\($0)"), selected: $0 == stored.due.kind)
        }
        mergeTargets = dossier.mergeTargets.map {
            PageChoice(value: $0.id, label: MandatePages.paragraphLabel($0.paragraphID) + " — " + $0.action, selected: false)
        }
        form = EditForm(actorCodes: stored.actors.joined(separator: ", "), dueKind: stored.due.kind, dueValue: stored.due.value,
                        dueText: stored.due.text ?? "", owner: stored.owner ?? "", weight: stored.weight)
        self.error = error
        self.none = none
    }
}
