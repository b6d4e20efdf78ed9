import Foundation

/// A change made to the WSIS-SDG Matrix by the secretariat: a link added or removed, and why.
public struct MatrixChange: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case add, remove }
    public var sequence: Int
    public var at: Date
    public var actor: String
    public var kind: Kind
    public var link: MatrixLink
    public var reason: String

    public init(sequence: Int, at: Date, actor: String, kind: Kind, link: MatrixLink, reason: String) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.kind = kind
        self.link = link
        self.reason = reason
    }
}
