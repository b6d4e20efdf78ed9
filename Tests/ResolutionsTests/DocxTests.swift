import Foundation
import Resolutions
import TestSupport
import Testing
import ZIPFoundation

/// Word documents made here, part by part, so every case is ours and visible in the test.
enum Docx {
    static let namespaces = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    static func make(_ parts: [String: Data]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    static func paragraph(_ text: String, list: (id: Int, level: Int)? = nil) -> String {
        let numbering = list.map { "<w:pPr><w:numPr><w:ilvl w:val=\"\($0.level)\"/><w:numId w:val=\"\($0.id)\"/></w:numPr></w:pPr>" } ?? ""
        return "<w:p>\(numbering)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// A fictional Council resolution: automatic numbering (letters for the preamble, numbers with
    /// roman sub-items for the operative part), a tracked change, a footnote.
    static var councilResolution: Data {
        get throws {
            let body = [
                paragraph("Document C99/1-E"),
                paragraph("3 March 2031"),
                paragraph("Open data for the review of the information society"),
                paragraph("The Council,"),
                paragraph("noting"),
                paragraph("that open data helps every stakeholder follow the review;", list: (1, 0)),
                paragraph("that Resolution 1332 (Modified 2016) asks for regular reporting,", list: (1, 0)),
                paragraph("resolves"),
                "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>"
                    + "<w:r><w:t xml:space=\"preserve\">to publish the review's data </w:t></w:r>"
                    + "<w:del w:id=\"9\" w:author=\"Editor\"><w:r><w:delText>every month</w:delText></w:r></w:del>"
                    + "<w:ins w:id=\"10\" w:author=\"Editor\"><w:r><w:t>annually</w:t></w:r></w:ins>"
                    + "<w:r><w:t xml:space=\"preserve\"> for developing countries</w:t></w:r>"
                    + "<w:r><w:footnoteReference w:id=\"1\"/></w:r><w:r><w:t>;</w:t></w:r></w:p>",
                paragraph("to report:", list: (2, 0)),
                paragraph("to the 2032 session of the Council;", list: (2, 1)),
                paragraph("to CWG-WSIS&amp;SDG at each of its meetings.", list: (2, 1)),
            ].joined()
            let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(namespaces)><w:body>\(body)</w:body></w:document>"
            let numbering = """
                <?xml version="1.0" encoding="UTF-8"?><w:numbering \(namespaces)>
                <w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
                <w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
                <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
                <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
                </w:numbering>
                """
            let footnotes = """
                <?xml version="1.0" encoding="UTF-8"?><w:footnotes \(namespaces)>
                <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
                <w:footnote w:id="1"><w:p><w:r><w:t>Including the least developed countries.</w:t></w:r></w:p></w:footnote>
                </w:footnotes>
                """
            return try make([
                "word/document.xml": Data(document.utf8), "word/numbering.xml": Data(numbering.utf8),
                "word/footnotes.xml": Data(footnotes.utf8), "[Content_Types].xml": Data("<Types/>".utf8),
            ])
        }
    }
}

@Suite("Word documents")
struct DocxTests {
    @Test("numbers rebuilt from numbering.xml, tracked deletions dropped, footnotes attached")
    func council() async throws {
        let (format, text) = try await DocumentReader.text(from: try Docx.councilResolution)
        #expect(format == .docx)
        let resolution = try ResolutionParser().parse(text)
        #expect(resolution.symbol?.value == "C99/1-E")
        #expect(resolution.preamble.first?.paragraphs.compactMap(\.number) == ["a", "b"])
        let resolves = try #require(resolution.operative.first)
        #expect(resolves.paragraphs.compactMap(\.number) == ["1", "2"])
        #expect(resolves.paragraphs[0].text == "to publish the review's data annually for developing countries;")
        #expect(resolves.paragraphs[0].footnoteReferences == ["1"])
        #expect(resolution.footnotes.first?.text == "Including the least developed countries.")
        #expect(resolves.paragraphs[1].children.compactMap(\.number) == ["i", "ii"])
        #expect(resolves.paragraphs[1].children[0].times.map(\.value) == [.session(body: "council", year: 2032, qualifier: nil)])
        #expect(resolution.preamble[0].paragraphs[1].citations.first?.id == "itu/council/res/1332")
    }

    @Test("Word's non-breaking hyphen is a hyphen, its soft hyphen nothing; footnotes take the numbers Word shows, in the order of reference, not their ids")
    func hyphensAndFootnoteNumbers() async throws {
        let body = [
            Docx.paragraph("Document C99/4-E"), Docx.paragraph("6 June 2031"), Docx.paragraph("Numbers of notes"),
            Docx.paragraph("The Council,"), Docx.paragraph("resolves"),
            "<w:p><w:r><w:t xml:space=\"preserve\">1\tto support ITU</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">coordinated co</w:t>"
                + "<w:softHyphen/><w:t>operation</w:t></w:r><w:r><w:footnoteReference w:id=\"5\"/></w:r>"
                + "<w:r><w:t xml:space=\"preserve\"> at every level</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:t>.</w:t></w:r></w:p>",
        ].joined()
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(Docx.namespaces)><w:body>\(body)</w:body></w:document>"
        let footnotes = """
            <?xml version="1.0" encoding="UTF-8"?><w:footnotes \(Docx.namespaces)>
            <w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
            <w:footnote w:id="2"><w:p><w:r><w:t>Second in the text.</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="5"><w:p><w:r><w:t>First in the text.</w:t></w:r></w:p></w:footnote>
            </w:footnotes>
            """
        let file = try Docx.make(["word/document.xml": Data(document.utf8), "word/footnotes.xml": Data(footnotes.utf8),
                                  "[Content_Types].xml": Data("<Types/>".utf8)])
        let resolution = try ResolutionParser().parse(try await DocumentReader.text(from: file).text)
        let paragraph = try #require(resolution.operative.first?.paragraphs.first)
        #expect(paragraph.text == "to support ITU-coordinated cooperation at every level.")
        #expect(paragraph.footnoteReferences == ["1", "2"])
        #expect(resolution.footnotes.map(\.marker) == ["1", "2"] && resolution.footnotes.map(\.text) == ["First in the text.", "Second in the text."])
    }

    @Test("a zip bomb is refused")
    func zipBomb() async throws {
        let zeros = Data(count: 8 * 1_048_576)
        let bomb = try Docx.make(["word/document.xml": zeros])
        await #expect(throws: ReadingError.self) { try await DocumentReader.text(from: bomb) }
        do {
            _ = try await DocumentReader.text(from: bomb)
        } catch let error as ReadingError {
            #expect(error.description.contains("zip bomb"))
        }
    }

    @Test("XML with a DOCTYPE or entities is refused")
    func doctype() async throws {
        let hostile = """
            <?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <w:document \(Docx.namespaces)><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>
            """
        let data = try Docx.make(["word/document.xml": Data(hostile.utf8)])
        await #expect(throws: ReadingError.self) { try await DocumentReader.text(from: data) }
    }

    @Test("a zip that is not a Word document, and a damaged one, get clear errors")
    func notWord() async throws {
        let other = try Docx.make(["readme.txt": Data("hello".utf8)])
        await #expect(throws: ReadingError.self) { try await DocumentReader.text(from: other) }
        var damaged = try Docx.councilResolution
        damaged.replaceSubrange(40..<200, with: Data(repeating: 0x41, count: 160))
        await #expect(throws: (any Error).self) { try await DocumentReader.text(from: damaged) }
    }

    @Test("a PDF is read with pdftotext when it is installed, and refused plainly when it is not")
    func pdf() async throws {
        struct Missing: PDFTextExtractor {
            func text(from pdf: Data) async throws -> String { throw ReadingError.unsupported("PDF files need pdftotext") }
        }
        let pdf = Data("%PDF-1.4\n%%EOF\n".utf8)
        #expect(DocumentReader.format(of: pdf) == .pdf)
        await #expect(throws: ReadingError.unsupported("PDF files need pdftotext")) { try await DocumentReader.text(from: pdf, pdf: Missing()) }
        // An empty PDF is damaged: pdftotext refuses it, and so do we, in words (and without it, we say it is missing).
        await #expect(throws: ReadingError.self) { try await DocumentReader.text(from: pdf) }
    }
}

/// Whether a program answers on this machine (LibreOffice, python-docx): the tests that need one say they skip when it does not.
enum Writers {
    static let available = ExternalProgram.succeeds("python3", ["-c", "import docx"]) && ExternalProgram.succeeds("soffice", ["--version"])
    static let absent: Comment = "needs python-docx (pip) and LibreOffice (Debian: libreoffice-writer-nogui); .ci/run installs both"

    /// The documents `Writers/write_docx.py` makes, in a fresh folder.
    static func write() throws -> URL {
        var script = URL(fileURLWithPath: #filePath)
        script.deleteLastPathComponent()
        script.appendPathComponent("Writers/write_docx.py")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsis-docx-\(UUID().uuidString)")
        guard try ExternalProgram.run("python3", [script.path, folder.path]).status == 0 else { throw ReadingError.unsupported("write_docx.py failed") }
        return folder
    }
}

@Suite("Word documents as Word's neighbours write them", .enabled(if: Writers.available, Writers.absent))
struct DocxWritersTests {
    @Test("python-docx's non-breaking and soft hyphens, LibreOffice's footnotes numbered as shown")
    func writers() async throws {
        let folder = try Writers.write()
        defer { try? FileManager.default.removeItem(at: folder) }

        let hyphens = try ResolutionParser().parse(try await DocumentReader.text(from: Data(contentsOf: folder.appendingPathComponent("python-docx.docx"))).text)
        let supported = try #require(hyphens.operative.first?.paragraphs.first)
        #expect(supported.text == "to support ITU-coordinated work and cooperation.")

        let notes = try ResolutionParser().parse(try await DocumentReader.text(from: Data(contentsOf: folder.appendingPathComponent("libreoffice.docx"))).text)
        let paragraph = try #require(notes.operative.first?.paragraphs.first)
        #expect(paragraph.footnoteReferences == ["1", "2"])
        #expect(notes.footnotes.map(\.marker) == ["1", "2"])
        #expect(notes.footnotes.map(\.text) == ["Including the least developed countries.", "As each Member State decides."])
    }
}
