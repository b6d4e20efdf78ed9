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
