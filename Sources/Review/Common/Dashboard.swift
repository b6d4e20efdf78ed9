import Foundation

/// What the home page shows the person who opens it. Everyone: how far each resolution's
/// mandates have got, the milestones ahead, the latest published activities and the registry's
/// size. Signed in, what waits for them: proposals to settle (secretariat), submissions to
/// moderate (reviewers and the secretariat), the mandates they report on that are due or overdue,
/// their organization's drafts.
public struct Dashboard: Sendable {
    public struct Progress: Sendable {
        public var resolution: ResolutionSummary
        public var rollUp: RollUp
        public var completed, overdue, dueSoon, notStarted: Int
    }

    public struct Proposals: Sendable {
        public var resolution: ResolutionSummary
        public var count: Int
    }

    public var progress: [Progress]
    public var milestones: [Milestone]
    public var latest: [Activity]
    public var published: Int
    public var countries: Int
    public var proposals: [Proposals]
    /// Submissions and revisions waiting for a moderator; nil when the viewer does not moderate.
    public var toModerate: Int?
    /// Mandates the viewer reports on that are overdue or due soon, most urgent first.
    public var dueMandates: [MandateView]
    public var drafts: [Activity]
    public var today: String
}

extension Services {
    /// The home page's figures and lists for `viewer` (see `Dashboard`).
    public func dashboard(for viewer: Actor?, language: String) async throws -> Dashboard {
        let today = Timestamp.day(clock.now())
        let resolutions = try await self.resolutions.list(viewer: viewer)
        let byID = Dictionary(resolutions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let accepted = try await mandates.list(MandateFilter(proposal: .accepted), viewer: viewer)
        let progress = Dictionary(grouping: accepted, by: \.mandate.resolutionID).compactMap { id, views -> Dashboard.Progress? in
            guard let resolution = byID[id] else { return nil }
            return Dashboard.Progress(
                resolution: resolution, rollUp: RollUp(views.map(\.mandate)),
                completed: views.filter { $0.mandate.status == .completed }.count,
                overdue: views.filter { $0.signals.contains(.overdue) }.count,
                dueSoon: views.filter { $0.signals.contains(.dueSoon) }.count,
                notStarted: views.filter { $0.mandate.status == .notStarted }.count)
        }.sorted { ($0.rollUp.counted, $0.resolution.createdAt) > ($1.rollUp.counted, $1.resolution.createdAt) }

        let milestones = try await calendar.milestones()
            .filter { (PartialDate.lastDay(of: $0.end ?? $0.start) ?? $0.start) >= today }
            .sorted { PartialDate.firstDay(of: $0.start) < PartialDate.firstDay(of: $1.start) }
        let latest = try await search.search(ActivitySearchRequest(sort: .date, limit: 5), language: language)

        var proposals: [Dashboard.Proposals] = []
        var toModerate: Int?
        var dueMandates: [MandateView] = []
        var drafts: [Activity] = []
        if let viewer {
            if viewer.has(.secretariat) {
                let proposed = try await mandates.list(MandateFilter(proposal: .proposed), viewer: viewer)
                proposals = Dictionary(grouping: proposed, by: \.mandate.resolutionID).compactMap { id, views in
                    byID[id].map { Dashboard.Proposals(resolution: $0, count: views.count) }
                }.sorted { $0.count > $1.count }
            }
            let queue = try await activities.queue(for: viewer)
            if ActivityService.isModerator(viewer) {
                toModerate = queue.activities.count + queue.revisions.count
            } else {
                drafts = queue.activities.filter { $0.state == .draft || $0.state == .changesRequested }
            }
            // Those the viewer reports on (the secretariat reports on every mandate) that are overdue or due soon.
            dueMandates = accepted.filter { view in
                MandateService.mayReport(on: view.mandate, actor: viewer) && (view.signals.contains(.overdue) || view.signals.contains(.dueSoon))
            }
            dueMandates.sort { ($0.signals.contains(.overdue) ? 0 : 1, $0.dueDay ?? "9999") < ($1.signals.contains(.overdue) ? 0 : 1, $1.dueDay ?? "9999") }
        }
        return Dashboard(progress: Array(progress.prefix(3)), milestones: Array(milestones.prefix(5)), latest: latest.hits.map(\.activity),
                         published: latest.total, countries: latest.facets[.country]?.count ?? 0, proposals: proposals,
                         toModerate: toModerate, dueMandates: dueMandates, drafts: drafts, today: today)
    }
}
