import Foundation
import Resolutions

/// Everything a mandate's page shows, read in one session: the mandate with its signals and
/// periods, its dated history with the names of its evidence files, the resolution and paragraph
/// it comes from, what that paragraph cites and what cites the resolution, a later version of it,
/// the actors' names, and what the viewer may do.
public struct MandateDossier: Sendable {
    public var view: MandateView
    public var updates: [MandateUpdate]
    public var resolution: StoredResolution
    /// Actor codes to names, from the registry.
    public var actorNames: [String: String]
    /// An evidence link (`/evidence/ID`) to the name of the file it serves.
    public var evidenceNames: [String: String]
    /// For each work the resolution cites, the confirmed resolution that is that work, if imported.
    public var linkedWorks: [String: String]
    public var citedBy: [CitingParagraph]
    public var laterVersion: ResolutionSummary?
    /// The resolution's other proposals, into which the secretariat may merge this one.
    public var mergeTargets: [Mandate]
    /// Whether the viewer may record an update.
    public var mayReport: Bool

    public var mandate: Mandate { view.mandate }
    public var paragraph: Paragraph? { resolution.structure.allParagraphs.first { $0.paragraph.id == mandate.paragraphID }?.paragraph }
    public var block: Block? { resolution.structure.operative.first { $0.id == mandate.blockID } }
}

extension MandateService {
    /// A mandate's dossier, if the viewer may see the mandate (accepted ones for everyone,
    /// proposals and dropped ones for the secretariat).
    public func dossier(id: String, viewer: Actor?) async throws -> MandateDossier {
        let read = try await store.read { repositories -> Read? in
            guard let mandate = try await repositories.mandates.mandate(id: id), mandate.isVisible(to: viewer),
                  let resolution = try await repositories.resolutions.resolution(id: mandate.resolutionID),
                  resolution.isVisible(to: viewer) else { return nil }
            let milestone: Milestone? = if case .event(let key, _) = mandate.due { try await repositories.calendar.milestone(key: key) } else { nil }
            return Read(
                mandate: mandate,
                updates: try await repositories.mandates.updates(mandateID: id),
                resolution: resolution,
                milestone: milestone,
                tracked: mandate.periodLength == nil ? [] : try await repositories.mandates.occurrences(mandateIDs: [id]),
                actorNames: try await repositories.mandates.actorNames(),
                evidence: try await repositories.mandates.evidence(mandateID: id),
                linkedWorks: try await repositories.resolutions.linkedWorks(of: resolution),
                citedBy: try await repositories.resolutions.citing(workID: resolution.workID),
                laterVersion: try await repositories.resolutions.laterVersion(of: resolution),
                mergeTargets: viewer?.has(.secretariat) == true && mandate.proposal == .proposed
                    ? try await repositories.mandates.mandates(MandateFilter(resolutionID: mandate.resolutionID, proposal: .proposed)).filter { $0.id != id }
                    : []
            )
        }
        guard let read else { throw DomainError.notFound(kind: "mandate", id: id) }
        return MandateDossier(
            view: view(read.mandate, calendar: read.milestone.map { [$0.key: $0] } ?? [:], tracked: read.tracked),
            updates: read.updates,
            resolution: read.resolution,
            actorNames: read.actorNames,
            evidenceNames: Dictionary(read.evidence.map { ($0.link, $0.fileName) }, uniquingKeysWith: { first, _ in first }),
            linkedWorks: read.linkedWorks,
            citedBy: read.citedBy,
            laterVersion: read.laterVersion,
            mergeTargets: read.mergeTargets,
            mayReport: Self.mayReport(on: read.mandate, actor: viewer) && read.mandate.proposal == .accepted
        )
    }

    private struct Read: Sendable {
        var mandate: Mandate
        var updates: [MandateUpdate]
        var resolution: StoredResolution
        var milestone: Milestone?
        var tracked: [Occurrence]
        var actorNames: [String: String]
        var evidence: [StoredEvidence]
        var linkedWorks: [String: String]
        var citedBy: [CitingParagraph]
        var laterVersion: ResolutionSummary?
        var mergeTargets: [Mandate]
    }
}

/// A resolution's mandates as its board shows them, read in one session: every mandate the viewer
/// may see (for the roll-ups), the ones the filters let through, and the actors' names.
public struct MandateBoard: Sendable {
    public var resolution: StoredResolution
    public var all: [MandateView]
    public var shown: Set<String>
    public var actorNames: [String: String]
}

extension MandateService {
    public func board(resolutionID: String, filter: MandateFilter, signal: Signal?, viewer: Actor?) async throws -> MandateBoard {
        var filter = filter
        filter.resolutionID = resolutionID
        let board = try await store.read { [self, filter] repositories -> MandateBoard? in
            guard let resolution = try await repositories.resolutions.resolution(id: resolutionID), resolution.isVisible(to: viewer) else {
                return nil
            }
            let all = try await list(MandateFilter(resolutionID: resolutionID), viewer: viewer, in: repositories)
            let shown = try await list(filter, signal: signal, viewer: viewer, in: repositories)
            return MandateBoard(resolution: resolution, all: all, shown: Set(shown.map(\.mandate.id)),
                                actorNames: try await repositories.mandates.actorNames())
        }
        guard let board else { throw DomainError.notFound(kind: "resolution", id: resolutionID) }
        return board
    }

    /// Mandates the viewer may see, filtered, with the actors' names, in one read.
    public func listing(_ filter: MandateFilter, signal: Signal?, viewer: Actor?) async throws -> (views: [MandateView], actorNames: [String: String]) {
        try await store.read { [self] repositories in
            (try await list(filter, signal: signal, viewer: viewer, in: repositories), try await repositories.mandates.actorNames())
        }
    }
}
