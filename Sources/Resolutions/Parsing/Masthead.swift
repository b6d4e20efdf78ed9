import Foundation

/// What stands before the enacting formula: symbol, date, agenda item, original language,
/// source, the numbered heading and the title.
struct Masthead {
    var symbol: Located<String>?
    var heading: Located<String>?
    var date: Located<TimeValue>?
    var agendaItem: Located<String>?
    var originalLanguage: Located<String>?
    var source: Located<String>?
    var title: Located<String>?

    init(lines: [CleanDocument.Line], context: ResolutionParser.Context) {
        var adoptionDateNext = false
        for line in lines {
            let text = line.text.trimmedSpaces
            if text.isEmpty { continue }
            if heading == nil, Self.headingNumber(text) != nil {
                heading = context.located(text, at: line)
                continue
            }
            if symbol == nil, text.contains("/"), let match = text.firstMatch(of: Self.symbolPattern) {
                // "Document C23/85-E" or "A/RES/73/6".
                if text.hasPrefix("Document") || text == String(match.1) {
                    symbol = Self.located(String(match.1), in: line, context: context)
                }
            }
            if agendaItem == nil, text.containsBytes("agenda", ignoringCase: true), let match = text.firstMatch(of: Self.agendaPattern) {
                agendaItem = Self.located(String(match.1), in: line, context: context)
            }
            if originalLanguage == nil, text.containsBytes("riginal"), let match = text.firstMatch(of: Self.originalPattern) {
                originalLanguage = Self.located(String(match.1), in: line, context: context)
            }
            if source == nil, text.hasPrefix("Contribution") || text.hasPrefix("Proposal") || text.hasPrefix("Note") || text.hasPrefix("Report"),
               let match = text.firstMatch(of: Self.sourcePattern) {
                source = Self.located(String(match.1), in: line, context: context)
            }
            if text.hasSuffix(" on"), text.containsBytes("adopted by", ignoringCase: true) {
                adoptionDateNext = true
                continue
            }
            if let day = TimeExtractor.exactDay(text) {
                // The adoption date wins over the date of distribution.
                if date == nil || adoptionDateNext {
                    date = Located(day, text: text, range: context.located(text, at: line).range)
                }
                adoptionDateNext = false
            }
        }
        title = Self.title(lines, context: context)
    }

    nonisolated(unsafe) static let symbolPattern = /(?:Document\s+)?((?:[A-Z]{1,2}\/)+(?:RES\/)?[\w.\/-]*\d[\w.\/-]*|C\d{2}\/\d+(?:\([^)]*\))?-[A-Z])/
    nonisolated(unsafe) static let agendaPattern = /(?i:agenda item)[:\s]+([\w.()-]+(?: [\w.()-]+)?)\s*$/
    nonisolated(unsafe) static let originalPattern = /(?i:original):\s*(\w+)/
    nonisolated(unsafe) static let sourcePattern = /^(?:Contribution|Proposal|Note|Report) (?:from|by) (.+)$/
    nonisolated(unsafe) static let resolutionNumberPattern = /\d+\/\d+\s*\.?/

    /// The number in a resolution's or decision's own heading, in any of the six languages:
    /// "RESOLUTION 140 (REV. DUBAI, 2018)", "RÉSOLUTION 9999 (C26)", "РЕЗОЛЮЦИЯ 9999", "القرار 9999",
    /// "第9999号决议（C26）", "DECISION 5". A sentence is not a heading: it is short and does
    /// not end with a comma, a semicolon or a full stop.
    static func headingNumber(_ line: String) -> String? {
        guard line.utf8.count <= 160, let last = line.last, !",;.،؛，；。".contains(last) else { return nil }
        guard let match = line.prefixMatch(of: headingPattern) else { return nil }
        return ArabicChinese.digits(match.1 ?? match.2 ?? match.3 ?? "")
    }

    nonisolated(unsafe) static let headingPattern =
        /(?:(?:DRAFT |NEW |PROJET DE |NOUVELLE |PROYECTO DE |NUEVA |ПРОЕКТ |НОВАЯ )*(?:RESOLUTION|RÉSOLUTION|RESOLUCIÓN|РЕЗОЛЮЦИЯ|DECISION|DÉCISION|DECISIÓN|РЕШЕНИЕ|Resolution|Résolution|Resolución|Резолюция|Decision|Décision|Decisión|Решение) ([0-9]{1,4})\b|(?:مشروع )?(?:القرار|المقرر) ([0-9٠-٩]{1,4})(?![0-9٠-٩\/])|第\s?([0-9]{1,4})\s?号(?:决议|决定))/

    private static func located(_ value: String, in line: CleanDocument.Line, context: ResolutionParser.Context) -> Located<String> {
        let offset = (line.text as NSString).range(of: value).location
        guard offset != NSNotFound else { return context.located(value, at: line) }
        let start = line.start + offset
        return Located(value, text: value, range: context.document.map.source(SourceRange(start, start + value.utf16.count)))
    }

    /// The lines just before the formula, back to a blank line or anything that is not a title:
    /// a resolution number ("73/6."), "draft new resolution", a masthead field.
    private static func title(_ lines: [CleanDocument.Line], context: ResolutionParser.Context) -> Located<String>? {
        var collected: [CleanDocument.Line] = []
        for line in lines.reversed() {
            let text = line.text.trimmedSpaces
            if text.isEmpty { if collected.isEmpty { continue } else { break } }
            // "(Adopted at the seventh plenary meeting)" under the title is not part of it.
            if collected.isEmpty, text.hasPrefix("(") || text.hasPrefix("（"), text.hasSuffix(")") || text.hasSuffix("）") { continue }
            if headingNumber(text) != nil { break }
            let lower = text.lowercased()
            if (text.first?.isNumber == true && text.wholeMatch(of: resolutionNumberPattern) != nil) || lower.contains("draft new resolution") || lower.hasPrefix("draft resolution")
                || text.hasSuffix("]") || text.hasPrefix("__") || lower.hasPrefix("original:") || lower.hasPrefix("agenda item")
                || collected.count >= 5 {
                break
            }
            collected.insert(line, at: 0)
        }
        guard let first = collected.first, let last = collected.last else { return nil }
        let text = collected.map { $0.text.trimmedSpaces }.joined(separator: " ")
        let start = first.start + (first.text.utf16.count - first.text.drop(while: { $0 == " " }).utf16.count)
        let range = context.document.map.source(SourceRange(start, last.start + last.text.utf16.count))
        return Located(text, text: text, range: range)
    }
}
