import Foundation

/// When a mandate is due, as the resolution says it.
public enum Due: Sendable, Codable, Equatable {
    case none
    /// A day, month or year: `2027-12-31`, `2025-12`, `2030`.
    case date(String, text: String)
    /// A named event: `council-2026` for "the 2026 session of the Council"; it is dated by the calendar.
    case event(String, text: String)
    /// `annually`, `regularly`, `biennially`.
    case recurrence(String, text: String)

    /// The words of the resolution it was read from.
    public var text: String? {
        switch self {
        case .none: nil
        case .date(_, let text), .event(_, let text), .recurrence(_, let text): text
        }
    }

    /// The kind as a word for forms, filters and exports: none, date, event, recurrence.
    public var kind: String {
        switch self {
        case .none: "none"
        case .date: "date"
        case .event: "event"
        case .recurrence: "recurrence"
        }
    }

    /// The value: the date, the event's key or the recurrence; empty for none.
    public var value: String {
        switch self {
        case .none: ""
        case .date(let value, _), .event(let value, _), .recurrence(let value, _): value
        }
    }

    public init(kind: String, value: String, text: String) throws {
        switch kind {
        case "none", "": self = .none
        case "date":
            guard PartialDate.lastDay(of: value) != nil else { throw DomainError.invalid([FieldError(field: "due", code: "invalid-date")]) }
            self = .date(value, text: text)
        case "event":
            guard !value.isEmpty, value.count <= 80 else { throw DomainError.invalid([FieldError(field: "due", code: "required")]) }
            self = .event(value, text: text)
        case "recurrence":
            guard ["annually", "regularly", "biennially", "periodically"].contains(value) else {
                throw DomainError.invalid([FieldError(field: "due", code: "unknown-choice")])
            }
            self = .recurrence(value, text: text)
        default: throw DomainError.invalid([FieldError(field: "due", code: "unknown-choice")])
        }
    }
}

/// In JSON (open data, the audit trail) a deadline is an object with its `kind`, its `value` and
/// the resolution's `text`, the API's `Due` schema: `{"kind": "event", "value": "council-2026",
/// "text": "the 2026 session of the Council"}`, `{"kind": "none"}`. Swift's own enum encoding
/// (`{"event": {"_0": …}}`), which the open data held before 2026-12, is still read.
extension Due {
    private enum Key: String, CodingKey {
        case kind, value, text
        case date, event, recurrence, none, first = "_0"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(kind, forKey: .kind)
        if case .none = self { return }
        try container.encode(value, forKey: .value)
        try container.encodeIfPresent(text, forKey: .text)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let kind = try container.decodeIfPresent(String.self, forKey: .kind) {
            self = try Due(kind: kind, value: try container.decodeIfPresent(String.self, forKey: .value) ?? "",
                           text: try container.decodeIfPresent(String.self, forKey: .text) ?? "")
            return
        }
        for (key, kind) in [(Key.date, "date"), (.event, "event"), (.recurrence, "recurrence")] where container.contains(key) {
            let values = try container.nestedContainer(keyedBy: Key.self, forKey: key)
            self = try Due(kind: kind, value: try values.decode(String.self, forKey: .first), text: try values.decode(String.self, forKey: .text))
            return
        }
        self = .none
    }
}
