import Foundation

/// Finds times in English text and normalises them: days and ranges of days ("27-31 May 2024"),
/// months ("December 2025"), years and ranges of years, sessions of bodies ("the 2026 session of
/// the Council", "at its 2025 session", "its seventy-fifth session") and recurrences ("annually").
enum TimeExtractor {
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december"]

    /// A whole line that is a date, such as "27 June 2023".
    static func exactDay(_ text: String) -> TimeValue? {
        guard text.count <= 30, let match = text.wholeMatch(of: exactDayPattern),
              let month = months.firstIndex(of: match.2.lowercased()) else { return nil }
        return .day(iso(Int(match.3)!, month + 1, Int(match.1)!))
    }

    static func iso(_ year: Int, _ month: Int, _ day: Int? = nil) -> String {
        let base = String(format: "%04d-%02d", year, month)
        return day.map { base + String(format: "-%02d", $0) } ?? base
    }

    /// Bodies whose sessions a resolution sets deadlines by, by the words that name them.
    static let sessionBodies: [(String, String)] = [
        ("cwg-wsis&sdg", "cwg-wsis-sdg"), ("council working group on wsis", "cwg-wsis-sdg"), ("council", "council"),
        ("ecosoc", "ecosoc"), ("economic and social council", "ecosoc"), ("general assembly", "unga"), ("unga", "unga"),
        ("cstd", "cstd"), ("commission on science and technology for development", "cstd"), ("hlpf", "hlpf"),
        ("plenipotentiary conference", "pp"),
    ]

    static let yearPrepositions: Set<String> = [
        "in", "by", "since", "after", "before", "until", "from", "beyond", "of",
        "en", "depuis", "après", "avant", "au-delà", "desde", "hasta", "antes", "después", "в", "до", "после", "с",
    ]

