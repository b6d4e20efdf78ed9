import Foundation
import Hummingbird
import Resolutions
import Review

/// The WSIS-SDG Matrix: its links as a table, published activities per cell as a heat map, the
/// history of its changes, and the secretariat's form to change a link.
struct MatrixPages: PageGroup {
    let services: Services
    let renderer: Renderer

    func register(on router: Router<WebContext>) {
        router.get(SiteURL.matrix.route, use: matrix)
        router.group(context: SignedInContext.self).post(SiteURL.matrixChanges.route, use: changeMatrix)
    }

    @Sendable func changeMatrix(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = context.form
        do {
            _ = try await services.matrix.change(form["change"] == "remove" ? .remove : .add, actionLine: form["action_line"] ?? "",
                                                 goal: form["goal"] ?? "", target: form["target"], reason: form["reason"], by: context.actor)
            NoticeExchange.post(.matrixChanged)
            return .redirect(to: SiteURL.matrix.path(anchor: "history"), type: .normal)
        } catch let error as DomainError {
            guard let (message, status) = renderer.refusal(error, context.language) else { throw error }
            return try await matrixPage(request: request, context: context, error: message, status: status)
        }
    }

    @Sendable func matrix(_ request: Request, context: WebContext) async throws -> Response {
        try await matrixPage(request: request, context: context)
    }

    /// The page, with the refusal of a change when there was one.
    func matrixPage(request: Request, context: some SiteContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let (framework, history) = try await services.matrix.page()
        let page = MatrixPage(framework, history: history, activities: try await services.search.cooccurrence(), staff: context.isStaff,
                              language: context.language, catalog: renderer.catalog, error: error)
        return renderer.page("matrix", title: t("matrix.title", context), content: page, request: request, context: context, status: status)
    }
}
