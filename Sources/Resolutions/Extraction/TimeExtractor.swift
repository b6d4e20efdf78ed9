import Foundation

/// Finds times in English text and normalises them: days and ranges of days ("27-31 May 2024"),
/// months ("December 2025"), years and ranges of years, sessions of bodies ("the 2026 session of
/// the Council", "at its 2025 session", "its seventy-fifth session") and recurrences ("annually").
enum TimeExtractor {
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december"]

    /// A whole line that is a date, such as "27 June 2023".
    static func exactDay(_ text: String) -> TimeValue? {
        guard text.utf8.first.map(ScanText.isDigit) == true, text.count <= 30, let match = text.wholeMatch(of: exactDayPattern),
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

    /// Times in French, Spanish and Russian: "31 décembre 2027", "el 31 de diciembre de 2027",
    /// "31 декабря 2027 года", "la session de 2027 du Conseil", "сессии Совета 2027 года", "chaque année".
    static func foreign(_ scan: ScanText, words: Words) -> [TimeExpression] {
        var found = TimeFinds(scan)
        if words.hasYear {
            var sessions: [(TimeValue, Int, Int)] = []
            for opening in foreignSessionOpenings {
                for start in scan.occurrences(of: opening) {
                    if let session = foreignSession(scan, opening: opening, at: start) { sessions.append(session) }
                }
            }
            let russian = Array("сесси".utf8)
            for start in scan.occurrences(of: russian) {
                if let session = russianSession(scan, at: start) { sessions.append(session) }
            }
            for (value, start, end) in sessions.sorted(by: { $0.1 < $1.1 }) { found.add(value, start, end) }
            let monthWords = foreignMonthWords(scan)
            for word in monthWords { foreignDay(scan, word, into: &found) }
            for word in monthWords { foreignMonth(scan, word, into: &found) }
            for (value, start, end) in years(in: scan) { found.add(value, start, end) }
        }
        for (phrase, value) in Vocabulary.recurrences {
            let capitalized = phrase.prefix(1).uppercased() + phrase.dropFirst()
            for start in scan.occurrences(of: phrase) + scan.occurrences(of: capitalized) {
                found.add(.recurrence(value), start, start + phrase.utf8.count)
            }
        }
        return found.expressions
    }

    static let foreignSessionOpenings = ["session", "reunión", "período de sesiones"].map { Array($0.utf8) }
    static let foreignArticles = ["du", "del", "de la", "de l'"].map { Array($0.utf8) }
    static let foreignBodies: [(name: [UInt8], code: String)] = [
        ("Conseil", "council"), ("Consejo", "council"), ("ECOSOC", "ecosoc"), ("Assemblée générale", "unga"), ("Asamblea General", "unga"),
    ].map { (Array($0.0.utf8), $0.1) }
    static let russianBodies: [(name: [UInt8], code: String)] = [
        ("Совета", "council"), ("ЭКОСОС", "ecosoc"), ("Генеральной Ассамблеи", "unga"),
    ].map { (Array($0.0.utf8), $0.1) }

    /// "la session de 2027 du Conseil", "el período de sesiones de 2027 del Consejo".
    private static func foreignSession(_ scan: ScanText, opening: [UInt8], at start: Int) -> (TimeValue, Int, Int)? {
        let de = scan.spaces(from: start + opening.count)
        guard de > start + opening.count, scan.matches(Array("de".utf8), at: de) else { return nil }
        let yearStart = scan.spaces(from: de + 2)
        guard yearStart > de + 2, let year = fourDigits(scan, endingAt: yearStart + 4) else { return nil }
        let article = scan.spaces(from: yearStart + 4)
        guard article > yearStart + 4, let articleWord = foreignArticles.first(where: { scan.matches($0, at: article) }) else { return nil }
        let name = scan.spaces(from: article + articleWord.count)
        guard let body = foreignBodies.first(where: { scan.matches($0.name, at: name) }) else { return nil }
        return (.session(body: body.code, year: year, qualifier: nil), start, name + body.name.count)
    }

    /// "сессии Совета 2027 года".
    private static func russianSession(_ scan: ScanText, at start: Int) -> (TimeValue, Int, Int)? {
        var wordEnd = start + "сесси".utf8.count
        while let scalar = scan.scalar(at: wordEnd), ScanText.isLetter(scalar) { wordEnd = scan.after(wordEnd) }
        let name = scan.spaces(from: wordEnd)
        guard name > wordEnd, let body = russianBodies.first(where: { scan.matches($0.name, at: name) }) else { return nil }
        let yearStart = scan.spaces(from: name + body.name.count)
        guard yearStart > name + body.name.count, let year = fourDigits(scan, endingAt: yearStart + 4) else { return nil }
        let yearWord = scan.spaces(from: yearStart + 4)
        guard yearWord > yearStart + 4, scan.matches(Array("года".utf8), at: yearWord) else { return nil }
        return (.session(body: body.code, year: year, qualifier: nil), start, yearWord + "года".utf8.count)
    }

    /// The words of the text that name a month, in any of the four languages: (start, end, month).
    private static func foreignMonthWords(_ scan: ScanText) -> [(start: Int, end: Int, month: Int)] {
        var found: [(Int, Int, Int)] = []
        var index = 0
        while index < scan.count {
            guard let scalar = scan.scalar(at: index), ScanText.isLetter(scalar) else { index = scan.after(index); continue }
            var end = index
            while let letter = scan.scalar(at: end), ScanText.isLetter(letter) { end = scan.after(end) }
            if end - index >= 3, end - index <= 20, let month = Vocabulary.months[scan.string(index, end).lowercased()] {
                found.append((index, end, month))
            }
            index = end
        }
        return found
    }

    /// After a month's name: spaces, perhaps "de", four digits, perhaps "года" or "г.". The year and where it all ends.
    private static func foreignYear(_ scan: ScanText, after index: Int) -> (Int, Int)? {
        var yearStart = scan.spaces(from: index)
        guard yearStart > index else { return nil }
        if scan.matches(Array("de".utf8), at: yearStart), scan.spaces(from: yearStart + 2) > yearStart + 2 {
            yearStart = scan.spaces(from: yearStart + 2)
        }
        guard let year = fourDigits(scan, endingAt: yearStart + 4) else { return nil }
        var end = yearStart + 4
        let suffix = scan.spaces(from: end)
        if suffix > end {
            if scan.matches(Array("года".utf8), at: suffix) { end = suffix + "года".utf8.count }
            else if scan.matches(Array("г.".utf8), at: suffix) { end = suffix + "г.".utf8.count }
        }
        return (year, end)
    }

    /// "31 décembre 2027", "1er janvier 2026", "el 31 de diciembre de 2027", "31 декабря 2027 года".
    private static func foreignDay(_ scan: ScanText, _ word: (start: Int, end: Int, month: Int), into found: inout TimeFinds) {
        guard let (year, end) = foreignYear(scan, after: word.end) else { return }
        var dayEnd = scan.spacesBack(from: word.start)
        guard dayEnd < word.start else { return }
        if scan.matches(Array("de".utf8), at: dayEnd - 2), scan.spacesBack(from: dayEnd - 2) < dayEnd - 2 {
            dayEnd = scan.spacesBack(from: dayEnd - 2)
        }
        if scan.matches(Array("er".utf8), at: dayEnd - 2), ScanText.isDigit(scan[dayEnd - 3]) { dayEnd -= 2 }
        let run = scan.runBack(from: dayEnd, ScanText.isDigit)
        guard run < dayEnd else { return }
        let dayStart = max(run, dayEnd - 2)
        found.add(.day(iso(year, word.month, Int(scan.string(dayStart, dayEnd))!)), dayStart, end)
    }

    /// "décembre 2027", "diciembre de 2027", "декабря 2027 года".
    private static func foreignMonth(_ scan: ScanText, _ word: (start: Int, end: Int, month: Int), into found: inout TimeFinds) {
        guard let (year, end) = foreignYear(scan, after: word.end) else { return }
        found.add(.month(iso(year, word.month)), word.start, end)
    }

    /// Years after a preposition ("in 2025", "beyond 2015") and ranges of years ("2003-2005"), as byte ranges.
    static func years(in scan: ScanText) -> [(TimeValue, Int, Int)] {
        var found: [(TimeValue, Int, Int)] = []
        /// A year of four digits standing alone at `start`, and where it ends.
        func year(at start: Int) -> (Int, Int)? {
            let end = scan.run(from: start, limit: 5, ScanText.isDigit)
            guard end - start == 4, !ScanText.isDigit(scan[end]) else { return nil }
            let value = scan.bytes[start..<end].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard (1900...2099).contains(value) else { return nil }
            let after = scan.scalar(at: end), before = scan.scalar(before: start)
            if ScanText.isLetter(after) || ScanText.isLetter(before) || before.map({ $0.properties.numericType != nil }) == true
                || after.map({ $0.properties.numericType != nil }) == true {
                return nil
            }
            return (value, end)
        }
        var index = 0
        while index < scan.count {
            guard ScanText.isDigit(scan.bytes[index]) else { index += 1; continue }
            guard let (value, end) = year(at: index) else {
                index = scan.run(from: index, ScanText.isDigit)
                continue
            }
            // A range: 2003-2005, 2015–2030.
            let dash = scan.spaces(from: end)
            let dashLength = scan[dash] == 0x2D ? 1 : scan.matches(enDash, at: dash) ? 3 : 0
            if dashLength > 0, let (last, rangeEnd) = year(at: scan.spaces(from: dash + dashLength)) {
                found.append((.years(value, last), index, rangeEnd))
                index = rangeEnd
                continue
            }
            // A single year counts after a preposition: "in 2025", "beyond 2015".
            let wordEnd = scan.spacesBack(from: index)
            var wordStart = wordEnd
            while let before = scan.scalar(before: wordStart), ScanText.isLetter(before) { wordStart -= String(before).utf8.count }
            if wordStart < wordEnd, wordEnd < index, yearPrepositions.contains(scan.string(wordStart, wordEnd).lowercased()) {
                found.append((.year(value), wordStart, end))
            }
            index = end
        }
        return found
    }

    static let enDash = Array("–".utf8)

    static func body(in text: String) -> String? {
        let lower = text.lowercased()
        return sessionBodies.first { lower.containsBytes($0.0) }?.1
    }

    nonisolated(unsafe) static let exactDayPattern = /(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})/
    static let recurrences: [(phrase: [UInt8], value: String)] = [
        ("annually", "annually"), ("regularly", "regularly"), ("biennially", "biennially"), ("periodically", "periodically"),
        ("every year", "annually"), ("each year", "annually"), ("every two years", "biennially"), ("every four years", "every four years"),
    ].map { (Array($0.0.utf8), $0.1) }
    static let recurrenceHashes = ["annually", "regularly", "biennially", "periodically", "every", "each"].map { WordHash.hash($0.utf8) }
    static let monthHashes = months.map { WordHash.hash($0.utf8) }
    static let seasons: Set<String> = ["winter", "summer", "spring", "autumn"]
    static let events = ["SDG Summit", "Summit of the Future", "WSIS Forum", "WSIS+20 high-level event"].map { Array($0.utf8) }
    /// Words after which the name of a session's body stops: "the 2026 session of the Council and …".
    static let nameStops = ["and", "on", "to", "in", "via", "through", "with", "for", "at", "by"].map { Array($0.utf8) }
    static let capitalizedMonths = months.map { Array(($0.prefix(1).uppercased() + $0.dropFirst()).utf8) }

