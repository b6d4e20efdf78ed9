import ArgumentParser
import Foundation
import Resolutions
import Review

/// `wsis parse FILE`: reads a resolution and prints what was understood, storing nothing.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read a resolution (Word-exported or PDF-extracted text) and print its structure; nothing is stored."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case summary, json, text, akn
    }

    @Argument(help: "The file to read: .docx, .pdf (needs pdftotext) or text exported from Word or a PDF.") var file: String
    @Option(help: "summary (default), json, text or akn (Akoma Ntoso 3.0 XML).") var format: Format = .summary

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            fail(Refusal("cli.error.cannot_read", ["file": file]))
        }
        let resolution: Resolution
        do {
            resolution = try ResolutionParser().parse(try await DocumentReader.text(from: data).text)
        } catch {
            fail(error)
        }
        switch format {
        case .json:
            say(String(decoding: try PublicJSON.encoder(.prettyPrinted).encode(resolution), as: UTF8.self))
        case .text:
            FileHandle.standardOutput.write(Data(PlainText.render(resolution).utf8))
        case .akn:
            FileHandle.standardOutput.write(Data(AkomaNtoso.render(resolution).utf8))
        case .summary:
            say(Summary.render(resolution))
        }
    }
}

/// A reader's summary of a parsed resolution.
enum Summary {
    static func render(_ resolution: Resolution) -> String {
        var lines: [String] = []
        func field(_ name: String, _ value: String?) { if let value { lines.append("\(name): \(value)") } }
        field("language", resolution.language.rawValue)
        field("style", resolution.style.rawValue)
        field("symbol", resolution.symbol?.value)
        field("date", resolution.date?.value.description)
        field("agenda item", resolution.agendaItem?.value)
        field("original", resolution.originalLanguage?.value)
        field("source", resolution.source?.value)
        field("heading", resolution.heading?.value)
        field("title", resolution.title?.value)
        field("work", resolution.workID)
        field("formula", resolution.formula?.value)
        lines.append("preamble: \(resolution.preambularParagraphCount) paragraphs in \(resolution.preamble.count) blocks")
        lines.append("operative: \(resolution.operativeParagraphCount) paragraphs in \(resolution.operative.count) blocks")
        for (section, blocks) in resolution.outline {
            if let section { lines.append("section [\(section.id)] \(section.label)\(section.heading.map { " \($0)" } ?? "")") }
            for block in blocks {
                let heading = [block.phrase, block.addressee.map { "→ \($0)" }].compactMap { $0 }.joined(separator: " ")
                lines.append("  [\(block.id)] \(heading) (\(block.concept)\(block.modifier.map { ", \($0)" } ?? ""))")
                for paragraph in block.paragraphs { describe(paragraph, indent: "    ", into: &lines) }
            }
        }
        for footnote in resolution.footnotes { lines.append("footnote \(footnote.marker): \(footnote.text)") }
        for annex in resolution.annexes {
            lines.append("annex [\(annex.id)] \(annex.heading)\(annex.title.map { " — \($0)" } ?? ""): \(annex.paragraphs.count) paragraphs")
            for paragraph in annex.paragraphs { describe(paragraph, indent: "    ", into: &lines) }
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ paragraph: Paragraph, indent: String, into lines: inout [String]) {
        var notes: [String] = []
        if let verb = paragraph.verb { notes.append("verb \(verb)") }
        if let addressee = paragraph.addressee { notes.append("to \(addressee)") }
        notes += paragraph.citations.map { "cites \($0.id)\($0.version.map { "@\($0)" } ?? "")" }
        notes += paragraph.times.map { "time \($0.value.description) «\($0.text)»" }
        notes += paragraph.bodies.map { "body \($0.code)" }
        notes += paragraph.actionLines.map { "action line \($0.code)" }
        notes += paragraph.footnoteReferences.map { "footnote \($0)" }
        let text = paragraph.text.count > 70 ? String(paragraph.text.prefix(70)) + "…" : paragraph.text
        lines.append("\(indent)\(paragraph.number ?? "-") \(text)")
        if !notes.isEmpty { lines.append("\(indent)    \(notes.joined(separator: "; "))") }
        for child in paragraph.children { describe(child, indent: indent + "  ", into: &lines) }
    }
}
