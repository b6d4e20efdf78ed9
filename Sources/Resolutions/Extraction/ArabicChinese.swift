import Foundation

/// Citations and times in Arabic and Chinese texts, read into the same values as in the other
/// languages: "القرار 71 (المراجَع في بوخارست، 2022) لمؤتمر المندوبين المفوضين" and
/// "全权代表大会第71号决议（2022年，布加勒斯特，修订版）" are both `itu/pp/res/71`, version
/// `rev-bucharest-2022`; "بحلول 31 ديسمبر 2027" and "2027年12月31日" are both the day 2027-12-31.
///
/// These scripts are read with patterns over the text rather than the byte scanners of the
/// Latin and Cyrillic extractors: they are met less often, and their words are not separated the
/// same way (Chinese has no spaces; Arabic joins prepositions to the next word and may carry
/// vowel marks).
enum ArabicChinese {
    // MARK: Vocabulary (facts: ITU's names of its conferences and of their host cities, month names)

    /// Arabic and Chinese names of the cities where ITU conferences met, to the English slug.
    static let cities: [String: String] = [
        "بوخارست": "bucharest", "كيغالي": "kigali", "نيودلهي": "new delhi", "نيو دلهي": "new delhi", "دبي": "dubai",
        "بوسان": "busan", "غوادالاخارا": "guadalajara", "أنطاليا": "antalya", "مراكش": "marrakesh", "مينيابوليس": "minneapolis",
        "كيوتو": "kyoto", "الدوحة": "doha", "الحمامات": "hammamet", "جوهانسبرغ": "johannesburg", "جنيف": "geneva",
        "حيدر أباد": "hyderabad", "حيدر آباد": "hyderabad", "بوينس آيرس": "buenos aires", "إسطنبول": "istanbul", "اسطنبول": "istanbul",
        "فاليتا": "valletta", "هلسنكي": "helsinki", "مونتريال": "montreal", "فلوريانوبوليس": "florianópolis",
        "布加勒斯特": "bucharest", "基加利": "kigali", "新德里": "new delhi", "迪拜": "dubai", "釜山": "busan",
        "瓜达拉哈拉": "guadalajara", "安塔利亚": "antalya", "马拉喀什": "marrakesh", "明尼阿波利斯": "minneapolis", "京都": "kyoto",
        "多哈": "doha", "哈马马特": "hammamet", "约翰内斯堡": "johannesburg", "日内瓦": "geneva", "海得拉巴": "hyderabad",
        "布宜诺斯艾利斯": "buenos aires", "伊斯坦布尔": "istanbul", "瓦莱塔": "valletta", "赫尔辛基": "helsinki", "蒙特利尔": "montreal",
        "弗洛里亚诺波利斯": "florianópolis",
    ]

    /// The conference that adopted a resolution, by the words that name it next to the number.
    static let arabicConferences: [(String, Citation.Kind)] = [
        ("مؤتمر المندوبين المفوضين", .ituPlenipotentiary), ("المؤتمر العالمي لتنمية الاتصالات", .ituWTDC),
        ("الجمعية العالمية لتقييس الاتصالات", .ituWTSA), ("المؤتمر العالمي للاتصالات الراديوية", .ituWRC), ("المجلس", .ituCouncil),
    ]
    static let chineseConferences: [(String, Citation.Kind)] = [
        ("全权代表大会", .ituPlenipotentiary), ("世界电信发展大会", .ituWTDC), ("世界电信标准化全会", .ituWTSA),
        ("世界无线电通信大会", .ituWRC), ("理事会", .ituCouncil),
    ]

    /// Arabic month names: the names used in Egypt and the Maghreb and ITU's texts, and the
    /// Levantine names the UN writes beside them ("كانون الأول/ديسمبر").
    static let arabicMonths: [String: Int] = {
        var table: [String: Int] = [:]
        let lists = [
            ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
            ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"],
        ]
        // Kept folded, as the text is looked up: أبريل and ابريل are one month.
        for list in lists + [["يناير", "فبراير", "مارس", "إبريل", "مايو", "يونيو", "يوليو", "اغسطس"]] {
            for (index, name) in list.enumerated() { table[folded(Substring(name))] = index + 1 }
        }
        return table
    }()

    static let sessionBodies: [(String, String)] = [
        ("المجلس الاقتصادي والاجتماعي", "ecosoc"), ("الجمعية العامة", "unga"), ("المجلس", "council"),
        ("经济及社会理事会", "ecosoc"), ("联合国大会", "unga"), ("大会", "unga"), ("理事会", "council"),
    ]