    static func extract(_ text: String, words: Words? = nil, language: Language = .english) -> [TimeExpression] {
        extract(ScanText(text), words: words ?? Words(text), language: language)
    }

    /// Times in English, each read by hand around its trigger word ("session", a month's name,
    /// "annually" …), most specific first: a later find that overlaps an earlier one is dropped.
    static func extract(_ scan: ScanText, words: Words, language: Language) -> [TimeExpression] {
        if language != .english { return foreign(scan, words: words) }
        var found = TimeFinds(scan)
        let sessions = words.contains("session") || words.contains("sessions")
        if sessions {
            let starts = sessionStarts(scan)
            if words.hasYear {
                for start in starts { sessionOf(scan, session: start, into: &found) }
                if words.contains("its") { for start in starts { atItsYear(scan, session: start, into: &found) } }
            }
            if words.contains("its") { for start in starts { atItsOrdinal(scan, session: start, into: &found) } }
        }
        if words.hasYear, words.containsAny(["summit", "forum", "event"]) {
            for event in events { for start in scan.occurrences(of: event) { namedEvent(scan, event: event, at: start, into: &found) } }
        }
        if words.hasYear, words.containsAny(hashes: monthHashes) {
            var monthStarts: [Int] = []
            for name in capitalizedMonths { monthStarts += scan.occurrences(of: name) }
            monthStarts.sort()
            for start in monthStarts { day(scan, month: start, into: &found) }
            for start in monthStarts { month(scan, month: start, into: &found) }
        }
        if words.hasYear {
            for (value, start, end) in years(in: scan) { found.add(value, start, end) }
        }
        if words.containsAny(hashes: recurrenceHashes) {
            for (phrase, value) in recurrences {
                for start in scan.occurrences(of: phrase) where scan.wordStarts(at: start) && scan.wordEnds(at: start + phrase.count) {
                    found.add(.recurrence(value), start, start + phrase.count)
                }
            }
        }
        return found.expressions
    }

