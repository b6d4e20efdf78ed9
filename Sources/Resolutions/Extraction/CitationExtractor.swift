import Foundation

/// Finds citations of ITU and UN resolutions and document symbols, and gives each the same
/// identifier however it is written.
enum CitationExtractor {
    /// Where and when ITU conferences met, so that "Resolution 172 (Guadalajara, 2010)" is known
    /// to be a Plenipotentiary Conference resolution. Facts from ITU's lists of its conferences.
    static let venues: [String: Citation.Kind] = [
        "kyoto 1994": .ituPlenipotentiary, "minneapolis 1998": .ituPlenipotentiary, "marrakesh 2002": .ituPlenipotentiary,
        "antalya 2006": .ituPlenipotentiary, "guadalajara 2010": .ituPlenipotentiary, "busan 2014": .ituPlenipotentiary,
        "dubai 2018": .ituPlenipotentiary, "bucharest 2022": .ituPlenipotentiary, "doha 2026": .ituPlenipotentiary,
        "buenos aires 1994": .ituWTDC, "valletta 1998": .ituWTDC, "istanbul 2002": .ituWTDC, "doha 2006": .ituWTDC,
        "hyderabad 2010": .ituWTDC, "dubai 2014": .ituWTDC, "buenos aires 2017": .ituWTDC, "kigali 2022": .ituWTDC,
        "helsinki 1993": .ituWTSA, "geneva 1996": .ituWTSA, "montreal 2000": .ituWTSA, "florianópolis 2004": .ituWTSA,
        "johannesburg 2008": .ituWTSA, "dubai 2012": .ituWTSA, "hammamet 2016": .ituWTSA, "geneva 2022": .ituWTSA,
        "new delhi 2024": .ituWTSA,
    ]

    static let bodyNames: [(String, Citation.Kind)] = [
        ("of the plenipotentiary conference", .ituPlenipotentiary),
        ("of the world telecommunication standardization assembly", .ituWTSA),
        ("of the world telecommunication development conference", .ituWTDC),
        ("of the world radiocommunication conference", .ituWRC),
        ("of the council", .ituCouncil),
    ]

    static func extract(_ text: String, words: Words? = nil) -> [Citation] {
        let scan = ScanText(text)
        return extract(scan, words: words ?? Words(scan))
    }

    /// Each form is read by hand where its trigger stands: a slash for symbols, "Council",
    /// "Resolution" and its French, Spanish and Russian forms for resolutions. The first of
    /// overlapping citations is kept.
    static func extract(_ scan: ScanText, words: Words) -> [Citation] {
        let mentionsResolutions = words.anyStarts(with: "resolution") || words.anyStarts(with: "résolution")
            || words.anyStarts(with: "resolución") || words.anyStarts(with: "резолюци")
        guard words.hasSlash || mentionsResolutions else { return [] }
        var found = CitationFinds(scan)
        if words.hasSlash {
            let slashes = scan.occurrences(of: [0x2F])
            unSymbols(scan, slashes: slashes, into: &found)
            ituDocuments(scan, slashes: slashes, into: &found)
        }
        guard mentionsResolutions else { return found.citations }
        if words.contains("council") { councilResolutions(scan, into: &found) }
        ituResolutions(scan, into: &found)
        foreignResolutions(scan, into: &found)
        unResolutionLists(scan, into: &found)
        return found.citations
    }

