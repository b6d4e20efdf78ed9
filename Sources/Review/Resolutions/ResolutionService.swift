import Foundation
import Resolutions

/// Importing resolutions, confirming them, and reading them with what cites them.
public struct ResolutionService: Sendable {
    let store: any Store
    let clock: any WallClock
    let ids: any IDGenerator
    let pdf: any PDFTextExtractor
    let audit: AuditTrail
    /// Confirming a resolution asks it to propose the mandates of its operative part.
    let mandates: MandateService

    public init(store: any Store, clock: any WallClock, ids: any IDGenerator, mandates: MandateService,
                pdf: any PDFTextExtractor = Pdftotext()) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.pdf = pdf
        self.audit = AuditTrail(clock: clock)
        self.mandates = mandates
    }

    public struct Imported: Sendable {
        public var resolution: StoredResolution
        /// False when the same file had been imported before: nothing new was stored.
        public var created: Bool
    }

    /// Reads the file and stores what was understood as a draft. The same file again returns the
    /// stored draft; a different text of the same work in the same language becomes its next
    /// version; the same work in another language is another expression of it (its own versions).
    public func importDocument(_ data: Data, by actor: Actor) async throws -> Imported {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        let (format, text) = try await DocumentReader.text(from: data, pdf: pdf)
        let structure = try ResolutionParser().parse(text)
        let digest = AuditTrail.sha256(data)
        let workID = structure.workID ?? "local/\(digest.prefix(16))"
        let now = clock.now()
        let id = ids.newID()
        return try await store.write { [audit] repositories in
            if let existing = try await repositories.resolutions.resolution(digest: digest) {
                return Imported(resolution: existing, created: false)
            }
            let language = structure.language.rawValue
            let version = (try await repositories.resolutions.latestVersion(workID: workID, language: language) ?? 0) + 1
            let stored = StoredResolution(
                id: id, workID: workID, version: version, status: .draft, sourceFormat: format.rawValue, sourceDigest: digest,
                sourceText: text, structure: structure, createdAt: now, createdBy: actor.label, confirmedAt: nil
            )
            try await repositories.resolutions.insert(stored)
            try await repositories.resolutions.recordCitations(
                resolutionID: id, structure.citations.map { ($0.paragraphID, $0.citation.id, $0.citation.text) }
            )
            try await audit.record(in: repositories, actor: actor, action: "resolution.import", objectType: "resolution",
                                   objectID: id, before: .nothing, after: ResolutionAudit(stored))
            return Imported(resolution: stored, created: true)
        }
    }

    /// The secretariat confirms the structure; the resolution becomes public.
    public func confirm(id: String, by actor: Actor) async throws -> StoredResolution {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        let now = clock.now()
        return try await store.write { [audit, mandates] repositories in
            guard var resolution = try await repositories.resolutions.resolution(id: id) else {
                throw DomainError.notFound(kind: "resolution", id: id)
            }
            guard resolution.status == .draft else { return resolution }
            let before = ResolutionAudit(resolution)
            try await repositories.resolutions.confirm(id: id, at: now)
            resolution.status = .confirmed
            resolution.confirmedAt = now
            try await audit.record(in: repositories, actor: actor, action: "resolution.confirm", objectType: "resolution",
                                   objectID: id, before: before, after: ResolutionAudit(resolution))
            // What its operative part asks for becomes proposed mandates, in the same transaction.
            try await mandates.propose(for: resolution, in: repositories, at: now, by: actor)
            return resolution
        }
    }

    /// A resolution, if the viewer may see it: drafts only for the secretariat.
    public func resolution(id: String, viewer: Actor?) async throws -> StoredResolution {
        let found = try await store.read { try await $0.resolutions.resolution(id: id) }
        guard let found, found.isVisible(to: viewer) else {
            throw DomainError.notFound(kind: "resolution", id: id)
        }
        return found
    }

    /// A resolution named as people name it: its id, its symbol (`C23/85-E`, or `C23/85` without
    /// the language letter) or its cited-work id (`itu/doc/C23/85`).
    public func resolution(named name: String, viewer: Actor?) async throws -> ResolutionSummary {
        let all = try await list(viewer: viewer)
        let lower = name.lowercased()
        let match = all.first { $0.id == name || $0.workID.lowercased() == lower || $0.symbol?.lowercased() == lower }
            ?? all.first { ($0.symbol?.lowercased().hasPrefix(lower + "-") ?? false) || $0.workID.lowercased().hasSuffix("/" + lower) }
        guard let match else { throw DomainError.notFound(kind: "resolution", id: name) }
        return match
    }

    public func list(viewer: Actor?) async throws -> [ResolutionSummary] {
        let drafts = viewer?.has(.secretariat) == true
        return try await store.read { try await $0.resolutions.summaries(includeDrafts: drafts) }
    }

    /// The longest search of the list of resolutions (the API document says so too).
    public static let maximumSearchLength = 300

    /// The resolutions whose title, symbol or work hold every word of `text`, each word as the
    /// start of one of theirs; words are made by the registry's rule (`SearchText`: accents,
    /// Arabic vowel marks and letter forms folded, Chinese in character pairs). An empty text
    /// matches all.
    public func list(viewer: Actor?, matching text: String) async throws -> [ResolutionSummary] {
        guard text.count <= Self.maximumSearchLength else {
            throw DomainError.invalid([FieldError(field: "q", code: "too-long", parameters: ["max": String(Self.maximumSearchLength)])])
        }
        let wanted = SearchText.words(text)
        let all = try await list(viewer: viewer)
        guard !wanted.isEmpty else { return all }
        return all.filter { summary in
            let words = SearchText.words([summary.title, summary.symbol, summary.workID].compactMap { $0 }.joined(separator: " "))
            return wanted.allSatisfy { word in words.contains { $0.hasPrefix(word) } }
        }
    }
}

