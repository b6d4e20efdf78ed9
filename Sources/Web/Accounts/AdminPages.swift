import Foundation
import Hummingbird
import Resolutions
import Review

/// The secretariat's pages: organizations and accounts; and the administrators' audit trail.
struct AdminPages: PageGroup {
    let services: Services
    let renderer: Renderer

    func register(on router: Router<WebContext>) {
        let signedIn = router.group(context: SignedInContext.self)
        signedIn.get(SiteURL.organizations.route, use: organizations)
        signedIn.post(SiteURL.organizations.route, use: createOrganization)
        signedIn.get(SiteURL.users.route, use: users)
        signedIn.post(SiteURL.users.route, use: createUser)
        signedIn.get(SiteURL.user(":id").route, use: user)
        signedIn.post(SiteURL.userRoles(":id").route, use: setRoles)
        signedIn.post(SiteURL.userPassword(":id").route, use: resetPassword)
        signedIn.get(SiteURL.audit.route, use: audit)
    }

    // MARK: Organizations

    @Sendable func organizations(_ request: Request, context: SignedInContext) async throws -> Response {
        try await renderOrganizations(request: request, context: context)
    }

    private func renderOrganizations(request: Request, context: some SiteContext, values: [String: String] = [:],
                                     errors: [String: Any] = [:], notice: String? = nil,
                                     status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = context.language
        let countries = try await services.reference.countries()
        let names = Dictionary(uniqueKeysWithValues: countries.map { ($0.alpha3, $0.name.text(language)) })
        var content: [String: Any] = [
            "organizations": try await services.accounts.organizations().map { organization in
                [
                    "name": organization.name,
                    "type": t("stakeholder.\(organization.stakeholderType.rawValue)", context),
                    "country": organization.country.flatMap { names[$0] } ?? "",
                    "membership": t("membership.\(organization.ituMembership.rawValue)", context),
                ]
            },
            "values": values, "errors": errors, "has_errors": !errors.isEmpty,
            "types": StakeholderType.allCases.map { option($0.rawValue, t("stakeholder.\($0.rawValue)", context), values["stakeholderType"]) },
            "memberships": ITUMembership.allCases.map { option($0.rawValue, t("membership.\($0.rawValue)", context), values["ituMembership"] ?? "none") },
            "countries": countries.map { option($0.alpha3, $0.name.text(language), values["country"]) },
        ]
        if let notice { content["notice"] = notice }
        return renderer.page("organizations", title: t("organizations.title", context), content: content,
                             request: request, context: context, status: status)
    }

    @Sendable func createOrganization(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = context.form
        let input = NewOrganization(name: form["name"], stakeholderType: form["stakeholderType"], country: form["country"],
                                    ituMembership: form["ituMembership"])
        do {
            let organization = try await services.accounts.createOrganization(input, by: context.actor)
            return try await renderOrganizations(request: request, context: context,
                                                 notice: t("organizations.created", context, ["name": organization.name]))
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await renderOrganizations(
                request: request, context: context,
                values: ["name": form["name"] ?? "", "stakeholderType": form["stakeholderType"] ?? "",
                         "country": form["country"] ?? "", "ituMembership": form["ituMembership"] ?? ""],
                errors: renderer.fieldErrors(error, language: context.language), status: .badRequest)
        }
    }

    // MARK: Users

    @Sendable func users(_ request: Request, context: SignedInContext) async throws -> Response {
        try await renderUsers(request: request, context: context)
    }

    private func renderUsers(request: Request, context: some SiteContext, values: [String: String] = [:], roles: [String] = [],
                             errors: [String: Any] = [:], created: [String: Any]? = nil,
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        let organizations = try await services.accounts.organizations()
        let organizationNames = Dictionary(uniqueKeysWithValues: organizations.map { ($0.id, $0.name) })
        var content: [String: Any] = [
            "users": try await services.accounts.users().map { user in
                [
                    "id": user.id, "name": user.name, "email": user.email,
                    "organization": user.organizationID.flatMap { organizationNames[$0] } ?? "",
                    "roles": rolesText(user.sortedRoles, context),
                ]
            },
            "values": values, "errors": errors, "has_errors": !errors.isEmpty,
            "organizations": organizations.map { option($0.id, $0.name, values["organizationID"]) },
            "roles": roleOptions(selected: Set(roles), context),
        ]
        if let created { content["created"] = created }
        return renderer.page("users", title: t("users.title", context), content: content,
                             request: request, context: context, status: status)
    }

