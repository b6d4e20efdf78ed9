/// The structure written back as plain text, in the document's own style, so that it can be
/// read by a person and parsed again to the same structure.
public enum PlainText {
    public static func render(_ resolution: Resolution) -> String {
        var lines: [String] = []
        if let agenda = resolution.agendaItem { lines.append("Agenda item: \(agenda.value)") }
        if let symbol = resolution.symbol { lines.append(resolution.style == .itu ? "Document \(symbol.value)" : symbol.value) }
        if let date = resolution.date { lines.append(date.text) }
        if let original = resolution.originalLanguage { lines.append("Original: \(original.value)") }
        if let source = resolution.source { lines.append("Contribution from \(source.value)") }
        lines.append("")
        if let title = resolution.title { lines.append(title.value) }
        if let formula = resolution.formula { lines.append(formula.value) }
        for block in resolution.preamble + resolution.operative {
            switch resolution.style {
            case .itu:
                lines.append([block.phrase, block.addressee].compactMap { $0 }.joined(separator: " "))
                for paragraph in block.paragraphs { item(paragraph, depth: 0, into: &lines) }
            case .un:
                for paragraph in block.paragraphs {
                    let text = withReferences(paragraph)
                    lines.append(paragraph.number.map { "\($0). \(text)" } ?? text)
                    for child in paragraph.children { lines.append("(\(child.number ?? "")) \(withReferences(child))") }
                }
            }
        }
        for footnote in resolution.footnotes {
            lines.append("[\(footnote.marker): \(footnote.marker) \(footnote.text)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func item(_ paragraph: Paragraph, depth: Int, into lines: inout [String]) {
        let number = paragraph.number.map { marker -> String in
            if marker.first?.isNumber == true { return marker }
            for suffix in ["bis", "ter", "quater"] where marker.count > suffix.count && marker.hasSuffix(suffix) {
                return "\(marker.dropLast(suffix.count)))\(suffix)"
            }
            return "\(marker))"
        }
        let text = withReferences(paragraph)
        lines.append(number.map { "\($0)\t\(text)" } ?? text)
        for child in paragraph.children { item(child, depth: depth + 1, into: &lines) }
    }

    /// The paragraph's text with its footnote references put back as exporter tokens.
    private static func withReferences(_ paragraph: Paragraph) -> String {
        paragraph.text + paragraph.footnoteReferences.map { "[footnoteRef:\($0)]" }.joined()
    }
}
