import Foundation

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
