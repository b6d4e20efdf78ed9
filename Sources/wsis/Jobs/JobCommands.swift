import App
import ArgumentParser
import Foundation
import Review

/// `wsis jobs …`: the background jobs (web imports today) on the command line.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "List the background jobs, or run the queued ones now.", subcommands: [List.self, Run.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The newest jobs: id, kind, state, attempts, asked for (by whom), title, why it failed.")
        @OptionGroup var options: CommonOptions
        @Option(help: "How many (default 20).") var limit = 20

        func run() async throws {
            try await options.withPlatform { platform in
                for job in try await platform.jobs.recent(limit: max(1, min(limit, 1000)), for: cliActor) {
                    say([job.id, job.kind, job.state.rawValue, String(job.attempts), Timestamp.string(job.createdAt), job.ownerLabel, job.title,
                         job.failure ?? ""].joined(separator: "\t"))
                }
            }
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the queued jobs now, here (a running server does this by itself; a server that starts queues again the jobs a stopped one left running)."
        )
        @OptionGroup var options: CommonOptions

        func run() async throws {
            try await options.withPlatform { platform in
                let ran = try await platform.jobRunner.runPending()
                for job in ran {
                    say([job.id, job.kind, job.state.rawValue, job.title, job.failure ?? ""].joined(separator: "\t"))
                }
                say(ran.isEmpty ? Speech.text("cli.jobs.none") : Speech.text("cli.jobs.ran", ["number": String(ran.count)]))
            }
        }
    }
}
