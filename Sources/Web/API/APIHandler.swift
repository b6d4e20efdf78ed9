import Foundation
import Hummingbird
import OpenAPIRuntime
import Resolutions
import Review

/// The JSON API: the operations of `openapi.yaml`, each calling the same services as the pages.
/// Who may call which operation is declared in `SiteMap` and enforced before these run.
struct APIHandler: APIProtocol {
    let services: Services

    private var actor: Actor {
        get throws {
            guard let user = RequestUser.current else { throw HTTPError(.unauthorized) }
            return Actor(user: user)
        }
    }

    private func language(_ value: String?) throws -> Language {
        guard let value else { return .english }
        guard let language = Language(rawValue: value) else {
            throw DomainError.invalid([FieldError(field: "lang", code: "unknown-choice")])
        }
        return language
    }

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        guard let user = RequestUser.current else { throw HTTPError(.unauthorized) }
        return .ok(.init(body: .json(Self.user(user))))
    }

    func listSDGs(_ input: Operations.ListSDGs.Input) async throws -> Operations.ListSDGs.Output {
        let language = try language(input.query.lang?.rawValue)
        let targets = Dictionary(grouping: try await services.reference.targets(), by: \.goal)
        let goals = try await services.reference.goals().map { goal in
            Components.Schemas.Goal(
                number: goal.number, color: goal.color, shortTitle: goal.shortTitle.text(language), title: goal.title.text(language),
                targets: (targets[goal.number] ?? []).map { .init(code: $0.code, title: $0.title.text(language)) }
            )
        }
        return .ok(.init(body: .json(goals)))
    }

    func listActionLines(_ input: Operations.ListActionLines.Input) async throws -> Operations.ListActionLines.Output {
        let lines = try await services.reference.actionLines().map { line in
            Components.Schemas.ActionLine(code: line.code, parent: line.parent, title: line.title.text(.english),
                                          leadFacilitators: line.leadFacilitators, otherFacilitators: line.otherFacilitators,
                                          isCategory: line.isCategory)
        }
        return .ok(.init(body: .json(lines)))
    }

    func getMatrix(_ input: Operations.GetMatrix.Input) async throws -> Operations.GetMatrix.Output {
        let links = try await services.reference.matrix().map {
            Components.Schemas.MatrixLink(actionLine: $0.actionLine, goal: $0.goal, target: $0.target)
        }
        return .ok(.init(body: .json(links)))
    }

    func listCountries(_ input: Operations.ListCountries.Input) async throws -> Operations.ListCountries.Output {
        let language = try language(input.query.lang?.rawValue)
        let countries = try await services.reference.countries().map { country in
            Components.Schemas.Country(
                alpha2: country.alpha2, alpha3: country.alpha3, m49: country.m49, name: country.name.text(language),
                region: country.region, subregion: country.subregion, ldc: country.isLDC, lldc: country.isLLDC,
                sids: country.isSIDS, economyInTransition: country.isEconomyInTransition, unMember: country.isUNMember,
                ituMember: country.isITUMember
            )
        }
        return .ok(.init(body: .json(countries)))
    }

    func listOrganizations(_ input: Operations.ListOrganizations.Input) async throws -> Operations.ListOrganizations.Output {
        .ok(.init(body: .json(try await services.accounts.organizations().map(Self.organization))))
    }

    func createOrganization(_ input: Operations.CreateOrganization.Input) async throws -> Operations.CreateOrganization.Output {
        guard case .json(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        let organization = try await services.accounts.createOrganization(
            NewOrganization(name: body.name, stakeholderType: body.stakeholderType.rawValue, country: body.country, ituMembership: body.ituMembership?.rawValue),
            by: try actor
        )
        return .created(.init(body: .json(Self.organization(organization))))
    }

    func listUsers(_ input: Operations.ListUsers.Input) async throws -> Operations.ListUsers.Output {
        .ok(.init(body: .json(try await services.accounts.users().map(Self.user))))
    }

    func createUser(_ input: Operations.CreateUser.Input) async throws -> Operations.CreateUser.Output {
        guard case .json(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        let (user, password) = try await services.accounts.createUser(
            NewUser(name: body.name, email: body.email, organizationID: body.organizationId, roles: body.roles?.map(\.rawValue) ?? [], password: body.password),
            by: try actor
        )
        return .created(.init(body: .json(.init(user: Self.user(user), generatedPassword: password))))
    }

    func listAuditRecords(_ input: Operations.ListAuditRecords.Input) async throws -> Operations.ListAuditRecords.Output {
        let limit = input.query.limit ?? 200
        guard (1...1000).contains(limit) else {
            throw DomainError.invalid([FieldError(field: "limit", code: "out-of-range", parameters: ["min": "1", "max": "1000"])])
        }
        let records = try await services.audit.search(
            AuditFilter(actor: input.query.actor, action: input.query.action, objectType: input.query.objectType), limit: limit
        )
        return .ok(.init(body: .json(records.map { record in
            Components.Schemas.AuditRecord(
                sequence: record.sequence, at: record.at, actor: record.actor, action: record.action,
                objectType: record.objectType, objectId: record.objectID, beforeDigest: record.beforeDigest,
                afterDigest: record.afterDigest, previousHash: record.previousHash, hash: record.hash
            )
        })))
    }

    func verifyAudit(_ input: Operations.VerifyAudit.Input) async throws -> Operations.VerifyAudit.Output {
        switch try await services.audit.verify() {
        case .intact(let records):
            return .ok(.init(body: .json(.init(intact: true, records: records))))
        case .broken(let sequence, let reason):
            return .ok(.init(body: .json(.init(intact: false, records: Int(sequence - 1), brokenSequence: sequence, reason: reason))))
        }
    }

    static func user(_ user: User) -> Components.Schemas.User {
        .init(id: user.id, name: user.name, email: user.email, organizationId: user.organizationID,
              roles: user.sortedRoles.compactMap { .init(rawValue: $0.rawValue) }, createdAt: user.createdAt)
    }

    static func organization(_ organization: Organization) -> Components.Schemas.Organization {
        .init(id: organization.id, name: organization.name,
              stakeholderType: .init(rawValue: organization.stakeholderType.rawValue)!,
              country: organization.country, ituMembership: .init(rawValue: organization.ituMembership.rawValue)!,
              createdAt: organization.createdAt)
    }
}
