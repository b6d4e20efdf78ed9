import Foundation
import Resolutions
import Review

// The models of the account pages: signing in, one's profile, and the secretariat's pages of
// organizations and users. A form sent back with problems keeps what was typed (`values`) and
// says each field's problem next to it (`errors`, by field name).

/// The roles as checkboxes, with what each allows.
enum RoleChoices {
    static func all(checked: Set<String>, language: Language, catalog: Catalog) -> [PageChoice] {
        Role.allCases.map { role in
            PageChoice(value: role.rawValue, label: catalog.text("role.\(role.rawValue)", language), selected: checked.contains(role.rawValue),
                       help: catalog.text("role.\(role.rawValue)_help", language))
        }
    }

    /// Roles in words, or "no roles".
    static func text(_ roles: [Role], language: Language, catalog: Catalog) -> String {
        roles.isEmpty ? catalog.text("users.no_roles", language) : roles.map { catalog.text("role.\($0.rawValue)", language) }.joined(separator: ", ")
    }
}

/// The sign-in form (`sign-in.mustache`).
struct SignInPage: Sendable {
    var email: String
    /// Where to go after signing in.
    var next: String
    var error, notice: String?
    var action = SiteURL.signIn.path
}

/// One's own profile (`profile.mustache`): who one is, the password form, the API tokens.
struct ProfilePage: Sendable {
    struct Token: Sendable, Equatable {
        var name, created: String
    }

    var name, email, organization, roles: String
    var tokens: [Token]
    var notice: String?
    /// A token just made, shown this once.
    var newToken: String?
    var passwordErrors: [String: String] = [:]
    var tokenErrors: [String: String] = [:]
    var passwordHref = SiteURL.profilePassword.path
    var tokensHref = SiteURL.profileTokens.path

    init(_ account: AccountDossier, language: Language, catalog: Catalog) {
        name = account.user.name
        email = account.user.email
        organization = account.organizationName ?? catalog.text("profile.no_organization", language)
        roles = account.user.sortedRoles.map { catalog.text("role.\($0.rawValue)", language) }.joined(separator: ", ")
        tokens = account.tokens.map { Token(name: $0.name, created: LocaleFormat.moment($0.createdAt, language)) }
    }
}

/// The organizations, and the form that adds one (`organizations.mustache`).
struct OrganizationsPage: Sendable {
    struct Row: Sendable, Equatable {
        var name, type, country, membership: String
    }

    var organizations: [Row]
    var types, memberships, countries: [PageChoice]
    var values, errors: [String: String]
    var hasErrors: Bool
    var notice: String?
    var action = SiteURL.organizations.path

    init(_ directory: AccountDirectory, values: [String: String], errors: [String: String], notice: String?, language: Language, catalog: Catalog) {
        func t(_ key: String) -> String { catalog.text(key, language) }
        let names = Dictionary(directory.countries.map { ($0.alpha3, $0.name.text(language)) }, uniquingKeysWith: { first, _ in first })
        organizations = directory.organizations.map { organization in
            Row(name: organization.name, type: t("stakeholder.\(organization.stakeholderType.rawValue)"),
                country: organization.country.flatMap { names[$0] } ?? "", membership: t("membership.\(organization.ituMembership.rawValue)"))
        }
        types = StakeholderType.allCases.map {
            PageChoice(value: $0.rawValue, label: t("stakeholder.\($0.rawValue)"), selected: $0.rawValue == values["stakeholder_type"])
        }
        memberships = ITUMembership.allCases.map {
            PageChoice(value: $0.rawValue, label: t("membership.\($0.rawValue)"), selected: $0.rawValue == (values["itu_membership"] ?? "none"))
        }
        countries = directory.countries.map { PageChoice(value: $0.alpha3, label: $0.name.text(language), selected: $0.alpha3 == values["country"]) }
        self.values = values
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.notice = notice
    }
}

/// The users, and the form that adds one (`users.mustache`).
struct UsersPage: Sendable {
    struct Row: Sendable, Equatable {
        var href, name, email, organization, roles: String
    }

    /// The account just made, with the password made for it when none was given (shown this once).
    struct Created: Sendable, Equatable {
        var href, name, email: String
        var password: String?
    }

    var users: [Row]
    var organizations, roles: [PageChoice]
    var values, errors: [String: String]
    var hasErrors: Bool
    var created: Created?
    var action = SiteURL.users.path

    init(_ directory: AccountDirectory, values: [String: String], roles: [String], errors: [String: String], created: Created?,
         language: Language, catalog: Catalog) {
        let organizationNames = Dictionary(directory.organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        users = directory.users.map { user in
            Row(href: SiteURL.user(user.id).path, name: user.name, email: user.email,
                organization: user.organizationID.flatMap { organizationNames[$0] } ?? "",
                roles: RoleChoices.text(user.sortedRoles, language: language, catalog: catalog))
        }
        organizations = directory.organizations.map { PageChoice(value: $0.id, label: $0.name, selected: $0.id == values["organization_id"]) }
        self.roles = RoleChoices.all(checked: Set(roles), language: language, catalog: catalog)
        self.values = values
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.created = created
    }
}

/// One user, for the secretariat (`user.mustache`): their roles to change, their password to reset.
struct UserPage: Sendable {
    var name, email, organization, rolesText: String
    var roles: [PageChoice]
    var notice: String?
    /// A password just made, shown this once.
    var newPassword: String?
    var errors: [String: String] = [:]
    var backHref = SiteURL.users.path
    var rolesHref, passwordHref: String

    init(_ account: AccountDossier, language: Language, catalog: Catalog) {
        let user = account.user
        name = user.name
        email = user.email
        organization = account.organizationName ?? ""
        rolesText = RoleChoices.text(user.sortedRoles, language: language, catalog: catalog)
        roles = RoleChoices.all(checked: Set(user.roles.map(\.rawValue)), language: language, catalog: catalog)
        rolesHref = SiteURL.userRoles(user.id).path
        passwordHref = SiteURL.userPassword(user.id).path
    }
}
