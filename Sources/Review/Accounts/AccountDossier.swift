import Foundation

/// A person's account as their profile and the secretariat's page about them show it, read in one
/// session: the user, their organization's name and their API tokens.
public struct AccountDossier: Sendable {
    public var user: User
    public var organizationName: String?
    public var tokens: [APIToken]
}

/// The accounts as the secretariat's pages list them, read in one session.
public struct AccountDirectory: Sendable {
    public var organizations: [Organization]
    public var users: [User]
    /// For naming organizations' countries and choosing one.
    public var countries: [Country]
}

extension AccountService {
    /// A user's account. Their own for anyone signed in; anyone's for the secretariat (the pages that show it are the secretariat's).
    public func dossier(userID: String) async throws -> AccountDossier {
        let dossier = try await store.read { repositories -> AccountDossier? in
            guard let user = try await repositories.accounts.user(id: userID) else { return nil }
            var organizationName: String?
            if let id = user.organizationID { organizationName = try await repositories.accounts.organization(id: id)?.name }
            return AccountDossier(user: user, organizationName: organizationName, tokens: try await repositories.sessions.apiTokens(userID: userID))
        }
        guard let dossier else { throw DomainError.notFound(kind: "user", id: userID) }
        return dossier
    }

    public func directory() async throws -> AccountDirectory {
        try await store.read { repositories in
            AccountDirectory(organizations: try await repositories.accounts.organizations(), users: try await repositories.accounts.users(),
                             countries: try await repositories.reference.countries())
        }
    }
}