    /// UN document symbols: A/RES/70/125, A/73/L.3, E/RES/2023/3, A/AC.105/1137, FCCC/CP/2015/10/Add.1 —
    /// one to five capitals starting a word, then at least two parts after slashes.
    private static func unSymbols(_ scan: ScanText, slashes: [Int], into found: inout CitationFinds) {
        func isPart(_ byte: UInt8) -> Bool { ScanText.isASCIILetter(byte) || ScanText.isDigit(byte) || byte == 0x2E || byte == 0x2D }
        for slash in slashes {
            let start = scan.runBack(from: slash, ScanText.isUpper)
            guard (1...5).contains(slash - start), scan.wordStarts(at: start) else { continue }
            var end = slash
            var parts = 0
            while scan[end] == 0x2F, isPart(scan[end + 1]) {
                end = scan.run(from: end + 1, isPart)
                parts += 1
            }
            guard parts >= 2 else { continue }
            while end > start, [0x2E, 0x2C, 0x2D].contains(scan.bytes[end - 1]) { end -= 1 }
            let symbol = scan.string(start, end)
            guard symbol.contains(where: \.isNumber) else { continue }
            let pieces = symbol.split(separator: "/")
            if pieces.count == 4, pieces[1] == "RES", pieces[0] == "A" {
                found.add(.unGeneralAssembly, "un/ga/res/\(pieces[2])/\(pieces[3])", nil, start, end)
            } else if pieces.count == 4, pieces[1] == "RES", pieces[0] == "E" {
                found.add(.unECOSOC, "un/ecosoc/res/\(pieces[2])/\(pieces[3])", nil, start, end)
            } else {
                found.add(.unDocument, "un/doc/\(symbol)", nil, start, end)
            }
        }
    }

    /// ITU document symbols: C23/85-E, C23/85(Rev.1)-E.
    private static func ituDocuments(_ scan: ScanText, slashes: [Int], into found: inout CitationFinds) {
        for slash in slashes where slash >= 3 {
            let start = slash - 3
            guard scan.bytes[start] == 0x43, ScanText.isDigit(scan.bytes[start + 1]), ScanText.isDigit(scan.bytes[start + 2]),
                  scan.wordStarts(at: start) else { continue }
            let numberEnd = scan.run(from: slash + 1, ScanText.isDigit)
            guard (1...4).contains(numberEnd - slash - 1) else { continue }
            var parenthesisEnd: Int?
            if scan[numberEnd] == 0x28, let close = scan.bytes[numberEnd...].firstIndex(of: 0x29) { parenthesisEnd = close + 1 }
            func withLanguage(_ index: Int) -> Int? { scan[index] == 0x2D && ScanText.isUpper(scan[index + 1]) ? index + 2 : nil }
            // The longest form that ends on a word boundary.
            let candidates = [parenthesisEnd.flatMap(withLanguage), parenthesisEnd, withLanguage(numberEnd), numberEnd]
            guard let end = candidates.compactMap({ $0 }).first(where: { scan.isBoundary(at: $0) }) else { continue }
            found.add(.ituDocument, "itu/doc/\(scan.string(start, start + 3))/\(scan.string(slash + 1, numberEnd))", nil, start, end)
        }
    }

    /// A resolution's number (one to four digits, not part of "70/125"), and where it ends.
    private static func resolutionNumber(_ scan: ScanText, at index: Int) -> (Int, Int)? {
        let end = scan.run(from: index, ScanText.isDigit)
        guard (1...4).contains(end - index), scan[end] != 0x2F else { return nil }
        return (Int(scan.string(index, end))!, end)
    }

    /// "(Rev. Bucharest, 2022)" after `index`, perhaps after spaces: its contents (1 to 60
    /// characters, no closing parenthesis among them) and where it ends.
    private static func parenthesis(_ scan: ScanText, after index: Int) -> (String, Int)? {
        let open = scan.spaces(from: index)
        guard scan[open] == 0x28 else { return nil }
        var position = open + 1
        var characters = 0
        while position < scan.count, scan.bytes[position] != 0x29 {
            position = scan.after(position)
            characters += 1
            if characters > 60 { return nil }
        }
        guard position < scan.count, characters >= 1 else { return nil }
        return (scan.string(open + 1, position), position + 1)
    }

    /// Council resolutions named as such: "Council Resolution 1332 (C11, last amended C19)".
    private static func councilResolutions(_ scan: ScanText, into found: inout CitationFinds) {
        let phrase = Array("council resolution".utf8)
        for anchor in ["Council", "council", "COUNCIL"] {
            for start in scan.occurrences(of: anchor) where scan.matchesIgnoringCase(phrase, at: start) {
                let numberStart = scan.spaces(from: start + phrase.count)
                let digits = scan.run(from: numberStart, limit: 4, ScanText.isDigit)
                guard numberStart > start + phrase.count, digits > numberStart else { continue }
                let version = parenthesis(scan, after: digits)
                found.add(.ituCouncil, "itu/council/res/\(scan.string(numberStart, digits))", version.map { Self.version($0.0) },
                          start, version?.1 ?? digits)
            }
        }
    }

