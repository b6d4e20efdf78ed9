import Foundation
import Resolutions

public protocol ResolutionRepository: Sendable {
    func insert(_ resolution: StoredResolution) async throws
    func resolution(id: String) async throws -> StoredResolution?
    func resolution(digest: String) async throws -> StoredResolution?
    /// The latest version of the work in that language (each language version is an expression of the work).
    func latestVersion(workID: String, language: String) async throws -> Int?
    func summaries(includeDrafts: Bool) async throws -> [ResolutionSummary]
    func confirm(id: String, at date: Date) async throws
    /// The confirmed resolution of each work among `workIDs` (the latest version), for linking citations.
    func confirmedWorks(_ workIDs: Set<String>) async throws -> [String: String]
    /// Replaces the resolution's citations (after a correction, the whole list again).
    func recordCitations(resolutionID: String, _ citations: [(paragraphID: String, workID: String, text: String)]) async throws
    func replaceStructure(id: String, _ structure: Resolution) async throws
    /// Confirmed resolutions citing the work.
    func citing(workID: String) async throws -> [CitingParagraph]
}

extension ResolutionRepository {
    /// For each work the resolution cites, the id of the confirmed resolution that is that work, if imported.
    public func linkedWorks(of resolution: StoredResolution) async throws -> [String: String] {
        try await confirmedWorks(Set(resolution.structure.citations.map(\.citation.id)))
    }

    /// The latest confirmed version of the same work in the same language, if later than this one.
    public func laterVersion(of resolution: StoredResolution) async throws -> ResolutionSummary? {
        try await summaries(includeDrafts: false)
            .filter { $0.workID == resolution.workID && $0.language == resolution.structure.language.rawValue && $0.version > resolution.version }
            .max { $0.version < $1.version }
    }
}
