import Foundation
import Resolutions

/// What someone reports on a mandate: a note, and perhaps a new status, progress, evidence.
public struct MandateReport: Sendable, Equatable {
    /// The version the reporter saw: a report made against an older one is refused.
    public var expectedVersion: Int
    public var note: String
    public var status: Mandate.Status?
    public var reason: String?
    public var progress: Int?
    public var blocked: Bool
    public var evidence: [String]
    public var corrects: String?
    /// Files kept as evidence: their links join `evidence`.
    public var files: [EvidenceFile]
    /// For recurring work: the period reported on (`2026`); the status (not started, in progress,
    /// completed) and progress are then that period's, and the mandate itself is ongoing.
    public var period: String?

    public init(expectedVersion: Int, note: String, status: Mandate.Status? = nil, reason: String? = nil, progress: Int? = nil,
                blocked: Bool = false, evidence: [String] = [], corrects: String? = nil, files: [EvidenceFile] = [], period: String? = nil) {
        self.files = files
        self.period = period
        self.expectedVersion = expectedVersion
        self.note = note
        self.status = status
        self.reason = reason
        self.progress = progress
        self.blocked = blocked
        self.evidence = evidence
        self.corrects = corrects
    }
}

/// How the secretariat settles a proposal, or edits an accepted mandate.
public struct MandateDecision: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case accept, drop, edit, split, merge }
    public var kind: Kind
    public var expectedVersion: Int
    public var reason: String?
    public var actors: [String]?
    public var action: String?
    public var due: Due?
    public var owner: String?
    public var weight: Int?
    /// Split: the actions the proposal becomes, the first kept by this mandate, each other a new proposal.
    public var parts: [String]
    /// Merge: the proposal this one is merged into (it takes this one's actors and action; this one is dropped).
    public var into: String?

    public init(kind: Kind, expectedVersion: Int, reason: String? = nil, actors: [String]? = nil, action: String? = nil, due: Due? = nil,
                owner: String? = nil, weight: Int? = nil, parts: [String] = [], into: String? = nil) {
        self.parts = parts
        self.into = into
        self.kind = kind
        self.expectedVersion = expectedVersion
        self.reason = reason
        self.actors = actors
        self.action = action
        self.due = due
        self.owner = owner
        self.weight = weight
    }
}
