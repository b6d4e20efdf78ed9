import Foundation

/// Turns the bytes of a file a person brings into the text the parser reads: a Word document
/// (.docx), a PDF (through `pdftotext`), or text exported from Word or a PDF.
public enum DocumentReader {
    public enum Format: String, Sendable {
        case docx, pdf, text
    }

    public static func format(of data: Data) -> Format {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if data.starts(with: Array("%PDF".utf8)) { return .pdf }
        return .text
    }

    public static func text(from data: Data, pdf: any PDFTextExtractor = Pdftotext()) async throws -> (format: Format, text: String) {
        guard !data.isEmpty else { throw ReadingError.empty }
        guard data.count <= CleanDocument.sizeLimit else { throw ReadingError.tooLarge(bytes: data.count, limit: CleanDocument.sizeLimit) }
        switch format(of: data) {
        case .docx:
            return (.docx, try DocxReader.text(from: data))
        case .pdf:
            return (.pdf, try await pdf.text(from: data))
        case .text:
            if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]), let text = String(data: data, encoding: .utf16) {
                return (.text, text)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ReadingError.unreadable(.neitherWordPDFNorText)
            }
            return (.text, text)
        }
    }
}

/// Extracts the text of a PDF. The platform uses `pdftotext`; tests may supply another.
public protocol PDFTextExtractor: Sendable {
    func text(from pdf: Data) async throws -> String
}

/// `pdftotext` from Debian's poppler-utils, run with a time limit on a temporary copy of the file.
public struct Pdftotext: PDFTextExtractor {
    public static let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]
    public var timeLimit: TimeInterval = 60

    public init() {}

    public static var isInstalled: Bool { candidates.contains { FileManager.default.isExecutableFile(atPath: $0) } }

    public func text(from pdf: Data) async throws -> String {
        guard let tool = Self.candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ReadingError.unreadable(.pdfToolMissing)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsis-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.pdf")
        let output = folder.appendingPathComponent("out.txt")
        try pdf.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", input.path, output.path]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        // Awaited, not waited for: no thread is held while pdftotext reads (a thread of the
        // cooperative pool blocked here would be one fewer for every request of the server).
        guard try await Self.run(process, timeLimit: timeLimit) else {
            throw ReadingError.unreadable(.pdfTooSlow)
        }
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output.path) else {
            throw ReadingError.unreadable(.pdfUnreadable)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs the process to its end; false when it ran past the time limit (it is then stopped).
    static func run(_ process: Process, timeLimit: TimeInterval) async throws -> Bool {
        let ended = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in ended.continuation.finish() }
        try process.run()
        return try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in ended.stream {}
                return true
            }
            group.addTask {
                try await Task.sleep(for: .seconds(timeLimit))
                return false
            }
            let inTime = try await group.next() ?? false
            if !inTime {
                process.terminate()
                for await _ in ended.stream {}
            }
            group.cancelAll()
            return inTime
        }
    }
}
