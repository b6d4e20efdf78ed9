import Foundation
import Resolutions

/// Everything a resolution's page shows, read in one session: the resolution, the confirmed
/// resolutions its citations name, and the confirmed resolutions that cite it.
public struct ResolutionDossier: Sendable {
    public var resolution: StoredResolution
    /// For each work the resolution cites, the id of the confirmed resolution that is that work, if imported.
    public var linkedWorks: [String: String]
    /// Paragraphs of confirmed resolutions that cite this one's work.
    public var citedBy: [CitingParagraph]
    /// The work's version in each language the viewer may see, this one included.
    public var languageVersions: [ResolutionSummary]
}

extension ResolutionService {
    /// A resolution's dossier, if the viewer may see the resolution (confirmed ones for everyone, drafts for the secretariat).
    public func dossier(id: String, viewer: Actor?) async throws -> ResolutionDossier {
        let dossier = try await store.read { repositories -> ResolutionDossier? in
            guard let resolution = try await repositories.resolutions.resolution(id: id), resolution.isVisible(to: viewer) else { return nil }
            let summaries = try await repositories.resolutions.summaries(includeDrafts: viewer?.has(.secretariat) == true)
            return ResolutionDossier(resolution: resolution, linkedWorks: try await repositories.resolutions.linkedWorks(of: resolution),
                                     citedBy: try await repositories.resolutions.citing(workID: resolution.workID),
                                     languageVersions: ResolutionSummary.languageVersions(of: resolution, among: summaries))
        }
        guard let dossier else { throw DomainError.notFound(kind: "resolution", id: id) }
        return dossier
    }
}