    // MARK: Citations

    static func citations(in text: String, language: Language) -> [Citation] {
        var found = Found<(Citation.Kind, String, String?)>()
        if language == .arabic {
            for match in text.matches(of: arabicResolution) {
                let number = Int(digits(match.number)) ?? 0
                var kind: Citation.Kind?
                var end = match.range.upperBound
                var version: (version: String, kind: Citation.Kind?)?
                let following = text[end...].prefix(60)
                // The body may stand before the parenthesis ("القرار 1332 للمجلس (المعدل في 2016)") or after it.
                if let body = conference(after: following, in: arabicConferences, joined: ["ل", "لل"]) {
                    kind = body.kind
                    end = text.index(end, offsetBy: body.length)
                }
                if let parenthesis = parenthesis(after: text[end...]) {
                    version = self.version(String(text[parenthesis.inside]))
                    end = parenthesis.end
                    if kind == nil, let body = conference(after: text[end...].prefix(60), in: arabicConferences, joined: ["ل", "لل"]) {
                        kind = body.kind
                        end = text.index(end, offsetBy: body.length)
                    }
                }
                kind = kind ?? version?.kind ?? (number >= 1000 ? .ituCouncil : nil)
                guard let kind else { continue }
                // A joined preposition (بالقرار) is not part of what is cited.
                found.add((kind, "\(CitationExtractor.prefix(kind))/res/\(number)", version?.version), match.keyword.startIndex..<end)
            }
            for match in text.matches(of: arabicGeneralAssembly) {
                found.add((.unGeneralAssembly, "un/ga/res/\(digits(match.session))/\(digits(match.number))", nil),
                          match.keyword.startIndex..<match.range.upperBound)
            }
        } else {
            for match in text.matches(of: chineseUNResolution) {
                found.add((.unGeneralAssembly, "un/ga/res/\(match.session)/\(match.number)", nil), match.range)
            }
            for match in text.matches(of: chineseResolution) {
                let number = Int(match.number) ?? 0
                var start = match.range.lowerBound
                var kind: Citation.Kind?
                // The body stands before "第": "全权代表大会第71号决议".
                let before = text[..<start]
                if let body = chineseConferences.first(where: { before.hasSuffix($0.0) }) {
                    kind = body.1
                    start = text.index(start, offsetBy: -body.0.count)
                }
                var end = match.range.upperBound
                var version: (version: String, kind: Citation.Kind?)?
                if let parenthesis = parenthesis(after: text[end...]) {
                    version = self.version(String(text[parenthesis.inside]))
                    end = parenthesis.end
                }
                kind = kind ?? version?.kind ?? (number >= 1000 ? .ituCouncil : nil)
                guard let kind else { continue }
                found.add((kind, "\(CitationExtractor.prefix(kind))/res/\(number)", version?.version), start..<end)
            }
        }
        return found.ordered.map { item, range in
            Citation(kind: item.0, id: item.1, version: item.2, text: String(text[range]), range: utf16(range, in: text))
        }
    }

    /// "القرار 71", "بالقرار 71", "قرار 71": the word for resolution (perhaps with a joined
    /// preposition) and a number that is not the first half of "78/132".
    nonisolated(unsafe) static let arabicResolution =
        /(?:ب|و|ل)?(?<keyword>(?:ال)?قرار)\s+(?<number>[0-9٠-٩]{1,4})(?![0-9٠-٩\/])/
    /// "قرار الجمعية العامة للأمم المتحدة 78/132", "قرار الجمعية العامة 70/125".
    nonisolated(unsafe) static let arabicGeneralAssembly =
        /(?:ب|و|ل)?(?<keyword>(?:ال)?قرار(?:ات)?)\s+الجمعية\s+العامة(?:\s+للأمم\s+المتحدة)?\s+(?<session>[0-9٠-٩]{1,3})\/(?<number>[0-9٠-٩]{1,4})/
    nonisolated(unsafe) static let chineseResolution = /第\s?(?<number>[0-9]{1,4})\s?号决议/
    nonisolated(unsafe) static let chineseUNResolution = /(?:联合国)?大会第\s?(?<session>[0-9]{1,3})\/(?<number>[0-9]{1,4})\s?号决议/

