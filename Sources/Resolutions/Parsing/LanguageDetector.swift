/// Tells which of the four parsed languages a text is in, by its most common short words.
public enum LanguageDetector {
    static let markers: [Language: Set<String>] = [
        .english: ["the", "of", "and", "to", "in", "on", "for", "that", "with", "its"],
        .french: ["le", "la", "les", "des", "et", "du", "de", "pour", "sur", "une"],
        .spanish: ["el", "los", "las", "del", "y", "la", "de", "para", "con", "una"],
        .russian: ["и", "в", "на", "по", "с", "для", "о", "что", "к", "от"],
    ]

    public static func detect(_ text: String) -> Language {
        var counts: [Language: Int] = [:]
        var seen = 0
        // The first few hundred words tell; the text is walked lazily, not split whole.
        var word = ""
        var words: [String] = []
        for character in text {
            if character.isLetter {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
                if words.count >= 600 { break }
            }
        }
        if !word.isEmpty { words.append(word) }
        for word in words {
            let lower = word.lowercased()
            seen += 1
            for (language, words) in markers where words.contains(lower) {
                counts[language, default: 0] += 1
            }
        }
        // "la" and "de" are both French and Spanish: the words only one of them has decide.
        return counts.max { $0.value < $1.value }?.key ?? .english
    }
}
