import Foundation
import Hummingbird
import Resolutions
import Review

/// The administrators' page of the audit trail: whether its chain holds, and its records filtered.
struct AuditPages: PageGroup {
    let services: Services
    let renderer: Renderer

    func register(on router: Router<WebContext>) {
        router.group(context: SignedInContext.self).get(SiteURL.audit.route, use: audit)
    }

    @Sendable func audit(_ request: Request, context: SignedInContext) async throws -> Response {
        let query = request.queryForm
        var values: [String: String] = [:]
        for name in ["actor", "action", "object_type", "from", "to"] {
            values[name] = query[name]?.trimmingCharacters(in: .whitespaces) ?? ""
        }
        func value(_ name: String) -> String? { values[name].flatMap { $0.isEmpty ? nil : $0 } }
        var errors: [String: String] = [:]
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
        let filter = AuditFilter(actor: value("actor"), action: value("action"), objectType: value("object_type"), from: from, to: to)
        let (verification, records) = try await services.audit.page(errors.isEmpty ? filter : nil)
        let page = AuditPage(verification: verification, records: records, values: values, errors: errors,
                             language: context.language, catalog: renderer.catalog)
        return renderer.page("audit", title: t("audit.title", context), content: page, request: request, context: context,
                             status: errors.isEmpty ? .ok : .badRequest)
    }
}

/// The model of the audit trail's page (`audit.mustache`).
struct AuditPage: Sendable {
    struct Row: Sendable, Equatable {
        var sequence: Int
        var at, actor, action, object: String
        /// The first twelve hex digits of the record's hash.
        var hash: String
    }

    /// Whether the chain holds, in words.
    var chain: String
    var intact: Bool
    var records: [Row]
    var values, errors: [String: String]
    var action = SiteURL.audit.path

    init(verification: AuditVerification, records: [AuditRecord], values: [String: String], errors: [String: String],
         language: Language, catalog: Catalog) {
        switch verification {
        case .intact(let count):
            chain = catalog.text("audit.intact", language, ["count": String(count)])
            intact = true
        case .broken(let sequence, let reason):
            chain = catalog.text("audit.broken", language, ["sequence": String(sequence), "reason": reason])
            intact = false
        }
        self.records = records.map { record in
            Row(sequence: Int(record.sequence), at: Timestamp.second(record.at), actor: record.actor, action: record.action,
                object: record.objectType + " " + record.objectID, hash: String(record.hash.prefix(12)))
        }
        self.values = values
        self.errors = errors
    }
}
