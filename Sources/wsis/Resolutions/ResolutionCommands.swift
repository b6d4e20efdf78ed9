import App
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
        guard let data = FileManager.default.contents(atPath: file) else { fail(Refusal("cli.error.cannot_read", ["file": file])) }
        try await withPlatform(settings) { platform in
            let imported = try await platform.resolutions.importDocument(data, by: cliActor)
            var resolution = imported.resolution
            if confirm { resolution = try await platform.resolutions.confirm(id: resolution.id, by: cliActor) }
            say(Speech.text(imported.created ? "cli.import.imported" : "cli.import.already", ["id": resolution.id, "name": resolution.symbol ?? resolution.workID, "version": String(resolution.version), "status": resolution.status.rawValue]))
            say("  " + Speech.text("cli.import.counts", ["preamble": String(resolution.structure.preambularParagraphCount),
                                                          "operative": String(resolution.structure.operativeParagraphCount),
                                                          "citations": String(resolution.structure.citations.count)]))
        }
    }
}

struct ResolutionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolutions", abstract: "List, correct and confirm imported resolutions.",
        subcommands: [List.self, Correct.self, Confirm.self, Align.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List imported resolutions, drafts included: id, symbol, version, status, language, title.")
        @OptionGroup var options: CommonOptions
        @Option(help: "Only those whose title, symbol or work hold these words (in any language; accents and Arabic vowel marks aside).")
        var search: String = ""

        func run() async throws {
            try await options.withPlatform { platform in
                for summary in try await platform.resolutions.list(viewer: cliActor, matching: search) {
                    say([summary.id, summary.symbol ?? "-", "v\(summary.version)", summary.status.rawValue, summary.language, summary.title ?? "-"]
                        .joined(separator: "\t"))
                }
            }
        }
    }

    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct what the parser read in a draft, as the secretariat does on its page.",
            discussion: """
                KIND is one of:
                  addressee  --block op_2 --addressee "the Directors of the Bureaux"   (an empty --addressee: no one)
                  move       --paragraph pmbl_1__para_b --block op_1
                  citation   --paragraph op_1__para_2 --citation "Resolution 140 (Rev. Bucharest, 2022)"
                  uncite     --paragraph op_1__para_2 --citation "E/2031/1"   (the words a wrong citation was read from)
                Ids of blocks and paragraphs are those `wsis parse FILE` prints in brackets and the page shows as anchors.
                """
        )
        @OptionGroup var options: CommonOptions
        @Argument(help: "The resolution's id.") var id: String
        @Argument(help: "addressee, move, citation or uncite.") var kind: String
        @Option(help: "The block: whose addressee changes, or where a paragraph moves.") var block: String?
        @Option(help: "The paragraph that moves, or gains or loses a citation.") var paragraph: String?
        @Option(help: "Who the block addresses.") var addressee: String?
        @Option(help: "The citation as written in the paragraph.") var citation: String?

        func run() async throws {
            guard let correction = Correction(kind: kind, blockID: block, paragraphID: paragraph, addressee: addressee, citation: citation) else {
                throw ValidationError(Speech.text("cli.resolutions.unknown_correction", ["kind": kind]))
            }
            try await options.withPlatform { platform in
                let resolution = try await platform.resolutions.correct(id: id, correction, by: cliActor)
                say(Speech.text("cli.resolutions.corrected", ["name": resolution.symbol ?? resolution.workID, "kind": kind]))
            }
        }
    }

    struct Confirm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm a draft's structure; it becomes public.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The resolution's id.") var id: String

        func run() async throws {
            try await options.withPlatform { platform in
                let resolution = try await platform.resolutions.confirm(id: id, by: cliActor)
                say(Speech.text("cli.resolutions.confirmed", ["name": resolution.symbol ?? resolution.workID, "version": String(resolution.version)]))
            }
        }
    }

    struct Align: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print two language versions of a resolution paragraph by paragraph, as tab-separated pairs.",
            discussion: """
                ID names the resolution as `resolutions list` shows it (its id, symbol or work); LANG is ar, zh, en, es, fr or ru.
                Each line holds: the first language's paragraph id, the second's, why they were paired (structure, anchors,
                length) or `unaligned`, then the two texts. A header line names the columns. Example:
                  wsis resolutions align C23/85 en ru > c23-85-en-ru.tsv
                """
        )
        @OptionGroup var options: CommonOptions
        @Argument(help: "The resolution: its id, symbol or work.") var id: String
        @Argument(help: "The first language.") var first: String
        @Argument(help: "The second language.") var second: String

        func validate() throws {
            for tag in [first, second] where Language(rawValue: tag.lowercased()) == nil {
                throw ValidationError(Speech.text("cli.resolutions.not_a_language", ["tag": tag]))
            }
        }

        func run() async throws {
            let left = Language(rawValue: first.lowercased())!, right = Language(rawValue: second.lowercased())!
            try await options.withPlatform { platform in
                let named = try await platform.resolutions.resolution(named: id, viewer: cliActor)
                let versions = try await platform.resolutions.languageVersions(of: named.id, viewer: cliActor)
                guard let start = versions.first(where: { $0.language == left.rawValue }) else {
                    throw DomainError.notFound(kind: "\(left.rawValue) version of", id: named.symbol ?? named.workID)
                }
                let aligned = try await platform.resolutions.aligned(id: start.id, with: right, viewer: cliActor)
                func cell(_ text: String?) -> String {
                    (text ?? "").map { $0 == "\t" || $0.isNewline ? " " : String($0) }.joined()
                }
                say(["\(left.rawValue)_paragraph", "\(right.rawValue)_paragraph", "basis", "\(left.rawValue)_text", "\(right.rawValue)_text"]
                    .joined(separator: "\t"))
                for row in aligned.rows {
                    say([cell(row.pair.left), cell(row.pair.right), row.pair.basis.rawValue, cell(row.left?.text), cell(row.right?.text)]
                        .joined(separator: "\t"))
                }
            }
        }
    }
}