    @Sendable func createUser(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = context.form
        let input = NewUser(name: form["name"], email: form["email"], organizationID: form["organizationID"],
                            roles: form.all("roles"), password: form["password"])
        do {
            let (user, password) = try await services.accounts.createUser(input, by: context.actor)
            var created: [String: Any] = ["name": user.name, "email": user.email, "id": user.id]
            if let password { created["password"] = password }
            return try await renderUsers(request: request, context: context, created: created)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await renderUsers(
                request: request, context: context,
                values: ["name": form["name"] ?? "", "email": form["email"] ?? "", "organizationID": form["organizationID"] ?? ""],
                roles: form.all("roles"), errors: renderer.fieldErrors(error, language: context.language), status: .badRequest)
        }
    }

    @Sendable func user(_ request: Request, context: SignedInContext) async throws -> Response {
        try await renderUser(request: request, context: context)
    }

    private func renderUser(request: Request, context: some SiteContext, extra: [String: Any] = [:],
                            status: HTTPResponse.Status = .ok) async throws -> Response {
        let id = try context.parameters.require("id")
        let user = try await services.accounts.user(id: id)
        var content: [String: Any] = [
            "id": user.id, "name": user.name, "email": user.email,
            "organization": try await services.accounts.organizationName(id: user.organizationID) ?? "",
            "roles_text": rolesText(user.sortedRoles, context),
            "roles": roleOptions(selected: Set(user.roles.map(\.rawValue)), context),
        ]
        content.merge(extra) { _, new in new }
        return renderer.page("user", title: user.name, content: content, request: request, context: context, status: status)
    }

    @Sendable func setRoles(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id")
        do {
            _ = try await services.accounts.setRoles(userID: id, roles: context.form.all("roles"), by: context.actor)
            return try await renderUser(request: request, context: context, extra: ["notice": t("user.roles_saved", context)])
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await renderUser(request: request, context: context,
                                        extra: ["errors": renderer.fieldErrors(error, language: context.language)], status: .badRequest)
        }
    }

    @Sendable func resetPassword(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let password = try await services.accounts.resetPassword(userID: id, by: context.actor)
        return try await renderUser(request: request, context: context, extra: ["new_password": password])
    }

    // MARK: Audit

    @Sendable func audit(_ request: Request, context: SignedInContext) async throws -> Response {
        let query = request.queryForm
        let value = { (name: String) -> String? in
            guard let raw = query[name] else { return nil }
            let text = raw.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        var errors: [String: Any] = [:]
        func day(_ name: String) -> Date? {
            guard let text = value(name) else { return nil }
            guard let date = Timestamp.date(text + "T00:00:00Z") else {
                errors[name] = t("error.invalid-date", context)
                return nil
            }
            return date
        }
        let from = day("from")
        let to = day("to").map { $0.addingTimeInterval(86_400) }
        let filter = AuditFilter(actor: value("actor"), action: value("action"), objectType: value("objectType"), from: from, to: to)
        let records = errors.isEmpty ? try await services.audit.search(filter, limit: 500) : []
        let verification = try await services.audit.verify()
        let chain: String
        var intact = false
        switch verification {
        case .intact(let count):
            chain = t("audit.intact", context, ["count": String(count)])
            intact = true
        case .broken(let sequence, let reason):
            chain = t("audit.broken", context, ["sequence": String(sequence), "reason": reason])
        }
        return renderer.page("audit", title: t("audit.title", context), content: [
            "chain": chain, "intact": intact,
            "values": ["actor": value("actor") ?? "", "action": value("action") ?? "", "objectType": value("objectType") ?? "",
                       "from": value("from") ?? "", "to": value("to") ?? ""],
            "errors": errors,
            "records": records.map(auditRow),
            "empty": records.isEmpty,
        ], request: request, context: context, status: errors.isEmpty ? .ok : .badRequest)
    }

    private func auditRow(_ record: AuditRecord) -> [String: Any] {
        let at: String = Timestamp.string(record.at).prefix(19).replacingOccurrences(of: "T", with: " ")
        return [
            "sequence": record.sequence, "at": at, "actor": record.actor, "action": record.action,
            "object": record.objectType + " " + record.objectID, "hash": String(record.hash.prefix(12)),
        ]
    }

    // MARK: Helpers

    private func option(_ value: String, _ label: String, _ selected: String?) -> [String: Any] {
        ["value": value, "label": label, "selected": value == selected]
    }

    private func roleOptions(selected: Set<String>, _ context: some SiteContext) -> [[String: Any]] {
        Role.allCases.map { role in
            ["value": role.rawValue, "label": t("role.\(role.rawValue)", context),
             "help": t("role.\(role.rawValue)_help", context), "checked": selected.contains(role.rawValue)]
        }
    }

    private func rolesText(_ roles: [Role], _ context: some SiteContext) -> String {
        roles.isEmpty ? t("users.no_roles", context) : roles.map { t("role.\($0.rawValue)", context) }.joined(separator: ", ")
    }
}
