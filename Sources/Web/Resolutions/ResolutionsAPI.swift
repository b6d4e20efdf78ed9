import Foundation
import Hummingbird
import OpenAPIRuntime
import Resolutions
import Review

extension APIHandler {
    private var viewer: Actor? { RequestUser.current.map(Actor.init(user:)) }

    func listResolutions(_ input: Operations.ListResolutions.Input) async throws -> Operations.ListResolutions.Output {
        .ok(.init(body: .json(try await services.resolutions.list(viewer: viewer, matching: input.query.q ?? "").map(Self.summary))))
    }

    func importResolution(_ input: Operations.ImportResolution.Input) async throws -> Operations.ImportResolution.Output {
        guard case .binary(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        // The size limit was enforced by the body limit middleware; this only gathers the bytes.
        let data = try await Data(collecting: body, upTo: .max)
        let imported = try await services.resolutions.importDocument(data, by: Actor(user: RequestUser.current!))
        let summary = Self.summary(imported.resolution)
        return imported.created ? .created(.init(body: .json(summary))) : .ok(.init(body: .json(summary)))
    }

    func getResolution(_ input: Operations.GetResolution.Input) async throws -> Operations.GetResolution.Output {
        let dossier = try await services.resolutions.dossier(id: input.path.id, viewer: viewer)
        let stored = dossier.resolution
        let structure = try JSONDecoder().decode(OpenAPIObjectContainer.self, from: try PublicJSON.encoder().encode(stored.structure))
        let citedBy = dossier.citedBy.map {
            Components.Schemas.ResolutionDetail.CitedByPayloadPayload(resolutionId: $0.resolution.id, symbol: $0.resolution.symbol,
                                                                      paragraphId: $0.paragraphID)
        }
        return .ok(.init(body: .json(.init(summary: Self.summary(stored), structure: .init(additionalProperties: structure), citedBy: citedBy))))
    }

    func alignResolution(_ input: Operations.AlignResolution.Input) async throws -> Operations.AlignResolution.Output {
        // The schema's enum guarantees one of the six languages.
        let aligned = try await services.resolutions.aligned(id: input.path.id, with: Language(rawValue: input.query.with.rawValue)!,
                                                             viewer: viewer)
        func paragraph(_ paragraph: Paragraph?) -> Components.Schemas.AlignedParagraph? {
            paragraph.map { .init(paragraphId: $0.id, number: $0.number, text: $0.text) }
        }
        let pairs = aligned.rows.map { row in
            Components.Schemas.Alignment.PairsPayloadPayload(basis: .init(rawValue: row.pair.basis.rawValue)!, left: paragraph(row.left),
                                                             right: paragraph(row.right))
        }
        return .ok(.init(body: .json(.init(left: Self.summary(aligned.left), right: Self.summary(aligned.right), pairs: pairs))))
    }

    func confirmResolution(_ input: Operations.ConfirmResolution.Input) async throws -> Operations.ConfirmResolution.Output {
        let confirmed = try await services.resolutions.confirm(id: input.path.id, by: Actor(user: RequestUser.current!))
        return .ok(.init(body: .json(Self.summary(confirmed))))
    }

    func correctResolution(_ input: Operations.CorrectResolution.Input) async throws -> Operations.CorrectResolution.Output {
        guard case .json(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        // The schema's enum guarantees a known kind.
        let correction = Correction(kind: body.kind.rawValue, blockID: body.blockId, paragraphID: body.paragraphId,
                                    addressee: body.addressee, citation: body.citation)!
        let corrected = try await services.resolutions.correct(id: input.path.id, correction, by: Actor(user: RequestUser.current!))
        return .ok(.init(body: .json(Self.summary(corrected))))
    }

    static func summary(_ stored: StoredResolution) -> Components.Schemas.ResolutionSummary { summary(stored.summary) }

    static func summary(_ summary: ResolutionSummary) -> Components.Schemas.ResolutionSummary {
        .init(id: summary.id, workId: summary.workID, version: summary.version, status: summary.status == .draft ? .draft : .confirmed,
              symbol: summary.symbol, title: summary.title, language: summary.language, createdAt: summary.createdAt,
              preambularParagraphs: summary.preambularParagraphs, operativeParagraphs: summary.operativeParagraphs)
    }
}