/// What the audit trail digests of a resolution.
struct ResolutionAudit: Encodable {
    var id: String
    var workID: String
    var version: Int
    var status: String
    var sourceDigest: String

    init(_ resolution: StoredResolution) {
        id = resolution.id
        workID = resolution.workID
        version = resolution.version
        status = resolution.status.rawValue
        sourceDigest = resolution.sourceDigest
    }
}

extension ResolutionService {
    /// Corrects what the parser read in a draft (a block's addressee, a paragraph's block, a missed
    /// citation); each correction is audited. A confirmed resolution is no longer corrected.
    public func correct(id: String, _ correction: Correction, by actor: Actor) async throws -> StoredResolution {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        return try await store.write { [audit] repositories in
            guard var resolution = try await repositories.resolutions.resolution(id: id) else {
                throw DomainError.notFound(kind: "resolution", id: id)
            }
            guard resolution.status == .draft else {
                throw DomainError.invalid([FieldError(field: "resolution", code: "already-confirmed")])
            }
            let before = ResolutionAudit(resolution)
            do {
                resolution.structure = try resolution.structure.applying(correction)
            } catch let error as CorrectionError {
                switch error {
                case .unknownBlock: throw DomainError.invalid([FieldError(field: "block", code: "unknown-choice")])
                case .unknownParagraph: throw DomainError.invalid([FieldError(field: "paragraph", code: "unknown-choice")])
                case .notACitation: throw DomainError.invalid([FieldError(field: "citation", code: "not-a-citation")])
                case .notCited: throw DomainError.invalid([FieldError(field: "citation", code: "not-cited")])
                }
            }
            try await repositories.resolutions.replaceStructure(id: id, resolution.structure)
            try await repositories.resolutions.recordCitations(
                resolutionID: id, resolution.structure.citations.map { ($0.paragraphID, $0.citation.id, $0.citation.text) }
            )
            try await audit.record(in: repositories, actor: actor, action: "resolution.correct", objectType: "resolution",
                                   objectID: id, before: before, after: CorrectionAudit(resolution: ResolutionAudit(resolution), correction: correction))
            return resolution
        }
    }
}

struct CorrectionAudit: Encodable {
    var resolution: ResolutionAudit
    var correction: Correction
}