    /// Where "session" stands, in any case.
    private static func sessionStarts(_ scan: ScanText) -> [Int] {
        let word = Array("session".utf8)
        var starts: [Int] = []
        var index = 0
        while index + word.count <= scan.count {
            if (scan.bytes[index] | 0x20) == 0x73, scan.matchesIgnoringCase(word, at: index) {
                starts.append(index)
                index += word.count
            } else {
                index += 1
            }
        }
        return starts
    }

    /// The four digits ending at `end`, as a year.
    private static func fourDigits(_ scan: ScanText, endingAt end: Int) -> Int? {
        guard end >= 4, end <= scan.count, scan.bytes[(end - 4)..<end].allSatisfy(ScanText.isDigit) else { return nil }
        return scan.bytes[(end - 4)..<end].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// "the 2026 session of the Council", "the 2025 winter session of the CWG-WSIS&SDG".
    private static func sessionOf(_ scan: ScanText, session: Int, into found: inout TimeFinds) {
        // Before "session": the year, perhaps a season.
        let beforeSession = scan.spacesBack(from: session)
        guard beforeSession < session else { return }
        var yearEnd = beforeSession
        var season: String?
        let seasonStart = scan.runBack(from: beforeSession, ScanText.isLower)
        if seasonStart < beforeSession, seasons.contains(scan.string(seasonStart, beforeSession)) {
            let spaces = scan.spacesBack(from: seasonStart)
            if spaces < seasonStart, fourDigits(scan, endingAt: spaces) != nil {
                yearEnd = spaces
                season = scan.string(seasonStart, beforeSession)
            }
        }
        guard let year = fourDigits(scan, endingAt: yearEnd) else { return }
        var start = yearEnd - 4
        let theEnd = scan.spacesBack(from: start)
        if theEnd < start, scan.matchesIgnoringCase(Array("the".utf8), at: theEnd - 3) { start = theEnd - 3 }

        // After it: "of", perhaps "the", and a name that starts with a capital.
        var index = scan.spaces(from: session + 7)
        guard index > session + 7, scan.matches(Array("of".utf8), at: index) else { return }
        let afterOf = scan.spaces(from: index + 2)
        guard afterOf > index + 2 else { return }
        index = afterOf
        if scan.matches(Array("the".utf8), at: index), scan.spaces(from: index + 3) > index + 3,
           ScanText.isUpper(scan[scan.spaces(from: index + 3)]) {
            index = scan.spaces(from: index + 3)
        }
        guard ScanText.isUpper(scan[index]) else { return }
        let nameStart = index
        // The name is the shortest run of words (at most 60 more characters) followed by
        // punctuation, a word such as "and" or "on", or the end of the paragraph.
        var position = nameStart + 1
        var characters = 0
        while characters < 60, position < scan.count {
            guard let scalar = scan.scalar(at: position),
                  ScanText.isWord(scalar) || scalar == "&" || scalar == "-" || scalar == " " else { return }
            position = scan.after(position)
            characters += 1
            if nameEnds(scan, at: position) {
                found.add(.session(body: body(in: scan.string(nameStart, position)) ?? scan.string(nameStart, position).lowercased(),
                                   year: year, qualifier: season), start, position)
                return
            }
        }
    }

    private static func nameEnds(_ scan: ScanText, at index: Int) -> Bool {
        if index >= scan.count { return true }
        let byte = scan.bytes[index]
        if byte == 0x2C || byte == 0x3B || byte == 0x2E { return true }
        let word = scan.spaces(from: index)
        guard word > index else { return false }
        return nameStops.contains { scan.matches($0, at: word) && scan.wordEnds(at: word + $0.count) }
    }

    /// "the Council at its 2025 session": the body is the run of capitalised words before "at its".
    private static func atItsYear(_ scan: ScanText, session: Int, into found: inout TimeFinds) {
        guard scan.matches(Array("session".utf8), at: session) else { return }
        let yearEnd = scan.spacesBack(from: session)
        guard yearEnd < session, let year = fourDigits(scan, endingAt: yearEnd), scan[yearEnd - 5] == 0x20 else { return }
        let itsEnd = scan.spacesBack(from: yearEnd - 4)
        guard scan.matches(Array("its".utf8), at: itsEnd - 3) else { return }
        let atEnd = scan.spacesBack(from: itsEnd - 3)
        guard atEnd < itsEnd - 3, scan.matches(Array("at".utf8), at: atEnd - 2) else { return }
        let nameEnd = scan.spacesBack(from: atEnd - 2)
        guard nameEnd < atEnd - 2 else { return }
        func isNameByte(_ byte: UInt8) -> Bool {
            ScanText.isASCIILetter(byte) || ScanText.isDigit(byte) || byte == 0x5F || byte == 0x26 || byte == 0x2D || byte >= 0x80
        }
        // Each word must start with a capital, except that the first may start inside a word.
        var start: Int?
        var wordEnd = nameEnd
        let limit = max(0, session - 90)
        while wordEnd > limit {
            let wordStart = max(limit, scan.runBack(from: wordEnd, isNameByte))
            guard wordStart < wordEnd, let capital = (wordStart..<wordEnd).first(where: { ScanText.isUpper(scan.bytes[$0]) }) else { break }
            start = capital
            guard capital == wordStart else { break }
            let previousEnd = scan.spacesBack(from: wordStart)
            guard previousEnd < wordStart else { break }
            wordEnd = previousEnd
        }
        guard let start else { return }
        let name = scan.string(start, nameEnd)
        found.add(.session(body: body(in: name) ?? name.lowercased(), year: year, qualifier: nil), start, session + 7)
    }

    /// "at its seventy-fourth session": the General Assembly's nth session opens in September of 1945 + n.
    private static func atItsOrdinal(_ scan: ScanText, session: Int, into found: inout TimeFinds) {
        let ordinalEnd = scan.spacesBack(from: session)
        guard ordinalEnd < session else { return }
        let lastStart = scan.runBack(from: ordinalEnd, ScanText.isLower)
        guard lastStart < ordinalEnd else { return }
        var candidates = [lastStart]
        let dash = scan.spacesBack(from: lastStart)
        if scan[dash - 1] == 0x2D {
            let firstEnd = scan.spacesBack(from: dash - 1)
            let firstStart = scan.runBack(from: firstEnd, ScanText.isLower)
            if firstStart < firstEnd { candidates.insert(firstStart, at: 0) }
        }
        for ordinalStart in candidates {
            let itsEnd = scan.spacesBack(from: ordinalStart)
            guard itsEnd < ordinalStart, scan.matchesIgnoringCase(Array("its".utf8), at: itsEnd - 3) else { continue }
            let atEnd = scan.spacesBack(from: itsEnd - 3)
            guard atEnd < itsEnd - 3, scan.matchesIgnoringCase(Array("at".utf8), at: atEnd - 2) else { continue }
            let ordinal = scan.string(ordinalStart, ordinalEnd).removing(" ")
            if let number = Ordinals.value(ordinal) {
                found.add(.session(body: "unga", year: 1945 + number, qualifier: "\(number)"), atEnd - 2, session + 7)
            }
            return
        }
    }

    /// "the 2025 WSIS Forum", "the 2024 Summit of the Future".
    private static func namedEvent(_ scan: ScanText, event: [UInt8], at start: Int, into found: inout TimeFinds) {
        let yearEnd = scan.spacesBack(from: start)
        guard yearEnd < start, let year = fourDigits(scan, endingAt: yearEnd) else { return }
        let theEnd = scan.spacesBack(from: yearEnd - 4)
        guard theEnd < yearEnd - 4, scan.matchesIgnoringCase(Array("the".utf8), at: theEnd - 3) else { return }
        let name = String(String(decoding: event, as: UTF8.self).lowercased().compactMap { $0 == " " ? "-" : $0 == "+" ? nil : $0 })
        found.add(.session(body: name, year: year, qualifier: nil), theEnd - 3, start + event.count)
    }

    /// The month's name at `start` (a capital and lower-case letters) and its number.
    private static func monthName(_ scan: ScanText, at start: Int) -> (month: Int, end: Int)? {
        let end = scan.run(from: start + 1, ScanText.isLower)
        guard let index = months.firstIndex(of: scan.string(start, end).lowercased()) else { return nil }
        return (index + 1, end)
    }

    /// The year after a month's name: spaces, then four digits.
    private static func yearAfter(_ scan: ScanText, _ index: Int) -> (Int, Int)? {
        let start = scan.spaces(from: index)
        guard start > index, let year = fourDigits(scan, endingAt: start + 4) else { return nil }
        return (year, start + 4)
    }

    /// "27 June 2023", "27-31 May 2024".
    private static func day(_ scan: ScanText, month start: Int, into found: inout TimeFinds) {
        guard let (month, nameEnd) = monthName(scan, at: start), let (year, end) = yearAfter(scan, nameEnd) else { return }
        let dayEnd = scan.spacesBack(from: start)
        guard dayEnd < start else { return }
        let run = scan.runBack(from: dayEnd, ScanText.isDigit)
        guard run < dayEnd else { return }
        let dayStart = max(run, dayEnd - 2)
        let day = Int(scan.string(dayStart, dayEnd))!
        if dayEnd - run <= 2 {
            let dash = scan.spacesBack(from: dayStart)
            let dashStart = scan[dash - 1] == 0x2D ? dash - 1 : scan.matches(enDash, at: dash - 3) ? dash - 3 : nil
            if let dashStart {
                let firstEnd = scan.spacesBack(from: dashStart)
                let firstRun = scan.runBack(from: firstEnd, ScanText.isDigit)
                if firstRun < firstEnd {
                    let firstStart = max(firstRun, firstEnd - 2)
                    let first = Int(scan.string(firstStart, firstEnd))!
                    found.add(.days(iso(year, month, first), iso(year, month, day)), firstStart, end)
                    return
                }
            }
        }
        found.add(.day(iso(year, month, day)), dayStart, end)
    }

    /// "December 2025".
    private static func month(_ scan: ScanText, month start: Int, into found: inout TimeFinds) {
        guard let (month, nameEnd) = monthName(scan, at: start), let (year, end) = yearAfter(scan, nameEnd) else { return }
        found.add(.month(iso(year, month)), start, end)
    }
}

/// The times found in a paragraph (the first of overlapping finds is kept).
struct TimeFinds {
    let scan: ScanText
    private var finds = Finds<TimeValue>()

    init(_ scan: ScanText) { self.scan = scan }

    mutating func add(_ value: TimeValue, _ start: Int, _ end: Int) { finds.add(value, start, end) }

    var expressions: [TimeExpression] {
        finds.ordered.map { TimeExpression(value: $0.item, text: scan.string($0.start, $0.end), range: scan.range($0.start, $0.end)) }
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
