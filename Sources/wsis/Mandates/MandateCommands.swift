import App
import ArgumentParser
import Foundation
import Review
import Web

/// `wsis mandates …`: the mandates read from confirmed resolutions, on the command line.
struct MandatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mandates", abstract: "List mandates, report on them, and settle proposals.",
        subcommands: [List.self, Show.self, Update.self, Accept.self, Drop.self, Split.self, Merge.self, Export.self, Import.self, Actors.self,
                      AddActor.self]
    )

    static func resolutionID(_ name: String, in platform: Platform) async throws -> String {
        try await platform.resolutions.resolution(named: name, viewer: cliActor).id
    }

    /// A decision made against the mandate's current version (the command line is one person at a time).
    @discardableResult
    static func decide(_ id: String, in platform: Platform, _ make: (Int) -> MandateDecision) async throws -> Mandate {
        let current = try await platform.mandates.mandate(id: id, viewer: cliActor).mandate.mandate
        return try await platform.mandates.decide(on: id, make(current.version), by: cliActor)
    }

    static func line(_ view: MandateView) -> String {
        let mandate = view.mandate
        let due = mandate.due.text.map { "due \($0)" + (view.dueDay.map { " (\($0))" } ?? "") } ?? "no deadline"
        let state = mandate.proposal == .accepted ? mandate.status.rawValue : mandate.proposal.rawValue
        let signals = view.signals.isEmpty ? "" : " [" + view.signals.map(\.rawValue).joined(separator: ", ") + "]"
        return [mandate.id, mandate.paragraphID, mandate.actors.joined(separator: ","), "\(state) \(mandate.progress)%\(signals)", due,
                mandate.action].joined(separator: "\t")
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List mandates (proposals included), one per line, tab-separated.")
        @OptionGroup var options: CommonOptions
        @Option(help: "A resolution: its id, symbol (C23/85) or cited-work id.") var resolution: String?
        @Option(help: "not-started, in-progress, completed, ongoing, cancelled or superseded.") var status: String?
        @Option(help: "overdue, due-soon, stale or blocked.") var signal: String?
        @Option(help: "A code of the actor registry (wsis mandates actors).") var actor: String?
        @Option(name: .customLong("action-line"), help: "An Action Line named by the paragraph (C7 takes its sub-lines).") var actionLine: String?
        @Option(help: "An SDG goal (4) or target (4.1) named by the paragraph.") var sdg: String?
        @Option(help: "Words in the owner's name.") var owner: String?
        @Option(name: .customLong("due-before"), help: "Due on or before this day (YYYY-MM-DD).") var dueBefore: String?

        func run() async throws {
            if let dueBefore, dueBefore.count != 10 || PartialDate.lastDay(of: dueBefore) == nil { throw ValidationError("--due-before takes a day: YYYY-MM-DD") }
            var filter = MandateFilter(actor: actor, actionLine: actionLine, sdg: sdg, owner: owner, dueBefore: dueBefore)
            if let status {
                guard let value = Mandate.Status(rawValue: status) else { throw ValidationError("unknown status \"\(status)\"") }
                filter.status = value
            }
            let wanted = try signal.map { name -> Signal in
                guard let value = Signal(rawValue: name) else { throw ValidationError("unknown signal \"\(name)\"") }
                return value
            }
            try await options.withPlatform { platform in
                if let resolution { filter.resolutionID = try await MandatesCommand.resolutionID(resolution, in: platform) }
                for view in try await platform.mandates.list(filter, signal: wanted, viewer: cliActor) { say(MandatesCommand.line(view)) }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a mandate and its history.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The mandate's id.") var id: String

        func run() async throws {
            try await options.withPlatform { platform in
                let (view, updates) = try await platform.mandates.mandate(id: id, viewer: cliActor)
                say(MandatesCommand.line(view))
                say("version \(view.mandate.version); owner \(view.mandate.owner ?? "-"); weight \(view.mandate.weight)")
                for occurrence in view.occurrences {
                    say("  period \(occurrence.period) (due \(occurrence.dueDay)): \(occurrence.status.rawValue) \(occurrence.progress)%")
                }
                for update in updates {
                    let status = update.statusTo.map { " → \($0.rawValue)" } ?? ""
                    let progress = update.progress.map { " \($0)%" } ?? ""
                    say("  \(Timestamp.string(update.at)) \(update.author)\(status)\(progress): \(update.note) \(update.evidence.joined(separator: " "))")
                }
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a dated update on a mandate: a note, a status, progress, evidence links.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The mandate's id.") var id: String
        @Option(help: "not-started, in-progress, completed, ongoing, cancelled or superseded.") var status: String?
        @Option(help: "Progress in per cent (0–100).") var progress: Int?
        @Option(help: "What was done.") var note: String = ""
        @Option(help: "Why (needed to cancel, supersede or reopen).") var reason: String?
        @Option(help: "A link to evidence (may be repeated).") var evidence: [String] = []
        @Option(help: "A file kept as evidence: PDF, Word (.docx) or an image, up to 20 MB (may be repeated).") var file: [String] = []
        @Flag(help: "The work is blocked.") var blocked = false
        @Option(help: "For recurring work: the period reported on (2026).") var period: String?

        func run() async throws {
            let newStatus = try status.map { name -> Mandate.Status in
                guard let value = Mandate.Status(rawValue: name) else { throw ValidationError("unknown status \"\(name)\"") }
                return value
            }
            let files = try file.map { path -> EvidenceFile in
                guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError(Speech.text("cli.error.cannot_read", ["file": path])) }
                return EvidenceFile(fileName: URL(fileURLWithPath: path).lastPathComponent, data: data)
            }
            try await options.withPlatform { platform in
                let current = try await platform.mandates.mandate(id: id, viewer: cliActor).mandate.mandate
                let report = MandateReport(expectedVersion: current.version, note: note, status: newStatus, reason: reason, progress: progress,
                                           blocked: blocked, evidence: evidence, files: files, period: period)
                let (mandate, _) = try await platform.mandates.report(on: id, report, by: cliActor)
                say(Speech.text("cli.mandates.updated", ["status": mandate.status.rawValue, "progress": String(mandate.progress), "version": String(mandate.version)]))
            }
        }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Accept proposed mandates: the ones named, or every one of a resolution.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "Mandate ids.") var ids: [String] = []
        @Option(help: "Accept every proposal of this resolution (id, symbol or cited-work id).") var resolution: String?

        func run() async throws {
            guard !ids.isEmpty || resolution != nil else { throw ValidationError("name mandates, or a resolution with --resolution") }
            try await options.withPlatform { platform in
                if let resolution {
                    let count = try await platform.mandates.acceptAll(resolutionID: try await MandatesCommand.resolutionID(resolution, in: platform),
                                                                      by: cliActor)
                    say(Speech.text("cli.mandates.accepted_all", ["number": String(count)]))
                }
                for id in ids {
                    try await MandatesCommand.decide(id, in: platform) { MandateDecision(kind: .accept, expectedVersion: $0) }
                    say(Speech.text("cli.mandates.accepted", ["id": id]))
                }
            }
        }
    }

    struct Drop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Drop a proposed mandate that asks for no work.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The mandate's id.") var id: String
        @Option(help: "Why.") var reason: String?

        func run() async throws {
            try await options.withPlatform { platform in
                try await MandatesCommand.decide(id, in: platform) { MandateDecision(kind: .drop, expectedVersion: $0, reason: reason) }
                say(Speech.text("cli.mandates.dropped", ["id": id]))
            }
        }
    }

    struct Split: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split a proposal that asks for several pieces of work: the first --part stays with it, each other becomes a proposal."
        )
        @OptionGroup var options: CommonOptions
        @Argument(help: "The proposal's id.") var id: String
        @Option(help: "An action (at least two).") var part: [String] = []

        func run() async throws {
            try await options.withPlatform { platform in
                try await MandatesCommand.decide(id, in: platform) { MandateDecision(kind: .split, expectedVersion: $0, parts: part) }
                say(Speech.text("cli.mandates.split", ["id": id, "number": String(part.count)]))
            }
        }
    }

    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Merge a proposal into another that asks for the same work; this one is dropped.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The proposal's id.") var id: String
        @Option(help: "The proposal that takes it over.") var into: String

        func run() async throws {
            try await options.withPlatform { platform in
                try await MandatesCommand.decide(id, in: platform) { MandateDecision(kind: .merge, expectedVersion: $0, into: into) }
                say(Speech.text("cli.mandates.merged", ["id": id, "into": into]))
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print mandates as open data: CSV (mandates, or their updates) or JSON (both).")
        @OptionGroup var options: CommonOptions
        @Option(help: "csv or json.") var format = "csv"
        @Flag(help: "The updates (CSV), in the format `wsis mandates import` reads.") var updates = false
        @Option(help: "Only this resolution's (id, symbol or cited-work id).") var resolution: String?

        func run() async throws {
            guard ["csv", "json"].contains(format) else { throw ValidationError("the format is csv or json") }
            try await options.withPlatform { platform in
                var filter = MandateFilter()
                if let resolution { filter.resolutionID = try await MandatesCommand.resolutionID(resolution, in: platform) }
                let views = try await platform.mandates.list(filter, viewer: cliActor)
                let text: String
                if format == "json" {
                    text = String(decoding: try MandatesJSON.document(views, updates: try await platform.mandates.updates(of: views)), as: UTF8.self) + "\n"
                } else if updates {
                    text = MandateExchange.updatesCSV(try await platform.mandates.updates(of: views))
                } else {
                    text = MandateExchange.mandatesCSV(views)
                }
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a CSV of updates (the format of `wsis mandates export --updates`) row by row; with --apply, record them all or none."
        )
        @OptionGroup var options: CommonOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(help: "Record the updates (only if no row has a problem). Without it nothing is saved.") var apply = false

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError(Speech.text("cli.error.cannot_read", ["file": file])) }
            try await options.withPlatform { platform in
                let report = try await platform.mandates.importUpdates(csv: String(decoding: data, as: UTF8.self), apply: apply, by: cliActor)
                let catalog = try? Catalog.bundled()
                for problem in report.fileErrors { say("file: \(problem)") }
                for row in report.rows {
                    let problems = row.errors.map { "\($0.field): " + (catalog?.message(for: $0, .english) ?? $0.code) }.joined(separator: "; ")
                    say("line \(row.line)\t\(row.mandateID)\t" + (problems.isEmpty ? row.change : "PROBLEM " + problems))
                }
                if report.applied {
                    say(Speech.text("cli.mandates.applied", ["number": String(report.rows.filter { !$0.skipped }.count)]))
                } else if report.problems > 0 {
                    throw ImportProblems(count: report.problems, applying: apply)
                } else {
                    say(Speech.text("cli.mandates.checked"))
                }
            }
        }
    }

    struct Actors: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the actor registry: code, name, the words that name the actor.")
        @OptionGroup var options: CommonOptions

        func run() async throws {
            try await options.withPlatform { platform in
                for actor in try await platform.mandates.actors() {
                    say([actor.code, actor.name, actor.patterns.joined(separator: "; ")].joined(separator: "\t"))
                }
            }
        }
    }

    struct AddActor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-actor", abstract: "Add someone resolutions address to the actor registry.")
        @OptionGroup var options: CommonOptions
        @Option(help: "A code: lower-case letters, digits and hyphens.") var code: String
        @Option(help: "The name shown.") var name: String
        @Option(help: "Words that name the actor in resolutions (may be repeated).") var pattern: [String] = []

        func run() async throws {
            try await options.withPlatform { platform in
                let actor = try await platform.mandates.addActor(code: code, name: name, patterns: pattern, by: cliActor)
                say(Speech.text("cli.mandates.actor_added", ["code": actor.code, "name": actor.name]))
            }
        }
    }
}

/// An import with problems: nothing was saved.
struct ImportProblems: Error, CustomStringConvertible {
    var count: Int
    var applying: Bool
    var description: String { "\(count) rows or parts of the file have problems; nothing was saved" }
}
