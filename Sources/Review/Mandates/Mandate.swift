import Foundation

/// What one operative paragraph (or one sub-item asking for distinct work) of a confirmed
/// resolution asks someone to do, tracked until it is done.
///
/// A mandate starts as a proposal read from the text; the secretariat accepts, edits or drops
/// it. Its history is a list of dated updates that are never changed: a correction is a new one.
public struct Mandate: Sendable, Codable, Equatable {
    public enum Proposal: String, Sendable, Codable, CaseIterable {
        /// Read from the text, waiting for the secretariat.
        case proposed
        case accepted
        /// Not a mandate after all ("takes note of …"); kept so the decision stays visible.
        case dropped
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        case notStarted = "not-started"
        case inProgress = "in-progress"
        case completed
        /// Recurring work that is being done ("report annually"): it never completes.
        case ongoing
        case cancelled
        case superseded

        /// Whether the work is still expected: signals apply only to open mandates.
        public var isOpen: Bool { self == .notStarted || self == .inProgress || self == .ongoing }
    }

    public var id: String
    public var resolutionID: String
    /// The cited-work identifier of the resolution (`itu/doc/C23/85`), for filters and exports.
    public var workID: String
    /// The source paragraph's anchor in the resolution's page (`op_2__para_10`).
    public var paragraphID: String
    public var blockID: String
    /// Order in the resolution, for listing.
    public var position: Int
    /// Codes of the actor registry (`secretary-general`, `member-states`).
    public var actors: [String]
    /// The action in a short form: "report annually to the Council on progress …".
    public var action: String
    public var due: Due
    /// Action Line codes mentioned in the paragraph.
    public var actionLines: [String]
    /// SDG goals and targets mentioned in the paragraph.
    public var sdgs: [String]
    /// SDG goals linked to the paragraph's Action Lines in the WSIS-SDG Matrix: suggestions, not tags.
    public var suggestedSDGs: [String]
    public var proposal: Proposal
    public var status: Status
    /// Why it was cancelled, superseded, dropped or reopened.
    public var statusReason: String?
    /// 0 to 100.
    public var progress: Int
    /// Its share in the roll-up of its block and resolution.
    public var weight: Int
    /// The organization or person answerable for it, as written by the secretariat.
    public var owner: String?
    /// The organization that owns it, when the owner is a registered organization (its focal points may update it).
    public var ownerOrganizationID: String?
    /// Set by an update that reports the work blocked; cleared by the next update that does not.
    public var blocked: Bool
    /// Raised by every change: a change made against an older version is refused (no lost update).
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
    /// When the last dated update was recorded (or the mandate accepted), for the "no update for a year" signal.
    public var lastActivityAt: Date

    public init(id: String, resolutionID: String, workID: String, paragraphID: String, blockID: String, position: Int,
                actors: [String], action: String, due: Due, actionLines: [String], sdgs: [String], suggestedSDGs: [String],
                proposal: Proposal = .proposed, status: Status = .notStarted, statusReason: String? = nil, progress: Int = 0,
                weight: Int = 1, owner: String? = nil, ownerOrganizationID: String? = nil, blocked: Bool = false, version: Int = 1,
                createdAt: Date, updatedAt: Date, lastActivityAt: Date) {
        self.id = id
        self.resolutionID = resolutionID
        self.workID = workID
        self.paragraphID = paragraphID
        self.blockID = blockID
        self.position = position
        self.actors = actors
        self.action = action
        self.due = due
        self.actionLines = actionLines
        self.sdgs = sdgs
        self.suggestedSDGs = suggestedSDGs
        self.proposal = proposal
        self.status = status
        self.statusReason = statusReason
        self.progress = progress
        self.weight = weight
        self.owner = owner
        self.ownerOrganizationID = ownerOrganizationID
        self.blocked = blocked
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.lastActivityAt = lastActivityAt
    }
}

extension Mandate {
    /// Accepted mandates are public; proposals and dropped ones are the secretariat's.
    public func isVisible(to viewer: Actor?) -> Bool {
        proposal == .accepted || viewer?.has(.secretariat) == true
    }

    /// The signals of an accepted, open mandate at `now`. `dueDay` is the day it is due
    /// (`yyyy-MM-dd`), when known: from its date, or from the calendar for an event.
    public func signals(now: Date, dueDay: String?) -> [Signal] {
        guard proposal == .accepted, status.isOpen else { return [] }
        var signals: [Signal] = []
        let today = Timestamp.day(now)
        if let dueDay, status != .ongoing {
            if dueDay < today {
                signals.append(.overdue)
            } else if dueDay <= Timestamp.day(now.addingTimeInterval(30 * 86_400)) {
                signals.append(.dueSoon)
            }
        }
        if now.timeIntervalSince(lastActivityAt) > 365 * 86_400 { signals.append(.stale) }
        if blocked { signals.append(.blocked) }
        return signals
    }

    /// The day it is due when its due expression is a date.
    public var dueDay: String? {
        if case .date(let value, _) = due { return PartialDate.lastDay(of: value) }
        return nil
    }

    /// What a status change needs: nil when allowed, else the code of the reason it is refused.
    /// Reopening finished work, going back to "not started", cancelling and superseding all need a reason.
    public static func refusal(from: Status, to: Status, reason: String?) -> String? {
        guard from != to else { return nil }
        let hasReason = !(reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        if to == .cancelled || to == .superseded { return hasReason ? nil : "reason-required-to-close" }
        if !from.isOpen { return hasReason ? nil : "reason-required-to-reopen" }
        if to == .notStarted { return hasReason ? nil : "reason-required-to-restart" }
        return nil
    }
}
