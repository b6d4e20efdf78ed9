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
            } else {
                self.init(status: .badRequest, title: t("problem.bad-request.title"),
                          detail: t("problem.bad-request.detail") + " " + error.causeDescription)
            }
        case let error as DomainError:
            switch error {
            case .invalid(let fields):
                self.init(status: .badRequest, title: t("problem.invalid.title"), detail: t("problem.invalid.detail"),
                          errors: fields.map { FieldMessage(field: $0.field, code: $0.code, message: catalog.message(for: $0, language)) })
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
                self.init(status: .contentTooLarge, title: t("problem.too-large.title"), detail: error.description)
            } else {
                self.init(status: .badRequest, title: t("problem.unreadable.title"), detail: error.description)
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
        case is DecodingError:
            self.init(status: .badRequest, title: t("problem.bad-request.title"), detail: t("problem.bad-request.detail"))
        default:
            self.init(status: .internalServerError, title: t("problem.internal.title"), detail: t("problem.internal.detail"))
        }
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
        let data = (try? JSONEncoder().encode(body)) ?? Data()
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