    /// ITU resolutions: "Resolution 140 (Rev. Bucharest, 2022) of the Plenipotentiary Conference".
    private static func ituResolutions(_ scan: ScanText, into found: inout CitationFinds) {
        var starts: [Int] = []
        for anchor in ["Resolution", "resolution", "RESOLUTION"] { starts += scan.occurrences(of: anchor) }
        for start in starts.sorted() {
            let numberStart = scan.spaces(from: start + 10)
            guard numberStart > start + 10, let (number, numberEnd) = resolutionNumber(scan, at: numberStart) else { continue }
            let version = parenthesis(scan, after: numberEnd)
            var end = version?.1 ?? numberEnd
            var ofBody = ""
            if let bodyEnd = conferenceName(scan, after: end) {
                ofBody = scan.string(end, bodyEnd).trimmingCharacters(in: .whitespaces).lowercased()
                end = bodyEnd
            }
            var kind: Citation.Kind?
            if let named = bodyNames.first(where: { ofBody.hasPrefix($0.0) }) { kind = named.1 }
            if kind == nil, let version { kind = kindFromVersion(version.0) }
            if kind == nil, number >= 1000 { kind = .ituCouncil }
            guard let kind else { continue }
            found.add(kind, "\(prefix(kind))/res/\(number)", version.map { Self.version($0.0) }, start, end)
        }
    }

    /// " of the Plenipotentiary Conference": spaces, "of the ", a capital, then the fewest letters
    /// and spaces (4 to 60) before "Conference", "Assembly" or "Council". Where it ends.
    private static func conferenceName(_ scan: ScanText, after index: Int) -> Int? {
        let of = scan.spaces(from: index)
        guard of > index, scan.matches(Array("of the ".utf8), at: of), ScanText.isUpper(scan[of + 7]) else { return nil }
        let nameStart = of + 8
        var length = 0
        while length <= 60 {
            let position = nameStart + length
            if length >= 4 {
                for word in conferenceWords where scan.matches(word, at: position) { return position + word.count }
            }
            guard position < scan.count, ScanText.isASCIILetter(scan.bytes[position]) || scan.bytes[position] == 0x20 else { return nil }
            length += 1
        }
        return nil
    }

    static let conferenceWords = ["Conference", "Assembly", "Council"].map { Array($0.utf8) }

    static func prefix(_ kind: Citation.Kind) -> String {
        ["itu-pp": "itu/pp", "itu-council": "itu/council", "itu-wtsa": "itu/wtsa", "itu-wtdc": "itu/wtdc", "itu-wrc": "itu/wrc"][kind.rawValue]!
    }

