import Foundation
import Hummingbird
import Review

/// Signing in and out, and the signed-in person's own profile: password and API tokens.
struct AccountPages: PageGroup {
    let services: Services
    let renderer: Renderer
    let settings: WebSettings

    func register(on router: Router<WebContext>) {
        let signedIn = router.group(context: SignedInContext.self)
        router.get(SiteURL.signIn.route, use: signInForm)
        router.post(SiteURL.signIn.route, use: signIn)
        signedIn.post(SiteURL.signOut.route, use: signOut)
        signedIn.get(SiteURL.profile.route, use: profile)
        signedIn.post(SiteURL.profilePassword.route, use: changePassword)
        signedIn.post(SiteURL.profileTokens.route, use: createToken)
    }

    /// Only a path on this site, never another site (`//evil.example`), may follow sign-in.
    static func safeNext(_ value: String?) -> String {
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), !value.hasPrefix("/\\"), !value.hasPrefix(SiteURL.signIn.path) else {
            return SiteURL.profile.path
        }
        return value
    }

    @Sendable func signInForm(_ request: Request, context: WebContext) async throws -> Response {
        if context.viewer != nil {
            return .redirect(to: Self.safeNext(request.uri.queryParameters["next"].map(String.init)), type: .normal)
        }
        return renderSignIn(request: request, context: context, email: "", error: nil,
                            notice: request.uri.queryParameters["expired"] != nil ? renderer.catalog.text("sign_in.expired", context.language) : nil,
                            next: request.uri.queryParameters["next"].map(String.init) ?? "")
    }

    @Sendable func signIn(_ request: Request, context: WebContext) async throws -> Response {
        let form = context.form
        let email = form["email"] ?? ""
        do {
            let (_, token, session) = try await services.auth.signIn(email: email, password: form["password"])
            var response = Response.redirect(to: Self.safeNext(form["next"]), type: .normal)
            response.setCookie(AuthenticationMiddleware.cookie(AuthenticationMiddleware.sessionCookie, token,
                                                               maxAge: Int(session.expiresAt.timeIntervalSince(session.createdAt)),
                                                               settings: settings))
            return response
        } catch let error as DomainError {
            let status: HTTPResponse.Status
            let message: String
            switch error {
            case .badCredentials:
                status = .unauthorized
                message = renderer.catalog.text("sign_in.bad_credentials", context.language)
            case .rateLimited(let seconds):
                status = .tooManyRequests
                message = renderer.catalog.text("sign_in.rate_limited", context.language, ["minutes": String((seconds + 59) / 60)])
            case .invalid:
                status = .badRequest
                message = renderer.catalog.text("sign_in.missing", context.language)
            default:
                throw error
            }
            return renderSignIn(request: request, context: context, email: email, error: message, notice: nil,
                                next: form["next"] ?? "", status: status)
        }
    }

    private func renderSignIn(request: Request, context: some SiteContext, email: String, error: String?, notice: String?,
                              next: String, status: HTTPResponse.Status = .ok) -> Response {
        renderer.page("sign-in", title: t("sign_in.title", context), content: SignInPage(email: email, next: next, error: error, notice: notice),
                      request: request, context: context, status: status)
    }

    @Sendable func signOut(_ request: Request, context: SignedInContext) async throws -> Response {
        if let token = request.cookies[AuthenticationMiddleware.sessionCookie]?.value {
            try await services.auth.signOut(token: token, by: context.actor)
        }
        NoticeExchange.post(.signedOut)
        var response = Response.redirect(to: SiteURL.home.path, type: .normal)
        response.setCookie(AuthenticationMiddleware.cookie(AuthenticationMiddleware.sessionCookie, "", maxAge: 0, settings: settings))
        return response
    }

    @Sendable func profile(_ request: Request, context: SignedInContext) async throws -> Response {
        try await renderProfile(request: request, context: context)
    }

    /// The profile; `adjust` adds what the last form's answer says (a notice, a new token, problems).
    private func renderProfile(request: Request, context: SignedInContext, status: HTTPResponse.Status = .ok,
                               _ adjust: (inout ProfilePage) -> Void = { _ in }) async throws -> Response {
        var page = ProfilePage(try await services.accounts.dossier(userID: context.user.id), language: context.language, catalog: renderer.catalog)
        adjust(&page)
        return renderer.page("profile", title: t("profile.title", context), content: page, request: request, context: context, status: status)
    }

    @Sendable func changePassword(_ request: Request, context: SignedInContext) async throws -> Response {
        do {
            try await services.accounts.changePassword(userID: context.user.id, current: context.form["current"],
                                                       new: context.form["new"], by: context.actor)
            let notice = t("profile.password_changed", context)
            return try await renderProfile(request: request, context: context) { $0.notice = notice }
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            let errors = renderer.fieldErrors(error, language: context.language)
            return try await renderProfile(request: request, context: context, status: .badRequest) { $0.passwordErrors = errors }
        }
    }

    @Sendable func createToken(_ request: Request, context: SignedInContext) async throws -> Response {
        do {
            let (token, _) = try await services.auth.createAPIToken(name: context.form["name"], for: context.actor)
            return try await renderProfile(request: request, context: context) { $0.newToken = token }
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            let errors = renderer.fieldErrors(error, language: context.language)
            return try await renderProfile(request: request, context: context, status: .badRequest) { $0.tokenErrors = errors }
        }
    }
}
