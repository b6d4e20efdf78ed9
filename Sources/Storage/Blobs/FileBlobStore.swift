import Foundation
import Review

/// Files kept on disk under their SHA-256: `blobs/ab/abcdef…`. A file is written to a temporary
/// name and then moved into place, so a reader never sees half a file.
public struct FileBlobStore: BlobStore {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    private func url(_ digest: String) -> URL {
        directory.appendingPathComponent(String(digest.prefix(2))).appendingPathComponent(digest)
    }

    public func put(_ data: Data) throws -> String {
        let digest = AuditTrail.sha256(data)
        let target = url(digest)
        if FileManager.default.fileExists(atPath: target.path) { return digest }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(digest).\(UUID().uuidString)")
        try data.write(to: temporary)
        do {
            try FileManager.default.moveItem(at: temporary, to: target)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            // Another writer put the same file there first: the bytes are the same.
            guard FileManager.default.fileExists(atPath: target.path) else { throw error }
        }
        return digest
    }

    public func get(_ digest: String) throws -> Data? {
        guard digest.count == 64, digest.allSatisfy(\.isHexDigit) else { return nil }
        return FileManager.default.contents(atPath: url(digest).path)
    }
}
