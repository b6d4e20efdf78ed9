import Foundation
import Hummingbird
import OpenAPIRuntime
import Review

extension APIHandler {
    private var viewer: Actor? { RequestUser.current.map(Actor.init(user:)) }

    func listMandates(_ input: Operations.ListMandates.Input) async throws -> Operations.ListMandates.Output {
        if let day = input.query.dueBefore, day.count != 10 || PartialDate.lastDay(of: day) == nil {
            throw DomainError.invalid([FieldError(field: "due_before", code: "invalid-date")])
        }
        var filter = MandateFilter(resolutionID: input.query.resolution, actor: input.query.actor, actionLine: input.query.actionLine,
                                   sdg: input.query.sdg, owner: input.query.owner, dueBefore: input.query.dueBefore)
        filter.status = input.query.status.flatMap { Mandate.Status(rawValue: $0.rawValue) }
        let signal = input.query.signal.flatMap { Signal(rawValue: $0.rawValue) }
        let views = try await services.mandates.list(filter, signal: signal, viewer: viewer)
        return .ok(.init(body: .json(views.map(Self.mandate))))
    }

    func getMandate(_ input: Operations.GetMandate.Input) async throws -> Operations.GetMandate.Output {
        let (view, updates) = try await services.mandates.mandate(id: input.path.id, viewer: viewer)
        return .ok(.init(body: .json(.init(mandate: Self.mandate(view), updates: updates.map(Self.update)))))
    }

