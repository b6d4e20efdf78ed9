import Foundation
import Hummingbird
import Resolutions
import Review

/// The secretariat's pages: organizations and accounts.
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
    }

    // MARK: Organizations

    @Sendable func organizations(_ request: Request, context: SignedInContext) async throws -> Response {
        try await renderOrganizations(request: request, context: context)
    }

    private func renderOrganizations(request: Request, context: some SiteContext, values: [String: String] = [:],
                                     errors: [String: String] = [:], notice: String? = nil,
                                     status: HTTPResponse.Status = .ok) async throws -> Response {
        let page = OrganizationsPage(try await services.accounts.directory(), values: values, errors: errors, notice: notice,
                                     language: context.language, catalog: renderer.catalog)
        return renderer.page("organizations", title: t("organizations.title", context), content: page, request: request, context: context, status: status)
    }

    @Sendable func createOrganization(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = context.form
        let input = NewOrganization(name: form["name"], stakeholderType: form["stakeholder_type"], country: form["country"],
                                    ituMembership: form["itu_membership"])
        do {
            let organization = try await services.accounts.createOrganization(input, by: context.actor)
            return try await renderOrganizations(request: request, context: context,
                                                 notice: t("organizations.created", context, ["name": organization.name]))
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await renderOrganizations(
                request: request, context: context,
                values: ["name": form["name"] ?? "", "stakeholder_type": form["stakeholder_type"] ?? "",
                         "country": form["country"] ?? "", "itu_membership": form["itu_membership"] ?? ""],
                errors: renderer.fieldErrors(error, language: context.language), status: .badRequest)
        }
    }

    // MARK: Users

    @Sendable func users(_ request: Request, context: SignedInContext) async throws -> Response {
        try await renderUsers(request: request, context: context)
    }

    private func renderUsers(request: Request, context: some SiteContext, values: [String: String] = [:], roles: [String] = [],
                             errors: [String: String] = [:], created: UsersPage.Created? = nil,
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        let page = UsersPage(try await services.accounts.directory(), values: values, roles: roles, errors: errors, created: created,
                             language: context.language, catalog: renderer.catalog)
        return renderer.page("users", title: t("users.title", context), content: page, request: request, context: context, status: status)
    }

    @Sendable func createUser(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = context.form
        let input = NewUser(name: form["name"], email: form["email"], organizationID: form["organization_id"],
                            roles: form.all("roles"), password: form["password"])
        do {
            let (user, password) = try await services.accounts.createUser(input, by: context.actor)
            return try await renderUsers(request: request, context: context,
                                         created: .init(href: SiteURL.user(user.id).path, name: user.name, email: user.email, password: password))
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await renderUsers(
                request: request, context: context,
                values: ["name": form["name"] ?? "", "email": form["email"] ?? "", "organization_id": form["organization_id"] ?? ""],
                roles: form.all("roles"), errors: renderer.fieldErrors(error, language: context.language), status: .badRequest)
        }
    }

    @Sendable func user(_ request: Request, context: SignedInContext) async throws -> Response {
        try await renderUser(request: request, context: context)
    }

    /// A user's page; `adjust` adds what the last form's answer says (a notice, a new password, problems).
    private func renderUser(request: Request, context: some SiteContext, status: HTTPResponse.Status = .ok,
                            _ adjust: (inout UserPage) -> Void = { _ in }) async throws -> Response {
        var page = UserPage(try await services.accounts.dossier(userID: try context.parameters.require("id")),
                            language: context.language, catalog: renderer.catalog)
        adjust(&page)
        return renderer.page("user", title: page.name, content: page, request: request, context: context, status: status)
    }

    @Sendable func setRoles(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id")
        do {
            _ = try await services.accounts.setRoles(userID: id, roles: context.form.all("roles"), by: context.actor)
            let notice = t("user.roles_saved", context)
            return try await renderUser(request: request, context: context) { $0.notice = notice }
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            let errors = renderer.fieldErrors(error, language: context.language)
            return try await renderUser(request: request, context: context, status: .badRequest) { $0.errors = errors }
        }
    }

    @Sendable func resetPassword(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let password = try await services.accounts.resetPassword(userID: id, by: context.actor)
        return try await renderUser(request: request, context: context) { $0.newPassword = password }
    }
}
