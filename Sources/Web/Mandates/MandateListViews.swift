import Foundation
import Resolutions
import Review

/// One mandate as a row of the list and of a board (`mandate-row.mustache`).
struct MandateRow: Sendable, Equatable {
    var id: String
    var version: Int
    var href: String
    var sourceHref: String
    var decisionHref: String
    var paragraphLabel: String
    var actors: String
    var action: String
    var due: String
    var status: String
    var progress: Int
    var proposed: Bool
    var dropped: Bool
    var signals: [PageBadge]
    var staff: Bool

    init(_ view: MandateView, actorNames: [String: String], language: Language, catalog: Catalog, staff: Bool) {
        let mandate = view.mandate
        id = mandate.id
        version = mandate.version
        href = SiteURL.mandate(mandate.id).path
        sourceHref = SiteURL.resolution(mandate.resolutionID).path(anchor: mandate.paragraphID)
        decisionHref = SiteURL.mandateDecision(mandate.id).path
        paragraphLabel = MandatePages.paragraphLabel(mandate.paragraphID)
        actors = mandate.actors.map { actorNames[$0] ?? $0.replacingOccurrences(of: "unlisted:", with: "") }.joined(separator: ", ")
        action = mandate.action
        due = MandatePages.due(mandate.due, day: view.dueDay, language: language, catalog: catalog)
        status = catalog.text("mandate.status.\(mandate.status.rawValue)", language)
        progress = mandate.progress
        proposed = mandate.proposal == .proposed
        dropped = mandate.proposal == .dropped
        signals = view.signals.map { PageBadge(code: $0.rawValue, label: catalog.text("mandate.signal.\($0.rawValue)", language)) }
        self.staff = staff
    }
}

/// The filters above the list and a board (`mandate-filters.mustache`), as the query set them.
struct MandateFilterForm: Sendable, Equatable {
    var statuses: [PageChoice]
    var signals: [PageChoice]
    var actors: [PageChoice]
    var owner: String
    var dueWithin: String
    var actionLine: String
    var sdg: String

    init(_ filter: MandateFilter, signal: Signal?, dueWithin: String?, actorNames: [String: String], language: Language, catalog: Catalog) {
        statuses = Mandate.Status.allCases.map {
            PageChoice(value: $0.rawValue, label: catalog.text("mandate.status.\($0.rawValue)", language), selected: filter.status == $0)
        }
        signals = Signal.allCases.map {
            PageChoice(value: $0.rawValue, label: catalog.text("mandate.signal.\($0.rawValue)", language), selected: signal == $0)
        }
        actors = actorNames.sorted { $0.value < $1.value }.map { PageChoice(value: $0.key, label: $0.value, selected: filter.actor == $0.key) }
        owner = filter.owner ?? ""
        self.dueWithin = dueWithin ?? ""
        actionLine = filter.actionLine ?? ""
        sdg = filter.sdg ?? ""
    }
}

/// Every mandate the viewer may see, filtered (`mandates.mustache`).
struct MandatesPage: Sendable {
    var filters: MandateFilterForm
    var mandates: [MandateRow]
    /// A focal point may list the mandates of their organization.
    var focalPoint: Bool
    var mineHref: String
    var staff: Bool
}

/// A resolution's board: its operative part block by block, each with its mandates and roll-up
/// (`mandate-board.mustache`).
struct MandateBoardPage: Sendable {
    struct Block: Sendable {
        var id: String
        var heading: String
        var rollup: Int
        var mandates: [MandateRow]
    }

    var resolutionHref: String
    var acceptAllHref: String
    var symbol: String
    var title: String
    var overall: Int
    var proposals: Int
    var staff: Bool
    var filters: MandateFilterForm
    var blocks: [Block]

    init(_ board: MandateBoard, filters: MandateFilterForm, language: Language, catalog: Catalog, staff: Bool) {
        let stored = board.resolution
        resolutionHref = SiteURL.resolution(stored.id).path
        acceptAllHref = SiteURL.boardAcceptAll(stored.id).path
        symbol = stored.symbol ?? stored.workID
        title = stored.structure.title?.value ?? symbol
        overall = RollUp(board.all.map(\.mandate)).percent
        proposals = board.all.filter { $0.mandate.proposal == .proposed }.count
        self.staff = staff
        self.filters = filters
        blocks = stored.structure.operative.map { block in
            let mandates = board.all.filter { $0.mandate.blockID == block.id }
            return Block(id: block.id, heading: [block.phrase, block.addressee].compactMap { $0 }.joined(separator: " "),
                         rollup: RollUp(mandates.map(\.mandate)).percent,
                         mandates: mandates.filter { board.shown.contains($0.mandate.id) }.map {
                             MandateRow($0, actorNames: board.actorNames, language: language, catalog: catalog, staff: staff)
                         })
        }
    }
}
