import Foundation
import Synchronization

/// The time, injected so that tests can pin it.
public protocol WallClock: Sendable {
    func now() -> Date
}

public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that stands still unless told to move; for tests and reproducible demos.
public final class FixedClock: WallClock {
    private let current: Mutex<Date>

    public init(_ date: Date) { self.current = Mutex(date) }

    public func now() -> Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// Identifiers for new records, injected so that tests can pin them.
public protocol IDGenerator: Sendable {
    func newID() -> String
}

/// UUIDs of version 7 (RFC 9562): 48 bits of Unix time in milliseconds, then 74 random bits.
/// New rows' ids sort by when they were made, so the activities of a large import are added at
/// the end of the id index instead of all over it (with random UUIDs, each insert touched a page
/// far from the one before, and at a million rows the index no longer fitted in SQLite's cache).
public struct UUIDGenerator: IDGenerator {
    public init() {}

    public func newID() -> String {
        Self.id(milliseconds: UInt64(max(0, Date().timeIntervalSince1970 * 1000)))
    }

    static func id(milliseconds: UInt64) -> String {
        var generator = SystemRandomNumberGenerator()
        let high: UInt64 = generator.next(), low: UInt64 = generator.next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * UInt64(index))) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: high & 0x0F)
        bytes[7] = UInt8(truncatingIfNeeded: high >> 8)
        bytes[8] = 0x80 | UInt8(truncatingIfNeeded: (high >> 16) & 0x3F)
        for index in 9..<16 { bytes[index] = UInt8(truncatingIfNeeded: low >> (8 * UInt64(index - 9))) }
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Unguessable secrets: session tokens, API tokens, CSRF tokens and generated passwords.
/// `SystemRandomNumberGenerator` reads the operating system's cryptographic source.
public enum Secrets {
    /// `byteCount` random bytes as URL-safe base64 without padding.
    public static func token(byteCount: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A password of `length` characters from an alphabet without look-alikes (no 0/O, 1/l/I),
    /// so it can be read off a console and typed.
    public static func password(length: Int = 20) -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}

/// Turns a password into a slow salted hash and checks one; the implementation (bcrypt) is
/// supplied by the layer that owns the dependency.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) -> String
    func verify(_ password: String, against hash: String) -> Bool
}
