import Foundation
import Hummingbird
import MultipartKit

/// `multipart/form-data` bodies from HTML forms that send a file, read with MultipartKit's parser.
enum Multipart {
    static func boundary(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// The text fields and the files of the body.
    static func parse(_ buffer: ByteBuffer, boundary: String) throws -> (FormData, [String: Upload]) {
        let parser = MultipartParser(boundary: boundary)
        var parts: [(headers: [String: String], body: ByteBuffer)] = []
        var headers: [String: String] = [:]
        var body = ByteBuffer()
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append((headers, body))
            headers = [:]
            body = ByteBuffer()
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw HTTPError(.badRequest, message: "The form could not be read: its multipart body is malformed.")
        }
        var form = FormData()
        var uploads: [String: Upload] = [:]
        for part in parts {
            let disposition = part.headers["content-disposition"] ?? ""
            guard let name = parameter("name", in: disposition) else { continue }
            if let fileName = parameter("filename", in: disposition) {
                guard part.body.readableBytes > 0 else { continue }
                uploads[name] = Upload(fileName: fileName, data: Data(part.body.readableBytesView))
            } else {
                form.append(name, String(buffer: part.body))
            }
        }
        return (form, uploads)
    }

    /// `name="x"` in a Content-Disposition header.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
