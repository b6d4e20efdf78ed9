/// The meaning of a preambular or operative phrase, the same in every language:
/// "recalling", "rappelant", "recordando" and "напоминая" are all `recalling`.
public struct PhraseConcept: RawRepresentable, Sendable, Codable, Hashable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    // Operative concepts the platform acts on (mandates are made from these).
    public static let resolves = PhraseConcept("resolves")
    public static let decides = PhraseConcept("decides")
    public static let instructs = PhraseConcept("instructs")
    public static let requests = PhraseConcept("requests")
    public static let invites = PhraseConcept("invites")
    public static let encourages = PhraseConcept("encourages")
    public static let urges = PhraseConcept("urges")
    public static let callsUpon = PhraseConcept("calls-upon")
    public static let recommends = PhraseConcept("recommends")
    public static let notes = PhraseConcept("notes")
}
