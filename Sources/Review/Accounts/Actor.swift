import Foundation

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
