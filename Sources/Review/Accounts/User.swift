import Foundation
import Resolutions

public struct User: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// Stored lower-cased; unique.
    public var email: String
    public var organizationID: String?
    public var roles: Set<Role>
    public var createdAt: Date
    /// The language the person last chose for the pages; nil until they choose one.
    public var language: Language?

    public init(id: String, name: String, email: String, organizationID: String?, roles: Set<Role>, createdAt: Date, language: Language? = nil) {
        self.language = language
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
