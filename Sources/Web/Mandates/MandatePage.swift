import Foundation
import Resolutions
import Review

/// The model of a mandate's page (`mandate.mustache` renders it): what the mandate asks, of whom
/// and by when, how far it is, its history, where it comes from and what it is linked to, and the
/// forms the viewer may use. Made from a `MandateDossier` (one read) by `init`; every text in the
/// reader's language, every link from `SiteURL`.
struct MandatePage: Sendable {
    struct Update: Sendable, Equatable {
        var id: String
        var at: String
        var author: String
        var note: String
        /// The facts the update recorded (status, period, progress, blocked, reason), in words.
        var facts: String?
        var evidence: [PageLink]
    }

    struct Citation: Sendable, Equatable {
        var text: String
        var id: String
        /// The cited resolution's page, when it has been imported and confirmed.
        var href: String?
    }

    struct Period: Sendable, Equatable {
        var period: String
        var due: String
        var status: String
        var progress: Int
        var current: Bool
    }

    // The mandate.
    var id: String
    var version: Int
    var action: String
    var actors: String
    var due: String
    var status: String
    var statusReason: String
    var progress: Int
    var proposed: Bool
    var dropped: Bool
    var superseded: Bool
    var signals: [PageBadge]
    var owner: String
    var actionLines: String
    var sdgs: String
    var suggestedSDGs: String
    var periods: [Period]

    // Where it comes from.
    var symbol: String
    var blockHeading: String
    var paragraphLabel: String
    var paragraphNumber: String
    var paragraphText: String
    var sourceHref: String
    var boardHref: String

    // What it is linked to.
    var cites: [Citation]
    var citedBy: [PageLink]
    var newer: PageLink?
    var updates: [Update]

    // What the viewer may do, and the forms' values.
    var staff: Bool
    var mayReport: Bool
    var decisionHref: String
    var updatesHref: String
    var statusChoices: [PageChoice]
    var dueKinds: [PageChoice]
    var mergeTargets: [PageChoice]
    var form: EditForm
    var error: String?
    /// What stands for an empty list of facts.
    var none: String

    /// The values the secretariat's edit form starts from.
    struct EditForm: Sendable, Equatable {
        var actorCodes: String
        var dueKind: String
        var dueValue: String
        var dueText: String
        var owner: String
        var weight: Int
    }

    init(_ dossier: MandateDossier, language: Language, catalog: Catalog, staff: Bool, error: String? = nil) {
        func t(_ key: String, _ parameters: [String: String] = [:]) -> String { catalog.text(key, language, parameters) }
        let mandate = dossier.mandate
        let none = t("mandate.none")
        func shown(_ values: [String]) -> String { values.isEmpty ? none : values.joined(separator: ", ") }
        func status(_ status: Mandate.Status) -> String { t("mandate.status.\(status.rawValue)") }

        id = mandate.id
        version = mandate.version
        action = mandate.action
        actors = mandate.actors.map { dossier.actorNames[$0] ?? $0.replacingOccurrences(of: "unlisted:", with: "") }.joined(separator: ", ")
        due = MandatePages.due(mandate.due, day: dossier.view.dueDay, language: language, catalog: catalog)
        self.status = status(mandate.status)
        statusReason = mandate.statusReason ?? ""
        progress = mandate.progress
        proposed = mandate.proposal == .proposed
        dropped = mandate.proposal == .dropped
        superseded = mandate.status == .superseded
        signals = dossier.view.signals.map { PageBadge(code: $0.rawValue, label: t("mandate.signal.\($0.rawValue)")) }
        owner = shown(mandate.owner.map { [$0] } ?? [])
        actionLines = shown(mandate.actionLines)
        sdgs = shown(mandate.sdgs)
        suggestedSDGs = shown(mandate.suggestedSDGs)
        let lastPeriod = dossier.view.occurrences.last?.period
        periods = dossier.view.occurrences.map {
            Period(period: $0.period, due: $0.dueDay, status: t("mandate.status.\($0.status.rawValue)"), progress: $0.progress,
                   current: $0.period == lastPeriod)
        }

        let resolution = dossier.resolution
        symbol = resolution.symbol ?? resolution.workID
        blockHeading = dossier.block.map { [$0.phrase, $0.addressee].compactMap { $0 }.joined(separator: " ") } ?? ""
        paragraphLabel = MandatePages.paragraphLabel(mandate.paragraphID)
        paragraphNumber = dossier.paragraph?.number ?? ""
        paragraphText = dossier.paragraph?.text ?? ""
        sourceHref = SiteURL.resolution(mandate.resolutionID).path(anchor: mandate.paragraphID)
        boardHref = SiteURL.board(mandate.resolutionID).path

        cites = (dossier.paragraph?.citations ?? []).map { citation in
            Citation(text: citation.text, id: citation.id, href: dossier.linkedWorks[citation.id].map { SiteURL.resolution($0).path })
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
            return Update(id: update.id, at: Timestamp.string(update.at).prefix(16).replacingOccurrences(of: "T", with: " "),
                          author: update.author, note: update.note, facts: facts.isEmpty ? nil : facts.joined(separator: " · "),
                          evidence: update.evidence.map { PageLink(href: $0, label: dossier.evidenceNames[$0] ?? $0) })
        }

        self.staff = staff
        mayReport = dossier.mayReport
        decisionHref = SiteURL.mandateDecision(mandate.id).path
        updatesHref = SiteURL.mandateUpdates(mandate.id).path
        statusChoices = Mandate.Status.allCases.map { PageChoice(value: $0.rawValue, label: status($0), selected: $0 == mandate.status) }
        dueKinds = ["none", "date", "event", "recurrence"].map {
            PageChoice(value: $0, label: t("mandate.due_kind.\($0)"), selected: $0 == mandate.due.kind)
        }
        mergeTargets = dossier.mergeTargets.map {
            PageChoice(value: $0.id, label: MandatePages.paragraphLabel($0.paragraphID) + " — " + $0.action, selected: false)
        }
        form = EditForm(actorCodes: mandate.actors.joined(separator: ", "), dueKind: mandate.due.kind, dueValue: mandate.due.value,
                        dueText: mandate.due.text ?? "", owner: mandate.owner ?? "", weight: mandate.weight)
        self.error = error
        self.none = none
    }
}
