import Foundation

public struct Organization: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var stakeholderType: StakeholderType
    /// ISO 3166-1 alpha-3 code of the country where the organization is based, if any.
    public var country: String?
    public var ituMembership: ITUMembership
    public var createdAt: Date

    public init(id: String, name: String, stakeholderType: StakeholderType, country: String?, ituMembership: ITUMembership, createdAt: Date) {
        self.id = id
        self.name = name
        self.stakeholderType = stakeholderType
        self.country = country
        self.ituMembership = ituMembership
        self.createdAt = createdAt
    }
}

public struct NewOrganization: Sendable, Codable {
    public var name: String?
    public var stakeholderType: String?
    public var country: String?
    public var ituMembership: String?

    public init(name: String?, stakeholderType: String?, country: String?, ituMembership: String?) {
        self.name = name
        self.stakeholderType = stakeholderType
        self.country = country
        self.ituMembership = ituMembership
    }
}

/// The stakeholder groups of the WSIS process (Tunis Agenda, para. 97 and the WSIS Stocktaking categories).
public enum StakeholderType: String, CaseIterable, Sendable, Codable, Hashable {
    case government
    case privateSector = "private-sector"
    case civilSociety = "civil-society"
    case academia
    case technicalCommunity = "technical-community"
    case internationalOrganization = "international-organization"
}

/// An organization's standing in ITU (Constitution art. 2 and 3; Convention art. 19).
public enum ITUMembership: String, CaseIterable, Sendable, Codable, Hashable {
    case memberState = "member-state"
    case sectorMember = "sector-member"
    case associate
    case academia
    case none
}
