import Foundation

/// The calendar as its page shows it, read in one session: the milestones, the accepted mandates
/// the viewer may see that have a day they are due, and the actors whose deadlines may be subscribed to.
public struct MandateCalendar: Sendable {
    /// In calendar order.
    public var milestones: [Milestone]
    /// Those with a due day, by that day then id.
    public var deadlines: [MandateView]
    public var actors: [MandateActor]
}

extension MandateService {
    public func calendar(viewer: Actor?) async throws -> MandateCalendar {
        try await store.read { [self] repositories in
            let deadlines = try await list(MandateFilter(proposal: .accepted), viewer: viewer, in: repositories)
                .compactMap { view in view.dueDay.map { (day: $0, view: view) } }
                .sorted { ($0.day, $0.view.mandate.id) < ($1.day, $1.view.mandate.id) }
                .map(\.view)
            return MandateCalendar(milestones: try await repositories.calendar.milestones().sorted(by: Milestone.inCalendarOrder),
                                   deadlines: deadlines, actors: try await repositories.mandates.actors())
        }
    }
}
