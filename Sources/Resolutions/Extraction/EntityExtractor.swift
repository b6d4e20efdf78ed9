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
    static let searches: [(pattern: [UInt8], code: String, firstWord: UInt64)] = bodies
        .sorted { $0.pattern.count > $1.pattern.count }
        .map { (Array($0.pattern.utf8), $0.code,
                WordHash.hash(String($0.pattern.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })[0]).utf8)) }
    static let hyphenated = Set(bodies.filter { $0.pattern.hasSuffix("SDG") }.map { Array($0.pattern.utf8) })

    static func extract(_ text: String, words: Words? = nil) -> [Mention] {
        let scan = ScanText(text)
        return extract(scan, words: words ?? Words(scan))
    }

    static func extract(_ scan: ScanText, words: Words) -> [Mention] {
        var found = Finds<Mention>()
        for (pattern, code, firstWord) in searches where words.contains(hash: firstWord) {
            for start in scan.occurrences(of: pattern) {
                let end = start + pattern.count
                guard !ScanText.isLetter(scan.scalar(before: start)), !ScanText.isLetter(scan.scalar(at: end)),
                      scan[end] != 0x2D || hyphenated.contains(pattern) else { continue }
                found.add(Mention(code: code, text: scan.string(start, end), range: scan.range(start, end)), start, end)
            }
        }
        return found.ordered.map(\.item)
    }
}

/// WSIS Action Line codes (C1–C11, read from Cyrillic look-alikes too) and SDG mentions.
enum ActionLineExtractor {
    static func extract(_ text: String, words: Words? = nil) -> [Mention] {
        let scan = ScanText(text)
        return extract(scan, words: words ?? Words(scan))
    }

    /// "C1" to "C11" standing as a word (the Cyrillic "С1" too), not "C23/85".
    static func extract(_ scan: ScanText, words: Words) -> [Mention] {
        guard words.contains("action"), words.contains("line") || words.contains("lines") else { return [] }
        var found: [Mention] = []
        var index = 0
        while index < scan.count {
            let byte = scan.bytes[index]
            let letterLength = byte == 0x43 ? 1 : (byte == 0xD0 && scan[index + 1] == 0xA1) ? 2 : 0
            guard letterLength > 0, scan.wordStarts(at: index) else { index += 1; continue }
            let digitsEnd = scan.run(from: index + letterLength, ScanText.isDigit)
            let digits = digitsEnd - index - letterLength
            if (1...2).contains(digits), scan.wordEnds(at: digitsEnd), scan[digitsEnd] != 0x2F,
               let number = Int(scan.string(index + letterLength, digitsEnd)), (1...11).contains(number) {
                found.append(Mention(code: "C\(number)", text: scan.string(index, digitsEnd), range: scan.range(index, digitsEnd)))
            }
            index = max(digitsEnd, index + 1)
        }
        return found
    }

    static let sdgWords = ["sdg", "sdgs", "goal", "target"].map { WordHash.hash($0.utf8) }
    static let sdgAnchors = ["Sustainable Development Goal", "SDG", "Goal", "target"].map { Array($0.utf8) }

    static func sdgs(_ text: String, words: Words? = nil) -> [Mention] {
        let scan = ScanText(text)
        return sdgs(scan, words: words ?? Words(scan))
    }

    /// "SDG 4", "SDGs 9 and 17" (the first), "Goal 17", "target 9.c", "Sustainable Development Goal 16".
    static func sdgs(_ scan: ScanText, words: Words) -> [Mention] {
        guard words.hasDigit, words.containsAny(hashes: sdgWords) else { return [] }
        var candidates: [(start: Int, end: Int, code: String)] = []
        for anchor in sdgAnchors {
            for start in scan.occurrences(of: anchor) where scan.wordStarts(at: start) {
                var end = start + anchor.count
                if anchor.count == 3, scan[end] == 0x73 { end += 1 }
                let numberStart = scan.spaces(from: end)
                guard numberStart > end else { continue }
                let digitsEnd = scan.run(from: numberStart, ScanText.isDigit)
                guard (1...2).contains(digitsEnd - numberStart) else { continue }
                var codeEnd: Int?
                if scan[digitsEnd] == 0x2E {
                    func isTarget(_ byte: UInt8) -> Bool { ScanText.isDigit(byte) || ScanText.isLower(byte) }
                    let suffixEnd = scan.run(from: digitsEnd + 1, limit: 2, isTarget)
                    codeEnd = stride(from: suffixEnd, to: digitsEnd + 1, by: -1).first { scan.wordEnds(at: $0) }
                }
                if codeEnd == nil, scan.wordEnds(at: digitsEnd) { codeEnd = digitsEnd }
                guard let codeEnd else { continue }
                candidates.append((start, codeEnd, scan.string(numberStart, codeEnd)))
            }
        }
        var found: [Mention] = []
        var lastEnd = 0
        for candidate in candidates.sorted(by: { $0.start < $1.start }) where candidate.start >= lastEnd {
            guard let goal = Int(candidate.code.split(separator: ".")[0]), (1...17).contains(goal) else { continue }
            found.append(Mention(code: candidate.code, text: scan.string(candidate.start, candidate.end),
                                 range: scan.range(candidate.start, candidate.end)))
            lastEnd = candidate.end
        }
        return found
    }
}
