/// Tells which of the six languages a text is in: Arabic and Chinese by their scripts, the
/// others by their most common short words.
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
        if let script = byScript(text) { return script }
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

    /// Arabic or Chinese when, among the first four thousand letters, more are in that script than
    /// in Latin and Cyrillic together (a Chinese text quotes "WSIS+20" and "C26"; an Arabic one too).
    static func byScript(_ text: String) -> Language? {
        var arabic = 0, han = 0, other = 0
        for scalar in text.unicodeScalars.prefix(20_000) where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: arabic += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: han += 1
            default: other += 1
            }
            if arabic + han + other >= 4_000 { break }
        }
        if arabic > other, arabic >= han { return .arabic }
        if han > other { return .chinese }
        return nil
    }
}
