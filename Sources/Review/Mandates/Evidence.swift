import Foundation

/// Where uploaded files live: by the SHA-256 of their bytes, so the same file is kept once and
/// storing it again changes nothing.
public protocol BlobStore: Sendable {
    /// Stores the bytes and returns their digest (hex SHA-256).
    func put(_ data: Data) throws -> String
    func get(_ digest: String) throws -> Data?
}

/// A file attached to an update as evidence: a PDF, a Word document or an image.
public struct EvidenceFile: Sendable, Equatable {
    public var fileName: String
    public var data: Data

    public init(fileName: String, data: Data) {
        self.fileName = fileName
        self.data = data
    }

    /// The largest file kept.
    public static let sizeLimit = 20 * 1_048_576

    /// The kinds accepted, told by their first bytes (not by the name the sender gave).
    public static func mediaType(of data: Data) -> String? {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        // A Word document is a zip whose parts include word/document.xml: its name stands in the zip's directory.
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]), data.range(of: Data("word/document.xml".utf8)) != nil {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
        return nil
    }
}

/// An uploaded file as recorded: served at `/evidence/ID`.
public struct StoredEvidence: Sendable, Codable, Equatable {
    public var id: String
    public var mandateID: String
    public var fileName: String
    public var mediaType: String
    public var size: Int
    public var digest: String
    public var createdAt: Date

    public init(id: String, mandateID: String, fileName: String, mediaType: String, size: Int, digest: String, createdAt: Date) {
        self.id = id
        self.mandateID = mandateID
        self.fileName = fileName
        self.mediaType = mediaType
        self.size = size
        self.digest = digest
        self.createdAt = createdAt
    }

    /// The link an update keeps to it.
    public var link: String { "/evidence/\(id)" }
}

extension MandateService {
    /// Checks each file (size, kind) before anything is stored: a refused file stores nothing.
    static func checked(_ files: [EvidenceFile]) throws -> [(file: EvidenceFile, mediaType: String)] {
        try files.map { file in
            guard file.data.count <= EvidenceFile.sizeLimit else { throw DomainError.tooLarge(limit: EvidenceFile.sizeLimit) }
            guard let type = EvidenceFile.mediaType(of: file.data) else { throw DomainError.unsupportedMedia(file.fileName) }
            return (file, type)
        }
    }

    /// An uploaded file and its record, if the viewer may see the mandate it belongs to.
    public func evidence(id: String, viewer: Actor?) async throws -> (StoredEvidence, Data) {
        guard let record = try await store.read({ try await $0.mandates.evidence(id: id) }) else {
            throw DomainError.notFound(kind: "evidence", id: id)
        }
        _ = try await mandate(id: record.mandateID, viewer: viewer)
        guard let blobs, let data = try blobs.get(record.digest) else { throw DomainError.notFound(kind: "evidence", id: id) }
        return (record, data)
    }
}
