import Foundation
import Resolutions

/// Two language versions of one resolution, paired paragraph by paragraph.
public struct AlignedVersions: Sendable {
    public var left: StoredResolution
    public var right: StoredResolution
    public var alignment: Alignment

    /// Each pair with the two paragraphs it joins.
    public var rows: [(pair: Alignment.Pair, left: Paragraph?, right: Paragraph?)] {
        alignment.pairs.map { pair in
            (pair, pair.left.flatMap { left.structure.paragraph(id: $0) }, pair.right.flatMap { right.structure.paragraph(id: $0) })
        }
    }
}

extension ResolutionSummary {
    /// The language versions of `resolution`'s work among `summaries`, one per language in the
    /// UN's order: the resolution itself for its own language, otherwise the latest version
    /// (confirmed before drafts).
    public static func languageVersions(of resolution: StoredResolution, among summaries: [ResolutionSummary]) -> [ResolutionSummary] {
        let versions = summaries.filter { $0.workID == resolution.workID }
        return Language.allCases.compactMap { language in
            let candidates = versions.filter { $0.language == language.rawValue }
            if language == resolution.structure.language { return candidates.first { $0.id == resolution.id } }
            return candidates.max { ($0.status == .confirmed ? 1 : 0, $0.version) < ($1.status == .confirmed ? 1 : 0, $1.version) }
        }
    }
}

extension ResolutionService {
    /// The language versions of the resolution's work the viewer may see (`ResolutionSummary.languageVersions`).
    public func languageVersions(of id: String, viewer: Actor?) async throws -> [ResolutionSummary] {
        ResolutionSummary.languageVersions(of: try await resolution(id: id, viewer: viewer), among: try await list(viewer: viewer))
    }

    /// The resolution beside its version in `language`, paragraph by paragraph.
    /// Throws `notFound` when the work has no version in that language the viewer may see.
    public func aligned(id: String, with language: Language, viewer: Actor?) async throws -> AlignedVersions {
        let left = try await resolution(id: id, viewer: viewer)
        guard let summary = try await languageVersions(of: id, viewer: viewer).first(where: { $0.language == language.rawValue }) else {
            throw DomainError.notFound(kind: "language-version", id: language.rawValue)
        }
        let right = summary.id == left.id ? left : try await resolution(id: summary.id, viewer: viewer)
        return AlignedVersions(left: left, right: right, alignment: Aligner.align(left.structure, right.structure))
    }

    /// What the side-by-side page shows: the work's language versions, and the resolution beside
    /// its version in `asked` (or the first other language when the work lacks it); no pair when
    /// the work has no other language version the viewer may see.
    public func sideBySide(id: String, asking asked: Language?, viewer: Actor?) async throws
        -> (versions: [ResolutionSummary], aligned: AlignedVersions?) {
        let versions = try await languageVersions(of: id, viewer: viewer)
        let others = versions.filter { $0.id != id }
        guard let chosen = others.first(where: { $0.language == asked?.rawValue }) ?? others.first,
              let language = Language(rawValue: chosen.language) else { return (versions, nil) }
        return (versions, try await aligned(id: id, with: language, viewer: viewer))
    }

    /// A paragraph's counterpart in the work's version in `language`, when the viewer may see
    /// such a version and the alignment pairs the paragraph; nil otherwise (and for the
    /// resolution's own language).
    public func counterpart(of paragraphID: String, in resolutionID: String, language: Language, viewer: Actor?) async throws
        -> (resolution: StoredResolution, paragraph: Paragraph)? {
        let versions = try await languageVersions(of: resolutionID, viewer: viewer)
        guard let own = versions.first(where: { $0.id == resolutionID }), own.language != language.rawValue,
              versions.contains(where: { $0.language == language.rawValue }) else { return nil }
        let aligned = try await aligned(id: resolutionID, with: language, viewer: viewer)
        guard let id = aligned.alignment.right(for: paragraphID), let paragraph = aligned.right.structure.paragraph(id: id) else { return nil }
        return (aligned.right, paragraph)
    }
}
