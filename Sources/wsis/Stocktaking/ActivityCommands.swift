import App
import ArgumentParser
import Foundation
import Review
import Storage
import Synchronization
import Web

/// `wsis activities …`: the stocktaking registry on the command line.
struct ActivitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activities", abstract: "Search, show, import and export the registry of WSIS activities.",
        subcommands: [Search.self, Show.self, Import.self, Export.self, Fields.self, Moderate.self]
    )

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search published activities: the total, the facets and a page of hits (tab-separated), or --json.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "Words; \"a phrase\"; a prefix*.") var query: String = ""
        @Option(help: "A facet filter, facet=value (action_line, sdg, country, region, stakeholder_type, year, status); may be repeated.")
        var filter: [String] = []
        @Option(help: "relevance or date.") var sort: String = "relevance"
        @Option(help: "How many hits (1–100).") var limit: Int = 20
        @Option(help: "Where the previous page ended (printed as next:).") var cursor: String?
        @Flag(help: "Print the answer as the API's JSON.") var json = false

        func run() async throws {
            let request = try ActivitiesCommand.request(query: query, filters: filter, sort: sort, limit: limit, cursor: cursor)
            try await options.withPlatform { platform in
                let page = try await platform.search.search(request, language: "en")
                if json {
                    say(String(decoding: try ActivitySearchJSON.encode(page), as: UTF8.self))
                    return
                }
                say("total: \(page.total) (ranking: \(page.ranking.rawValue))")
                for facet in Facet.allCases {
                    let values = (page.facets[facet] ?? []).prefix(8).map { "\($0.value) \($0.count)" }.joined(separator: ", ")
                    say("\(facet.rawValue): \(values)")
                }
                for hit in page.hits {
                    say([hit.activity.id, hit.titleSnippet.plain, hit.activity.organization, hit.activity.startDate ?? "",
                         hit.snippet.plain].joined(separator: "\t"))
                }
                if let next = page.nextCursor { say("next: \(next)") }
            }
        }
    }

    static func request(query: String, filters: [String], sort: String, limit: Int, cursor: String?) throws -> ActivitySearchRequest {
        var request = ActivitySearchRequest(limit: limit)
        do {
            request.query = try SearchQuery(parsing: query)
        } catch {
            throw ValidationError("the search is longer than \(SearchQuery.maximumLength) characters")
        }
        guard let order = ActivitySearchRequest.Sort(rawValue: sort) else { throw ValidationError("--sort is relevance or date") }
        request.sort = order
        request.cursor = cursor
        for item in filters {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let facet = Facet(rawValue: parts[0]) else {
                throw ValidationError("--filter takes facet=value, the facet one of " + Facet.allCases.map(\.rawValue).joined(separator: ", "))
            }
            request.filters[facet, default: []].insert(parts[1])
        }
        return request
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one activity (any state) as the API's JSON: its fields, state, version and comments.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The activity's id.") var id: String

        func run() async throws {
            try await options.withPlatform { platform in
                say(String(decoding: try ActivityJSON.encode(try await platform.activities.view(id: id, for: cliActor)), as: UTF8.self))
            }
        }
    }

    struct Moderate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a moderation step: submit, start-review, request-changes, publish, archive, restore, accept-revision, reject-revision.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The activity's id.") var id: String
        @Argument(help: "The step.") var step: String
        @Option(help: "A comment (required to request changes or reject a revision).") var comment: String?

        func run() async throws {
            guard let transition = ActivityTransition(rawValue: step) else {
                throw ValidationError("the step is one of " + ActivityTransition.allCases.map(\.rawValue).joined(separator: ", "))
            }
            try await options.withPlatform { platform in
                let activity = try await platform.activities.transition(id: id, transition, comment: comment, expectedVersion: nil, by: cliActor)
                say(Speech.text("cli.activities.moved", ["id": activity.id, "state": activity.state.rawValue]))
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a CSV or JSON file of activities (the export's format) row by row; with --apply, publish them all or none.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The file (.csv or .json).") var file: String
        @Flag(help: "Write the activities (only if no row has a problem). Without it nothing is saved.") var apply = false
        @Flag(help: "No progress bar.") var quiet = false

        func run() async throws {
            guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError(Speech.text("cli.error.cannot_read", ["file": file])) }
            let source: ActivityFile
            if ActivityFile.isJSON(file) {
                guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError(Speech.text("cli.error.cannot_read", ["file": file])) }
                source = .json(data)
            } else {
                source = try .csv(path: file)
            }
            let settings = readSettings(options)
            let bar = ProgressBar(enabled: !quiet)
            try await withPlatform(settings) { platform in
                let started = Date()
                let report = try await platform.activities.importActivities(source, apply: apply, by: cliActor) { bar.show($0) }
                bar.finish()
                let catalog = try? Catalog.bundled()
                for problem in report.problems {
                    let message = catalog?.message(for: problem.fieldError, .english) ?? problem.code
                    say("line \(problem.row)\t\(problem.field.isEmpty ? "-" : problem.field)\t\(message)")
                }
                if report.problemCount > report.problems.count {
                    say(Speech.text("cli.activities.more_problems", ["number": String(report.problemCount - report.problems.count)]))
                }
                let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
                if report.applied {
                    say(Speech.text("cli.activities.imported", ["rows": String(report.rows), "seconds": seconds, "added": String(report.created), "updated": String(report.updated), "unchanged": String(report.unchanged)]))
                } else if report.problemCount > 0 {
                    throw ImportProblems(count: report.problemCount, applying: apply)
                } else {
                    say(Speech.text("cli.activities.checked", ["rows": String(report.rows), "seconds": seconds]))
                }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every published activity as CSV, JSON or IATI XML (contacts are never written).")
        @OptionGroup var options: CommonOptions
        @Option(help: "csv, json or iati.") var format: String = "csv"
        @Option(help: "A file to write (standard output when absent); the field dictionary is written beside it.") var output: String?

        func run() async throws {
            guard let chosen = ActivityExportFormat(rawValue: format) else { throw ValidationError("--format is csv, json or iati") }
            let handle: FileHandle
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: nil), let file = FileHandle(forWritingAtPath: output) else {
                    throw ValidationError(Speech.text("cli.error.cannot_write", ["file": output]))
                }
                handle = file
                let dictionary = URL(fileURLWithPath: output).deletingPathExtension().path + ".fields.csv"
                try Data(ActivityFields.dictionaryCSV.utf8).write(to: URL(fileURLWithPath: dictionary))
            } else {
                handle = FileHandle.standardOutput
            }
            try await options.withPlatform { platform in
                try await platform.activities.export(chosen) { text in handle.write(Data(text.utf8)) }
            }
            if output != nil { try handle.close() }
        }
    }

    struct Fields: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the field dictionary of the import and export format (CSV).")

        func run() async throws {
            FileHandle.standardOutput.write(Data(ActivityFields.dictionaryCSV.utf8))
        }
    }
}

