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
