import Foundation

/// What the site needs of the platform's settings (`Settings` in module App reads them all).
public struct WebSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The address people reach the platform at; an `https://` address makes cookies Secure.
    public var publicURL: String?
    /// The largest request body accepted, in bytes; larger ones get 413.
    public var maxBodyBytes: Int
    /// The largest uploaded document, in bytes.
    public var maxUploadBytes: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil, maxBodyBytes: Int = 1_048_576,
                maxUploadBytes: Int = 20 * 1_048_576) {
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.maxBodyBytes = maxBodyBytes
        self.maxUploadBytes = maxUploadBytes
    }

    /// Whether cookies must carry the Secure attribute.
    public var secureCookies: Bool { publicURL?.lowercased().hasPrefix("https://") ?? false }
}
