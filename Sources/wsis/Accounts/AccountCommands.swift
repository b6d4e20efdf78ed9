import App
import ArgumentParser
import Foundation
import Review
import Web

/// The command line acts as the platform's operator: its actions are audited as `system:cli`.
let cliActor = Actor(system: "cli")

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts.",
        subcommands: [Add.self, List.self, SetRoles.self, ResetPassword.self, Token.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account; prints the generated password once.")
        @OptionGroup var options: CommonOptions
        @Option(help: "The person's name.") var name: String
        @Option(help: "The person's e-mail (the sign-in name).") var email: String
        @Option(help: "Comma-separated roles: administrator, secretariat, reviewer, focal-point.") var roles: String = ""
        @Option(help: "The organization, by name or id.") var organization: String?
        @Flag(help: "Read the password from standard input instead of generating one.") var passwordStdin = false

        func run() async throws {
            let settings = readSettings(options)
            let password = passwordStdin ? readLine(strippingNewline: true) : nil
            try await withPlatform(settings) { platform in
                let organizationID = try await resolveOrganization(organization, platform)
                let (user, generated) = try await platform.accounts.createUser(
                    NewUser(name: name, email: email, organizationID: organizationID,
                            roles: roles.split(separator: ",").map(String.init), password: password),
                    by: cliActor
                )
                say(Speech.text("cli.accounts.user_created", ["email": user.email, "id": user.id, "roles": user.sortedRoles.map(\.rawValue).joined(separator: ", ")]))
                if let generated { say(Speech.text("cli.accounts.password_once", ["password": generated])) }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var options: CommonOptions

        func run() async throws {
            try await options.withPlatform { platform in
                let organizations = Dictionary(uniqueKeysWithValues: try await platform.accounts.organizations().map { ($0.id, $0.name) })
                for user in try await platform.accounts.users() {
                    let roles = user.sortedRoles.map(\.rawValue).joined(separator: ",")
                    say([user.email, user.name, roles.isEmpty ? "-" : roles,
                         user.organizationID.flatMap { organizations[$0] } ?? "-"].joined(separator: "\t"))
                }
            }
        }
    }

    struct SetRoles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-roles", abstract: "Replace an account's roles.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The account's e-mail.") var email: String
        @Argument(help: "Comma-separated roles (empty for none).") var roles: String

        func run() async throws {
            try await options.withPlatform { platform in
                let user = try await platform.accounts.user(email: email)
                let updated = try await platform.accounts.setRoles(
                    userID: user.id, roles: roles.split(separator: ",").map(String.init), by: cliActor
                )
                say(Speech.text("cli.accounts.roles", ["email": updated.email, "roles": updated.sortedRoles.map(\.rawValue).joined(separator: ", ")]))
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password", abstract: "Give an account a new generated password and sign it out everywhere."
        )
        @OptionGroup var options: CommonOptions
        @Argument(help: "The account's e-mail.") var email: String

        func run() async throws {
            try await options.withPlatform { platform in
                let user = try await platform.accounts.user(email: email)
                let password = try await platform.accounts.resetPassword(userID: user.id, by: cliActor)
                say(Speech.text("cli.accounts.new_password", ["email": user.email, "password": password]))
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token for an account; prints it once.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The account's e-mail.") var email: String
        @Option(help: "What the token is for.") var name: String = "command line"

        func run() async throws {
            try await options.withPlatform { platform in
                let user = try await platform.accounts.user(email: email)
                let (token, _) = try await platform.auth.createAPIToken(name: name, for: Actor(user: user))
                say(token)
            }
        }
    }
}

func resolveOrganization(_ text: String?, _ platform: Platform) async throws -> String? {
    guard let text, !text.isEmpty else { return nil }
    let organizations = try await platform.accounts.organizations()
    if let match = organizations.first(where: { $0.id == text || $0.name.lowercased() == text.lowercased() }) {
        return match.id
    }
    throw DomainError.invalid([FieldError(field: "organization", code: "unknown-organization")])
}

struct OrganizationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Manage organizations.", subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an organization.")
        @OptionGroup var options: CommonOptions
        @Option(help: "The organization's name.") var name: String
        @Option(help: "government, private-sector, civil-society, academia, technical-community or international-organization.")
        var type: String
        @Option(help: "Country or area, ISO 3166-1 alpha-3 (or alpha-2).") var country: String?
        @Option(help: "ITU membership: member-state, sector-member, associate, academia or none.") var membership: String = "none"

        func run() async throws {
            try await options.withPlatform { platform in
                let organization = try await platform.accounts.createOrganization(
                    NewOrganization(name: name, stakeholderType: type, country: country, ituMembership: membership), by: cliActor
                )
                say(Speech.text("cli.accounts.organization_created", ["name": organization.name, "id": organization.id]))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the organizations.")
        @OptionGroup var options: CommonOptions

        func run() async throws {
            try await options.withPlatform { platform in
                for organization in try await platform.accounts.organizations() {
                    say([organization.id, organization.name, organization.stakeholderType.rawValue,
                         organization.country ?? "-", organization.ituMembership.rawValue].joined(separator: "\t"))
                }
            }
        }
    }
}
