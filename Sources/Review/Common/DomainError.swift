import Foundation

/// A problem with one field of a submitted form or API body.
///
/// `code` names the problem (`required`, `too-long`, `invalid-email` …); the user interface turns it
/// into a sentence in the reader's language through the string catalog (key `error.<code>`).
public struct FieldError: Error, Sendable, Equatable, Codable {
    public var field: String
    public var code: String
    /// Values the sentence needs, such as the maximum length.
    public var parameters: [String: String]

    public init(field: String, code: String, parameters: [String: String] = [:]) {
        self.field = field
        self.code = code
        self.parameters = parameters
    }
}

/// Errors a service can answer with. Every one is the user's to act on; none is a crash.
public enum DomainError: Error, Sendable, Equatable {
    /// The input was refused; nothing was written.
    case invalid([FieldError])
    /// The named object does not exist.
    case notFound(kind: String, id: String)
    /// The actor may not do this.
    case forbidden
    /// The e-mail and password do not match an account (the same answer whether the account exists or not).
    case badCredentials
    /// Too many failed sign-in attempts; try again after the given number of seconds.
    case rateLimited(retryAfterSeconds: Int)
    /// The change conflicts with the object's state: someone changed it meanwhile, or its
    /// lifecycle forbids the step. The code names why (`changed-meanwhile`, `reason-required-to-reopen`).
    case conflict(String)
    /// A file larger than the limit (in bytes): nothing was stored.
    case tooLarge(limit: Int)
    /// A file of a kind that is not accepted (named by the file's name): nothing was stored.
    case unsupportedMedia(String)

    public var fieldErrors: [FieldError] {
        if case .invalid(let errors) = self { return errors }
        return []
    }
}

/// Collects field errors while validating input, then throws them all at once.
public struct Validator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func add(_ field: String, _ code: String, _ parameters: [String: String] = [:]) {
        errors.append(FieldError(field: field, code: code, parameters: parameters))
    }

    /// Trims the value and checks that it is present and not longer than `maxLength` characters.
    @discardableResult
    public mutating func text(_ field: String, _ value: String?, required: Bool = true, maxLength: Int) -> String {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            if required { add(field, "required") }
        } else if trimmed.count > maxLength {
            add(field, "too-long", ["max": String(maxLength)])
        } else if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            add(field, "control-characters")
        }
        return trimmed
    }

    public func check() throws {
        if !errors.isEmpty { throw DomainError.invalid(errors) }
    }
}
