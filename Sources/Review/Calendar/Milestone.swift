import Foundation

/// A dated step of the WSIS+20 process: a summit, a session of the Council or of a UN body, a
/// consultation phase, a deadline. Mandates whose deadline names an event (`council-2026`) are
/// dated by the milestone with that key, and move with it.
public struct Milestone: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case summit
        case highLevelEvent = "high-level-event"
        case conference
        case councilSession = "council-session"
        case cwgMeeting = "cwg-meeting"
        case ungaMeeting = "unga-meeting"
        case ecosocCSTDSession = "ecosoc-cstd-session"
        case deadline
        case consultationPhase = "consultation-phase"
    }

    /// Stable: the event key that due expressions use (`council-2026`, `ecosoc-2025`), and the
    /// iCalendar UID's base.
    public var key: String
    public var kind: Kind
    public var title: String
    /// The first day (`2024-05-27`), or only the month (`2024-06`) or the year (`2026`) when that is all that is known.
    public var start: String
    /// The last day of a range (`2024-05-31`).
    public var end: String?
    public var place: String?
    public var confirmed: Bool
    /// Where the date comes from.
    public var source: String?
    public var version: Int
    public var updatedAt: Date

    public init(key: String, kind: Kind, title: String, start: String, end: String? = nil, place: String? = nil, confirmed: Bool,
                source: String? = nil, version: Int = 1, updatedAt: Date) {
        self.key = key
        self.kind = kind
        self.title = title
        self.start = start
        self.end = end
        self.place = place
        self.confirmed = confirmed
        self.source = source
        self.version = version
        self.updatedAt = updatedAt
    }

    /// Calendar order: by start, then key.
    public static func inCalendarOrder(_ a: Milestone, _ b: Milestone) -> Bool { (a.start, a.key) < (b.start, b.key) }

    /// The first day, when the day is known.
    public var firstDay: String? { start.count == 10 ? start : nil }

    /// Whether the milestone falls (at least partly) in the month `yyyy-MM`.
    public func overlaps(month: String) -> Bool {
        let first = String(start.prefix(7))
        let last = String((end ?? start).prefix(7))
        return start.count >= 7 && first <= month && month <= last
    }
}

/// What someone sends to add or change a milestone.
public struct MilestoneInput: Sendable, Equatable {
    public var key: String?
    public var kind: String?
    public var title: String?
    public var start: String?
    public var end: String?
    public var place: String?
    public var confirmed: Bool
    public var source: String?
    /// For a change: the version it was made against.
    public var expectedVersion: Int?

    public init(key: String? = nil, kind: String?, title: String?, start: String?, end: String? = nil, place: String? = nil,
                confirmed: Bool, source: String? = nil, expectedVersion: Int? = nil) {
        self.key = key
        self.kind = kind
        self.title = title
        self.start = start
        self.end = end
        self.place = place
        self.confirmed = confirmed
        self.source = source
        self.expectedVersion = expectedVersion
    }
}