    func reportOnMandate(_ input: Operations.ReportOnMandate.Input) async throws -> Operations.ReportOnMandate.Output {
        guard case .json(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        let report = MandateReport(
            expectedVersion: body.version, note: body.note ?? "", status: body.status.flatMap { Mandate.Status(rawValue: $0.rawValue) },
            reason: body.reason, progress: body.progress, blocked: body.blocked ?? false, evidence: body.evidence ?? [], corrects: body.corrects,
            period: body.period
        )
        let (mandate, _) = try await services.mandates.report(on: input.path.id, report, by: viewer!)
        return .created(.init(body: .json(Self.mandate(try await services.mandates.view(mandate)))))
    }

    func decideOnMandate(_ input: Operations.DecideOnMandate.Input) async throws -> Operations.DecideOnMandate.Output {
        guard case .json(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        let due = try body.due.map { try Due(kind: $0.kind.rawValue, value: $0.value ?? "", text: $0.text ?? "") }
        let decision = MandateDecision(kind: MandateDecision.Kind(rawValue: body.decision.rawValue)!, expectedVersion: body.version,
                                       reason: body.reason, actors: body.actors, action: body.action, due: due, owner: body.owner,
                                       weight: body.weight, parts: body.parts ?? [], into: body.into)
        let mandate = try await services.mandates.decide(on: input.path.id, decision, by: viewer!)
        return .ok(.init(body: .json(Self.mandate(try await services.mandates.view(mandate)))))
    }

    static func mandate(_ view: MandateView) -> Components.Schemas.Mandate {
        let mandate = view.mandate
        return .init(
            id: mandate.id, resolutionId: mandate.resolutionID, workId: mandate.workID, paragraphId: mandate.paragraphID,
            blockId: mandate.blockID, actors: mandate.actors, action: mandate.action,
            due: .init(kind: .init(rawValue: mandate.due.kind)!, value: mandate.due.value, text: mandate.due.text),
            dueDay: view.dueDay, actionLines: mandate.actionLines, sdgs: mandate.sdgs, suggestedSdgs: mandate.suggestedSDGs,
            proposal: .init(rawValue: mandate.proposal.rawValue)!, status: .init(rawValue: mandate.status.rawValue)!,
            statusReason: mandate.statusReason, progress: mandate.progress, weight: mandate.weight, owner: mandate.owner,
            blocked: mandate.blocked, version: mandate.version, signals: view.signals.map { .init(rawValue: $0.rawValue)! },
            occurrences: view.occurrences.isEmpty ? nil : view.occurrences.map {
                .init(period: $0.period, status: .init(rawValue: $0.status.rawValue)!, progress: $0.progress, dueDay: $0.dueDay)
            }
        )
    }

    static func update(_ update: MandateUpdate) -> Components.Schemas.MandateUpdate {
        .init(id: update.id, at: update.at, author: update.author, note: update.note,
              statusFrom: update.statusFrom.flatMap { .init(rawValue: $0.rawValue) }, statusTo: update.statusTo.flatMap { .init(rawValue: $0.rawValue) },
              reason: update.reason, progress: update.progress, blocked: update.blocked, evidence: update.evidence, corrects: update.corrects,
              period: update.period)
    }

    func importMandateUpdates(_ input: Operations.ImportMandateUpdates.Input) async throws -> Operations.ImportMandateUpdates.Output {
        guard case .csv(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        // The size limit was enforced by the body limit middleware; this only gathers the bytes.
        let text = try await String(collecting: body, upTo: .max)
        let report = try await services.mandates.importUpdates(csv: text, apply: input.query.apply ?? false, by: viewer!)
        let catalog = try? Catalog.bundled()
        typealias Row = Components.Schemas.ImportReport.RowsPayloadPayload
        let rows = report.rows.map { row in
            Row(line: row.line, mandateId: row.mandateID, change: row.change, skipped: row.skipped, errors: row.errors.map {
                Row.ErrorsPayloadPayload(field: $0.field, code: $0.code, message: catalog?.message(for: $0, .english) ?? $0.code)
            })
        }
        let result = Components.Schemas.ImportReport(applied: report.applied, fileErrors: report.fileErrors, rows: rows)
        return report.problems == 0 ? .ok(.init(body: .json(result))) : .unprocessableContent(.init(body: .json(result)))
    }

    func addMandateEvidence(_ input: Operations.AddMandateEvidence.Input) async throws -> Operations.AddMandateEvidence.Output {
        guard case .binary(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        // The size limit was enforced by the body limit middleware; this only gathers the bytes.
        let data = try await Data(collecting: body, upTo: .max)
        let report = MandateReport(expectedVersion: input.query.version, note: input.query.note ?? "",
                                   files: [EvidenceFile(fileName: input.query.fileName, data: data)])
        let (mandate, _) = try await services.mandates.report(on: input.path.id, report, by: viewer!)
        return .created(.init(body: .json(Self.mandate(try await services.mandates.view(mandate)))))
    }

    func listMandateActors(_ input: Operations.ListMandateActors.Input) async throws -> Operations.ListMandateActors.Output {
        .ok(.init(body: .json(try await services.mandates.actors().map { .init(code: $0.code, name: $0.name, patterns: $0.patterns) })))
    }

    func addMandateActor(_ input: Operations.AddMandateActor.Input) async throws -> Operations.AddMandateActor.Output {
        guard case .json(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        let actor = try await services.mandates.addActor(code: body.code, name: body.name, patterns: body.patterns, by: viewer!)
        return .created(.init(body: .json(.init(code: actor.code, name: actor.name, patterns: actor.patterns))))
    }
}

/// The open-data file `/mandates.json`, also written by `wsis mandates export --format json`:
/// each mandate exactly as the API gives it (`Mandate`), with its updates (`MandateUpdate`); the
/// OpenAPI document describes it as `MandatesFile`.
public enum MandatesJSON {
    public static func document(_ views: [MandateView], updates: [MandateUpdate]) throws -> Data {
        let byMandate = Dictionary(grouping: updates, by: \.mandateID)
        let file = Components.Schemas.MandatesFile(mandates: views.map { view in
            .init(value1: APIHandler.mandate(view), value2: .init(updates: (byMandate[view.mandate.id] ?? []).map(APIHandler.update)))
        })
        return try Timestamp.jsonEncoder(.prettyPrinted).encode(file)
    }
}