    /// The same in French, Spanish and Russian, with the version put in its English form:
    /// "Résolution 71 (Rév. Bucarest, 2022) de la Conférence de plénipotentiaires",
    /// "Resolución 1332 del Consejo (modificada en 2016)", "Резолюцию 30 (Пересм. Кигали, 2022 г.) Всемирной конференции …".
    private static func foreignResolutions(_ scan: ScanText, into found: inout CitationFinds) {
        var keywords: [(start: Int, end: Int)] = []
        for word in ["Résolution", "Resolución"] { keywords += scan.occurrences(of: word).map { ($0, $0 + word.utf8.count) } }
        let russian = Array("Резолюци".utf8)
        for start in scan.occurrences(of: russian) {
            let end = start + russian.count
            if let ending = scan.scalar(at: end), "яиюей".unicodeScalars.contains(ending) { keywords.append((start, end + 2)) }
        }
        for (start, keywordEnd) in keywords.sorted(by: { $0.start < $1.start }) {
            let numberStart = scan.spaces(from: keywordEnd)
            guard numberStart > keywordEnd, let (number, numberEnd) = resolutionNumber(scan, at: numberStart) else { continue }
            var end = numberEnd
            var council = false
            let next = scan.spaces(from: end)
            if next > end {
                for article in ["del", "du"] where scan.matches(Array(article.utf8), at: next) {
                    let name = scan.spaces(from: next + article.utf8.count)
                    guard name > next + article.utf8.count else { continue }
                    for body in ["Conseil", "Consejo"] where scan.matches(Array(body.utf8), at: name) {
                        council = true
                        end = name + body.utf8.count
                    }
                    if council { break }
                }
                if !council, scan.matches(Array("Совета".utf8), at: next) {
                    council = true
                    end = next + "Совета".utf8.count
                }
            }
            let version = parenthesis(scan, after: end)
            end = version?.1 ?? end
            let normalized = version.flatMap { Vocabulary.version($0.0) }
            let following = String(scan.string(end, scan.count).prefix(90)).lowercased().trimmingCharacters(in: .whitespaces)
            var kind: Citation.Kind? = council ? .ituCouncil : nil
            if kind == nil, let named = Vocabulary.conferences.first(where: { following.hasPrefix($0.0) }) { kind = named.1 }
            if kind == nil { kind = normalized?.kind }
            if kind == nil, number >= 1000 { kind = .ituCouncil }
            guard let kind else { continue }
            found.add(kind, "\(prefix(kind))/res/\(number)", normalized?.version ?? version.map { Self.version($0.0) }, start, end)
        }
    }

    /// UN resolutions by number after "resolution(s)": "UNGA Resolution 70/125", "resolutions 37/90 of …,
    /// 54/68 … and 72/79", and the General Assembly's first thirty sessions: "2453 A (XXIII)".
    private static func unResolutionLists(_ scan: ScanText, into found: inout CitationFinds) {
        var keywordEnds: [(start: Int, end: Int)] = []
        for word in Vocabulary.resolutionWords {
            let bytes = Array(word.utf8)
            for start in scan.occurrences(of: bytes) {
                var end = start + bytes.count
                let lower = word.lowercased()
                if lower.hasPrefix("резолюци") {
                    // One or more case endings.
                    while let ending = scan.scalar(at: end), "яиюейям".unicodeScalars.contains(ending) { end += 2 }
                    guard end > start + bytes.count else { continue }
                } else if lower.hasPrefix("resoluci") {
                    if scan.matchesIgnoringCase(Array("es".utf8), at: end) { end += 2 }
                } else if scan[end] | 0x20 == 0x73 {
                    end += 1
                }
                let listStart = scan.spaces(from: end)
                guard listStart > end else { continue }
                keywordEnds.append((start, listStart))
            }
        }
        for keyword in keywordEnds.sorted(by: { $0.start < $1.start }) {
            // The list runs to the end of the clause: a semicolon, a full stop before a space, or 400 characters.
            var end = keyword.end
            var characters = 0
            while end < scan.count, characters < 400 {
                let byte = scan.bytes[end]
                if byte == 0x3B { break }
                if byte == 0x2E, end + 1 == scan.count || scan.bytes[end + 1] == 0x20 { break }
                end = scan.after(end)
                characters += 1
            }
            oldStyleResolutions(scan, from: keyword.end, to: end, into: &found)
            if scan.bytes[keyword.end..<end].contains(0x2F) { numberedResolutions(scan, from: keyword.end, to: end, into: &found) }
        }
    }

    /// "2453 A (XXIII)": three or four digits, perhaps a capital, and a session in roman numerals.
    private static func oldStyleResolutions(_ scan: ScanText, from start: Int, to end: Int, into found: inout CitationFinds) {
        var index = start
        while index < end {
            guard ScanText.isDigit(scan.bytes[index]) else { index += 1; continue }
            var matched = false
            for length in [4, 3] where index + length <= end && scan.bytes[index..<(index + length)].allSatisfy(ScanText.isDigit) {
                let afterNumber = index + length
                var position = scan.spaces(from: afterNumber)
                guard position > afterNumber, position < end else { continue }
                var letter = ""
                if ScanText.isUpper(scan.bytes[position]), scan.spaces(from: position + 1) > position + 1, scan[scan.spaces(from: position + 1)] == 0x28 {
                    letter = scan.string(position, position + 1)
                    position = scan.spaces(from: position + 1)
                }
                guard scan[position] == 0x28 else { continue }
                let numeralsEnd = scan.run(from: position + 1) { [0x49, 0x56, 0x58, 0x4C].contains($0) }
                guard numeralsEnd > position + 1, numeralsEnd < end, scan.bytes[numeralsEnd] == 0x29 else { continue }
                let number = scan.string(index, afterNumber), session = scan.string(position + 1, numeralsEnd)
                found.add(.unGeneralAssembly, "un/ga/res/\(number)\(letter)(\(session))", nil, index, numeralsEnd + 1)
                index = numeralsEnd + 1
                matched = true
                break
            }
            if !matched { index += 1 }
        }
    }

