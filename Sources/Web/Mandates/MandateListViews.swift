import Foundation
import Resolutions
import Review

/// One mandate as a row of the list and of a board (`mandate-row.mustache`).
struct MandateRow: Sendable, Equatable {
    var id: String
    var version: Int
    var href, sourceHref, decisionHref: String
    var paragraphLabel, actors, action, due, status: String
    var progress: Int
    var proposed, dropped: Bool
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
    var statuses, signals, actors: [PageChoice]
    var owner, dueWithin, actionLine, sdg: String

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
    /// What an empty list says: nothing tracked yet, or nothing matching the filters.
    var none: String
    var links = Links()

    /// The downloads, the import of updates and the actor registry, linked from the list.
    struct Links: Sendable, Equatable {
        var csv = SiteURL.mandatesCSV.path
        var csvForExcel = SiteURL.mandatesCSV.path(query: ["bom": "1"])
        var json = SiteURL.mandatesJSON.path
        var updatesCSV = SiteURL.mandateUpdatesCSV.path
        var importFile = SiteURL.mandateImport.path
        var actors = SiteURL.mandateActors.path
    }
}

/// A resolution's board: its operative part block by block, each with its mandates and roll-up
/// (`mandate-board.mustache`).
struct MandateBoardPage: Sendable {
    struct Block: Sendable {
        var id, heading: String
        var rollup: Int
        var mandates: [MandateRow]
    }

    var resolutionHref, acceptAllHref: String
    var symbol, title: String
    var overall, proposals: Int
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

/// The import of mandate updates (`mandate-import.mustache`): the form, then the report row by row.
struct MandateImportPage: Sendable {
    struct Row: Sendable, Equatable {
        var line: Int
        var mandate, change: String
        /// The row's problems in one sentence; absent when it has none.
        var problems: String?
    }

    struct Report: Sendable, Equatable {
        var summary: String
        var fileErrors: [String]
        var rows: [Row]
    }

    var report: Report?
    var error: String?
    var action = SiteURL.mandateImport.path
    var backHref = SiteURL.mandates.path

    init(error: String? = nil) {
        self.error = error
    }

    init(_ report: UpdateImportReport, applying: Bool, language: Language, catalog: Catalog) {
        func t(_ key: String, _ parameters: [String: String]) -> String { catalog.text(key, language, parameters) }
        let summary = report.applied
            ? t("import.summary_applied", ["rows": String(report.rows.filter { !$0.skipped }.count)])
            : applying ? t("import.summary_refused", ["problems": String(report.problems)])
            : t("import.summary_checked", ["rows": String(report.rows.count), "problems": String(report.problems)])
        self.report = Report(summary: summary, fileErrors: report.fileErrors, rows: report.rows.map { row in
            Row(line: row.line, mandate: row.mandateID, change: row.change,
                problems: row.errors.isEmpty ? nil : row.errors.map { "\($0.field): " + catalog.message(for: $0, language) }.joined(separator: " "))
        })
    }
}

/// The actor registry (`mandate-actors.mustache`): who resolutions address, and the words that name them.
struct MandateActorsPage: Sendable {
    struct Row: Sendable, Equatable {
        var code, name, patterns: String
    }

    var actors: [Row]
    var staff: Bool
    var error: String?
    var action = SiteURL.mandateActors.path
    var backHref = SiteURL.mandates.path

    init(_ actors: [MandateActor], staff: Bool, error: String?) {
        self.actors = actors.map { Row(code: $0.code, name: $0.name, patterns: $0.patterns.joined(separator: "; ")) }
        self.staff = staff
        self.error = error
    }
}
