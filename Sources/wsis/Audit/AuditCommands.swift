import App
import ArgumentParser
import Foundation
import Review
import Web

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read and check the audit trail.", subcommands: [Verify.self, List.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Walk the hash chain and name the first broken record; exit 1 if broken.")
        @OptionGroup var options: CommonOptions

        func run() async throws {
            let settings = readSettings(options)
            let result = try await withPlatform(settings) { try await $0.audit.verify() }
            switch result {
            case .intact(let count):
                say(Speech.text("cli.audit.intact", ["number": String(count)]))
            case .broken(let sequence, let reason):
                say(Speech.text("cli.audit.broken", ["sequence": String(sequence), "reason": reason]))
                throw ExitCode(1)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List audit records, newest first.")
        @OptionGroup var options: CommonOptions
        @Option(help: "Only this actor (an e-mail, or system:cli …).") var actor: String?
        @Option(help: "Only this action (user.create …).") var action: String?
        @Option(help: "At most this many records.") var limit: Int = 50

        func run() async throws {
            let settings = readSettings(options)
            guard (1...10_000).contains(limit) else { fail(DomainError.invalid([FieldError(field: "limit", code: "out-of-range", parameters: ["min": "1", "max": "10000"])])) }
            try await withPlatform(settings) { platform in
                for record in try await platform.audit.search(AuditFilter(actor: actor, action: action), limit: limit) {
                    say([String(record.sequence), Timestamp.string(record.at), record.actor, record.action,
                         "\(record.objectType):\(record.objectID)", String(record.hash.prefix(16))].joined(separator: "\t"))
                }
            }
        }
    }
}
