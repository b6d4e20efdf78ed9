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

/// When a mandate is due, as the resolution says it.
public enum Due: Sendable, Codable, Equatable {
    case none
    /// A day, month or year: `2027-12-31`, `2025-12`, `2030`.
    case date(String, text: String)
    /// A named event: `council-2026` for "the 2026 session of the Council"; it is dated by the calendar.
    case event(String, text: String)
    /// `annually`, `regularly`, `biennially`.
    case recurrence(String, text: String)

    /// The words of the resolution it was read from.
    public var text: String? {
        switch self {
        case .none: nil
        case .date(_, let text), .event(_, let text), .recurrence(_, let text): text
        }
    }

    /// The kind as a word for forms, filters and exports: none, date, event, recurrence.
    public var kind: String {
        switch self {
        case .none: "none"
        case .date: "date"
        case .event: "event"
        case .recurrence: "recurrence"
        }
    }

    /// The value: the date, the event's key or the recurrence; empty for none.
    public var value: String {
        switch self {
        case .none: ""
        case .date(let value, _), .event(let value, _), .recurrence(let value, _): value
        }
    }

    public init(kind: String, value: String, text: String) throws {
        switch kind {
        case "none", "": self = .none
        case "date":
            guard Self.lastDay(of: value) != nil else { throw DomainError.invalid([FieldError(field: "due", code: "invalid-date")]) }
            self = .date(value, text: text)
        case "event":
            guard !value.isEmpty, value.count <= 80 else { throw DomainError.invalid([FieldError(field: "due", code: "required")]) }
            self = .event(value, text: text)
        case "recurrence":
            guard ["annually", "regularly", "biennially", "periodically"].contains(value) else {
                throw DomainError.invalid([FieldError(field: "due", code: "unknown-choice")])
            }
            self = .recurrence(value, text: text)
        default: throw DomainError.invalid([FieldError(field: "due", code: "unknown-choice")])
        }
    }

    /// The last day a date covers (`2025-12` → 2025-12-31, `2030` → 2030-12-31), as `yyyy-MM-dd`; nil if it is not one.
    public static func lastDay(of value: String) -> String? {
        let parts = value.split(separator: "-").map { Int($0) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }), let year = parts[0], (1900...2200).contains(year) else { return nil }
        let calendar = Timestamp.calendar
        switch parts.count {
        case 1: return String(format: "%04d-12-31", year)
        case 2:
            guard let month = parts[1], (1...12).contains(month),
                  let date = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
                  let days = calendar.range(of: .day, in: .month, for: date) else { return nil }
            return String(format: "%04d-%02d-%02d", year, month, days.count)
        case 3:
            guard let month = parts[1], let day = parts[2],
                  let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
                  calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month else { return nil }
            return String(format: "%04d-%02d-%02d", year, month, day)
        default: return nil
        }
    }
}

/// Why a mandate needs attention, computed from the clock: shown as a badge with words, not colour alone.
public enum Signal: String, Sendable, Codable, CaseIterable {
    case overdue
    case dueSoon = "due-soon"
    /// No update for twelve months.
    case stale
    case blocked
}

extension Mandate {
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
        if case .date(let value, _) = due { return Due.lastDay(of: value) }
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

/// One dated entry in a mandate's history: what was done, by whom, with what evidence, and the
/// status or progress it set. Entries are never changed; `corrects` names the entry a new one corrects.
public struct MandateUpdate: Sendable, Codable, Equatable {
    public var id: String
    public var mandateID: String
    public var at: Date
    /// How the audit trail names the author (an e-mail, or `system:cli`).
    public var author: String
    public var note: String
    public var statusFrom: Mandate.Status?
    public var statusTo: Mandate.Status?
    public var reason: String?
    public var progress: Int?
    public var blocked: Bool
    /// Links to evidence: reports, pages, documents.
    public var evidence: [String]
    public var corrects: String?
    /// For recurring work: the period the update reports on (`2026`); its status and progress are that period's.
    public var period: String?

    public init(id: String, mandateID: String, at: Date, author: String, note: String, statusFrom: Mandate.Status? = nil,
                statusTo: Mandate.Status? = nil, reason: String? = nil, progress: Int? = nil, blocked: Bool = false,
                evidence: [String] = [], corrects: String? = nil, period: String? = nil) {
        self.period = period
        self.id = id
        self.mandateID = mandateID
        self.at = at
        self.author = author
        self.note = note
        self.statusFrom = statusFrom
        self.statusTo = statusTo
        self.reason = reason
        self.progress = progress
        self.blocked = blocked
        self.evidence = evidence
        self.corrects = corrects
    }
}

/// Progress of a group of mandates, weighted: completed work counts as 100, cancelled and
/// superseded work and proposals not accepted do not count.
public struct RollUp: Sendable, Equatable {
    public var percent: Int
    public var counted: Int

    public init(_ mandates: [Mandate]) {
        let counted = mandates.filter { $0.proposal == .accepted && $0.status != .cancelled && $0.status != .superseded }
        let weights = counted.reduce(0) { $0 + max($1.weight, 0) }
        let sum = counted.reduce(0) { $0 + max($1.weight, 0) * ($1.status == .completed ? 100 : $1.progress) }
        self.percent = weights == 0 ? 0 : Int((Double(sum) / Double(weights)).rounded())
        self.counted = counted.count
    }
}
