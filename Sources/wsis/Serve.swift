import App
import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Review
import Storage
import Web

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the platform: migrate the database, load the reference data, and serve the site and the API."
    )

    @OptionGroup var options: CommonOptions
    @Option(help: "Address to listen on (default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (default 8080; 0 picks a free one).") var port: String?
    @Option(help: "The address people use; https:// makes cookies Secure.") var publicURL: String?

    func run() async throws {
        let settings = readSettings(options, extra: ["host": host, "port": port, "public-url": publicURL])
        let logger = makeLogger(settings)
        try await withPlatform(settings) { platform in
            let firstAdministrator = try await platform.accounts.bootstrapAdministrator(email: settings.adminEmail)
            let database = try Platform.location(settings).description
            let background = BackgroundWork(platform: platform, logger: logger)
            let app = try await buildApplication(services: platform.services, health: platform.health, settings: settings.web, logger: logger,
                                                 background: [background]) { url in
                say(Speech.text("cli.serve.running", ["url": "\(url)", "database": database]))
                if let (user, password) = firstAdministrator {
                    // The e-mail and password lines keep their labels in every language: scripts read them.
                    say("""

                        \(Speech.text("cli.serve.first_start"))
                          e-mail:   \(user.email)
                          password: \(password)
                        \(Speech.text("cli.serve.sign_in", ["url": "\(url)sign-in"]))

                        """)
                }
                say(Speech.text("cli.serve.press"))
            }
            // Runs until SIGINT or SIGTERM, then lets requests in progress finish.
            try await app.runService()
        }
        say(Speech.text("cli.serve.stopped"))
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring the database schema up to date (serve does this too), or revert it to a version."
    )

    @OptionGroup var options: CommonOptions
    @Option(help: "Revert the migrations above this version instead.") var revertTo: Int?

    func run() async throws {
        let settings = readSettings(options)
        if let version = revertTo {
            let logger = makeLogger(settings)
            do {
                let backend = try await openDatabase(try Platform.location(settings), logger: logger)
                let reverted = try await Migrations.revert(backend, to: version)
                try await backend.close()
                say(reverted.isEmpty ? Speech.text("cli.migrate.nothing") : Speech.text("cli.migrate.reverted", ["versions": reverted.map(String.init).joined(separator: ", ")]))
            } catch {
                fail(error)
            }
            return
        }
        try await withPlatform(settings) { platform in
            let applied = try await Migrations.applied(platform.backend)
            say(Speech.text("cli.migrate.done", ["version": String(applied.last ?? 0), "number": String(applied.count)]))
        }
    }
}

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "config", abstract: "Show the settings in effect and where each can be set.")

    @OptionGroup var options: CommonOptions

    func run() async throws {
        let settings = readSettings(options)
        let values: [String: String] = [
            "host": settings.host, "port": String(settings.port), "data-dir": settings.dataDirectory,
            "database-url": settings.databaseURL.map(PostgresURL.redacted) ?? "(none: SQLite)",
            "public-url": settings.publicURL ?? "(none)", "log-level": settings.logLevel, "admin-email": settings.adminEmail,
            "bcrypt-cost": String(settings.bcryptCost), "max-body-bytes": String(settings.maxBodyBytes),
            "max-upload-bytes": String(settings.maxUploadBytes),
            "iati-reporting-org": settings.iatiReportingOrg + (settings.iatiReportingOrg == IATI.placeholderReportingOrganization ? " (a placeholder: set yours)" : ""),
        ]
        for entry in Settings.documentation {
            say("\(entry.name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(values[entry.name] ?? "")   [--\(entry.name), \(entry.environment)]")
        }
    }
}
