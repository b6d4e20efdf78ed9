import Foundation

/// A signed-in browser session. The cookie holds the token; the database only its SHA-256.
public struct Session: Sendable, Equatable {
    public var tokenHash: String
    public var userID: String
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, userID: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A bearer token for the JSON API. Only its SHA-256 is stored; the token itself is shown once.
public struct APIToken: Sendable, Equatable {
    public var id: String
    public var tokenHash: String
    public var userID: String
    public var name: String
    public var createdAt: Date

    public init(id: String, tokenHash: String, userID: String, name: String, createdAt: Date) {
        self.id = id
        self.tokenHash = tokenHash
        self.userID = userID
        self.name = name
        self.createdAt = createdAt
    }
}
