import App
import ArgumentParser
import Foundation
import Reporting
import Review
import Web

/// `wsis calendar …`: the WSIS+20 calendar on the command line.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "List, add to and change the WSIS+20 calendar; export it as iCalendar.",
        subcommands: [List.self, Add.self, Change.self, Export.self]
    )

    /// The fields of a milestone, shared by add and change.
    struct Fields: ParsableArguments {
        @Option(help: "summit, high-level-event, conference, council-session, cwg-meeting, unga-meeting, ecosoc-cstd-session, deadline or consultation-phase.")
        var kind: String
        @Option(help: "The title.") var title: String
        @Option(help: "The first day (YYYY-MM-DD), or only the month (YYYY-MM) or year (YYYY).") var start: String
        @Option(help: "The last day of a range (YYYY-MM-DD).") var end: String?
        @Option(help: "Where.") var place: String?
        @Option(help: "Where the date comes from.") var source: String?
        @Flag(help: "The date is confirmed.") var confirmed = false

        func input(key: String?) -> MilestoneInput {
            MilestoneInput(key: key, kind: kind, title: title, start: start, end: end, place: place, confirmed: confirmed, source: source)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the milestones: key, dates, kind, confirmed or not, title, place.")
        @OptionGroup var options: CommonOptions

        func run() async throws {
            try await options.withPlatform { platform in
                for milestone in try await platform.calendar.milestones() {
                    let when = milestone.end.map { "\(milestone.start)..\($0)" } ?? milestone.start
                    say([milestone.key, when, milestone.kind.rawValue, milestone.confirmed ? "confirmed" : "to be confirmed", milestone.title,
                         milestone.place ?? ""].joined(separator: "\t"))
                }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a milestone; deadlines that name its key (council-2026) take its date.")
        @OptionGroup var options: CommonOptions
        @Option(help: "How deadlines name it: lower-case letters, digits, hyphens (council-2026).") var key: String
        @OptionGroup var fields: Fields

        func run() async throws {
            try await options.withPlatform { platform in
                let milestone = try await platform.calendar.add(fields.input(key: key), by: cliActor)
                say(Speech.text("cli.calendar.added", ["key": milestone.key, "title": milestone.title, "start": milestone.start]))
            }
        }
    }

    struct Change: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a milestone; the mandates tied to it move with it.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The milestone's key.") var key: String
        @OptionGroup var fields: Fields

        func run() async throws {
            try await options.withPlatform { platform in
                let milestone = try await platform.calendar.change(key: key, fields.input(key: key), by: cliActor)
                say(Speech.text("cli.calendar.changed", ["key": milestone.key, "start": milestone.start, "version": String(milestone.version)]))
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the calendar as iCalendar (RFC 5545): all of it, or one actor's deadlines.")
        @OptionGroup var options: CommonOptions
        @Option(help: "Only this actor's deadlines (a code of the actor registry), with the milestones they are tied to.") var actor: String?

        func run() async throws {
            let settings = readSettings(options)
            try await withPlatform(settings) { platform in
                let feed = try await ICalendar.feed(actor: actor, mandates: platform.mandates, calendar: platform.calendar,
                                                    resolutions: platform.resolutions, baseURL: settings.publicURL)
                FileHandle.standardOutput.write(Data(feed.utf8))
            }
        }
    }
}
