import Foundation

/// Bodies of the UN system and the WSIS process, by acronym and by name, with a code each.
enum BodyExtractor {
    static let bodies: [(pattern: String, code: String)] = [
        ("CWG-WSIS&SDG", "cwg-wsis-sdg"), ("Council Working Group on WSIS and SDGs", "cwg-wsis-sdg"),
        ("UNESCO", "unesco"), ("United Nations Educational, Scientific and Cultural Organization", "unesco"),
        ("UNDP", "undp"), ("United Nations Development Programme", "undp"),
        ("DESA", "desa"), ("Department of Economic and Social Affairs", "desa"),
        ("CSTD", "cstd"), ("CTSD", "cstd"), ("Commission on Science and Technology for Development", "cstd"),
        ("UNGIS", "ungis"), ("United Nations Group on the Information Society", "ungis"),
        ("ECOSOC", "ecosoc"), ("Economic and Social Council", "ecosoc"),
        ("HLPF", "hlpf"), ("High-level Political Forum on Sustainable Development", "hlpf"),
        ("UNGA", "unga"), ("General Assembly", "unga"),
        ("UNCTAD", "unctad"), ("WHO", "who"), ("ILO", "ilo"), ("FAO", "fao"), ("WMO", "wmo"), ("UNEP", "unep"),
        ("ITU", "itu"), ("International Telecommunication Union", "itu"),
        ("Broadband Commission for Sustainable Development", "broadband-commission"),
        ("Office for Outer Space Affairs", "unoosa"), ("UNOOSA", "unoosa"),
        ("Committee on the Peaceful Uses of Outer Space", "copuos"),
    ]

    /// Longest first, each with the first word a text must contain for it to be worth a search.
    static let searches: [(pattern: String, code: String, firstWord: String)] = bodies
        .sorted { $0.pattern.count > $1.pattern.count }
        .map { ($0.pattern, $0.code, String($0.pattern.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })[0])) }

    static func extract(_ text: String, words: Words? = nil) -> [Mention] {
        let words = words ?? Words(text)
        var found: [Mention] = []
        for (pattern, code, firstWord) in searches where words.contains(firstWord) {
            for range in text.occurrences(of: pattern) {
                let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
                let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
                guard !before.isLetter, !after.isLetter, after != "-" || pattern.hasSuffix("SDG") else { continue }
                let located = text.utf16Range(range)
                if !found.contains(where: { $0.range.overlaps(located) }) {
                    found.append(Mention(code: code, text: String(text[range]), range: located))
                }
            }
        }
        return found.sorted { $0.range.start < $1.range.start }
    }
}

/// WSIS Action Line codes (C1–C11, read from Cyrillic look-alikes too) and SDG mentions.
enum ActionLineExtractor {
    nonisolated(unsafe) static let codePattern = /\b[CС](\d{1,2})\b(?!\/)/
    nonisolated(unsafe) static let sdgPattern = /\b(?:SDGs?|Sustainable Development Goal|Goal|target)\s+(\d{1,2}(?:\.[0-9a-z]{1,2})?)\b/

    static func extract(_ text: String, words: Words? = nil) -> [Mention] {
        let words = words ?? Words(text)
        guard words.contains("action"), words.contains("line") || words.contains("lines") else { return [] }
        return text.matches(of: codePattern).compactMap { match in
            guard let number = Int(match.1), (1...11).contains(number) else { return nil }
            return Mention(code: "C\(number)", text: String(match.0), range: text.utf16Range(match.range))
        }
    }

    static func sdgs(_ text: String, words: Words? = nil) -> [Mention] {
        let words = words ?? Words(text)
        guard words.hasDigit, words.containsAny(["sdg", "sdgs", "goal", "target"]) else { return [] }
        return text.matches(of: sdgPattern).compactMap { match in
            let code = String(match.1)
            guard let goal = Int(code.split(separator: ".")[0]), (1...17).contains(goal) else { return nil }
            return Mention(code: code, text: String(match.0), range: text.utf16Range(match.range))
        }
    }
}
