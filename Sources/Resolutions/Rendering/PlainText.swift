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
        for (section, blocks) in resolution.outline {
            if let section {
                lines.append(section.label)
                if let heading = section.heading { lines.append(heading) }
            }
            for block in blocks { render(block, style: resolution.style, into: &lines) }
        }
        for footnote in resolution.footnotes {
            lines.append("[\(footnote.marker): \(footnote.marker) \(footnote.text)]")
        }
        if !resolution.annexes.isEmpty { lines.append("______________") }
        for annex in resolution.annexes {
            lines.append(annex.heading)
            if let title = annex.title { lines.append(title) }
            for paragraph in annex.paragraphs {
                let number = paragraph.number.map { $0.first?.isNumber == true ? "\($0) " : "\($0)) " } ?? ""
                lines.append(number + withReferences(paragraph))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(_ block: Block, style: Resolution.Style, into lines: inout [String]) {
            switch style {
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
