/// Tells which of the four parsed languages a text is in, by its most common short words.
public enum LanguageDetector {
    static let markers: [Language: Set<String>] = [
        .english: ["the", "of", "and", "to", "in", "on", "for", "that", "with", "its"],
        .french: ["le", "la", "les", "des", "et", "du", "de", "pour", "sur", "une"],
        .spanish: ["el", "los", "las", "del", "y", "la", "de", "para", "con", "una"],
        .russian: ["и", "в", "на", "по", "с", "для", "о", "что", "к", "от"],
    ]

    /// The same words as hashes, in a fixed order of languages (so that a tie always ends the same way).
    static let markerHashes: [(Language, Set<UInt64>)] = [Language.english, .french, .spanish, .russian].map { language in
        (language, Set(markers[language, default: []].map { WordHash.hash($0.utf8) }))
    }

    public static func detect(_ text: String) -> Language {
        var counts = [Int](repeating: 0, count: markerHashes.count)
        // The first six hundred words tell; the text is walked, not split whole.
        var seen = 0
        var hash = WordHash.seed
        var length = 0
        func finish() {
            guard length > 0 else { return }
            for (index, (_, words)) in markerHashes.enumerated() where words.contains(hash) { counts[index] += 1 }
            seen += 1
            hash = WordHash.seed
            length = 0
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                if ScanText.isASCIILetter(byte) {
                    hash = WordHash.feed(hash, byte | 0x20)
                    length += 1
                    continue
                }
            } else if scalar.properties.isAlphabetic {
                for byte in WordHash.lowercase(scalar).utf8 { hash = WordHash.feed(hash, byte) }
                length += 1
                continue
            }
            finish()
            if seen >= 600 { break }
        }
        finish()
        // "la" and "de" are both French and Spanish: the words only one of them has decide.
        guard let best = counts.max(), best > 0 else { return .english }
        return markerHashes[counts.firstIndex(of: best)!].0
    }
}