    nonisolated(unsafe) static let foreignDayPattern = /(\d{1,2})(?:er)?\s+(?:de\s+)?(\p{L}+)\s+(?:de\s+)?(\d{4})(?:\s+(?:года|г\.))?/
    nonisolated(unsafe) static let foreignMonthPattern = /(\p{L}+)\s+(?:de\s+)?(\d{4})(?:\s+(?:года|г\.))?/
    nonisolated(unsafe) static let foreignSessionPattern = /(?:session|reunión|período de sesiones)\s+de\s+(\d{4})\s+(?:du|del|de la|de l')\s*(Conseil|Consejo|ECOSOC|Assemblée générale|Asamblea General)|(?:сесси\p{L}*)\s+(Совета|ЭКОСОС|Генеральной Ассамблеи)\s+(\d{4})\s+года/

    /// Times in French, Spanish and Russian: "31 décembre 2027", "el 31 de diciembre de 2027",
    /// "31 декабря 2027 года", "la session de 2027 du Conseil", "сессии Совета 2027 года", "chaque année".
    static func foreign(_ text: String, words: Words) -> [TimeExpression] {
        var found: [TimeExpression] = []
        func add(_ value: TimeValue, _ range: Range<String.Index>) {
            let located = text.utf16Range(range)
            if !found.contains(where: { $0.range.overlaps(located) }) {
                found.append(TimeExpression(value: value, text: String(text[range]), range: located))
            }
        }
        let bodies = ["conseil": "council", "consejo": "council", "совета": "council", "ecosoc": "ecosoc", "экосос": "ecosoc",
                      "assemblée générale": "unga", "asamblea general": "unga", "генеральной ассамблеи": "unga"]
        if words.hasYear {
            for match in text.matches(of: foreignSessionPattern) {
                let year = Int(match.1 ?? match.4 ?? "")
                let body = (match.2 ?? match.3).map { bodies[$0.lowercased()] ?? $0.lowercased() } ?? "council"
                add(.session(body: body, year: year, qualifier: nil), match.range)
            }
            for match in text.matches(of: foreignDayPattern) {
                guard let month = Vocabulary.months[match.2.lowercased()], let year = Int(match.3), let day = Int(match.1) else { continue }
                add(.day(iso(year, month, day)), match.range)
            }
            for match in text.matches(of: foreignMonthPattern) {
                guard let month = Vocabulary.months[match.1.lowercased()], let year = Int(match.2) else { continue }
                add(.month(iso(year, month)), match.range)
            }
            for (value, range) in years(in: text) { add(value, range) }
        }
        let lower = text.lowercased()
        for (phrase, value) in Vocabulary.recurrences where lower.contains(phrase) {
            for range in text.occurrences(of: phrase) + text.occurrences(of: phrase.prefix(1).uppercased() + phrase.dropFirst()) {
                add(.recurrence(value), range)
            }
        }
        return found.sorted { $0.range.start < $1.range.start }
    }

    /// Years after a preposition ("in 2025", "beyond 2015") and ranges of years ("2003-2005"),
    /// found by a hand-written scan: most paragraphs hold years, and a pattern costs far more.
    static func years(in text: String) -> [(TimeValue, Range<String.Index>)] {
        var found: [(TimeValue, Range<String.Index>)] = []
        var index = text.startIndex
        func year(at start: String.Index) -> (Int, String.Index)? {
            var end = start
            var digits = 0
            while end < text.endIndex, text[end].isASCII, text[end].isNumber, digits < 5 { end = text.index(after: end); digits += 1 }
            guard digits == 4, let value = Int(text[start..<end]), (1900...2099).contains(value) else { return nil }
            if end < text.endIndex, text[end].isLetter || text[end].isNumber { return nil }
            if start > text.startIndex, text[text.index(before: start)].isLetter || text[text.index(before: start)].isNumber { return nil }
            return (value, end)
        }
        while index < text.endIndex {
            guard text[index].isASCII, text[index].isNumber, let (value, end) = year(at: index) else {
                index = text.index(after: index)
                continue
            }
            // A range: 2003-2005, 2015–2030.
            var after = end
            while after < text.endIndex, text[after] == " " { after = text.index(after: after) }
            if after < text.endIndex, text[after] == "-" || text[after] == "–" {
                var second = text.index(after: after)
                while second < text.endIndex, text[second] == " " { second = text.index(after: second) }
                if second < text.endIndex, let (last, rangeEnd) = year(at: second) {
                    found.append((.years(value, last), index..<rangeEnd))
                    index = rangeEnd
                    continue
                }
            }
            // A single year counts after a preposition: "in 2025", "beyond 2015".
            var wordEnd = index
            while wordEnd > text.startIndex, text[text.index(before: wordEnd)] == " " { wordEnd = text.index(before: wordEnd) }
            var wordStart = wordEnd
            while wordStart > text.startIndex, text[text.index(before: wordStart)].isLetter { wordStart = text.index(before: wordStart) }
            if wordStart < wordEnd, wordEnd < index, yearPrepositions.contains(text[wordStart..<wordEnd].lowercased()) {
                found.append((.year(value), wordStart..<end))
            }
            index = end
        }
        return found
    }

    static func body(in text: Substring) -> String? {
        let lower = text.lowercased()
        return sessionBodies.first { lower.contains($0.0) }?.1
    }

    nonisolated(unsafe) static let sessionOfPattern = /(?i:the\s+)?(\d{4})\s+(?:(winter|summer|spring|autumn)\s+)?(?i:session)\s+of\s+(?:the\s+)?([A-Z][\w&\- ]{1,60}?)(?=[,;.]|\s+(?:and|on|to|in|via|through|with|for|at|by)\b|$)/
    nonisolated(unsafe) static let atItsYearPattern = /([A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*)*)\s+at\s+its\s+(\d{4})\s+session/
    nonisolated(unsafe) static let atItsOrdinalPattern = /(?i:at\s+its\s+)([a-z]+(?:\s*-\s*[a-z]+)?)\s+(?i:session)/
    nonisolated(unsafe) static let eventPattern = /(?i:the\s+)(\d{4})\s+(SDG Summit|Summit of the Future|WSIS Forum|WSIS\+20 high-level event)/
    nonisolated(unsafe) static let dayPattern = /(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s+([A-Z][a-z]+)\s+(\d{4})/
    nonisolated(unsafe) static let monthPattern = /([A-Z][a-z]+)\s+(\d{4})/
    nonisolated(unsafe) static let recurrencePattern = /\b(annually|regularly|biennially|periodically|every year|each year|every two years|every four years)\b/
    nonisolated(unsafe) static let exactDayPattern = /(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})/
    static let recurrenceWords = ["annually", "regularly", "biennially", "periodically", "every", "each"]

    static func extract(_ text: String, words: Words? = nil, language: Language = .english) -> [TimeExpression] {
        let words = words ?? Words(text)
        var found: [TimeExpression] = []
        if language != .english {
            return foreign(text, words: words)
        }
        func add(_ value: TimeValue, _ range: Range<String.Index>) {
            let located = text.utf16Range(range)
            if !found.contains(where: { $0.range.overlaps(located) }) {
                found.append(TimeExpression(value: value, text: String(text[range]), range: located))
            }
        }

        // Sessions, most specific first.
        let sessions = words.contains("session") || words.contains("sessions")
        let sessionWords = ["session", "Session", "SESSION"]
        for match in sessions && words.hasYear ? Windows.matches(of: sessionOfPattern, in: text, around: sessionWords, before: 40, after: 80) : [] {
            let body = body(in: match.3) ?? String(match.3).lowercased()
            add(.session(body: body, year: Int(match.1), qualifier: match.2.map { $0.lowercased() }), match.range)
        }
        for match in sessions && words.hasYear && words.contains("its")
            ? Windows.matches(of: atItsYearPattern, in: text, around: sessionWords, before: 90, after: 0) : [] {
            let body = body(in: match.1) ?? String(match.1).lowercased()
            add(.session(body: body, year: Int(match.2), qualifier: nil), match.range)
        }
        for match in sessions && words.contains("its")
            ? Windows.matches(of: atItsOrdinalPattern, in: text, around: sessionWords, before: 40, after: 0) : [] {
            let ordinal = match.1.replacingOccurrences(of: " ", with: "")
            if let number = Ordinals.value(ordinal) {
                // The General Assembly's nth session opens in September of 1945 + n.
                add(.session(body: "unga", year: 1945 + number, qualifier: "\(number)"), match.range)
            }
        }
        let events = words.containsAny(["summit", "forum", "event"])
        for match in events && words.hasYear
            ? Windows.matches(of: eventPattern, in: text, around: ["SDG Summit", "Summit of the Future", "WSIS Forum", "WSIS+20 high-level event"],
                              before: 12, after: 0) : [] {
            let body = match.2.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "+", with: "")
            add(.session(body: body, year: Int(match.1), qualifier: nil), match.range)
        }

        // Days, ranges of days, months.
        let hasMonth = words.hasYear && words.containsAny(Self.months)
        let monthNames = Self.months.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        for match in hasMonth ? Windows.matches(of: dayPattern, in: text, around: monthNames, before: 10, after: 6) : [] {
            guard let month = months.firstIndex(of: match.3.lowercased()), let year = Int(match.4), let day = Int(match.1) else { continue }
            if let last = match.2.flatMap({ Int($0) }) {
                add(.days(iso(year, month + 1, day), iso(year, month + 1, last)), match.range)
            } else {
                add(.day(iso(year, month + 1, day)), match.range)
            }
        }
        for match in hasMonth ? Windows.matches(of: monthPattern, in: text, around: monthNames, before: 0, after: 6) : [] {
            guard let month = months.firstIndex(of: match.1.lowercased()), let year = Int(match.2) else { continue }
            add(.month(iso(year, month + 1)), match.range)
        }

        // Years and ranges of years.
        if words.hasYear {
            for (value, range) in years(in: text) { add(value, range) }
        }

        // Recurrences.
        for match in words.containsAny(recurrenceWords)
            ? Windows.matches(of: recurrencePattern, in: text, around: ["annually", "regularly", "biennially", "periodically", "every", "each"],
                              before: 1, after: 18) : [] {
            let word = match.1.lowercased()
            let value = ["every year": "annually", "each year": "annually", "every two years": "biennially"][word] ?? word
            add(.recurrence(value), match.range)
        }
        return found.sorted { $0.range.start < $1.range.start }
    }
}

/// English ordinal words to numbers, for "its seventy-fifth session".
enum Ordinals {
    static let units = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19]
    static let tens = ["twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
                       "eightieth": 80, "ninetieth": 90]
    static let tenPrefixes = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                              "ninety": 90]

    static func value(_ word: String) -> Int? {
        let lower = word.lowercased()
        if let value = units[lower] ?? tens[lower] { return value }
        let parts = lower.split(separator: "-")
        guard parts.count == 2, let ten = tenPrefixes[String(parts[0])], let unit = units[String(parts[1])], unit < 10 else { return nil }
        return ten + unit
    }
}