/// `wsis demo generate`: synthetic activities for trying the platform and measuring it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Synthetic data for demonstrations and benchmarks.",
                                                    subcommands: [Generate.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write N synthetic activities as an import file (CSV); load it with `wsis activities import FILE --apply`.")
        @OptionGroup var options: CommonOptions
        @Option(help: "How many activities.") var activities: Int
        @Option(help: "The file to write.") var output: String = "demo-activities.csv"
        @Option(help: "The same seed gives the same file.") var seed: UInt64 = 2025

        func run() async throws {
            guard activities > 0, activities <= 10_000_000 else { throw ValidationError("--activities is from 1 to 10000000") }
            guard FileManager.default.createFile(atPath: output, contents: nil), let handle = FileHandle(forWritingAtPath: output) else {
                throw ValidationError(Speech.text("cli.error.cannot_write", ["file": output]))
            }
            // The codes come from the bundled reference data, so no database is needed.
            let reference = try ReferenceDataFiles.load(directory: ReferenceDataFiles.bundledDirectory)
            var generator = DemoGenerator(seed: seed, vocabulary: ActivityVocabulary(reference: reference))
            generator.writeCSV(count: activities) { handle.write(Data($0.utf8)) }
            try handle.close()
            say(Speech.text("cli.demo.wrote", ["number": String(activities), "file": output]))
        }
    }
}

/// A one-line progress bar on standard error, redrawn at most ten times a second.
final class ProgressBar: Sendable {
    private struct Drawing {
        var last = Date.distantPast
        var drawn = false
    }

    private let enabled: Bool
    private let drawing = Mutex(Drawing())

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) != 0
    }

    func show(_ progress: ImportProgress) {
        guard enabled else { return }
        drawing.withLock { drawing in
            let now = Date()
            guard now.timeIntervalSince(drawing.last) > 0.1 else { return }
            drawing.last = now
            let fraction = progress.totalBytes > 0 ? min(1, Double(progress.bytes) / Double(progress.totalBytes)) : 0
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let phase = progress.phase == "check" ? "checking" : "writing "
            FileHandle.standardError.write(Data("\r\(phase) [\(bar)] \(Int(fraction * 100))%  \(progress.rows) rows".utf8))
            drawing.drawn = true
        }
    }

    func finish() {
        drawing.withLock { drawing in
            if drawing.drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }
}
