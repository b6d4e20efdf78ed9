import Foundation
import Resolutions
import Testing

/// A PDF written here by hand (one page, Helvetica, one line of text per line), so the test owns
/// its document and needs nothing but pdftotext.
enum HandmadePDF {
    static func make(lines: [String]) -> Data {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
        }
        var stream = "BT /F1 11 Tf 72 760 Td 14 TL\n"
        for line in lines { stream += "(\(escape(line))) Tj T*\n" }
        stream += "ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }
}

@Suite("PDF")
struct PDFTests {
    @Test("a resolution in a PDF is read through pdftotext",
          .enabled(if: Pdftotext.isInstalled, "pdftotext (Debian poppler-utils) is not installed, so no PDF can be read"))
    func readsPDF() async throws {
        let pdf = HandmadePDF.make(lines: [
            "Document C31/3-E", "6 May 2031", "Open formats for the review", "The Council,", "considering",
            "a) that open formats keep records readable,", "resolves", "1 to keep the review's records in open formats;",
            "2 to report on it to the 2032 session of the Council.",
        ])
        let (format, text) = try await DocumentReader.text(from: pdf)
        #expect(format == .pdf)
        let resolution = try ResolutionParser().parse(text)
        #expect(resolution.symbol?.value == "C31/3-E")
        #expect(resolution.operative.first?.paragraphs.count == 2)
        #expect(resolution.operative.first?.paragraphs[1].times.map(\.value) == [.session(body: "council", year: 2032, qualifier: nil)])
    }
}
