import Foundation

/// Synthetic activities for demonstrations and measurements, written as an import file (CSV in
/// the export's columns). Deterministic for a seed. The shape follows a real registry: most
/// entries in English, some in other UN languages; a few countries, Action Lines and goals
/// account for most entries; dates spread over twenty years; "digital" in most texts.
/// The texts are put together from the word lists and sentences of `DemoText`, written for each
/// language (agreement, cases and articles included), so that no sentence repeats often and an
/// activity in two languages says the same in both. Every word list is ours; no real entry is copied.
public struct DemoGenerator {
    /// SplitMix64: small, fast, and the same sequence on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
        /// An index skewed toward the start of a list (Zipf-like, exponent about 1).
        mutating func skewed(_ n: Int) -> Int {
            let u = Double(next() >> 11) / Double(1 << 53)
            return min(n - 1, Int(pow(Double(n + 1), u)) - 1)
        }
        mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
    }

    var random: Random
    let countries: [String]
    let actionLines: [String]
    let matrix: [String: [MatrixLink]]

    public init(seed: UInt64 = 2025, vocabulary: ActivityVocabulary) {
        self.random = Random(state: seed)
        // A fixed order, so the skew (first = most frequent) is the same on every run.
        let frequent = ["IND", "KEN", "BRA", "NGA", "EGY", "IDN", "MEX", "PHL", "BGD", "ZAF", "ARG", "COL", "GHA", "UGA", "TZA",
                        "PAK", "VNM", "MAR", "TUN", "SEN", "RWA", "CHN", "RUS", "FRA", "ESP", "CHE", "USA", "GBR", "DEU", "JPN"]
        let known = vocabulary.countries.keys.sorted()
        self.countries = frequent.filter { vocabulary.countries[$0] != nil } + known.filter { !frequent.contains($0) }
        let popular = ["C2", "C4", "C7.elea", "C1", "C3", "C7.egov", "C6", "C5", "C7.ehea", "C11", "C7.ebus", "C8", "C7.eagr",
                       "C10", "C9", "C7.eenv", "C7.eemp", "C7.esci"]
        self.actionLines = popular.filter { vocabulary.actionLines.contains($0) }
        self.matrix = vocabulary.matrix
    }

    /// Syllables of made-up place names: 20 × 20 × 20 names, each rare in a large registry, as real
    /// place names and project names are. Each language writes them in its script (`DemoLanguage.syllables`).
    static let syllables = ["ka", "mo", "ri", "ta", "lu", "be", "so", "na", "di", "vo", "ze", "pa", "gu", "le", "xi", "fo", "ha", "ne", "wu", "ja"]
    static let organizationsEN = ["Ministry of ICT", "National Telecommunication Authority", "Digital Inclusion Foundation", "University of Technology",
                                  "Community Network Alliance", "Open Knowledge Society", "Telecom Operators Association", "Regional ICT Centre",
                                  "Women in Tech Network", "Rural Connectivity Trust", "Institute for Digital Policy", "Library Association"]
    /// Figures the sentences quote. Hours, villages, staff and weeks are chosen so that the counted
    /// noun takes the same form in Arabic and Russian whatever the figure (11 to 99, or whole hundreds).
    static let hours = [12, 15, 16, 20, 24, 30, 36, 40, 48, 60]
    static let villages = [12, 15, 20, 25, 30, 40, 50, 60, 75, 80, 120, 150, 200]
    static let staff = [12, 15, 18, 20, 25, 30, 40]
    static let weeks = [12, 15, 16, 20]

    /// What one activity is about and the figures it quotes, the same in each of its languages
    /// (indices into the lists of `DemoText`, which are in the same order in every language).
    struct Facts {
        var topic: Int
        var other: Int
        var other2: Int
        var group: Int
        var noun: Int
        var partner: Int
        var partner2: Int
        var funder: Int
        var place: [Int]
        /// People reached, those of them who finished a course, and users: whole hundreds, so that
        /// Arabic and Russian count them in one form.
        var count: Int
        var trained: Int
        var users: Int
        var year: Int
        var year2: Int
        var percent: Int
        var hours: Int
        var villages: Int
        var staff: Int
        var weeks: Int
    }

    mutating func makeFacts(year: Int) -> Facts {
        let topics = DemoText.english.topics.count
        let topic = random.below(topics)
        // Other topics the activity names, sharing no word with it nor with each other ("open data and data protection").
        let overlaps = DemoText.topicOverlaps
        var other = (topic + 1 + random.below(topics - 1)) % topics
        while overlaps[topic][other] { other = (other + 1) % topics }
        var other2 = (topic + 1 + random.below(topics - 1)) % topics
        while overlaps[topic][other2] || overlaps[other][other2] { other2 = (other2 + 1) % topics }
        let group = random.pick(DemoText.topicGroups[topic])
        let noun = random.below(DemoText.english.nouns.count)
        let partners = DemoText.english.partners.count
        let partner = random.below(partners)
        let partner2 = (partner + 1 + random.below(partners - 1)) % partners
        let funder = random.below(DemoText.english.funders.count)
        let place = [random.below(Self.syllables.count), random.below(Self.syllables.count), random.below(Self.syllables.count)]
        let count = 100 * (2 + random.below(48)) * (random.chance(0.2) ? 5 : 1)
        let trained = 100 * max(1, count / 100 * (4 + random.below(6)) / 10)
        let users = 100 * (1 + random.below(60))
        let year2 = min(2025, year + 1 + random.below(5))
        let percent = 20 + random.below(66)
        let hours = random.pick(Self.hours)
        let villages = random.pick(Self.villages)
        let staff = random.pick(Self.staff)
        let weeks = random.pick(Self.weeks)
        return Facts(topic: topic, other: other, other2: other2, group: group, noun: noun, partner: partner, partner2: partner2, funder: funder,
                     place: place, count: count, trained: trained, users: users, year: year, year2: year2, percent: percent, hours: hours,
                     villages: villages, staff: staff, weeks: weeks)
    }

    static func words(for language: String) -> DemoLanguage {
        switch language {
        case "fr": return DemoText.french
        case "es": return DemoText.spanish
        case "ru": return DemoText.russian
        case "ar": return DemoText.arabic
        case "zh": return DemoText.chinese
        default: return DemoText.english
        }
    }

    /// A title's qualifier that shares no word with its topic or group (no "Digital digital skills").
    mutating func qualifier(_ words: DemoLanguage, topic: Int, group: Int) -> DemoEntry {
        for _ in 0..<8 {
            let index = random.below(words.qualifiers.count)
            if !words.topicClashes[topic][index] && !words.groupClashes[group][index] { return words.qualifiers[index] }
        }
        return words.qualifiers[0]
    }

    /// A detail sentence not yet used in this text.
    mutating func detail(_ words: DemoLanguage, _ slots: DemoSlots, used: inout [Int]) -> String {
        var index = random.below(words.details.count)
        while used.contains(index) { index = (index + 1) % words.details.count }
        used.append(index)
        return words.details[index].fill(slots)
    }

    /// The title, summary (one to three sentences) and description (three to seven) of an activity in one language.
    mutating func texts(_ words: DemoLanguage, _ facts: Facts) -> (title: String, summary: String, description: String) {
        let chosen = qualifier(words, topic: facts.topic, group: facts.group)
        let event = random.pick(words.events)
        let purpose = random.pick(words.purposes)
        var place = ""
        for syllable in facts.place { place += words.syllables[syllable] }
        let slots = DemoSlots(
            topic: words.topics[facts.topic], other: words.topics[facts.other], other2: words.topics[facts.other2],
            group: words.groups[facts.group], noun: words.nouns[facts.noun], qualifier: chosen, event: event, purpose: purpose,
            partner: words.partners[facts.partner], partner2: words.partners[facts.partner2], funder: words.funders[facts.funder],
            place: DemoTemplate.capitalized(place), count: words.number(facts.count), trained: words.number(facts.trained),
            users: words.number(facts.users), year: String(facts.year), year2: String(facts.year2), percent: String(facts.percent),
            hours: String(facts.hours), villages: String(facts.villages), staff: String(facts.staff), weeks: String(facts.weeks))
        let title = random.pick(words.titles).fill(slots)
        var used: [Int] = []
        var summary = random.pick(words.openers).fill(slots)
        let more = random.below(3)
        for _ in 0..<more { summary += words.separator + detail(words, slots, used: &used) }
        var description = ""
        var sentences = 1 + more
        if random.chance(0.5) {
            description = random.pick(words.contexts).fill(slots) + words.separator
            sentences += 1
        }
        description += summary
        // Three to seven sentences, at least one more than the summary.
        let total = max(3 + random.below(5), sentences + 1)
        while sentences < total {
            description += words.separator + detail(words, slots, used: &used)
            sentences += 1
        }
        return (title, summary, description)
    }

    /// A number with zeros in front, as `%0Nd` writes it.
    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// One activity as a record of the import format.
    public mutating func record(number: Int) -> [String: String] {
        var record: [String: String] = [:]
        let country = countries[random.skewed(countries.count)]
        let primary = actionLines[random.skewed(actionLines.count)]
        record["external_id"] = "demo-" + Self.padded(number, 7)
        let roll = random.below(100)
        let languages: [String] = roll < 72 ? ["en"] : roll < 80 ? ["en", "fr"] : roll < 86 ? ["es"] : roll < 90 ? ["fr"]
            : roll < 93 ? ["ar", "en"] : roll < 96 ? ["zh"] : roll < 98 ? ["ru"] : ["en", "es"]
        let year = 2005 + random.below(21)
        let month = 1 + random.below(12)
        let facts = makeFacts(year: year)
        for language in languages {
            let text = texts(Self.words(for: language), facts)
            record["title_\(language)"] = text.title
            record["summary_\(language)"] = text.summary
            record["description_\(language)"] = text.description
        }
        record["organization"] = random.pick(Self.organizationsEN) + (random.chance(0.5) ? " \(country)" : "")
        let stakeholders = StakeholderType.allCases
        record["stakeholder_type"] = stakeholders[random.skewed(stakeholders.count)].rawValue
        if random.chance(0.3) { record["partners"] = random.pick(Self.organizationsEN) }
        var countryList = [country]
        if random.chance(0.15) { countryList.append(countries[random.skewed(countries.count)]) }
        record["countries"] = Array(Set(countryList)).sorted().joined(separator: "; ")
        let coverage = random.below(10)
        record["coverage"] = coverage < 7 ? "national" : coverage < 9 ? "regional" : "global"
        record["start_date"] = "\(year)-\(Self.padded(month, 2))-\(Self.padded(1 + random.below(28), 2))"
        let status = year > 2024 ? "planned" : (random.chance(0.5) ? "ongoing" : "completed")
        record["status"] = status
        if status == "completed" { record["end_date"] = "\(min(2025, year + 1 + random.below(4)))-\(Self.padded(month, 2))-28" }
        record["primary_action_line"] = primary
        if random.chance(0.5) {
            let other = actionLines[random.skewed(actionLines.count)]
            if other != primary { record["action_lines"] = other }
        }
        // Goals follow the matrix for the primary Action Line, as submitters pick from the suggestions.
        let links = matrix[primary] ?? []
        var goals = Set<Int>()
        var targets: [String] = []
        for _ in 0..<(1 + random.below(3)) where !links.isEmpty {
            let link = links[random.skewed(links.count)]
            goals.insert(link.goal)
            if let target = link.target, random.chance(0.5), !targets.contains(target) { targets.append(target) }
        }
        if goals.isEmpty { goals.insert(random.chance(0.5) ? 4 : 9) }
        record["sdg_goals"] = goals.sorted().map(String.init).joined(separator: "; ")
        record["sdg_targets"] = targets.joined(separator: "; ")
        record["beneficiaries"] = DemoText.english.groups[facts.group].form(0)
        if random.chance(0.3) { record["impact_figures"] = "\(1 + random.below(50)),000 people reached" }
        if random.chance(0.4) { record["website"] = "https://example.org/\(record["external_id"]!)" }
        record["last_verified"] = "\(max(year, 2015 + random.below(11)))-\(Self.padded(1 + random.below(12), 2))-01"
        return record
    }

    /// Writes `count` activities as CSV to `write`, a few thousand rows at a time.
    public mutating func writeCSV(count: Int, write: (String) throws -> Void) rethrows {
        let columns = ActivityFields.exported
        try write(CSVLine.make(columns))
        var chunk = ""
        for number in 1...max(count, 1) where count > 0 {
            let record = record(number: number)
            chunk += CSVLine.make(columns.map { record[$0] ?? "" })
            if number % 2000 == 0 {
                try write(chunk)
                chunk = ""
            }
        }
        if !chunk.isEmpty { try write(chunk) }
    }
}
