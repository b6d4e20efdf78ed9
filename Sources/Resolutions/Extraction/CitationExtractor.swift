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

    // The patterns, compiled once.
    nonisolated(unsafe) static let symbolPattern = /\b([A-Z]{1,5}(?:\/[A-Za-z0-9.\-]+){2,})/
    nonisolated(unsafe) static let ituDocumentPattern = /\b(C\d{2})\/(\d{1,4})(?:\([^)]*\))?(?:-[A-Z])?\b/
    nonisolated(unsafe) static let councilPattern = /(?i:council resolution)\s+(\d{1,4})(?:\s*\(([^)]{1,60})\))?/
    nonisolated(unsafe) static let ituPattern = /(?i:resolution)\s+(\d{1,4})(?![\d\/])(?:\s*\(([^)]{1,60})\))?((?:\s+of the [A-Z][A-Za-z ]{4,60}?(?:Conference|Assembly|Council))?)/
    /// French, Spanish and Russian: "Résolution 71 (Rév. Bucarest, 2022) de la Conférence de plénipotentiaires",
    /// "Resolución 1332 del Consejo (modificada en 2016)", "Резолюцию 30 (Пересм. Кигали, 2022 г.) Всемирной конференции …".
    nonisolated(unsafe) static let foreignPattern = /(?:R[ée]solution|Resoluci[óo]n|Резолюци[яиюей])\s+(\d{1,4})(?![\d\/])((?:\s+(?:du|del)\s+(?:Conseil|Consejo)|\s+Совета)?)(?:\s*\(([^)]{1,60})\))?/
    nonisolated(unsafe) static let keywordPattern = /(?i:resolutions?|r[ée]solutions?|resoluci[óo]n(?:es)?|резолюци[яиюейям]+)\s+/
    nonisolated(unsafe) static let oldStylePattern = /(\d{3,4})\s+(?:([A-Z])\s+)?\(([IVXL]+)\)/
    nonisolated(unsafe) static let numberPattern = /(\d{1,4})\/(\d{1,4})/
    nonisolated(unsafe) static let councilVersionPattern = /c\d{2}.*/

    /// Matches of `pattern` that start where one of `anchors` stands: far cheaper than letting the
    /// pattern try every position of the text.
    static func anchoredMatches<Output>(of pattern: Regex<Output>, in text: String, at anchors: [String]) -> [Regex<Output>.Match] {
        let starts = anchors.flatMap { text.occurrences(of: $0).map(\.lowerBound) }
        return starts.sorted().compactMap { try? pattern.prefixMatch(in: text[$0...]) }
    }

    static func extract(_ text: String, words: Words? = nil) -> [Citation] {
        let words = words ?? Words(text)
        var found: [Citation] = []
        let mentionsResolutions = words.anyStarts(with: "resolution") || words.anyStarts(with: "résolution")
            || words.anyStarts(with: "resolución") || words.anyStarts(with: "резолюци")
        guard words.hasSlash || mentionsResolutions else { return [] }
        func add(_ citation: Citation) {
            if !found.contains(where: { $0.range.overlaps(citation.range) }) { found.append(citation) }
        }

        // UN document symbols first: A/RES/70/125, A/73/L.3, E/RES/2023/3, A/AC.105/1137, FCCC/CP/2015/10/Add.1.
        for match in words.hasSlash ? Windows.matches(of: symbolPattern, in: text, around: ["/"], before: 12, after: 40) : [] {
            let symbol = String(match.1).trimmingCharacters(in: CharacterSet(charactersIn: ".,-"))
            guard symbol.contains(where: \.isNumber) else { continue }
            let range = text.utf16Range(match.range.lowerBound..<text.index(match.range.lowerBound, offsetBy: symbol.count))
            let parts = symbol.split(separator: "/")
            if parts.count == 4, parts[1] == "RES", parts[0] == "A" {
                add(Citation(kind: .unGeneralAssembly, id: "un/ga/res/\(parts[2])/\(parts[3])", version: nil, text: symbol, range: range))
            } else if parts.count == 4, parts[1] == "RES", parts[0] == "E" {
                add(Citation(kind: .unECOSOC, id: "un/ecosoc/res/\(parts[2])/\(parts[3])", version: nil, text: symbol, range: range))
            } else {
                add(Citation(kind: .unDocument, id: "un/doc/\(symbol)", version: nil, text: symbol, range: range))
            }
        }

        // ITU document symbols: C23/85-E, C23/85(Rev.1)-E.
        for match in words.hasSlash ? Windows.matches(of: ituDocumentPattern, in: text, around: ["/"], before: 4, after: 24) : [] {
            add(Citation(kind: .ituDocument, id: "itu/doc/\(match.1)/\(match.2)", version: nil, text: String(match.0),
                         range: text.utf16Range(match.range)))
        }

        // Council resolutions named as such: "Council Resolution 1332 (C11, last amended C19)".
        guard mentionsResolutions else { return found.sorted { $0.range.start < $1.range.start } }
        for match in words.contains("council") ? Self.anchoredMatches(of: councilPattern, in: text, at: ["Council", "council", "COUNCIL"]) : [] {
            add(Citation(kind: .ituCouncil, id: "itu/council/res/\(match.1)", version: match.2.map { version(String($0)) },
                         text: String(match.0), range: text.utf16Range(match.range)))
        }

        // ITU resolutions: "Resolution 140 (Rev. Bucharest, 2022) of the Plenipotentiary Conference".
        for match in Self.anchoredMatches(of: ituPattern, in: text, at: ["Resolution", "resolution", "RESOLUTION"]) {
            let number = Int(match.1) ?? 0
            let parenthesis = match.2.map(String.init)
            let ofBody = String(match.3).trimmingCharacters(in: .whitespaces).lowercased()
            var kind: Citation.Kind?
            if let named = bodyNames.first(where: { ofBody.hasPrefix($0.0) }) { kind = named.1 }
            if kind == nil, let parenthesis { kind = kindFromVersion(parenthesis) }
            if kind == nil, number >= 1000 { kind = .ituCouncil }
            guard let kind else { continue }
            let prefix = ["itu-pp": "itu/pp", "itu-council": "itu/council", "itu-wtsa": "itu/wtsa", "itu-wtdc": "itu/wtdc", "itu-wrc": "itu/wrc"][kind.rawValue]!
            add(Citation(kind: kind, id: "\(prefix)/res/\(number)", version: parenthesis.map(version),
                         text: String(match.0).trimmingCharacters(in: .whitespaces), range: text.utf16Range(match.range)))
        }

        // The same in French, Spanish and Russian, with the version put in its English form.
        for match in Self.anchoredMatches(of: foreignPattern, in: text, at: ["Résolution", "résolution", "Resolución", "resolución", "Резолюци", "резолюци"]) {
            let number = Int(match.1) ?? 0
            let council = !match.2.isEmpty
            let parenthesis = match.3.map(String.init)
            let normalized = parenthesis.flatMap(Vocabulary.version)
            let following = text[match.range.upperBound...].prefix(90).lowercased().trimmingCharacters(in: .whitespaces)
            var kind: Citation.Kind? = council ? .ituCouncil : nil
            if kind == nil, let named = Vocabulary.conferences.first(where: { following.hasPrefix($0.0) }) { kind = named.1 }
            if kind == nil { kind = normalized?.kind }
            if kind == nil, number >= 1000 { kind = .ituCouncil }
            guard let kind else { continue }
            let prefix = ["itu-pp": "itu/pp", "itu-council": "itu/council", "itu-wtsa": "itu/wtsa", "itu-wtdc": "itu/wtdc", "itu-wrc": "itu/wrc"][kind.rawValue]!
            add(Citation(kind: kind, id: "\(prefix)/res/\(number)", version: normalized?.version ?? parenthesis.map(version),
                         text: String(match.0).trimmingCharacters(in: .whitespaces), range: text.utf16Range(match.range)))
        }

        // UN resolutions by number after "resolution(s)": "UNGA Resolution 70/125", "resolutions 37/90 of …, 54/68 … and 72/79".
        for keyword in Self.anchoredMatches(of: keywordPattern, in: text, at: Vocabulary.resolutionWords) {
            // The list runs to the end of the clause: a semicolon, a full stop before a space, or 400 characters.
            var end = keyword.range.upperBound
            var count = 0
            while end < text.endIndex, count < 400 {
                let character = text[end]
                if character == ";" { break }
                if character == ".", text.index(after: end) == text.endIndex || text[text.index(after: end)] == " " { break }
                end = text.index(after: end)
                count += 1
            }
            let window = text[keyword.range.upperBound..<end]
            // Resolutions of the General Assembly's first thirty sessions: "2453 A (XXIII)".
            for match in window.matches(of: oldStylePattern) {
                let written = String(match.0)
                add(Citation(kind: .unGeneralAssembly, id: "un/ga/res/\(match.1)\(match.2 ?? "")(\(match.3))", version: nil,
                             text: written, range: text.utf16Range(match.range)))
            }
            for match in window.contains("/") ? window.matches(of: numberPattern) : [] {
                let before = match.range.lowerBound > text.startIndex ? text[text.index(before: match.range.lowerBound)] : " "
                let after = match.range.upperBound < text.endIndex ? text[match.range.upperBound] : " "
                guard !before.isLetter, !before.isNumber, before != "/", !after.isNumber, after != "/", !after.isLetter else { continue }
                let written = String(match.0)
                let range = text.utf16Range(match.range)
                if (Int(match.1) ?? 0) >= 1946 {
                    add(Citation(kind: .unECOSOC, id: "un/ecosoc/res/\(written)", version: nil, text: written, range: range))
                } else {
                    add(Citation(kind: .unGeneralAssembly, id: "un/ga/res/\(written)", version: nil, text: written, range: range))
                }
            }
        }
        return found.sorted { $0.range.start < $1.range.start }
    }

    /// The conference a version names: "(Rev. Bucharest, 2022)" → Plenipotentiary; "(C11, last amended C19)"
    /// and "(Modified 2016)" → Council; "(Rev. WTSA-20)" → WTSA.
    static func kindFromVersion(_ text: String) -> Citation.Kind? {
        let lower = text.lowercased()
        if lower.contains("wtsa") { return .ituWTSA }
        if lower.contains("wtdc") { return .ituWTDC }
        if lower.contains("wrc") { return .ituWRC }
        if lower.contains("modified") || lower.wholeMatch(of: councilVersionPattern) != nil { return .ituCouncil }
        let place = lower.replacingOccurrences(of: "rev.", with: "").replacingOccurrences(of: ",", with: " ")
            .split(separator: " ").joined(separator: " ")
        return venues[place]
    }

    /// "Rev. Bucharest, 2022" → "rev-bucharest-2022"; "C11, last amended C19" → "c11-last-amended-c19".
    static func version(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: ".", with: "").split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .joined(separator: "-")
    }
}
