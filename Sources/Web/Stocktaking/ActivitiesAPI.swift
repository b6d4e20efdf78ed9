import Foundation
import Hummingbird
import OpenAPIRuntime
import Review

extension APIHandler {
    private var viewer: Actor? { RequestUser.current.map(Actor.init(user:)) }

    func searchActivities(_ input: Operations.SearchActivities.Input) async throws -> Operations.SearchActivities.Output {
        let query = input.query
        var request = ActivitySearchRequest(query: try SearchQuery(parsing: query.q ?? ""), sort: query.sort.flatMap { .init(rawValue: $0.rawValue) } ?? .relevance,
                                            cursor: query.cursor, limit: query.limit ?? 20)
        let filters: [(Facet, [String]?)] = [(.actionLine, query.actionLine), (.sdg, query.sdg), (.country, query.country), (.region, query.region),
                                             (.stakeholderType, query.stakeholderType), (.year, query.year), (.status, query.status)]
        for (facet, values) in filters {
            if let values, !values.isEmpty { request.filters[facet] = Set(values) }
        }
        let page = try await services.search.search(request, language: query.lang?.rawValue ?? "en")
        return .ok(.init(body: .json(Self.searchResult(page))))
    }

    static func searchResult(_ page: ActivitySearchPage) -> Components.Schemas.ActivitySearchResult {
        var facets: [String: [Components.Schemas.ActivitySearchResult.FacetsPayload.AdditionalPropertiesPayloadPayload]] = [:]
        for (facet, values) in page.facets {
            facets[facet.rawValue] = values.map { .init(value: $0.value, count: $0.count) }
        }
        return .init(
            total: page.total, ranking: .init(rawValue: page.ranking.rawValue)!, nextCursor: page.nextCursor,
            hits: page.hits.map { hit in
                let activity = hit.activity
                return .init(id: activity.id, title: hit.titleSnippet.html, snippet: hit.snippet.html, language: hit.language,
                             organization: activity.organization, stakeholderType: activity.stakeholderType.rawValue,
                             countries: activity.countries, primaryActionLine: activity.primaryActionLine, sdgGoals: activity.sdgGoals,
                             startDate: activity.startDate, status: activity.status.rawValue)
            },
            facets: .init(additionalProperties: facets))
    }

    func getActivity(_ input: Operations.GetActivity.Input) async throws -> Operations.GetActivity.Output {
        let view = try await services.activities.view(id: input.path.id, for: viewer)
        return .ok(.init(body: .json(try Self.activity(view))))
    }

    func createActivity(_ input: Operations.CreateActivity.Input) async throws -> Operations.CreateActivity.Output {
        guard case .json(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        let activity = try await services.activities.create(try Self.record(body), by: viewer!)
        let view = try await services.activities.view(id: activity.id, for: viewer)
        return .created(.init(body: .json(try Self.activity(view))))
    }

    func editActivity(_ input: Operations.EditActivity.Input) async throws -> Operations.EditActivity.Output {
        guard case .json(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        try await services.activities.edit(id: input.path.id, try Self.record(body), expectedVersion: input.query.version, by: viewer!)
        return .ok(.init(body: .json(try Self.activity(try await services.activities.view(id: input.path.id, for: viewer)))))
    }

    func moderateActivity(_ input: Operations.ModerateActivity.Input) async throws -> Operations.ModerateActivity.Output {
        guard case .json(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        let step = ActivityTransition(rawValue: body.step.rawValue)!
        try await services.activities.transition(id: input.path.id, step, comment: body.comment, expectedVersion: body.version, by: viewer!)
        return .ok(.init(body: .json(try Self.activity(try await services.activities.view(id: input.path.id, for: viewer)))))
    }

    func commentOnActivity(_ input: Operations.CommentOnActivity.Input) async throws -> Operations.CommentOnActivity.Output {
        guard case .json(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        try await services.activities.comment(id: input.path.id, text: body.text, by: viewer!)
        return .created(.init())
    }

    func importActivities(_ input: Operations.ImportActivities.Input) async throws -> Operations.ImportActivities.Output {
        let file: ActivityFile
        // The size limit was enforced by the body limit middleware; this only gathers the bytes.
        switch input.body {
        case .csv(let body): file = .csv(try await Data(collecting: body, upTo: .max))
        case .json(let value): file = .json(try JSONEncoder().encode(value))
        }
        let report = try await services.activities.importActivities(file, apply: input.query.apply ?? false, by: viewer!)
        let result = Self.importReport(report)
        return report.problemCount == 0 ? .ok(.init(body: .json(result))) : .unprocessableContent(.init(body: .json(result)))
    }

    static func importReport(_ report: ActivityImportReport) -> Components.Schemas.ActivityImportReport {
        let catalog = try? Catalog.bundled()
        return .init(applied: report.applied, rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged,
                     problemCount: report.problemCount, problems: report.problems.map {
                         .init(row: $0.row, field: $0.field, code: $0.code, message: catalog?.message(for: $0.fieldError, .english) ?? $0.code)
                     })
    }

    func changeMatrix(_ input: Operations.ChangeMatrix.Input) async throws -> Operations.ChangeMatrix.Output {
        guard case .json(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        let change = try await services.matrix.change(body.change == .add ? .add : .remove, actionLine: body.actionLine, goal: body.goal,
                                                      target: body.target, reason: body.reason, by: viewer!)
        return .created(.init(body: .json(Self.matrixChange(change))))
    }

    func listMatrixChanges(_ input: Operations.ListMatrixChanges.Input) async throws -> Operations.ListMatrixChanges.Output {
        .ok(.init(body: .json(try await services.matrix.history().map(Self.matrixChange))))
    }

    static func matrixChange(_ change: MatrixChange) -> Components.Schemas.MatrixChange {
        .init(sequence: change.sequence, at: change.at, actor: change.actor, change: change.kind == .add ? .add : .remove,
              actionLine: change.link.actionLine, goal: change.link.goal, target: change.link.target, reason: change.reason)
    }

    /// The API's field object as the flat record the service reads (lists joined by `;`).
    static func record(_ fields: Components.Schemas.ActivityFields) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(fields)) as? [String: Any] ?? [:]
        var record: [String: String] = [:]
        for (key, value) in object {
            if let list = value as? [Any] {
                record[key] = list.map { "\($0)" }.joined(separator: "; ")
            } else {
                record[key] = "\(value)"
            }
        }
        return record
    }

    static func activity(_ view: ActivityView) throws -> Components.Schemas.Activity {
        let activity = view.activity
        var record = ActivityFields.record(activity, includeContact: view.canSeeContact)
        if activity.externalID == nil { record["external_id"] = nil }
        var object: [String: Any] = [:]
        for field in ActivityFields.all {
            guard let value = record[field.name], !value.isEmpty else { continue }
            object[field.name] = field.isList ? ActivityFields.split(value) : value
        }
        let fields = try JSONDecoder().decode(Components.Schemas.ActivityFields.self, from: try JSONSerialization.data(withJSONObject: object))
        return .init(id: activity.id, state: .init(rawValue: activity.state.rawValue)!, version: activity.version, languages: activity.languages,
                     publishedAt: activity.publishedAt, hasPendingRevision: view.revision != nil, fields: fields,
                     comments: view.comments.isEmpty ? nil : view.comments.map { .init(at: $0.at, author: $0.author, step: $0.transition, text: $0.text) })
    }
}
