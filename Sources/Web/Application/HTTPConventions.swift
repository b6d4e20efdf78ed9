import CompressNIO
import Crypto
import Foundation
import Hummingbird

// What HTTP's clients expect of any server, whatever the route: a method the path does not take
// is 405 with `Allow`; a public answer carries a validator (`ETag`) and is 304 when the client has
// it already; it may be cached briefly, a signed-in page never; text is compressed when asked; the
// public, read-only data may be read from another site's page (CORS). (HEAD is answered for every
// GET route by the router itself: `RouterOptions.autoGenerateHeadEndpoints`.)

/// A path the site serves, asked with a method it does not take: 405 with the methods it takes
/// (`Allow`), rather than 404. TRACE and the like are answered the same way.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard context.endpointPath == nil else { return try await next(request, context) }
        let methods = SiteMap.methods(forPath: request.uri.path)
        guard !methods.isEmpty else { return try await next(request, context) }
        throw HTTPError(.methodNotAllowed, headers: [.allow: methods.map(\.rawValue).joined(separator: ", ")])
    }
}

/// What may be kept, and for how long, and the validator that lets a client ask again cheaply.
/// - Answers to someone signed in (a session cookie or a bearer token came with the request) are
///   never stored (`private, no-store`); an answer that hands out a cookie is kept by nobody else.
/// - Open data, feeds, the API's public reads and the style sheet may be kept five minutes by anyone
///   (`public, max-age=300`); a calendar subscriber asks again with `If-None-Match` and gets 304.
/// - Other public pages are kept but checked every time (`no-cache`), with their `ETag`.
/// An answer with a body in hand gets a strong `ETag` of its bytes; an export written as it is read
/// (the registry's CSV, JSON and IATI) is not read twice to make one, and carries none.
struct CachingMiddleware: RouterMiddleware {
    typealias Context = WebContext

    /// Bodies larger than this are not read again to make a validator.
    static let largestValidated = 8 << 20

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard request.method == .get || request.method == .head else { return response }
        if request.cookies[AuthenticationMiddleware.sessionCookie] != nil || request.headers[.authorization] != nil {
            response.headers[.cacheControl] = "private, no-store"
            return response
        }
        guard response.status == .ok else { return response }
        if response.headers[.setCookie] != nil {
            // A first visit's answer hands out a cookie: nobody keeps that answer for another reader.
            response.headers[.cacheControl] = "private, no-cache"
        } else if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = Self.isPublicData(request.uri.path, contentType: response.headers[.contentType])
                ? "public, max-age=300" : "no-cache"
        }
        guard response.headers[.eTag] == nil, let length = response.body.contentLength, length <= Self.largestValidated else {
            return response
        }
        let body = try await response.body.collected()
        let tag = "\"" + SHA256.hash(data: Array(body.readableBytesView)).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
        response.headers[.eTag] = tag
        if let asked = request.headers[.ifNoneMatch], Self.matches(asked, tag) {
            var notModified = Response(status: .notModified, headers: response.headers)
            notModified.headers[.contentLength] = nil
            notModified.headers[.contentType] = nil
            return notModified
        }
        response.body = ResponseBody(byteBuffer: body)
        return response
    }

    /// Whether `If-None-Match` names this tag (or `*`); a weak tag (`W/"…"`, as a compressing proxy
    /// may send back) matches its strong form.
    static func matches(_ header: String, _ tag: String) -> Bool {
        // The compressed answer's tag (see CompressionMiddleware) names the same content.
        let compressed = String(tag.dropLast()) + "-gzip\""
        return header.split(separator: ",").contains { candidate in
            let value = candidate.trimmingCharacters(in: .whitespaces)
            return value == "*" || [tag, compressed].contains { value == $0 || value == "W/" + $0 }
        }
    }

    /// Open data, feeds, the public API and the site's own files: what anyone may keep a little while.
    static func isPublicData(_ path: String, contentType: String?) -> Bool {
        if SiteMap.isAPIPath(path) || path == SiteURL.openAPI.path || path.hasPrefix("/assets/") { return true }
        return !(contentType ?? "").hasPrefix("text/html")
    }
}

/// Text is sent gzip-compressed to a client that says it accepts gzip: pages, JSON, CSV, XML,
/// iCalendar, the style sheet. Files already compressed (a Word document, a PDF) and small answers
/// are sent as they are. An export written as it is read is compressed as it is written.
struct CompressionMiddleware: RouterMiddleware {
    typealias Context = WebContext