    /// The conference named at the start of `text`, perhaps after spaces and with a joined preposition (لمؤتمر, للمجلس).
    static func conference(after text: Substring, in table: [(String, Citation.Kind)], joined: [String])
        -> (kind: Citation.Kind, length: Int)? {
        let spaces = text.prefix { $0 == " " }.count
        let rest = folded(text.dropFirst(spaces))
        for (name, kind) in table {
            let bare = name.hasPrefix("ال") ? String(name.dropFirst(2)) : name
            for prefix in [""] + joined {
                let candidate = folded(Substring(prefix + (prefix == "لل" ? bare : name)))
                if rest.hasPrefix(candidate) { return (kind, spaces + candidate.count) }
            }
        }
        return nil
    }

    /// A parenthesis after optional spaces, in ASCII or full-width form: its contents and where it ends.
    static func parenthesis(after text: Substring) -> (inside: Range<String.Index>, end: String.Index)? {
        let open = text.firstIndex { $0 != " " } ?? text.endIndex
        guard open < text.endIndex, text[open] == "(" || text[open] == "（" else { return nil }
        let insideStart = text.index(after: open)
        guard let close = text[insideStart...].prefix(60).firstIndex(where: { $0 == ")" || $0 == "）" }) else { return nil }
        return (insideStart..<close, text.index(after: close))
    }

    /// "المراجَع في بوخارست، 2022" and "2022年，布加勒斯特，修订版" → `rev-bucharest-2022`;
    /// "المعدَّل في 2016" and "2016年修订" → `modified-2016`.
    static func version(_ text: String) -> (version: String, kind: Citation.Kind?)? {
        let plain = folded(Substring(text))
        guard let year = plain.firstMatch(of: /((?:19|20)[0-9]{2})/).map({ String($0.1) }) else { return nil }
        let city = cities.first { plain.contains(folded(Substring($0.key))) }?.value
        let revised = plain.contains("المراجع") || plain.contains("مراجع") || plain.contains("修订版") || plain.contains("修正版")
        guard let city else {
            if plain.contains("المعدل") || plain.contains("معدل") || plain.contains("修订") || plain.contains("修改") {
                return ("modified-\(year)", .ituCouncil)
            }
            return nil
        }
        let slug = city.replacingOccurrences(of: " ", with: "-")
        return ((revised ? "rev-" : "") + "\(slug)-\(year)", CitationExtractor.venues["\(city) \(year)"])
    }

    // MARK: Times

    static func times(in text: String, language: Language) -> [TimeExpression] {
        var found = Found<TimeValue>()
        if language == .arabic {
            for match in text.matches(of: arabicSession) {
                let name = folded(match.body)
                guard let body = sessionBodies.first(where: { name.hasPrefix(folded(Substring($0.0))) }) else { continue }
                found.add(.session(body: body.1, year: Int(digits(match.year))!, qualifier: nil), match.range)
            }
            for match in text.matches(of: arabicDay) {
                guard let month = arabicMonths[folded(match.month)] else { continue }
                let day = Int(digits(match.day))!, year = Int(digits(match.year))!
                guard (1...31).contains(day) else { continue }
                found.add(.day(TimeExtractor.iso(year, month, day)), match.range)
            }
            for match in text.matches(of: arabicYear) {
                guard let year = match.year ?? match.year2 else { continue }
                found.add(.year(Int(digits(year))!), match.range)
            }
            for (word, value) in [("سنويا", "annually"), ("كل عام", "annually"), ("كل سنة", "annually"), ("بانتظام", "regularly")] {
                for range in ranges(of: word, in: text, ignoringMarks: true) { found.add(.recurrence(value), range) }
            }
        } else {
            for match in text.matches(of: chineseSession) {
                // The pattern may take words before the body's name ("向理事会"): the find starts at the name.
                guard let body = sessionBodies.first(where: { match.body.hasSuffix($0.0) }) else { continue }
                let start = text.index(match.year.startIndex, offsetBy: -body.0.count)
                found.add(.session(body: body.1, year: Int(match.year)!, qualifier: nil), start..<match.range.upperBound)
            }
            for match in text.matches(of: chineseDay) {
                let month = Int(match.month)!, day = Int(match.day)!
                guard (1...12).contains(month), (1...31).contains(day) else { continue }
                found.add(.day(TimeExtractor.iso(Int(match.year)!, month, day)), match.range)
            }
            for match in text.matches(of: chineseMonth) {
                guard let month = Int(match.month), (1...12).contains(month) else { continue }
                found.add(.month(TimeExtractor.iso(Int(match.year)!, month)), match.range)
            }
            for match in text.matches(of: chineseYear) { found.add(.year(Int(match.year)!), match.range) }
            for (word, value) in [("每年", "annually"), ("定期", "regularly")] {
                for range in ranges(of: word, in: text, ignoringMarks: false) { found.add(.recurrence(value), range) }
            }
        }
        return found.ordered.map { value, range in TimeExpression(value: value, text: String(text[range]), range: utf16(range, in: text)) }
    }

