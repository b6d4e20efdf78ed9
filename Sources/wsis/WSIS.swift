import App
import ArgumentParser
import Foundation
import Logging
import Resolutions
import Review
import Storage
import Web

/// `wsis`: the WSIS+20 review platform's one executable. The web, the API and these commands
/// call the same services.
@main
struct WSIS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wsis",
        abstract: "The WSIS+20 review platform.",
        subcommands: [Serve.self, Migrate.self, ParseCommand.self, ImportCommand.self, ResolutionsCommand.self, MandatesCommand.self, CalendarCommand.self, ActivitiesCommand.self, DemoCommand.self, JobsCommand.self, UserCommand.self, OrganizationCommand.self, AuditCommand.self, ConfigCommand.self]
    )
}

/// Settings every command takes; see `Settings` for the order in which they are read.
struct CommonOptions: ParsableArguments {
    @Option(help: "A JSON config file (default: wsis.json in the working folder, if present).")
    var config: String?
    @Option(help: "Folder for the SQLite database and files (default ./wsis-data).")
    var dataDir: String?
    @Option(help: "A postgres:// URL; SQLite in the data folder when absent.")
    var databaseURL: String?
    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    func settings(extra: [String: String?] = [:]) throws -> Settings {
        var flags: [String: String] = [:]
        flags["data-dir"] = dataDir
        flags["database-url"] = databaseURL
        flags["log-level"] = logLevel
        for (key, value) in extra { flags[key] = value }
        return try Settings.read(flags: flags, configFile: config, environment: ProcessInfo.processInfo.environment)
    }
}

extension CommonOptions {
    /// Runs a command's work with the platform these options name open (see `withPlatform`).
    func withPlatform<T>(_ work: (Platform) async throws -> T) async throws -> T {
        try await wsis.withPlatform(readSettings(self), work)
    }
}

/// Reads the settings, or stops with one line saying what is wrong with them.
func readSettings(_ options: CommonOptions, extra: [String: String?] = [:]) -> Settings {
    do {
        return try options.settings(extra: extra)
    } catch {
        fail(error)
    }
}

/// Runs a command's work with the platform open (migrated, reference data loaded), closes it
/// afterwards, and turns every error into one line on standard error and a non-zero exit.
func withPlatform<T>(_ settings: Settings, _ work: (Platform) async throws -> T) async throws -> T {
    let logger = makeLogger(settings)
    let platform: Platform
    do {
        platform = try await Platform.open(settings, logger: logger)
    } catch {
        fail(error)
    }
    do {
        let result = try await work(platform)
        try await platform.close()
        return result
    } catch let exit as ExitCode {
        try? await platform.close()
        throw exit
    } catch {
        try? await platform.close()
        fail(error)
    }
}

let bootstrapLogging: Void = {
    // Logs go to standard error, so standard output carries only what the command answers.
    LoggingSystem.bootstrap(StreamLogHandler.standardError)
}()

func makeLogger(_ settings: Settings) -> Logger {
    _ = bootstrapLogging
    var logger = Logger(label: "wsis")
    logger.logLevel = Logger.Level(rawValue: settings.logLevel) ?? .info
    return logger
}

/// Prints the error as one readable line and exits with status 1.
func fail(_ error: any Error) -> Never {
    FileHandle.standardError.write(Data(("wsis: " + describe(error) + "\n").utf8))
    exit(1)
}

func describe(_ error: any Error) -> String {
    let catalog = Speech.catalog, language = Speech.language
    switch error {
    case let error as DomainError:
        switch error {
        case .invalid(let fields):
            return fields.map { "\($0.field): " + (catalog?.message(for: $0, language) ?? $0.code) }.joined(separator: "; ")
        case .notFound(let kind, let id) where kind == "language-version":
            return Speech.text("languages.missing", ["language": Language(rawValue: id)?.autonym ?? id])
        case .notFound(let kind, let id): return Speech.text("cli.error.not_found", ["kind": kind, "id": id])
        case .forbidden: return Speech.text("cli.error.forbidden")
        case .badCredentials: return Speech.text("cli.error.bad_credentials")
        case .rateLimited(let seconds): return Speech.text("cli.error.rate_limited", ["seconds": String(seconds)])
        case .conflict(let code): return Speech.text("error.\(code)")
        case .tooLarge(let limit): return Speech.text("error.file-too-large", ["megabytes": String(limit / 1_048_576)])
        case .unsupportedMedia(let name): return Speech.text("error.unsupported-file", ["name": name])
        }
    case let error as ReadingError:
        return Speech.catalog?.message(for: error, language) ?? error.description
    case let error as any CustomStringConvertible where error is SettingsError || error is StorageError || error is ReferenceDataError
        || error is ImportProblems || error is Refusal:
        return error.description
    default:
        let text = String(describing: error)
        if text.contains("Address already in use") { return Speech.text("cli.error.address_in_use") }
        if text.contains("Permission denied") { return Speech.text("cli.error.permission_denied", ["detail": text]) }
        return text
    }
}

/// A refusal the command line words itself (a file it cannot read).
struct Refusal: Error, CustomStringConvertible {
    var description: String
    init(_ key: String, _ parameters: [String: String] = [:]) { description = Speech.text(key, parameters) }
}

/// Standard output, flushed at once so that a reader on a pipe sees each line when it is printed.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