    /// "70/125" standing alone (not inside a longer symbol or word): ECOSOC's when the first
    /// number is a year, the General Assembly's otherwise.
    private static func numberedResolutions(_ scan: ScanText, from start: Int, to end: Int, into found: inout CitationFinds) {
        var index = start
        while index < end {
            guard ScanText.isDigit(scan.bytes[index]) else { index += 1; continue }
            let firstEnd = scan.run(from: index, ScanText.isDigit)
            guard firstEnd - index <= 4, firstEnd < end, scan.bytes[firstEnd] == 0x2F else { index += 1; continue }
            let secondEnd = scan.run(from: firstEnd + 1, limit: 4, ScanText.isDigit)
            guard secondEnd > firstEnd + 1, secondEnd <= end else { index += 1; continue }
            let before = scan.scalar(before: index), after = scan.scalar(at: secondEnd)
            let standsAlone = !ScanText.isLetter(before) && !(before.map { $0.properties.numericType != nil } ?? false) && before != "/"
                && !(after.map { $0.properties.numericType != nil } ?? false) && after != "/" && !ScanText.isLetter(after)
            if standsAlone {
                let written = scan.string(index, secondEnd)
                if Int(scan.string(index, firstEnd))! >= 1946 {
                    found.add(.unECOSOC, "un/ecosoc/res/\(written)", nil, index, secondEnd)
                } else {
                    found.add(.unGeneralAssembly, "un/ga/res/\(written)", nil, index, secondEnd)
                }
            }
            index = secondEnd
        }
    }

    /// The conference a version names: "(Rev. Bucharest, 2022)" → Plenipotentiary; "(C11, last amended C19)"
    /// and "(Modified 2016)" → Council; "(Rev. WTSA-20)" → WTSA.
    static func kindFromVersion(_ text: String) -> Citation.Kind? {
        let lower = text.lowercased()
        if lower.containsBytes("wtsa") { return .ituWTSA }
        if lower.containsBytes("wtdc") { return .ituWTDC }
        if lower.containsBytes("wrc") { return .ituWRC }
        let bytes = Array(lower.utf8)
        if lower.containsBytes("modified") || (bytes.count >= 3 && bytes[0] == 0x63 && ScanText.isDigit(bytes[1]) && ScanText.isDigit(bytes[2])) {
            return .ituCouncil
        }
        let place = lower.components(separatedBy: "rev.").joined().map { $0 == "," ? " " : String($0) }.joined()
            .split(separator: " ").joined(separator: " ")
        return venues[place]
    }

    /// "Rev. Bucharest, 2022" → "rev-bucharest-2022"; "C11, last amended C19" → "c11-last-amended-c19".
    static func version(_ text: String) -> String {
        text.lowercased().removing(".").split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .joined(separator: "-")
    }
}

/// The citations found in a paragraph (the first of overlapping finds is kept).
struct CitationFinds {
    let scan: ScanText
    private var finds = Finds<Citation>()

    init(_ scan: ScanText) { self.scan = scan }

    mutating func add(_ kind: Citation.Kind, _ id: String, _ version: String?, _ start: Int, _ end: Int) {
        finds.add(Citation(kind: kind, id: id, version: version, text: scan.string(start, end), range: scan.range(start, end)), start, end)
    }

    var citations: [Citation] { finds.ordered.map(\.item) }
}