    /// "دورة المجلس لعام 2027", "الدورة 2027 للمجلس" is not used; "دورة الجمعية العامة لعام 2026".
    nonisolated(unsafe) static let arabicSession =
        /(?:ال)?دورة\s+(?<body>(?:ال|ل)?[\p{Arabic}\s]{2,40}?)\s+(?:ل|في\s+)?عام\s+(?<year>[0-9٠-٩]{4})/
    /// "31 ديسمبر 2027", "31 كانون الأول/ديسمبر 2027".
    nonisolated(unsafe) static let arabicDay =
        /(?<day>[0-9٠-٩]{1,2})\s+(?:[\p{Arabic} ]{2,14}\/)?(?<month>[\p{Arabic}\p{Mn}]{3,10}(?: [\p{Arabic}\p{Mn}]{4,7})?)\s+(?<year>[0-9٠-٩]{4})/
    /// A year after "بحلول عام", "في عام", "عام", "حتى عام", "بعد عام", "قبل عام", "منذ عام", "بحلول".
    nonisolated(unsafe) static let arabicYear =
        /(?:(?:بحلول|في|حتى|بعد|قبل|منذ)\s+)?(?:ل|ب)?عام\s+(?<year>(?:19|20)[0-9]{2})(?![0-9])|بحلول\s+(?<year2>(?:19|20)[0-9]{2})(?![0-9])/
    nonisolated(unsafe) static let chineseSession = /(?<body>[\p{Han}]{2,12}?)(?<year>(?:19|20)[0-9]{2})\s?年(?:届)?会议/
    nonisolated(unsafe) static let chineseDay = /(?<year>(?:19|20)[0-9]{2})\s?年\s?(?<month>[0-9]{1,2})\s?月\s?(?<day>[0-9]{1,2})\s?日/
    nonisolated(unsafe) static let chineseMonth = /(?<year>(?:19|20)[0-9]{2})\s?年\s?(?<month>[0-9]{1,2})\s?月/
    nonisolated(unsafe) static let chineseYear = /(?<year>(?:19|20)[0-9]{2})\s?年/

    // MARK: Reading helpers

    /// Arabic-Indic and Extended Arabic-Indic digits as ASCII digits.
    static func digits(_ text: Substring) -> String {
        String(text.unicodeScalars.map { scalar in
            scalar.properties.numericType == .decimal ? Character(String(Int(scalar.properties.numericValue ?? 0))) : Character(scalar)
        })
    }

    /// Arabic text as the vocabulary is compared with it (`Lexicon.arabicFold`: no vowel marks or
    /// tatweel, bare alef, ya for alef maqsura).
    static func folded(_ text: Substring) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { if let kept = Lexicon.arabicFold(scalar) { scalars.append(kept) } }
        return String(scalars)
    }

    /// Where `word` occurs in `text`, vowel marks in the text skipped when asked (سنوياً finds سنويا).
    static func ranges(of word: String, in text: String, ignoringMarks: Bool) -> [Range<String.Index>] {
        guard ignoringMarks else { return text.ranges(of: word) }
        let target = Array(folded(Substring(word)))
        var found: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            var position = index
            var matched = 0
            while matched < target.count, position < text.endIndex {
                let folding = folded(Substring(String(text[position])))
                guard folding.count == 1, folding.first == target[matched] else { break }
                matched += 1
                position = text.index(after: position)
            }
            if matched == target.count {
                // A whole word: no letter before or after it.
                let before = index == text.startIndex ? nil : text[text.index(before: index)]
                let after = position == text.endIndex ? nil : text[position]
                if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { found.append(index..<position) }
                index = position
            } else {
                index = text.index(after: index)
            }
        }
        return found
    }

    static func utf16(_ range: Range<String.Index>, in text: String) -> SourceRange {
        SourceRange(text.utf16.distance(from: text.startIndex, to: range.lowerBound),
                    text.utf16.distance(from: text.startIndex, to: range.upperBound))
    }

    /// Finds over string ranges; the first of overlapping finds is kept.
    struct Found<Item> {
        private var items: [(Item, Range<String.Index>)] = []

        mutating func add(_ item: Item, _ range: Range<String.Index>) {
            guard !items.contains(where: { $0.1.overlaps(range) }) else { return }
            items.append((item, range))
        }

        var ordered: [(Item, Range<String.Index>)] { items.sorted { $0.1.lowerBound < $1.1.lowerBound } }
    }
}
