import Foundation

/// Synthetic activities for demonstrations and measurements, written as an import file (CSV in
/// the export's columns). Deterministic for a seed. The shape follows a real registry: most
/// entries in English, some in other UN languages; a few countries, Action Lines and goals
/// account for most entries; dates spread over twenty years; "digital" in most texts.
/// Every word list here is ours; no real entry is copied.
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

    static let topicsEN = ["broadband", "digital skills", "e-government services", "cybersecurity", "open data", "telemedicine",
                           "community networks", "digital literacy", "mobile money", "local content", "smart agriculture",
                           "online learning", "digital identity", "accessibility", "media literacy", "climate monitoring",
                           "school connectivity", "data protection", "artificial intelligence", "public access centres"]
    static let verbsEN = ["expands", "strengthens", "brings", "improves", "supports", "builds", "trains", "connects"]
    static let groupsEN = ["women", "youth", "teachers", "farmers", "persons with disabilities", "older persons", "small businesses",
                           "rural communities", "girls", "indigenous peoples", "refugees", "civil servants"]
    static let adjectivesEN = ["National", "Regional", "Inclusive", "Community", "Open", "Digital", "Affordable", "Rural", "Smart", "Sustainable"]
    static let nounsEN = ["programme", "initiative", "platform", "project", "network", "toolkit", "strategy", "academy", "observatory", "partnership"]
    static let fillerEN = [
        "The work is carried out with local partners and reviewed every year.",
        "Results are shared openly so that other countries can adapt the approach.",
        "Training sessions take place in schools, libraries and community centres.",
        "A steering group of government, industry and civil society guides the activity.",
        "The approach keeps costs low by reusing existing infrastructure.",
        "Participants receive certificates recognised by the national education authority.",
        "Monitoring relies on simple indicators collected by the participants themselves.",
        "Lessons learned are published in a yearly report.",
    ]
    static let titlesOther: [String: [String]] = [
        "fr": ["Programme national de compétences numériques", "Réseaux communautaires pour l'accès rural", "Services publics en ligne pour tous",
               "Éducation numérique des jeunes filles", "Cybersécurité et confiance numérique"],
        "es": ["Programa de alfabetización digital", "Conectividad escolar en zonas rurales", "Gobierno electrónico abierto",
               "Salud digital para comunidades indígenas", "Inclusión financiera móvil"],
        "ar": ["برنامج المهارات الرقمية للشباب", "الحكومة الإلكترونية للجميع", "ربط المدارس بالإنترنت", "الصحة الرقمية في المناطق الريفية"],
        "zh": ["数字技能培训计划", "农村宽带接入项目", "电子政务服务平台", "数字扫盲与包容"],
        "ru": ["Программа цифровой грамотности", "Электронное правительство для граждан", "Широкополосный доступ в сельских районах",
               "Цифровые навыки для молодёжи"],
    ]
    static let summariesOther: [String: [String]] = [
        "fr": ["Le programme forme chaque année des milliers de personnes aux outils numériques et renforce l'inclusion.",
               "L'initiative relie les villages isolés grâce à des réseaux communautaires gérés localement."],
        "es": ["El programa capacita cada año a miles de personas en herramientas digitales y promueve la inclusión.",
               "La iniciativa conecta escuelas rurales y ofrece formación digital a docentes."],
        "ar": ["يدرب البرنامج آلاف الأشخاص سنويا على المهارات الرقمية ويعزز الإدماج.", "تربط المبادرة المدارس الريفية بالإنترنت وتدعم المعلمين."],
        "zh": ["该项目每年为数千人提供数字技能培训，促进数字包容。", "该倡议为偏远农村学校提供宽带接入和教师培训。"],
        "ru": ["Программа ежегодно обучает тысячи людей цифровым навыкам и способствует цифровой инклюзии.",
               "Инициатива подключает сельские школы к широкополосному интернету."],
    ]
    /// Syllables of made-up place names: 20 × 20 × 20 names, each rare in a large registry, as real
    /// place names and project names are.
    static let syllables = ["ka", "mo", "ri", "ta", "lu", "be", "so", "na", "di", "vo", "ze", "pa", "gu", "le", "xi", "fo", "ha", "ne", "wu", "ja"]
    static let organizationsEN = ["Ministry of ICT", "National Telecommunication Authority", "Digital Inclusion Foundation", "University of Technology",
                                  "Community Network Alliance", "Open Knowledge Society", "Telecom Operators Association", "Regional ICT Centre",
                                  "Women in Tech Network", "Rural Connectivity Trust", "Institute for Digital Policy", "Library Association"]

    /// One activity as a record of the import format.
    public mutating func record(number: Int) -> [String: String] {
        var record: [String: String] = [:]
        let country = countries[random.skewed(countries.count)]
        let topic = random.pick(Self.topicsEN)
        let group = random.pick(Self.groupsEN)
        let primary = actionLines[random.skewed(actionLines.count)]
        record["external_id"] = String(format: "demo-%07d", number)
        let roll = random.below(100)
        let languages: [String] = roll < 72 ? ["en"] : roll < 80 ? ["en", "fr"] : roll < 86 ? ["es"] : roll < 90 ? ["fr"]
            : roll < 93 ? ["ar", "en"] : roll < 96 ? ["zh"] : roll < 98 ? ["ru"] : ["en", "es"]
        for language in languages {
            if language == "en" {
                let title = "\(random.pick(Self.adjectivesEN)) \(topic) \(random.pick(Self.nounsEN)) for \(group)"
                var summary = "This \(random.pick(Self.nounsEN)) \(random.pick(Self.verbsEN)) \(topic) for \(group)"
                summary += random.chance(0.85) ? " through digital tools and services." : " across the country."
                summary += " " + random.pick(Self.fillerEN)
                if random.chance(0.4) { summary += " It also addresses \(random.pick(Self.topicsEN)) and \(random.pick(Self.topicsEN))." }
                var description = summary
                for _ in 0..<(2 + random.below(4)) { description += " " + random.pick(Self.fillerEN) }
                if random.chance(0.3) {
                    let place = (0..<3).map { _ in random.pick(Self.syllables) }.joined()
                    description += " The first sites are in the district of \(place.prefix(1).uppercased() + place.dropFirst())."
                }
                record["title_en"] = title
                record["summary_en"] = summary
                record["description_en"] = description
            } else {
                record["title_\(language)"] = random.pick(Self.titlesOther[language]!)
                record["summary_\(language)"] = random.pick(Self.summariesOther[language]!)
            }
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
        let year = 2005 + random.below(21)
        let month = 1 + random.below(12)
        record["start_date"] = String(format: "%04d-%02d-%02d", year, month, 1 + random.below(28))
        let status = year > 2024 ? "planned" : (random.chance(0.5) ? "ongoing" : "completed")
        record["status"] = status
        if status == "completed" { record["end_date"] = String(format: "%04d-%02d-28", min(2025, year + 1 + random.below(4)), month) }
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
        record["beneficiaries"] = group
        if random.chance(0.3) { record["impact_figures"] = "\(1 + random.below(50)),000 people reached" }
        if random.chance(0.4) { record["website"] = "https://example.org/\(record["external_id"]!)" }
        record["last_verified"] = String(format: "%04d-%02d-01", max(year, 2015 + random.below(11)), 1 + random.below(12))
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
