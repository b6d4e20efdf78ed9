import Foundation
import Resolutions

/// A resolution as the platform keeps it: the source text the person brought, the structure
/// read from it, and whether the secretariat has confirmed that structure.
public struct StoredResolution: Sendable, Codable, Equatable, Identifiable {
    public enum Status: String, Sendable, Codable {
        /// Read but not yet checked by the secretariat; only the secretariat sees it.
        case draft
        /// Checked and confirmed; public.
        case confirmed
    }

    public var id: String
    /// The work it is (`un/ga/res/73/6`, `itu/doc/C23/85`); its versions and its language versions share it.
    public var workID: String
    public var version: Int
    public var status: Status
    public var sourceFormat: String
    /// SHA-256 of the file as brought: the same file imported again is the same version.
    public var sourceDigest: String
    public var sourceText: String
    public var structure: Resolution
    public var createdAt: Date
    public var createdBy: String
    public var confirmedAt: Date?

    public init(id: String, workID: String, version: Int, status: Status, sourceFormat: String, sourceDigest: String,
                sourceText: String, structure: Resolution, createdAt: Date, createdBy: String, confirmedAt: Date?) {
        self.id = id
        self.workID = workID
        self.version = version
        self.status = status
        self.sourceFormat = sourceFormat
        self.sourceDigest = sourceDigest
        self.sourceText = sourceText
        self.structure = structure
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.confirmedAt = confirmedAt
    }

    public var summary: ResolutionSummary {
        ResolutionSummary(id: id, workID: workID, version: version, status: status, symbol: symbol, title: title,
                          language: structure.language.rawValue, preambularParagraphs: structure.preambularParagraphCount,
                          operativeParagraphs: structure.operativeParagraphCount, createdAt: createdAt)
    }

    public var symbol: String? { structure.symbol?.value }
    public var title: String? { structure.title?.value }
}

extension StoredResolution {
    /// Drafts are the secretariat's until confirmed; a confirmed resolution is public.
    public func isVisible(to viewer: Actor?) -> Bool {
        status == .confirmed || viewer?.has(.secretariat) == true
    }
}

/// A line of a list of resolutions, without the texts.
public struct ResolutionSummary: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var workID: String
    public var version: Int
    public var status: StoredResolution.Status
    public var symbol: String?
    public var title: String?
    public var language: String
    public var preambularParagraphs: Int
    public var operativeParagraphs: Int
    public var createdAt: Date

    public init(id: String, workID: String, version: Int, status: StoredResolution.Status, symbol: String?, title: String?,
                language: String, preambularParagraphs: Int, operativeParagraphs: Int, createdAt: Date) {
        self.id = id
        self.workID = workID
        self.version = version
        self.status = status
        self.symbol = symbol
        self.title = title
        self.language = language
        self.preambularParagraphs = preambularParagraphs
        self.operativeParagraphs = operativeParagraphs
        self.createdAt = createdAt
    }
}

/// Where one resolution cites a work.
public struct CitingParagraph: Sendable, Equatable {
    public var resolution: ResolutionSummary
    public var paragraphID: String
    public var citedText: String

    public init(resolution: ResolutionSummary, paragraphID: String, citedText: String) {
        self.resolution = resolution
        self.paragraphID = paragraphID
        self.citedText = citedText
    }
}