    /// Answers smaller than this gain too little to be worth the work.
    static let smallest = 1024

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard Self.isText(response.headers[.contentType]), response.headers[.contentEncoding] == nil else { return response }
        // Caches keep the compressed and the plain answer apart.
        if let vary = response.headers[.vary] {
            if !vary.lowercased().contains("accept-encoding") { response.headers[.vary] = vary + ", Accept-Encoding" }
        } else {
            response.headers[.vary] = "Accept-Encoding"
        }
        guard Self.acceptsGzip(request.headers[.acceptEncoding]), request.method != .head else { return response }
        if let length = response.body.contentLength {
            guard length >= Self.smallest else { return response }
            var body = try await response.body.collected()
            let compressed = try body.compress(with: .gzip())
            response.headers[.contentEncoding] = "gzip"
            response.headers[.contentLength] = String(compressed.readableBytes)
            response.body = ResponseBody(byteBuffer: compressed)
            // A validator names one representation: the compressed one gets its own.
            if let tag = response.headers[.eTag], tag.hasSuffix("\"") { response.headers[.eTag] = String(tag.dropLast()) + "-gzip\"" }
        } else {
            let original = response.body
            response.headers[.contentEncoding] = "gzip"
            response.headers[.contentLength] = nil
            response.body = ResponseBody { writer in
                try await original.write(GzipWriter(downstream: writer))
            }
        }
        return response
    }

    /// Whether `Accept-Encoding` allows gzip (not refused with `q=0`).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.lowercased().split(separator: ",").contains { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.first == "gzip" || pieces.first == "*" else { return false }
            return !pieces.dropFirst().contains { $0.hasPrefix("q=") && Double($0.dropFirst(2)) == 0 }
        }
    }

    static func isText(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return false }
        return type.hasPrefix("text/") || type.hasPrefix("application/json") || type.hasPrefix("application/problem+json")
            || type.hasPrefix("application/xml") || type.hasPrefix("application/akn+xml") || type.hasPrefix("application/yaml")
    }
}

/// Compresses a body as it is written, part by part.
struct GzipWriter: ResponseBodyWriter {
    var downstream: any ResponseBodyWriter
    let compressor: any NIOCompressor

    init(downstream: any ResponseBodyWriter) {
        self.downstream = downstream
        compressor = CompressionAlgorithm.gzip().compressor
    }

    mutating func write(_ buffer: ByteBuffer) async throws {
        // zlib makes no progress on nothing (and says so): an empty part adds nothing.
        guard buffer.readableBytes > 0 else { return }
        if compressorStarted == false { try start() }
        var input = buffer
        // zlib's bound for the data, and room for the flush's marker and the gzip header.
        var output = ByteBuffer()
        output.reserveCapacity(compressor.maxSize(from: input) + 64)
        try input.compressStream(to: &output, with: compressor, flush: .sync)
        try await downstream.write(output)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        if compressorStarted == false { try start() }
        var empty = ByteBuffer()
        var last = ByteBuffer()
        last.reserveCapacity(64)
        try empty.compressStream(to: &last, with: compressor, flush: .finish)
        try compressor.finishStream()
        try await downstream.write(last)
        try await downstream.finish(trailingHeaders)
    }

    private var compressorStarted = false

    private mutating func start() throws {
        try compressor.startStream()
        compressorStarted = true
    }
}

/// The public, read-only data may be read by a page of another site (a dashboard): the API's GET
/// routes anyone may use and the open-data downloads answer any origin, without credentials.
/// Nothing else does, and no route that needs a signed-in person.
struct CORSMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.headers[.origin] != nil, Self.isOpen(request.uri.path) else { return try await next(request, context) }
        if request.method == .options {
            // A preflight: only GET (and HEAD) are offered, with no credentials.
            return Response(status: .noContent, headers: [
                .accessControlAllowOrigin: "*", .accessControlAllowMethods: "GET, HEAD",
                .accessControlAllowHeaders: "Accept, Accept-Language, If-None-Match", .accessControlMaxAge: "86400",
            ])
        }
        var response = try await next(request, context)
        if request.method == .get || request.method == .head {
            response.headers[.accessControlAllowOrigin] = "*"
            response.headers[.accessControlExposeHeaders] = "ETag, Content-Disposition"
        }
        return response
    }

    /// The routes everyone may read with GET that are data, not pages: the JSON API's public reads,
    /// the exports and feeds, the OpenAPI document.
    static func isOpen(_ path: String) -> Bool {
        let methods = SiteMap.entries(forPath: path)
        guard let get = methods.first(where: { $0.method == .get }), get.access == .everyone else { return false }
        // A public read of the API or a download; never a page, never a route that needs someone signed in.
        return get.isAPI || SiteMap.openData.contains(get.path)
    }
}

extension ResponseBody {
    /// The whole body, read into one buffer (for a body whose length is known).
    func collected() async throws -> ByteBuffer {
        let collector = Collector()
        try await write(collector)
        return collector.buffer
    }
}

/// Keeps what a body writes, within the one task that writes it.
private final class Collector: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws { self.buffer.writeImmutableBuffer(buffer) }
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
