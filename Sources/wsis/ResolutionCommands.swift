import ArgumentParser
import Foundation
import Resolutions
import Review
import Web

/// `wsis import FILE`: reads a resolution and stores it as a draft for the secretariat to confirm.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store a resolution (.docx, .pdf or exported text) as a draft; the same file again changes nothing, another text of the same work becomes its next version."
    )

    @OptionGroup var options: CommonOptions
    @Argument(help: "The file to import.") var file: String
    @Flag(help: "Confirm the structure at once (as the secretariat would after checking it).") var confirm = false

    func run() async throws {
        let settings = readSettings(options)
        guard let data = FileManager.default.contents(atPath: file) else { fail(ReadingError.unsupported("cannot read \(file)")) }
        try await withPlatform(settings) { platform in
            let imported = try await platform.resolutions.importDocument(data, by: cliActor)
            var resolution = imported.resolution
            if confirm { resolution = try await platform.resolutions.confirm(id: resolution.id, by: cliActor) }
            say("\(imported.created ? "Imported" : "Already imported"): \(resolution.id)  \(resolution.symbol ?? resolution.workID) version \(resolution.version), \(resolution.status.rawValue)")
            say("  \(resolution.structure.preambularParagraphCount) preambular and \(resolution.structure.operativeParagraphCount) operative paragraphs; \(resolution.structure.citations.count) citations")
        }
    }
}

struct ResolutionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolutions", abstract: "List and confirm imported resolutions.", subcommands: [List.self, Confirm.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List imported resolutions, drafts included.")
        @OptionGroup var options: CommonOptions

        func run() async throws {
            let settings = readSettings(options)
            try await withPlatform(settings) { platform in
                for summary in try await platform.resolutions.list(viewer: cliActor) {
                    say([summary.id, summary.symbol ?? "-", "v\(summary.version)", summary.status.rawValue, summary.title ?? "-"].joined(separator: "\t"))
                }
            }
        }
    }

    struct Confirm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm a draft's structure; it becomes public.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The resolution's id.") var id: String

        func run() async throws {
            let settings = readSettings(options)
            try await withPlatform(settings) { platform in
                let resolution = try await platform.resolutions.confirm(id: id, by: cliActor)
                say("Confirmed \(resolution.symbol ?? resolution.workID) version \(resolution.version).")
            }
        }
    }
}
