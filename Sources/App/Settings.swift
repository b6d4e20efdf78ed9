import Foundation
import Review
import Web

/// The platform's settings, read from one place in a fixed order of precedence:
/// command-line flags, then `WSIS_*` environment variables, then the JSON config file, then defaults.
public struct Settings: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Where the SQLite database and uploaded files live.
    public var dataDirectory = "./wsis-data"
    /// A `postgres://` URL; when absent the platform uses SQLite in the data folder.
    public var databaseURL: String?
    /// The address people reach the platform at; an `https://` address makes cookies Secure.
    public var publicURL: String?
    public var logLevel = "info"
    /// The e-mail of the administrator created on first start.
    public var adminEmail = "admin@localhost"
    /// Cost factor of bcrypt password hashes (4–31); 12 by default.
    public var bcryptCost = 12
    /// The largest request body accepted, in bytes; larger ones get 413.
    public var maxBodyBytes = 1_048_576
    /// The largest uploaded document (a resolution's .docx, .pdf or text), in bytes.
    public var maxUploadBytes = 20 * 1_048_576
    /// The IATI organisation identifier of whoever runs the platform, as the reporting organization
    /// of the IATI export (README, "Stocktaking"); a placeholder until the operator sets it.
    public var iatiReportingOrg = IATI.placeholderReportingOrganization

    public init() {}

    /// One setting: its name in the config file and as a flag, and how to apply a text value.
    struct Key: Sendable {
        let name: String
        let help: String
        let apply: @Sendable (inout Settings, String) throws -> Void
        var environmentName: String { "WSIS_" + name.uppercased().replacingOccurrences(of: "-", with: "_") }
    }

    static let keys: [Key] = [
        Key(name: "host", help: "address to listen on") { $0.host = try nonEmpty($1, "host") },
        Key(name: "port", help: "port to listen on") { $0.port = try integer($1, "port", 0...65535) },
        Key(name: "data-dir", help: "folder for the SQLite database and files") { $0.dataDirectory = try nonEmpty($1, "data-dir") },
        Key(name: "database-url", help: "postgres:// URL; SQLite in the data folder when absent") {
            $0.databaseURL = $1.isEmpty ? nil : $1
        },
        Key(name: "public-url", help: "the address people use; https:// makes cookies Secure") {
            $0.publicURL = $1.isEmpty ? nil : $1
        },
        Key(name: "log-level", help: "trace, debug, info, notice, warning, error or critical") {
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            guard levels.contains($1) else { throw SettingsError.invalid("log-level must be one of \(levels.joined(separator: ", ")), not \($1)") }
            $0.logLevel = $1
        },
        Key(name: "admin-email", help: "e-mail of the administrator created on first start") { $0.adminEmail = try nonEmpty($1, "admin-email") },
        Key(name: "bcrypt-cost", help: "bcrypt cost factor for password hashes") { $0.bcryptCost = try integer($1, "bcrypt-cost", 4...31) },
        Key(name: "max-body-bytes", help: "largest request body accepted, in bytes") {
            $0.maxBodyBytes = try integer($1, "max-body-bytes", 1024...(1 << 30))
        },
        Key(name: "max-upload-bytes", help: "largest uploaded document, in bytes") {
            $0.maxUploadBytes = try integer($1, "max-upload-bytes", 1024...(1 << 30))
        },
        Key(name: "iati-reporting-org", help: "IATI organisation identifier of the operator (e.g. XM-DAC-…), reporting organization of the IATI export") {
            guard IATI.isOrganisationIdentifier($1) else {
                throw SettingsError.invalid("iati-reporting-org must be an IATI organisation identifier: a registration agency's code, a hyphen and the identifier it gave (XM-DAC-41114, GB-COH-06368740), not \($1)")
            }
            $0.iatiReportingOrg = $1
        },
    ]

    /// Environment variables that are ours but are not settings (so they are not refused as unknown).
    static let otherEnvironmentNames: Set<String> = ["WSIS_CONFIG", "WSIS_TEST_DATABASE_URL"]

    /// Reads the settings. `flags` are the values given on the command line, by key name.
    /// The config file is `configFile`, else `WSIS_CONFIG`, else `wsis.json` in the working folder if it exists.
    public static func read(flags: [String: String], configFile: String?, environment: [String: String]) throws -> Settings {
        var settings = Settings()
        let known = Dictionary(uniqueKeysWithValues: keys.map { ($0.name, $0) })

        let explicitFile = configFile ?? environment["WSIS_CONFIG"]
        let path = explicitFile ?? "wsis.json"
        if explicitFile != nil || FileManager.default.fileExists(atPath: path) {
            for (name, value) in try readFile(path) {
                guard let key = known[name] else {
                    throw SettingsError.unknownKey("\(path): unknown setting \"\(name)\" (known: \(keys.map(\.name).joined(separator: ", ")))")
                }
                try key.apply(&settings, value)
            }
        }
        let ours = environment.filter { $0.key.hasPrefix("WSIS_") }
        let environmentKeys = Dictionary(uniqueKeysWithValues: keys.map { ($0.environmentName, $0) })
        for (name, value) in ours.sorted(by: { $0.key < $1.key }) {
            if otherEnvironmentNames.contains(name) { continue }
            guard let key = environmentKeys[name] else {
                throw SettingsError.unknownKey("unknown environment variable \(name) (known: \(keys.map(\.environmentName).joined(separator: ", ")))")
            }
            try key.apply(&settings, value)
        }
        for (name, value) in flags.sorted(by: { $0.key < $1.key }) {
            guard let key = known[name] else { throw SettingsError.unknownKey("unknown setting --\(name)") }
            try key.apply(&settings, value)
        }
        return settings
    }

    /// What the site needs of them.
    public var web: WebSettings {
        WebSettings(host: host, port: port, publicURL: publicURL, maxBodyBytes: maxBodyBytes, maxUploadBytes: maxUploadBytes)
    }

    public var sqlitePath: String { URL(fileURLWithPath: dataDirectory).appendingPathComponent("wsis.sqlite").path }

    /// The settings as a table, for `wsis config` and the README.
    public static var documentation: [(name: String, environment: String, help: String)] {
        keys.map { ($0.name, $0.environmentName, $0.help) }
    }

    private static func readFile(_ path: String) throws -> [(String, String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SettingsError.invalid("cannot read the config file \(path)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SettingsError.invalid("\(path) is not a JSON object of settings")
        }
        return try object.keys.sorted().map { name in
            switch object[name] {
            case let text as String: return (name, text)
            case let number as NSNumber: return (name, number.stringValue)
            default: throw SettingsError.invalid("\(path): the value of \"\(name)\" must be a string or a number")
            }
        }
    }

    private static func nonEmpty(_ value: String, _ name: String) throws -> String {
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw SettingsError.invalid("\(name) must not be empty") }
        return value
    }

    private static func integer(_ value: String, _ name: String, _ range: ClosedRange<Int>) throws -> Int {
        guard let number = Int(value.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            throw SettingsError.invalid("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(value)\"")
        }
        return number
    }
}

public enum SettingsError: Error, CustomStringConvertible, Equatable {
    case unknownKey(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .unknownKey(let message), .invalid(let message): message
        }
    }
}
