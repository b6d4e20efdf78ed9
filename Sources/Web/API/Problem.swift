import Foundation
import Hummingbird
import OpenAPIRuntime
import Resolutions
import Review

/// An error as the reader sees it: a status, a title, a sentence, and field errors where the input was refused.
/// Serialised as RFC 9457 `application/problem+json` for the API, and shown as a page on the web.
struct Problem: Sendable {
    struct FieldMessage: Sendable, Codable, Equatable {
        var field: String
        var code: String
        var message: String
    }

    var status: HTTPResponse.Status
    var title: String
    var detail: String
    var errors: [FieldMessage] = []
    var headers: HTTPFields = [:]

    init(status: HTTPResponse.Status, title: String, detail: String, errors: [FieldMessage] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors
    }

    init(_ error: any Error, catalog: Catalog, language: Language) {
        let t = { (key: String) in catalog.text(key, language) }
        switch error {
        case let error as ServerError:
            // The OpenAPI layer wraps what the handler threw, and reports bodies or parameters it could not decode.
            if error.underlyingError is DomainError || error.underlyingError is HTTPError || error.underlyingError is ReadingError {
                self.init(error.underlyingError, catalog: catalog, language: language)
            } else if error.httpStatus == .unsupportedMediaType {
                let type = error.request.headerFields[.contentType] ?? "none"
                self.init(status: .unsupportedMediaType, title: t("problem.unsupported-media-type.title"),
                          detail: catalog.text("problem.unsupported-media-type.content-type", language, ["type": type]))
            } else {
                self.init(status: .badRequest, title: t("problem.bad-request.title"), detail: Self.readable(error, catalog: catalog, language: language))
            }
        case let error as DomainError:
            switch error {
            case .invalid(let fields):
                // Read, and refused by a rule (422); what cannot be read at all is 400 (above and below).
                self.init(status: .unprocessableContent, title: t("problem.invalid.title"), detail: t("problem.invalid.detail"),
                          errors: fields.map { FieldMessage(field: $0.field, code: $0.code, message: catalog.message(for: $0, language)) })
            case .notFound(let kind, let id) where kind == "language-version":
                self.init(status: .notFound, title: t("problem.not-found.title"),
                          detail: catalog.text("languages.missing", language, ["language": Language(rawValue: id)?.autonym ?? id]))
            case .notFound:
                self.init(status: .notFound, title: t("problem.not-found.title"), detail: t("problem.not-found.detail"))
            case .forbidden:
                self.init(status: .forbidden, title: t("problem.forbidden.title"), detail: t("problem.forbidden.detail"))
            case .badCredentials:
                self.init(status: .unauthorized, title: t("problem.unauthorized.title"), detail: t("sign_in.bad_credentials"))
            case .conflict(let code):
                self.init(status: .conflict, title: t("problem.conflict.title"), detail: t("error.\(code)"))
            case .tooLarge(let limit):
                self.init(status: .contentTooLarge, title: t("problem.too-large.title"),
                          detail: catalog.text("error.file-too-large", language, ["megabytes": String(limit / 1_048_576)]))
            case .unsupportedMedia(let name):
                self.init(status: .unsupportedMediaType, title: t("problem.unsupported-media.title"),
                          detail: catalog.text("error.unsupported-file", language, ["name": name]))
            case .rateLimited(let seconds):
                self.init(status: .tooManyRequests, title: t("problem.rate-limited.title"),
                          detail: catalog.text("sign_in.rate_limited", language, ["minutes": String((seconds + 59) / 60)]))
                headers[.retryAfter] = String(seconds)
            }
        case let error as ReadingError:
            // A document that could not be read: too large, not text, not a resolution.
            if case .tooLarge = error {
                self.init(status: .contentTooLarge, title: t("problem.too-large.title"), detail: catalog.message(for: error, language))
            } else {
                self.init(status: .unprocessableContent, title: t("problem.unreadable.title"), detail: catalog.message(for: error, language))
            }
        case let error as HTTPError:
            let key = Self.key(for: error.status)
            let detail: String
            if error.status == .forbidden, error.body == "csrf" {
                detail = t("problem.csrf.detail")
            } else if let body = error.body, !body.isEmpty {
                detail = body
            } else {
                detail = t("problem.\(key).detail")
            }
            self.init(status: error.status, title: t("problem.\(key).title"), detail: detail)
            headers = error.headers
        case let error as any HTTPResponseError:
            // Errors that carry their own status, such as a body over the size limit.
            let key = Self.key(for: error.status)
            self.init(status: error.status, title: t("problem.\(key).title"), detail: t("problem.\(key).detail"))
        case let error as NullMember:
            self.init(status: .badRequest, title: t("problem.bad-request.title"),
                      detail: error.path.isEmpty ? catalog.text("problem.bad-request.body", language)
                          : catalog.text("problem.bad-request.null", language, ["field": error.path]))
        case let error as DecodingError:
            self.init(status: .badRequest, title: t("problem.bad-request.title"), detail: Self.sentence(error, catalog: catalog, language: language))
        default:
            self.init(status: .internalServerError, title: t("problem.internal.title"), detail: t("problem.internal.detail"))
        }
    }

    /// The same problem as a page answers it. Pages answer 400 to any refused form (a browser makes
    /// no difference); the API tells a request it cannot read (400) from one whose values a rule
    /// refuses (422), so that its OpenAPI document can say exactly which requests are well formed.
    var forPage: Problem {
        var page = self
        if page.status == .unprocessableContent { page.status = .badRequest }
        return page
    }

    /// What the OpenAPI layer could not read, in a sentence naming the field: never a Swift type,
    /// a coding path or an enum's case as the decoder prints them.
    private static func readable(_ error: ServerError, catalog: Catalog, language: Language) -> String {
        if let decoding = error.underlyingError as? DecodingError { return sentence(decoding, catalog: catalog, language: language) }
        let cause = error.causeDescription
        // The runtime's own sentences name a parameter plainly ("Missing required query parameter named: q");
        // anything that shows the decoder's insides is replaced by the general sentence.
        let internals = ["Swift.", "Components.", "Operations.", "CodingKeys", "codingPath", "_0", "DecodingError", "Context("]
        if cause.isEmpty || internals.contains(where: cause.contains) { return catalog.text("problem.bad-request.detail", language) }
        return catalog.text("problem.bad-request.detail", language) + " " + cause
    }

    /// A decoding failure as a sentence naming the field (`due.kind`), or saying the body is not JSON.
    private static func sentence(_ error: DecodingError, catalog: Catalog, language: Language) -> String {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        @unknown default: path = []
        }
        let field = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .reduce("") { name, part in part.hasPrefix("[") || name.isEmpty ? name + part : name + "." + part }
        if field.isEmpty { return catalog.text("problem.bad-request.body", language) }
        return catalog.text("problem.bad-request.field", language, ["field": field])
    }

    private static func key(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad-request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not-found"
        case 405: "method-not-allowed"
        case 413: "too-large"
        case 415: "unsupported-media-type"
        case 422: "invalid"
        case 429: "rate-limited"
        case 500..<600: "internal"
        default: "bad-request"
        }
    }

    private struct Body: Encodable {
        var type = "about:blank"
        var title: String
        var status: Int
        var detail: String
        var errors: [FieldMessage]?
    }

    func response() -> Response {
        let body = Body(title: title, status: status.code, detail: detail, errors: errors.isEmpty ? nil : errors)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data()
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
