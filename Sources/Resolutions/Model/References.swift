/// A reference to another document: an ITU or UN resolution, or a document symbol.
public struct Citation: Sendable, Codable, Equatable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case ituPlenipotentiary = "itu-pp"
        case ituCouncil = "itu-council"
        case ituWTSA = "itu-wtsa"
        case ituWTDC = "itu-wtdc"
        case ituWRC = "itu-wrc"
        case unGeneralAssembly = "un-ga"
        case unECOSOC = "un-ecosoc"
        case unDocument = "un-doc"
        case ituDocument = "itu-doc"
    }

    public var kind: Kind
    /// The cited work, the same however it is written: `itu/pp/res/140`, `itu/council/res/1332`,
    /// `un/ga/res/70/125`, `un/doc/A/73/L.3`, `itu/doc/C23/85`.
    public var id: String
    /// The version cited, when named: `rev-bucharest-2022`, `c11-last-amended-c19`, `modified-2016`.
    public var version: String?
    public var text: String
    public var range: SourceRange

    public init(kind: Kind, id: String, version: String?, text: String, range: SourceRange) {
        self.kind = kind
        self.id = id
        self.version = version
        self.text = text
        self.range = range
    }
}

/// A normalised time: a day, a range of days, a month, a year, a range of years, a session of a
/// body (an event the calendar resolves), or a recurrence.
public enum TimeValue: Sendable, Codable, Equatable, Hashable {
    /// `2024-05-27`
    case day(String)
    /// `2024-05-27` to `2024-05-31`
    case days(String, String)
    /// `2025-12`
    case month(String)
    case year(Int)
    case years(Int, Int)
    /// A session of a body: `council` 2026, `ecosoc` 2025, `cwg-wsis-sdg` 2026 (with `winter`), `unga` 75th.
    case session(body: String, year: Int?, qualifier: String?)
    /// `annually`, `regularly`, `biennially`.
    case recurrence(String)

    public var description: String {
        switch self {
        case .day(let day): day
        case .days(let from, let to): "\(from)/\(to)"
        case .month(let month): month
        case .year(let year): String(year)
        case .years(let from, let to): "\(from)/\(to)"
        case .session(let body, let year, let qualifier):
            ["session", body, year.map(String.init), qualifier].compactMap { $0 }.joined(separator: ":")
        case .recurrence(let every): "every:\(every)"
        }
    }
}

/// In JSON a time is an object with its `kind` and named fields, as the open data and the API
/// describe it: `{"kind": "day", "day": "2024-05-27"}`, `{"kind": "days", "from": …, "to": …}`,
/// `{"kind": "month", "month": "2025-12"}`, `{"kind": "year", "year": 2030}`,
/// `{"kind": "years", "from": 2025, "to": 2030}`, `{"kind": "session", "body": "council", "year":
/// 2026, "qualifier": "winter"}`, `{"kind": "recurrence", "every": "annually"}`. Structures stored
/// before 2026-12 hold Swift's own enum encoding (`{"month": {"_0": "2025-12"}}`), which is still read.
extension TimeValue {
    private enum Key: String, CodingKey {
        case kind, day, from, to, month, year, body, qualifier, every
        case days, years, session, recurrence, first = "_0", second = "_1"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .day(let day):
            try container.encode("day", forKey: .kind)
            try container.encode(day, forKey: .day)
        case .days(let from, let to):
            try container.encode("days", forKey: .kind)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        case .month(let month):
            try container.encode("month", forKey: .kind)
            try container.encode(month, forKey: .month)
        case .year(let year):
            try container.encode("year", forKey: .kind)
            try container.encode(year, forKey: .year)
        case .years(let from, let to):
            try container.encode("years", forKey: .kind)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        case .session(let body, let year, let qualifier):
            try container.encode("session", forKey: .kind)
            try container.encode(body, forKey: .body)
            try container.encodeIfPresent(year, forKey: .year)
            try container.encodeIfPresent(qualifier, forKey: .qualifier)
        case .recurrence(let every):
            try container.encode("recurrence", forKey: .kind)
            try container.encode(every, forKey: .every)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        guard let kind = try container.decodeIfPresent(String.self, forKey: .kind) else {
            self = try Self.legacy(container)
            return
        }
        switch kind {
        case "day": self = .day(try container.decode(String.self, forKey: .day))
        case "days": self = .days(try container.decode(String.self, forKey: .from), try container.decode(String.self, forKey: .to))
        case "month": self = .month(try container.decode(String.self, forKey: .month))
        case "year": self = .year(try container.decode(Int.self, forKey: .year))
        case "years": self = .years(try container.decode(Int.self, forKey: .from), try container.decode(Int.self, forKey: .to))
        case "session":
            self = .session(body: try container.decode(String.self, forKey: .body), year: try container.decodeIfPresent(Int.self, forKey: .year),
                            qualifier: try container.decodeIfPresent(String.self, forKey: .qualifier))
        case "recurrence": self = .recurrence(try container.decode(String.self, forKey: .every))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown kind of time: \(kind)")
        }
    }

    /// Swift's synthesized encoding, as structures stored before 2026-12 hold it.
    private static func legacy(_ container: KeyedDecodingContainer<Key>) throws -> TimeValue {
        func values(_ key: Key) throws -> KeyedDecodingContainer<Key>? {
            container.contains(key) ? try container.nestedContainer(keyedBy: Key.self, forKey: key) : nil
        }
        if let day = try values(.day) { return .day(try day.decode(String.self, forKey: .first)) }
        if let days = try values(.days) { return .days(try days.decode(String.self, forKey: .first), try days.decode(String.self, forKey: .second)) }
        if let month = try values(.month) { return .month(try month.decode(String.self, forKey: .first)) }
        if let year = try values(.year) { return .year(try year.decode(Int.self, forKey: .first)) }
        if let years = try values(.years) { return .years(try years.decode(Int.self, forKey: .first), try years.decode(Int.self, forKey: .second)) }
        if let session = try values(.session) {
            return .session(body: try session.decode(String.self, forKey: .body), year: try session.decodeIfPresent(Int.self, forKey: .year),
                            qualifier: try session.decodeIfPresent(String.self, forKey: .qualifier))
        }
        if let recurrence = try values(.recurrence) { return .recurrence(try recurrence.decode(String.self, forKey: .first)) }
        throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: "not a time"))
    }
}

public struct TimeExpression: Sendable, Codable, Equatable, Hashable {
    public var value: TimeValue
    public var text: String
    public var range: SourceRange

    public init(value: TimeValue, text: String, range: SourceRange) {
        self.value = value
        self.text = text
        self.range = range
    }
}
