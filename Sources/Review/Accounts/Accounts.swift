import Foundation

/// What a signed-in person may do besides reading what is public. A person may hold several roles.
public enum Role: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    /// Runs the platform: accounts, roles, the audit trail; may do everything.
    case administrator
    /// A WSIS secretariat officer: organizations and accounts, resolutions, mandates, reports.
    case secretariat
    /// Moderates submissions before publication.
    case reviewer
    /// Speaks for a Member State, Sector Member or other organization.
    case focalPoint = "focal-point"

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Reads a comma-separated list such as `secretariat,reviewer`; unknown names are returned apart.
    public static func parseList(_ text: String) -> (roles: Set<Role>, unknown: [String]) {
        var roles = Set<Role>()
        var unknown: [String] = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty { continue }
            if let role = Role(rawValue: name) { roles.insert(role) } else { unknown.append(name) }
        }
        return (roles, unknown)
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

public struct User: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// Stored lower-cased; unique.
    public var email: String
    public var organizationID: String?
    public var roles: Set<Role>
    public var createdAt: Date

    public init(id: String, name: String, email: String, organizationID: String?, roles: Set<Role>, createdAt: Date) {
        self.id = id
        self.name = name
        self.email = email
        self.organizationID = organizationID
        self.roles = roles
        self.createdAt = createdAt
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) || roles.contains(.administrator) }

    /// Roles in their canonical order, for display and storage.
    public var sortedRoles: [Role] { roles.sorted() }
}

/// Who is acting: a signed-in user, or the platform itself (first start, the command line).
public struct Actor: Sendable, Equatable {
    public var userID: String?
    /// How the audit trail names the actor: the user's e-mail, or `system:<what>`.
    public var label: String
    public var roles: Set<Role>
    /// The organization the person speaks for, if any.
    public var organizationID: String?

    public init(user: User) {
        self.userID = user.id
        self.label = user.email
        self.roles = user.roles
        self.organizationID = user.organizationID
    }

    public init(system what: String) {
        self.userID = nil
        self.label = "system:\(what)"
        self.roles = [.administrator]
        self.organizationID = nil
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) || roles.contains(.administrator) }
}

/// A signed-in browser session. The cookie holds the token; the database only its SHA-256.
public struct Session: Sendable, Equatable {
    public var tokenHash: String
    public var userID: String
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, userID: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A bearer token for the JSON API. Only its SHA-256 is stored; the token itself is shown once.
public struct APIToken: Sendable, Equatable {
    public var id: String
    public var tokenHash: String
    public var userID: String
    public var name: String
    public var createdAt: Date

    public init(id: String, tokenHash: String, userID: String, name: String, createdAt: Date) {
        self.id = id
        self.tokenHash = tokenHash
        self.userID = userID
        self.name = name
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

public struct NewUser: Sendable, Codable {
    public var name: String?
    public var email: String?
    public var organizationID: String?
    public var roles: [String]
    /// When absent, a password is generated and returned once.
    public var password: String?

    public init(name: String?, email: String?, organizationID: String?, roles: [String], password: String? = nil) {
        self.name = name
        self.email = email
        self.organizationID = organizationID
        self.roles = roles
        self.password = password
    }
}
