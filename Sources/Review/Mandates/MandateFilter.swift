import Foundation
import Resolutions

/// Which mandates to list. Signals are computed from the clock, so they filter after reading.
public struct MandateFilter: Sendable, Equatable {
    public var resolutionID: String?
    public var actor: String?
    public var status: Mandate.Status?
    public var proposal: Mandate.Proposal?
    public var ownerOrganizationID: String?
    /// An Action Line code (`C7`; `C7` also takes its sub-lines such as `C7.egov`).
    public var actionLine: String?
    /// An SDG goal (`4`) or target (`4.1`), named by the paragraph.
    public var sdg: String?
    /// Words in the owner's name.
    public var owner: String?
    /// Due on or before this day (`yyyy-MM-dd`).
    public var dueBefore: String?
    /// A focal point's own: owned by this organization, or addressed to the membership.
    public var mineFor: String?

    /// The actors that stand for the whole membership.
    static let membership: Set<String> = ["itu-membership", "member-states", "sector-members"]

    public init(resolutionID: String? = nil, actor: String? = nil, status: Mandate.Status? = nil, proposal: Mandate.Proposal? = nil,
                ownerOrganizationID: String? = nil, actionLine: String? = nil, sdg: String? = nil, owner: String? = nil, dueBefore: String? = nil) {
        self.resolutionID = resolutionID
        self.actor = actor
        self.status = status
        self.proposal = proposal
        self.ownerOrganizationID = ownerOrganizationID
        self.actionLine = actionLine
        self.sdg = sdg
        self.owner = owner
        self.dueBefore = dueBefore
    }

    /// Whether a mandate (with its computed due day) passes the filters that are not read from the database.
    func admits(_ view: MandateView) -> Bool {
        let mandate = view.mandate
        if let line = actionLine?.uppercased(), !mandate.actionLines.contains(where: { $0.uppercased() == line || $0.uppercased().hasPrefix(line + ".") }) {
            return false
        }
        if let sdg, !mandate.sdgs.contains(where: { $0 == sdg || $0.hasPrefix(sdg + ".") }) { return false }
        if let owner, !(mandate.owner ?? "").localizedCaseInsensitiveContains(owner) { return false }
        if let dueBefore { guard let day = view.dueDay, day <= dueBefore else { return false } }
        if let organization = mineFor, mandate.ownerOrganizationID != organization, Self.membership.isDisjoint(with: mandate.actors) {
            return false
        }
        return true
    }
}
