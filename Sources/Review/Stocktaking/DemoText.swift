import Foundation

/// The words and sentences of the demo registry, in the six languages (`DemoGenerator` puts them
/// together). Every list here is ours, written for this purpose; no real entry is copied.
///
/// A list entry holds the forms a word takes in the sentences, separated by `|`: in French
/// "compétences numériques|les compétences numériques|des compétences numériques|…", so that each
/// sentence takes the form that fits it ("former aux compétences numériques", "auprès des femmes").
/// A last form `m`, `f` or `n` gives a noun's gender, which its adjectives and (in Arabic) its
/// verbs follow. A sentence names its slots in braces: `{group:2}` is the third form of the group,
/// `{Topic}` the first form with a capital letter, `{g:يقدم|تقدم}` the choice for a masculine or a
/// feminine noun. Topics, groups, nouns, partners, funders and the syllables of place names are in
/// the same order in every language, so that an activity says the same thing in each of its
/// languages.
struct DemoEntry: Sendable {
    let forms: [String]
    /// 0 masculine (or none), 1 feminine, 2 neuter.
    let gender: Int
    /// The first letters of the first form, lower-cased: a qualifier is not put beside a topic or
    /// a group holding them ("Digital digital skills", "Open open data").
    let key: String
    /// Every form, lower-cased, to look a key up in.
    let allForms: String

    init(_ line: String) {
        var forms = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        var gender = 0
        if forms.count > 1, let last = forms.last, last == "m" || last == "f" || last == "n" {
            gender = last == "f" ? 1 : last == "n" ? 2 : 0
            forms.removeLast()
        }
        self.forms = forms
        self.gender = gender
        self.key = String(forms[0].lowercased().prefix(4))
        self.allForms = forms.joined(separator: " ").lowercased()
    }

    func form(_ index: Int) -> String { forms[min(index, forms.count - 1)] }
}

/// What fills the slots of one activity's sentences in one language.
struct DemoSlots {
    var topic: DemoEntry
    var other: DemoEntry
    var other2: DemoEntry
    var group: DemoEntry
    var noun: DemoEntry
    var qualifier: DemoEntry
    var event: DemoEntry
    var purpose: DemoEntry
    var partner: DemoEntry
    var partner2: DemoEntry
    var funder: DemoEntry
    var place: String
    /// People reached, people who finished a course, users.
    var count: String
    var trained: String
    var users: String
    var year: String
    var year2: String
    var percent: String
    var hours: String
    var villages: String
    var staff: String
    var weeks: String
}

/// A sentence or a title with slots, read once into its literal parts and slots.
struct DemoTemplate: Sendable {
    enum Kind: String, Sendable {
        case topic, other, other2, group, noun, qual, event, purpose, partner, partner2, funder, place
        case count, trained, users, year, year2, percent, hours, villages, staff, weeks, gendered
    }

    struct Slot: Sendable {
        let kind: Kind
        let form: Int
        let capitalized: Bool
        /// The masculine, feminine and neuter choices of a `{g:…}` slot.
        let options: [String]

        init(_ spec: String) {
            if spec.hasPrefix("g:") {
                self.kind = .gendered
                self.form = 0
                self.capitalized = false
                self.options = spec.dropFirst(2).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                return
            }
            let parts = spec.split(separator: ":")
            let name = parts.isEmpty ? "" : String(parts[0])
            guard let found = Kind(rawValue: name.lowercased()) else { preconditionFailure("no demo slot {\(spec)}") }
            self.kind = found
            self.form = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            self.capitalized = name.first?.isUppercase ?? false
            self.options = []
        }
    }

    /// One more than `slots`: the text before each slot, then the text after the last.
    let literals: [String]
    let slots: [Slot]

    init(_ text: String) {
        var literals: [String] = []
        var slots: [Slot] = []
        var current = ""
        var inSlot = false
        for character in text {
            if inSlot {
                if character == "}" {
                    slots.append(Slot(current))
                    current = ""
                    inSlot = false
                } else {
                    current.append(character)
                }
            } else if character == "{" {
                literals.append(current)
                current = ""
                inSlot = true
            } else {
                current.append(character)
            }
        }
        literals.append(current)
        self.literals = literals
        self.slots = slots
    }

    func fill(_ values: DemoSlots) -> String {
        var text = literals[0]
        for index in slots.indices {
            let slot = slots[index]
            let value: String
            switch slot.kind {
            case .topic: value = values.topic.form(slot.form)
            case .other: value = values.other.form(slot.form)
            case .other2: value = values.other2.form(slot.form)
            case .group: value = values.group.form(slot.form)
            case .noun: value = values.noun.form(slot.form)
            case .qual: value = values.qualifier.form(values.noun.gender)
            case .event: value = values.event.form(slot.form)
            case .purpose: value = values.purpose.form(slot.form)
            case .partner: value = values.partner.form(slot.form)
            case .partner2: value = values.partner2.form(slot.form)
            case .funder: value = values.funder.form(slot.form)
            case .place: value = values.place
            case .count: value = values.count
            case .trained: value = values.trained
            case .users: value = values.users
            case .year: value = values.year
            case .year2: value = values.year2
            case .percent: value = values.percent
            case .hours: value = values.hours
            case .villages: value = values.villages
            case .staff: value = values.staff
            case .weeks: value = values.weeks
            case .gendered: value = slot.options.isEmpty ? "" : slot.options[min(values.noun.gender, slot.options.count - 1)]
            }
            text += slot.capitalized ? Self.capitalized(value) : value
            text += literals[index + 1]
        }
        return text
    }

    /// The text with its first letter in upper case ("l'accès" → "L'accès"); scripts without case are left alone.
    static func capitalized(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

/// One language's lists and sentences.
struct DemoLanguage: Sendable {
    let topics: [DemoEntry]
    let groups: [DemoEntry]
    let nouns: [DemoEntry]
    let qualifiers: [DemoEntry]
    let events: [DemoEntry]
    let purposes: [DemoEntry]
    let partners: [DemoEntry]
    let funders: [DemoEntry]
    /// The syllables of made-up place names, in this language's script.
    let syllables: [String]
    let titles: [DemoTemplate]
    /// A summary's first sentence: what the activity does, for whom.
    let openers: [DemoTemplate]
    /// Further sentences of a summary or a description: figures, places, partners, money.
    let details: [DemoTemplate]
    /// A description's first sentence, when it starts with the situation.
    let contexts: [DemoTemplate]
    /// Between two sentences (none in Chinese).
    let separator: String
    /// Between groups of three digits ("" for none), in numbers of at least `groupFrom` digits.
    let thousands: String
    let groupFrom: Int
    /// For each topic, and for each group, whether each qualifier shares its first letters
    /// (`DemoEntry.key`): such a qualifier is not put in the same title.
    let topicClashes: [[Bool]]
    let groupClashes: [[Bool]]

    init(topics: [String], groups: [String], nouns: [String], qualifiers: [String], events: [String], purposes: [String],
         partners: [String], funders: [String], syllables: [String], titles: [String], openers: [String], details: [String],
         contexts: [String], separator: String = " ", thousands: String = "", groupFrom: Int = 5) {
        let topicEntries = topics.map(DemoEntry.init)
        let groupEntries = groups.map(DemoEntry.init)
        let qualifierEntries = qualifiers.map(DemoEntry.init)
        self.topics = topicEntries
        self.groups = groupEntries
        self.nouns = nouns.map(DemoEntry.init)
        self.qualifiers = qualifierEntries
        self.topicClashes = topicEntries.map { topic in qualifierEntries.map { topic.allForms.contains($0.key) } }
        self.groupClashes = groupEntries.map { group in qualifierEntries.map { group.allForms.contains($0.key) } }
        self.events = events.map(DemoEntry.init)
        self.purposes = purposes.map(DemoEntry.init)
        self.partners = partners.map(DemoEntry.init)
        self.funders = funders.map(DemoEntry.init)
        self.syllables = syllables
        self.titles = titles.map(DemoTemplate.init)
        self.openers = openers.map(DemoTemplate.init)
        self.details = details.map(DemoTemplate.init)
        self.contexts = contexts.map(DemoTemplate.init)
        self.separator = separator
        self.thousands = thousands
        self.groupFrom = groupFrom
    }

    /// A number as this language writes it: 2,400 in English, 2 400 in French (a no-break space).
    func number(_ value: Int) -> String {
        let digits = String(value)
        guard !thousands.isEmpty, digits.count >= groupFrom else { return digits }
        var out = ""
        var remaining = digits.count
        for character in digits {
            out.append(character)
            remaining -= 1
            if remaining > 0 && remaining % 3 == 0 { out += thousands }
        }
        return out
    }
}

enum DemoText {
    /// For each topic (in the order of the topic lists), the groups it is offered to.
    static let topicGroups: [[Int]] = [
        [7, 6, 2, 3, 12, 9, 0, 1],                          // broadband access
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], // digital skills
        [11, 6, 7, 5, 4, 10, 0],                            // e-government services
        [11, 6, 2, 1, 12, 0, 14],                           // cybersecurity
        [11, 12, 6, 1, 14, 0],                              // open data
        [13, 7, 5, 4, 10, 0],                               // telemedicine
        [7, 9, 0, 1, 10, 3],                                // community networks
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12],             // digital literacy
        [0, 3, 6, 7, 10, 1],                                // mobile money
        [1, 9, 14, 2, 0, 7],                                // local content
        [3, 7, 0, 1, 9],                                    // smart agriculture
        [12, 2, 8, 1, 10, 4],                               // online learning
        [10, 0, 7, 5, 4, 11],                               // digital identity
        [4, 5, 2, 11, 12],                                  // accessibility
        [2, 1, 12, 14, 8, 5],                               // media literacy
        [3, 7, 9, 11, 1],                                   // climate monitoring
        [2, 12, 8, 7],                                      // school connectivity
        [11, 6, 14, 13, 1],                                 // data protection
        [11, 12, 6, 13, 1, 0],                              // artificial intelligence
        [7, 5, 0, 1, 10, 9],                                // public access centres
        [6, 0, 3, 1, 9],                                    // e-commerce
        [8, 1, 12, 2, 0],                                   // coding
        [13, 5, 10, 7],                                     // electronic medical records
        [3, 7, 9, 11],                                      // early warning systems
    ]

    /// For each two topics, whether they share a word in one of the languages written with spaces
    /// ("open data", "data protection"): such topics are not named side by side.
    static let topicOverlaps: [[Bool]] = {
        let count = DemoText.english.topics.count
        var overlaps = Array(repeating: Array(repeating: false, count: count), count: count)
        for language in [DemoText.english, DemoText.french, DemoText.spanish, DemoText.russian, DemoText.arabic] {
            let words = language.topics.map { topic in
                Set(topic.forms[0].lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).filter { $0.count >= 4 })
            }
            for first in words.indices {
                for second in words.indices where first == second || !words[first].isDisjoint(with: words[second]) {
                    overlaps[first][second] = true
                }
            }
        }
        return overlaps
    }()

    // MARK: English

    static let english = DemoLanguage(
        topics: [
            "broadband access", "digital skills", "e-government services", "cybersecurity", "open data", "telemedicine",
            "community networks", "digital literacy", "mobile money", "local content", "smart agriculture", "online learning",
            "digital identity", "accessibility", "media literacy", "climate monitoring", "school connectivity", "data protection",
            "artificial intelligence", "public access centres", "e-commerce", "coding", "electronic medical records", "early warning systems",
        ],
        // bare | counted ("2,400 young people")
        groups: [
            "women|women", "youth|young people", "teachers|teachers", "farmers|farmers", "persons with disabilities|persons with disabilities",
            "older persons|older persons", "small businesses|small business owners", "rural communities|people in rural areas",
            "girls|girls", "indigenous peoples|members of indigenous communities", "refugees|refugees", "civil servants|civil servants",
            "students|students", "health workers|health workers", "journalists|journalists",
        ],
        // bare | with "a"
        nouns: [
            "programme|a programme", "initiative|an initiative", "project|a project", "platform|a platform", "partnership|a partnership",
            "campaign|a campaign", "academy|an academy", "lab|a lab", "alliance|an alliance",
        ],
        qualifiers: [
            "National", "Regional", "Inclusive", "Community", "Open", "Digital", "Affordable", "Rural", "Smart", "Sustainable",
            "Women-led", "Youth-led", "Municipal", "Local", "Cross-border", "Citizen-centred",
        ],
        events: ["Workshops", "Training series", "Round tables", "Summer course", "Bootcamp", "Hackathon", "Study circles", "Roadshow"],
        purposes: [
            "from pilot to national scale", "what works and why", "a model for inclusion", "hands-on from day one", "leaving no one behind",
            "first results", "a participatory approach", "building trust", "lessons from the field", "scaling up together",
        ],
        partners: [
            "the national library service", "a regional university", "mobile network operators", "the regional ICT centre",
            "local women's associations", "farmers' cooperatives", "community radio stations", "the ministry of health",
            "the national telecom regulator", "civil society organizations", "the teachers' union", "municipal councils",
        ],
        funders: [
            "a universal service fund", "a development bank", "private donors", "the national budget", "a regional grant programme",
            "a telecom operator's foundation",
        ],
        syllables: DemoGenerator.syllables,
        titles: [
            "{Qual} {topic} {noun} for {group}",
            "{Event} on {topic} in {place}",
            "{Topic} for {group}: {purpose}",
            "{Place} {topic} {noun}",
            "Bringing {topic} to {group} in {place}",
            "{Qual} {noun} for {topic}",
            "{Topic} and {other} for {group}",
            "Digital {noun} for {group} in {place}",
        ],
        openers: [
            "This {noun} works with {group} on {topic}, using affordable digital tools and local trainers.",
            "The {noun} supports {group} in {place} with {topic} and everyday digital services.",
            "Since {year}, the {noun} has reached {count} {group:1} with activities on {topic} and simple digital tools.",
            "{Noun:1} on {topic} for {group}, designed to close the digital divide in underserved areas.",
            "The {noun} helps {group} make the most of {topic} through digital tools and hands-on training.",
            "Together with {partner}, the {noun} brings {topic} within reach of {group}.",
            "This {noun} puts {topic} at the heart of a wider digital inclusion effort for {group}.",
            "The {noun} promotes {topic} among {group} and measures what changes in their daily lives.",
            "Launched in {year}, the {noun} focuses on {topic} for {group} in {place} and nearby districts.",
            "The {noun} builds the digital capacity of {group}, starting with {topic}.",
            "This {noun} offers {group} free courses, advice and digital tools on {topic}.",
            "The {noun} tests new ways of delivering {topic} to {group}, online and in person.",
        ],
        details: [
            "Training sessions take place in schools, libraries and community centres in {place}.",
            "More than {count} {group:1} have taken part so far.",
            "By {year2}, {trained} {group:1} had completed at least one course.",
            "The work is carried out with {partner} and reviewed every year with the participants from {place}.",
            "Results from {place} are shared openly so that other districts can adapt the approach.",
            "A steering group of government, industry and civil society has guided the activity since {year}, meeting in {place} twice a year.",
            "In {place}, costs were kept low by reusing school buildings and existing mobile networks.",
            "Participants receive a certificate after {hours} hours of training, in {place} or online.",
            "Monitoring relies on simple indicators that {group} in {place} collect themselves.",
            "A first report from {place}, published in {year2}, describes what worked for {group} and what did not.",
            "It also addresses {other} and {other2}.",
            "A helpline and a simple website answer questions from {group} in {place} in local languages.",
            "Local radio programmes in {place} explain the {noun} to people who are not yet online.",
            "An evaluation in {year2} found that {percent} per cent of participants used their new digital skills every week.",
            "The next phase will extend the {noun} to {villages} more villages around {place}.",
            "Equipment is maintained by trained volunteers from {place}, with spare parts paid for by {funder}.",
            "Since {year2}, the digital tools built in {place} have been released as open source and reused by {partner2}.",
            "A team of {staff} people coordinates the work with {partner2} from an office in {place}.",
            "Mobile units visit {villages} villages around {place} every month.",
            "Public officials from {place} meet users every quarter to review progress on {topic}.",
            "In {year2}, the {noun} was recognised as a good practice in its region; it now has {users} active users.",
            "Materials on {topic} are available offline, since connectivity in {place} is still unreliable.",
            "Each participant has a mentor for the first {weeks} weeks, often a former participant from {place}.",
            "Funding comes from {funder} and a contribution from the local authorities of {place}.",
            "The team works with {partner2} to reach {group} who have never used the internet, especially in {place}.",
            "Feedback from {users} users led to a simpler design in {year2}.",
            "All course material on {topic} is free to reuse under an open licence and has been adapted for {group} in {place}.",
            "In {place}, a media literacy module helps participants spot false information online.",
            "Young volunteers from {place} act as digital champions for their neighbours.",
            "Personal data collected in {place} is kept to a minimum and stored in the country.",
            "About {percent} per cent of participants in {place} live more than an hour from the nearest town.",
            "Since {year}, {count} {group:1} have used the digital tools at least once.",
        ],
        contexts: [
            "When the work began in {year}, only {percent} per cent of households in {place} had a reliable internet connection.",
            "Many {group:1} in {place} still face barriers to using digital services.",
            "The {noun} grew out of a request from {group} and local leaders in {place}.",
            "Before {year}, little attention was paid to {topic} for {group} in {place}.",
            "National plans for the digital economy name {topic} as a priority, but progress in {place} had been slow.",
        ],
        thousands: ",", groupFrom: 4)

    // MARK: French

    static let french = DemoLanguage(
        // bare | with the article | "de" with the article | "à" with the article | "de" without the article
        topics: [
            "accès au haut débit|l'accès au haut débit|de l'accès au haut débit|à l'accès au haut débit|d'accès au haut débit",
            "compétences numériques|les compétences numériques|des compétences numériques|aux compétences numériques|de compétences numériques",
            "services publics en ligne|les services publics en ligne|des services publics en ligne|aux services publics en ligne|de services publics en ligne",
            "cybersécurité|la cybersécurité|de la cybersécurité|à la cybersécurité|de cybersécurité",
            "données ouvertes|les données ouvertes|des données ouvertes|aux données ouvertes|de données ouvertes",
            "télémédecine|la télémédecine|de la télémédecine|à la télémédecine|de télémédecine",
            "réseaux communautaires|les réseaux communautaires|des réseaux communautaires|aux réseaux communautaires|de réseaux communautaires",
            "alphabétisation numérique|l'alphabétisation numérique|de l'alphabétisation numérique|à l'alphabétisation numérique|d'alphabétisation numérique",
            "paiement mobile|le paiement mobile|du paiement mobile|au paiement mobile|de paiement mobile",
            "contenus locaux|les contenus locaux|des contenus locaux|aux contenus locaux|de contenus locaux",
            "agriculture intelligente|l'agriculture intelligente|de l'agriculture intelligente|à l'agriculture intelligente|d'agriculture intelligente",
            "apprentissage en ligne|l'apprentissage en ligne|de l'apprentissage en ligne|à l'apprentissage en ligne|d'apprentissage en ligne",
            "identité numérique|l'identité numérique|de l'identité numérique|à l'identité numérique|d'identité numérique",
            "accessibilité|l'accessibilité|de l'accessibilité|à l'accessibilité|d'accessibilité",
            "éducation aux médias|l'éducation aux médias|de l'éducation aux médias|à l'éducation aux médias|d'éducation aux médias",
            "suivi du climat|le suivi du climat|du suivi du climat|au suivi du climat|de suivi du climat",
            "connexion des écoles|la connexion des écoles|de la connexion des écoles|à la connexion des écoles|de connexion des écoles",
            "protection des données|la protection des données|de la protection des données|à la protection des données|de protection des données",
            "intelligence artificielle|l'intelligence artificielle|de l'intelligence artificielle|à l'intelligence artificielle|d'intelligence artificielle",
            "points d'accès publics|les points d'accès publics|des points d'accès publics|aux points d'accès publics|de points d'accès publics",
            "commerce électronique|le commerce électronique|du commerce électronique|au commerce électronique|de commerce électronique",
            "programmation informatique|la programmation informatique|de la programmation informatique|à la programmation informatique|de programmation informatique",
            "dossiers médicaux électroniques|les dossiers médicaux électroniques|des dossiers médicaux électroniques|aux dossiers médicaux électroniques|de dossiers médicaux électroniques",
            "alerte précoce|l'alerte précoce|de l'alerte précoce|à l'alerte précoce|d'alerte précoce",
        ],
        // bare | with the article | "à" | "de" | counted
        groups: [
            "femmes|les femmes|aux femmes|des femmes|femmes",
            "jeunes|les jeunes|aux jeunes|des jeunes|jeunes",
            "enseignants|les enseignants|aux enseignants|des enseignants|enseignants",
            "agriculteurs|les agriculteurs|aux agriculteurs|des agriculteurs|agriculteurs",
            "personnes handicapées|les personnes handicapées|aux personnes handicapées|des personnes handicapées|personnes handicapées",
            "personnes âgées|les personnes âgées|aux personnes âgées|des personnes âgées|personnes âgées",
            "petites entreprises|les petites entreprises|aux petites entreprises|des petites entreprises|petits entrepreneurs",
            "communautés rurales|les communautés rurales|aux communautés rurales|des communautés rurales|habitants des zones rurales",
            "jeunes filles|les jeunes filles|aux jeunes filles|des jeunes filles|jeunes filles",
            "peuples autochtones|les peuples autochtones|aux peuples autochtones|des peuples autochtones|membres de peuples autochtones",
            "réfugiés|les réfugiés|aux réfugiés|des réfugiés|réfugiés",
            "fonctionnaires|les fonctionnaires|aux fonctionnaires|des fonctionnaires|fonctionnaires",
            "étudiants|les étudiants|aux étudiants|des étudiants|étudiants",
            "personnels de santé|les personnels de santé|aux personnels de santé|des personnels de santé|agents de santé",
            "journalistes|les journalistes|aux journalistes|des journalistes|journalistes",
        ],
        // bare | with the article | "ce" | "de" with the article | gender
        nouns: [
            "programme|le programme|ce programme|du programme|m", "initiative|l'initiative|cette initiative|de l'initiative|f",
            "projet|le projet|ce projet|du projet|m", "plateforme|la plateforme|cette plateforme|de la plateforme|f",
            "partenariat|le partenariat|ce partenariat|du partenariat|m", "campagne|la campagne|cette campagne|de la campagne|f",
            "académie|l'académie|cette académie|de l'académie|f", "laboratoire|le laboratoire|ce laboratoire|du laboratoire|m",
            "alliance|l'alliance|cette alliance|de l'alliance|f",
        ],
        // masculine | feminine
        qualifiers: [
            "national|nationale", "régional|régionale", "local|locale", "municipal|municipale", "pilote", "solidaire",
            "citoyen|citoyenne", "numérique", "inclusif|inclusive", "rural|rurale",
        ],
        events: ["Ateliers", "Cycle de formation", "Dialogue citoyen", "Université d'été", "Journées de sensibilisation", "Rencontres",
                 "Hackathon", "Cercles d'étude"],
        purposes: [
            "de l'expérimentation au passage à l'échelle", "ce qui marche et pourquoi", "un modèle d'inclusion", "apprendre en faisant",
            "ne laisser personne de côté", "premiers résultats", "une démarche participative", "bâtir la confiance", "leçons du terrain",
        ],
        // plain | with "de"
        partners: [
            "la bibliothèque nationale|de la bibliothèque nationale", "une université régionale|d'une université régionale",
            "les opérateurs de téléphonie mobile|des opérateurs de téléphonie mobile", "le centre régional des TIC|du centre régional des TIC",
            "des associations de femmes|d'associations de femmes", "des coopératives agricoles|de coopératives agricoles",
            "les radios communautaires|des radios communautaires", "le ministère de la Santé|du ministère de la Santé",
            "l'autorité de régulation des télécommunications|de l'autorité de régulation des télécommunications",
            "des organisations de la société civile|d'organisations de la société civile", "le syndicat des enseignants|du syndicat des enseignants",
            "les conseils municipaux|des conseils municipaux",
        ],
        // with "de" ("le financement provient du fonds …")
        funders: [
            "du fonds de service universel", "d'une banque de développement", "de donateurs privés", "du budget de l'État",
            "d'un programme régional de subventions", "de la fondation d'un opérateur de télécommunications",
        ],
        syllables: DemoGenerator.syllables,
        titles: [
            "{Noun} {qual} {topic:4} pour {group:1}",
            "{Event} sur {topic:1} à {place}",
            "{Topic} pour {group:1} : {purpose}",
            "{Noun} {place} {topic:4}",
            "{Topic:1} au service {group:3} de {place}",
            "{Topic} et {other} pour {group:1}",
        ],
        openers: [
            "{Noun:1} accompagne {group:1} dans le domaine {topic:2} grâce à des outils numériques simples et peu coûteux.",
            "Depuis {year}, {noun:1} a formé {count} {group:4} {topic:3}.",
            "{Noun:2} développe {topic:1} auprès {group:3} de {place} et des districts voisins.",
            "{Noun:1} propose {group:2} des cours gratuits, des conseils et des outils numériques consacrés {topic:3}.",
            "Avec l'appui {partner:1}, {noun:1} renforce {topic:1} au service {group:3}.",
            "{Noun:1} vise à réduire la fracture numérique qui touche {group:1}, en s'appuyant sur {topic:1}.",
            "{Noun:2} met {topic:1} au cœur d'une démarche d'inclusion numérique en faveur {group:3}.",
        ],
        details: [
            "Les formations ont lieu dans les écoles, les bibliothèques et les centres communautaires de {place}.",
            "Plus de {count} {group:4} y ont déjà participé.",
            "En {year2}, {trained} {group:4} avaient suivi au moins un module.",
            "Le travail est mené avec {partner} et fait chaque année l'objet d'un bilan avec les participants de {place}.",
            "Les résultats obtenus à {place} sont publiés librement afin que d'autres districts puissent reprendre la démarche.",
            "Depuis {year}, un comité réunissant l'État, le secteur privé et la société civile se réunit deux fois par an à {place}.",
            "Les participants reçoivent une attestation après {hours} heures de formation, à {place} ou en ligne.",
            "Une évaluation menée en {year2} montre que {percent} % des participants utilisent leurs nouvelles compétences numériques chaque semaine.",
            "La prochaine phase étendra {noun:1} à {villages} nouvelles localités autour de {place}.",
            "Des unités mobiles se rendent chaque mois dans {villages} villages autour de {place}.",
            "Les activités portent aussi sur {other:1} et {other2:1}.",
            "Le financement provient {funder} et d'une contribution des autorités locales de {place}.",
            "Une équipe de {staff} personnes coordonne le travail avec {partner2} depuis un bureau installé à {place}.",
            "Les supports consacrés {topic:3} sont disponibles hors ligne, car la connexion reste irrégulière à {place}.",
            "De jeunes bénévoles de {place} jouent le rôle de relais numériques auprès de leurs voisins.",
            "Chaque participant est accompagné par un mentor pendant les {weeks} premières semaines, souvent un ancien participant de {place}.",
            "En {year2}, la démarche a été retenue comme bonne pratique régionale ; elle compte aujourd'hui {users} utilisateurs actifs.",
            "Les avis de {users} utilisateurs ont permis de simplifier les outils numériques en {year2}.",
            "Des émissions de radio locale présentent {noun:1} aux habitants de {place} qui ne sont pas encore connectés.",
            "Environ {percent} % des participants de {place} vivent à plus d'une heure de la ville la plus proche.",
        ],
        contexts: [
            "Au lancement, en {year}, seuls {percent} % des ménages de {place} disposaient d'une connexion fiable à Internet.",
            "De nombreux obstacles limitent encore l'accès {group:3} aux services numériques dans la région de {place}.",
            "La démarche est née d'une demande {group:3} et des autorités locales de {place}.",
        ],
        thousands: "\u{00A0}", groupFrom: 4)

    // MARK: Spanish

    static let spanish = DemoLanguage(
        // bare | with the article | "de" with the article
        topics: [
            "acceso a la banda ancha|el acceso a la banda ancha|del acceso a la banda ancha",
            "competencias digitales|las competencias digitales|de las competencias digitales",
            "servicios de gobierno electrónico|los servicios de gobierno electrónico|de los servicios de gobierno electrónico",
            "ciberseguridad|la ciberseguridad|de la ciberseguridad",
            "datos abiertos|los datos abiertos|de los datos abiertos",
            "telemedicina|la telemedicina|de la telemedicina",
            "redes comunitarias|las redes comunitarias|de las redes comunitarias",
            "alfabetización digital|la alfabetización digital|de la alfabetización digital",
            "dinero móvil|el dinero móvil|del dinero móvil",
            "contenidos locales|los contenidos locales|de los contenidos locales",
            "agricultura inteligente|la agricultura inteligente|de la agricultura inteligente",
            "aprendizaje en línea|el aprendizaje en línea|del aprendizaje en línea",
            "identidad digital|la identidad digital|de la identidad digital",
            "accesibilidad|la accesibilidad|de la accesibilidad",
            "alfabetización mediática|la alfabetización mediática|de la alfabetización mediática",
            "monitoreo climático|el monitoreo climático|del monitoreo climático",
            "conectividad escolar|la conectividad escolar|de la conectividad escolar",
            "protección de datos|la protección de datos|de la protección de datos",
            "inteligencia artificial|la inteligencia artificial|de la inteligencia artificial",
            "centros de acceso público|los centros de acceso público|de los centros de acceso público",
            "comercio electrónico|el comercio electrónico|del comercio electrónico",
            "programación|la programación|de la programación",
            "historias clínicas electrónicas|las historias clínicas electrónicas|de las historias clínicas electrónicas",
            "sistemas de alerta temprana|los sistemas de alerta temprana|de los sistemas de alerta temprana",
        ],
        // bare | with the article | "a" | "de" | counted
        groups: [
            "mujeres|las mujeres|a las mujeres|de las mujeres|mujeres",
            "jóvenes|los jóvenes|a los jóvenes|de los jóvenes|jóvenes",
            "docentes|los docentes|a los docentes|de los docentes|docentes",
            "agricultores|los agricultores|a los agricultores|de los agricultores|agricultores",
            "personas con discapacidad|las personas con discapacidad|a las personas con discapacidad|de las personas con discapacidad|personas con discapacidad",
            "personas mayores|las personas mayores|a las personas mayores|de las personas mayores|personas mayores",
            "pequeñas empresas|las pequeñas empresas|a las pequeñas empresas|de las pequeñas empresas|pequeños empresarios",
            "comunidades rurales|las comunidades rurales|a las comunidades rurales|de las comunidades rurales|habitantes de zonas rurales",
            "niñas|las niñas|a las niñas|de las niñas|niñas",
            "pueblos indígenas|los pueblos indígenas|a los pueblos indígenas|de los pueblos indígenas|miembros de pueblos indígenas",
            "personas refugiadas|las personas refugiadas|a las personas refugiadas|de las personas refugiadas|personas refugiadas",
            "funcionarios públicos|los funcionarios públicos|a los funcionarios públicos|de los funcionarios públicos|funcionarios públicos",
            "estudiantes|los estudiantes|a los estudiantes|de los estudiantes|estudiantes",
            "personal sanitario|el personal sanitario|al personal sanitario|del personal sanitario|trabajadores de la salud",
            "periodistas|los periodistas|a los periodistas|de los periodistas|periodistas",
        ],
        // bare | with the article | "este" | "de" with the article | gender
        nouns: [
            "programa|el programa|este programa|del programa|m", "iniciativa|la iniciativa|esta iniciativa|de la iniciativa|f",
            "proyecto|el proyecto|este proyecto|del proyecto|m", "plataforma|la plataforma|esta plataforma|de la plataforma|f",
            "alianza|la alianza|esta alianza|de la alianza|f", "campaña|la campaña|esta campaña|de la campaña|f",
            "academia|la academia|esta academia|de la academia|f", "laboratorio|el laboratorio|este laboratorio|del laboratorio|m",
            "coalición|la coalición|esta coalición|de la coalición|f",
        ],
        // masculine | feminine
        qualifiers: [
            "nacional", "regional", "local", "municipal", "comunitario|comunitaria", "integral", "piloto", "abierto|abierta", "rural",
            "solidario|solidaria",
        ],
        events: ["Talleres", "Jornadas de formación", "Diálogo comunitario", "Escuela de verano", "Ciclo de capacitación", "Encuentros",
                 "Hackatón", "Mesas redondas"],
        purposes: [
            "de la prueba piloto a la escala nacional", "lo que funciona y por qué", "un modelo de inclusión", "aprender haciendo",
            "sin dejar a nadie atrás", "primeros resultados", "un enfoque participativo", "construir confianza", "lecciones del terreno",
        ],
        // plain | with "de"
        partners: [
            "la biblioteca nacional|de la biblioteca nacional", "una universidad regional|de una universidad regional",
            "los operadores de telefonía móvil|de los operadores de telefonía móvil", "el centro regional de TIC|del centro regional de TIC",
            "asociaciones de mujeres|de asociaciones de mujeres", "cooperativas agrícolas|de cooperativas agrícolas",
            "radios comunitarias|de radios comunitarias", "el ministerio de salud|del ministerio de salud",
            "el ente regulador de las telecomunicaciones|del ente regulador de las telecomunicaciones",
            "organizaciones de la sociedad civil|de organizaciones de la sociedad civil", "el sindicato docente|del sindicato docente",
            "los gobiernos municipales|de los gobiernos municipales",
        ],
        // with "de" ("la financiación procede del fondo …")
        funders: [
            "del fondo de servicio universal", "de un banco de desarrollo", "de donantes privados", "del presupuesto nacional",
            "de un programa regional de subvenciones", "de la fundación de un operador de telecomunicaciones",
        ],
        syllables: DemoGenerator.syllables,
        titles: [
            "{Noun} {qual} de {topic} para {group}",
            "{Event} sobre {topic} en {place}",
            "{Topic} para {group}: {purpose}",
            "{Noun} {place} de {topic}",
            "Acercar {topic:1} {group:2} en {place}",
        ],
        openers: [
            "{Noun:1} acerca {topic:1} {group:2} mediante herramientas digitales sencillas y de bajo costo.",
            "Desde {year}, {noun:1} ha capacitado a {count} {group:4} en temas de {topic}.",
            "{Noun:2} impulsa {topic:1} entre {group:1} de {place} y de los distritos vecinos.",
            "{Noun:1} ofrece {group:2} cursos gratuitos, asesoramiento y herramientas digitales sobre {topic}.",
            "Con el apoyo {partner:1}, {noun:1} fortalece {topic:1} en beneficio {group:3}.",
            "{Noun:1} busca reducir la brecha digital {group:3} a través {topic:2}.",
            "{Noun:2} sitúa {topic:1} en el centro de un esfuerzo más amplio de inclusión digital para {group:1}.",
        ],
        details: [
            "Las sesiones de formación se realizan en escuelas, bibliotecas y centros comunitarios de {place}.",
            "Hasta la fecha han participado más de {count} {group:4}.",
            "En {year2}, {trained} {group:4} ya habían completado al menos un curso.",
            "El trabajo se lleva a cabo junto con {partner} y se revisa cada año con los participantes de {place}.",
            "Los resultados obtenidos en {place} se comparten de forma abierta para que otros distritos puedan adaptar el enfoque.",
            "Desde {year}, un comité de gobierno, sector privado y sociedad civil se reúne dos veces al año en {place}.",
            "Los participantes reciben un certificado tras {hours} horas de formación, presencial en {place} o en línea.",
            "Una evaluación realizada en {year2} mostró que el {percent} % de los participantes usa sus nuevas competencias digitales cada semana.",
            "La próxima fase llevará {noun:1} a otras {villages} comunidades cercanas a {place}.",
            "Unidades móviles visitan cada mes {villages} comunidades alrededor de {place}.",
            "Además, se abordan temas como {other:1} y {other2:1}.",
            "La financiación procede {funder} y de un aporte de las autoridades locales de {place}.",
            "Un equipo de {staff} personas coordina el trabajo con {partner2} desde una oficina en {place}.",
            "Los materiales sobre {topic} están disponibles sin conexión, porque la conectividad en {place} sigue siendo irregular.",
            "Voluntarios jóvenes de {place} actúan como referentes digitales para sus vecinos.",
            "Cada participante cuenta con una persona mentora durante las primeras {weeks} semanas, a menudo alguien de {place} que ya completó el curso.",
            "En {year2}, la experiencia fue reconocida como buena práctica regional y hoy cuenta con {users} usuarios activos.",
            "Los comentarios de {users} usuarios permitieron simplificar las herramientas digitales en {year2}.",
            "Programas de radio comunitaria presentan {noun:1} a los habitantes de {place} que todavía no usan internet.",
            "Cerca del {percent} % de los participantes de {place} vive a más de una hora de la ciudad más próxima.",
        ],
        contexts: [
            "Cuando comenzó el trabajo, en {year}, solo el {percent} % de los hogares de {place} tenía una conexión a internet estable.",
            "Muchos obstáculos siguen limitando el acceso {group:3} a los servicios digitales en la región de {place}.",
            "La propuesta surgió de una petición {group:3} y de las autoridades locales de {place}.",
        ],
        thousands: "\u{00A0}", groupFrom: 5)

    // MARK: Russian

    static let russian = DemoLanguage(
        // nominative | genitive | accusative
        topics: [
            "широкополосный доступ|широкополосного доступа|широкополосный доступ",
            "цифровые навыки|цифровых навыков|цифровые навыки",
            "электронные госуслуги|электронных госуслуг|электронные госуслуги",
            "кибербезопасность|кибербезопасности|кибербезопасность",
            "открытые данные|открытых данных|открытые данные",
            "телемедицина|телемедицины|телемедицину",
            "местные сети связи|местных сетей связи|местные сети связи",
            "цифровая грамотность|цифровой грамотности|цифровую грамотность",
            "мобильные платежи|мобильных платежей|мобильные платежи",
            "местный цифровой контент|местного цифрового контента|местный цифровой контент",
            "умное сельское хозяйство|умного сельского хозяйства|умное сельское хозяйство",
            "онлайн-обучение|онлайн-обучения|онлайн-обучение",
            "цифровая идентификация|цифровой идентификации|цифровую идентификацию",
            "доступность цифровых услуг|доступности цифровых услуг|доступность цифровых услуг",
            "медиаграмотность|медиаграмотности|медиаграмотность",
            "мониторинг климата|мониторинга климата|мониторинг климата",
            "подключение школ к интернету|подключения школ к интернету|подключение школ к интернету",
            "защита данных|защиты данных|защиту данных",
            "искусственный интеллект|искусственного интеллекта|искусственный интеллект",
            "центры общественного доступа|центров общественного доступа|центры общественного доступа",
            "электронная торговля|электронной торговли|электронную торговлю",
            "программирование|программирования|программирование",
            "электронные медицинские карты|электронных медицинских карт|электронные медицинские карты",
            "системы раннего оповещения|систем раннего оповещения|системы раннего оповещения",
        ],
        // nominative | genitive | accusative | dative | counted (after a number ending in 0)
        groups: [
            "женщины|женщин|женщин|женщинам|женщин",
            "молодые люди|молодых людей|молодых людей|молодым людям|молодых людей",
            "учителя|учителей|учителей|учителям|учителей",
            "фермеры|фермеров|фермеров|фермерам|фермеров",
            "люди с инвалидностью|людей с инвалидностью|людей с инвалидностью|людям с инвалидностью|человек с инвалидностью",
            "пожилые люди|пожилых людей|пожилых людей|пожилым людям|пожилых людей",
            "малые предприятия|малых предприятий|малые предприятия|малым предприятиям|предпринимателей",
            "сельские сообщества|сельских сообществ|сельские сообщества|сельским сообществам|жителей сельских районов",
            "девочки|девочек|девочек|девочкам|девочек",
            "коренные народы|коренных народов|коренные народы|коренным народам|представителей коренных народов",
            "беженцы|беженцев|беженцев|беженцам|беженцев",
            "государственные служащие|государственных служащих|государственных служащих|государственным служащим|государственных служащих",
            "студенты|студентов|студентов|студентам|студентов",
            "работники здравоохранения|работников здравоохранения|работников здравоохранения|работникам здравоохранения|работников здравоохранения",
            "журналисты|журналистов|журналистов|журналистам|журналистов",
        ],
        // nominative | genitive | "this" | gender
        nouns: [
            "программа|программы|эта программа|f", "инициатива|инициативы|эта инициатива|f", "проект|проекта|этот проект|m",
            "платформа|платформы|эта платформа|f", "партнёрство|партнёрства|это партнёрство|n", "кампания|кампании|эта кампания|f",
            "академия|академии|эта академия|f", "лаборатория|лаборатории|эта лаборатория|f", "альянс|альянса|этот альянс|m",
        ],
        // masculine | feminine | neuter
        qualifiers: [
            "Национальный|Национальная|Национальное", "Региональный|Региональная|Региональное", "Местный|Местная|Местное",
            "Муниципальный|Муниципальная|Муниципальное", "Пилотный|Пилотная|Пилотное", "Открытый|Открытая|Открытое",
            "Инклюзивный|Инклюзивная|Инклюзивное", "Цифровой|Цифровая|Цифровое",
        ],
        events: ["Семинары", "Цикл тренингов", "Летняя школа", "Общественный диалог", "Хакатон", "Встречи", "Выездные занятия", "Кружки"],
        purposes: [
            "от пилотного проекта к национальному масштабу", "что работает и почему", "модель инклюзии", "учиться на практике",
            "никого не оставить позади", "первые результаты", "подход с участием жителей", "укрепление доверия", "уроки с мест",
        ],
        // genitive | instrumental
        partners: [
            "национальной библиотеки|национальной библиотекой", "регионального университета|региональным университетом",
            "операторов мобильной связи|операторами мобильной связи", "регионального центра ИКТ|региональным центром ИКТ",
            "женских организаций|женскими организациями", "фермерских кооперативов|фермерскими кооперативами",
            "местных радиостанций|местными радиостанциями", "министерства здравоохранения|министерством здравоохранения",
            "регулятора в сфере связи|регулятором в сфере связи", "организаций гражданского общества|организациями гражданского общества",
            "профсоюза учителей|профсоюзом учителей", "муниципальных советов|муниципальными советами",
        ],
        // genitive ("поступает из фонда …")
        funders: [
            "фонда универсальных услуг", "средств банка развития", "частных пожертвований", "государственного бюджета",
            "региональной грантовой программы", "фонда одного из операторов связи",
        ],
        syllables: ["ка", "мо", "ри", "та", "лу", "бе", "со", "на", "ди", "во", "зе", "па", "гу", "ле", "си", "фо", "ха", "не", "ву", "джа"],
        titles: [
            "{qual} {noun} {topic:1} для {group:1}",
            "{Event} по вопросам {topic:1} в районе {place}",
            "{Topic} для {group:1}: {purpose}",
            "{Noun} {topic:1} в районе {place}",
            "{Topic} и {other} для {group:1}",
        ],
        openers: [
            "{Noun} поддерживает {group:2} в области {topic:1}, используя простые и недорогие цифровые инструменты.",
            "С {year} года в рамках {noun:1} обучение по вопросам {topic:1} прошли {count} {group:4}.",
            "{Noun:2} развивает {topic:2} для {group:1} в районе {place} и соседних районах.",
            "{Noun} предлагает {group:3} бесплатные курсы, консультации и цифровые инструменты по вопросам {topic:1}.",
            "При поддержке {partner} {noun} укрепляет {topic:2} в интересах {group:1}.",
            "Цель {noun:1} — сократить цифровой разрыв для {group:1} за счёт развития {topic:1}.",
            "{Noun} помогает {group:3} осваивать цифровые технологии, начиная с {topic:1}.",
        ],
        details: [
            "Занятия проходят в школах, библиотеках и общественных центрах района {place}.",
            "В работе уже приняли участие более {count} {group:4}.",
            "К {year2} году хотя бы один курс прошли {trained} {group:4}.",
            "Работа ведётся совместно с {partner:1} и ежегодно обсуждается с участниками из района {place}.",
            "Результаты, полученные в районе {place}, публикуются в открытом доступе, чтобы другие районы могли использовать этот опыт.",
            "С {year} года работу направляет совет из представителей государства, бизнеса и гражданского общества, который дважды в год собирается в районе {place}.",
            "После {hours} часов обучения в районе {place} или онлайн участники получают сертификат.",
            "Оценка, проведённая в {year2} году, показала, что {percent} % участников еженедельно применяют новые цифровые навыки.",
            "На следующем этапе {noun} охватит ещё {villages} населённых пунктов вокруг района {place}.",
            "Мобильные группы ежемесячно посещают {villages} сёл в районе {place}.",
            "Кроме того, {noun} затрагивает вопросы {other:1} и {other2:1}.",
            "Финансирование поступает из {funder} и от местных органов власти района {place}.",
            "Работу координирует команда из {staff} человек совместно с {partner2:1}; её офис находится в районе {place}.",
            "Материалы по вопросам {topic:1} доступны офлайн, поскольку связь в районе {place} по-прежнему неустойчива.",
            "Молодые волонтёры из района {place} помогают соседям осваивать цифровые сервисы.",
            "В первые {weeks} недель каждому участнику помогает наставник, часто бывший участник из района {place}.",
            "В {year2} году этот опыт был признан лучшей практикой в регионе; сегодня у {noun:1} {users} активных пользователей.",
            "Отзывы {users} пользователей помогли упростить цифровые инструменты в {year2} году.",
            "Местные радиостанции рассказывают жителям района {place}, ещё не пользующимся интернетом, о возможностях {noun:1}.",
            "Около {percent} % участников из района {place} живут более чем в часе езды от ближайшего города.",
        ],
        contexts: [
            "Когда работа начиналась в {year} году, надёжное подключение к интернету было лишь у {percent} % домохозяйств района {place}.",
            "Многие {group} в районе {place} по-прежнему сталкиваются с препятствиями при использовании цифровых услуг.",
            "Идея возникла по просьбе {group:1} и местных властей района {place}.",
        ],
        thousands: "\u{00A0}", groupFrom: 5)

    // MARK: Arabic

    static let arabic = DemoLanguage(
        // definite | with "li-"
        topics: [
            "النفاذ إلى النطاق العريض|للنفاذ إلى النطاق العريض",
            "المهارات الرقمية|للمهارات الرقمية",
            "الخدمات الحكومية الإلكترونية|للخدمات الحكومية الإلكترونية",
            "الأمن السيبراني|للأمن السيبراني",
            "البيانات المفتوحة|للبيانات المفتوحة",
            "التطبيب عن بعد|للتطبيب عن بعد",
            "الشبكات المجتمعية|للشبكات المجتمعية",
            "محو الأمية الرقمية|لمحو الأمية الرقمية",
            "الدفع عبر الهاتف المحمول|للدفع عبر الهاتف المحمول",
            "المحتوى المحلي|للمحتوى المحلي",
            "الزراعة الذكية|للزراعة الذكية",
            "التعلم الإلكتروني|للتعلم الإلكتروني",
            "الهوية الرقمية|للهوية الرقمية",
            "إمكانية النفاذ|لإمكانية النفاذ",
            "التربية الإعلامية|للتربية الإعلامية",
            "رصد المناخ|لرصد المناخ",
            "ربط المدارس بالإنترنت|لربط المدارس بالإنترنت",
            "حماية البيانات|لحماية البيانات",
            "الذكاء الاصطناعي|للذكاء الاصطناعي",
            "مراكز النفاذ العمومي|لمراكز النفاذ العمومي",
            "التجارة الإلكترونية|للتجارة الإلكترونية",
            "البرمجة|للبرمجة",
            "السجلات الصحية الإلكترونية|للسجلات الصحية الإلكترونية",
            "أنظمة الإنذار المبكر|لأنظمة الإنذار المبكر",
        ],
        // definite (object or genitive) | with "li-" | counted (after hundreds and thousands)
        groups: [
            "النساء|للنساء|امرأة",
            "الشباب|للشباب|شاب وشابة",
            "المعلمين|للمعلمين|معلم ومعلمة",
            "المزارعين|للمزارعين|مزارع",
            "الأشخاص ذوي الإعاقة|للأشخاص ذوي الإعاقة|شخص من ذوي الإعاقة",
            "كبار السن|لكبار السن|شخص من كبار السن",
            "المؤسسات الصغيرة|للمؤسسات الصغيرة|صاحب مشروع صغير",
            "المجتمعات الريفية|للمجتمعات الريفية|من سكان الأرياف",
            "الفتيات|للفتيات|فتاة",
            "الشعوب الأصلية|للشعوب الأصلية|شخص من الشعوب الأصلية",
            "اللاجئين|للاجئين|لاجئ",
            "الموظفين الحكوميين|للموظفين الحكوميين|موظف حكومي",
            "الطلاب|للطلاب|طالب",
            "العاملين الصحيين|للعاملين الصحيين|عامل صحي",
            "الصحفيين|للصحفيين|صحفي",
        ],
        // indefinite | definite | "this" | gender
        nouns: [
            "برنامج|البرنامج|هذا البرنامج|m", "مبادرة|المبادرة|هذه المبادرة|f", "مشروع|المشروع|هذا المشروع|m",
            "منصة|المنصة|هذه المنصة|f", "شراكة|الشراكة|هذه الشراكة|f", "حملة|الحملة|هذه الحملة|f",
            "أكاديمية|الأكاديمية|هذه الأكاديمية|f", "مختبر|المختبر|هذا المختبر|m", "تحالف|التحالف|هذا التحالف|m",
        ],
        // masculine | feminine
        qualifiers: [
            "وطني|وطنية", "إقليمي|إقليمية", "محلي|محلية", "مجتمعي|مجتمعية", "رقمي|رقمية", "شامل|شاملة", "نموذجي|نموذجية",
            "بلدي|بلدية", "ريفي|ريفية", "تضامني|تضامنية",
        ],
        events: ["ورش عمل", "أيام تدريبية", "حوار مجتمعي", "مدرسة صيفية", "سلسلة دورات", "لقاءات", "هاكاثون", "حلقات تعلم"],
        purposes: [
            "من التجربة إلى التعميم", "ما الذي ينجح ولماذا", "نموذج للإدماج", "التدريب بالممارسة", "دون أن يتخلف أحد عن الركب",
            "النتائج الأولى", "نهج تشاركي", "بناء الثقة", "دروس من الميدان",
        ],
        partners: [
            "المكتبة الوطنية", "جامعة إقليمية", "مشغلي الهاتف المحمول", "المركز الإقليمي لتكنولوجيا المعلومات والاتصالات",
            "جمعيات نسائية", "تعاونيات زراعية", "إذاعات مجتمعية", "وزارة الصحة", "الهيئة الوطنية لتنظيم الاتصالات",
            "منظمات المجتمع المدني", "نقابة المعلمين", "المجالس البلدية",
        ],
        funders: [
            "صندوق الخدمة الشاملة", "بنك للتنمية", "جهات مانحة خاصة", "الميزانية الوطنية", "برنامج إقليمي للمنح",
            "مؤسسة تابعة لأحد مشغلي الاتصالات",
        ],
        syllables: ["كا", "مو", "ري", "تا", "لو", "بي", "سو", "نا", "دي", "فو", "زي", "با", "غو", "لي", "شي", "فو", "ها", "ني", "وو", "جا"],
        titles: [
            "{noun} {qual} {topic:1} لفائدة {group}",
            "{topic} في خدمة {group} بمنطقة {place}",
            "{topic} {group:1}: {purpose}",
            "{event} حول {topic} في منطقة {place}",
            "{noun} {place} {topic:1}",
            "تقريب {topic} من {group} في منطقة {place}",
        ],
        openers: [
            "{g:يقدم|تقدم} {noun:1} {group:1} تدريبا عمليا في مجال {topic} باستخدام أدوات رقمية بسيطة ومنخفضة التكلفة.",
            "منذ عام {year}، استفاد من {noun:1} أكثر من {count} {group:2} في مجال {topic}.",
            "{g:يعمل|تعمل} {noun:2} على تعزيز {topic} لفائدة {group} في منطقة {place} والمناطق المجاورة.",
            "{g:يتيح|تتيح} {noun:1} {group:1} دورات مجانية واستشارات وأدوات رقمية في مجال {topic}.",
            "بدعم من {partner}، {g:يسهم|تسهم} {noun:1} في تعزيز {topic} لفائدة {group}.",
            "{g:يهدف|تهدف} {noun:1} إلى تقليص الفجوة الرقمية لدى {group} من خلال {topic}.",
            "{g:يساعد|تساعد} {noun:1} {group} على الاستفادة من {topic} والخدمات الرقمية الأخرى.",
        ],
        details: [
            "تنظم الدورات التدريبية في المدارس والمكتبات والمراكز المجتمعية في منطقة {place}.",
            "شارك في الأنشطة حتى الآن أكثر من {count} {group:2}.",
            "وبحلول عام {year2}، أتم {trained} {group:2} دورة واحدة على الأقل.",
            "ويجري العمل بالتعاون مع {partner}، ويخضع لتقييم سنوي بمشاركة المستفيدين في منطقة {place}.",
            "وتنشر النتائج التي تحققت في منطقة {place} بشكل مفتوح حتى تستفيد منها مناطق أخرى.",
            "ومنذ عام {year}، تشرف على الأنشطة لجنة توجيهية تضم ممثلين عن الحكومة والقطاع الخاص والمجتمع المدني، وتجتمع مرتين في السنة في منطقة {place}.",
            "ويحصل المشاركون على شهادة بعد إتمام {hours} ساعة من التدريب في منطقة {place} أو عبر الإنترنت.",
            "وأظهر تقييم أجري في عام {year2} أن {percent} في المائة من المشاركين يستخدمون مهاراتهم الرقمية الجديدة كل أسبوع.",
            "وستشمل المرحلة المقبلة {villages} قرية إضافية حول منطقة {place}.",
            "وتزور وحدات متنقلة كل شهر {villages} قرية في محيط منطقة {place}.",
            "كما {g:يتناول|تتناول} {noun:1} قضايا {other} و{other2}.",
            "ويأتي التمويل من {funder} ومن مساهمة السلطات المحلية في منطقة {place}.",
            "ويتولى فريق من {staff} شخصا تنسيق العمل مع {partner2} انطلاقا من مكتب في منطقة {place}.",
            "وتتوفر المواد التدريبية حول {topic} دون اتصال بالإنترنت، لأن الاتصال في منطقة {place} لا يزال غير مستقر.",
            "ويساعد متطوعون شباب من منطقة {place} جيرانهم على استخدام الخدمات الرقمية.",
            "ويرافق كل مشارك موجه خلال أول {weeks} أسبوعا، وغالبا ما يكون من المشاركين السابقين في منطقة {place}.",
            "وفي عام {year2}، اختيرت التجربة ضمن الممارسات الجيدة على المستوى الإقليمي، ويستخدمها اليوم {users} شخص.",
            "وساعدت ملاحظات {users} مستخدم على تبسيط الأدوات الرقمية في عام {year2}.",
            "وتعرف برامج إذاعية محلية سكان منطقة {place} الذين لا يستخدمون الإنترنت بأنشطة {noun:1}.",
            "ويعيش نحو {percent} في المائة من المشاركين في منطقة {place} على بعد أكثر من ساعة من أقرب مدينة.",
        ],
        contexts: [
            "عند انطلاق العمل في عام {year}، لم تكن نسبة الأسر المتصلة بالإنترنت بشكل موثوق في منطقة {place} تتجاوز {percent} في المائة.",
            "لا تزال عقبات كثيرة تحول دون استفادة {group} من الخدمات الرقمية في منطقة {place}.",
            "جاءت الفكرة استجابة لطلب من {group} والسلطات المحلية في منطقة {place}.",
        ])

    // MARK: Chinese

    static let chinese = DemoLanguage(
        topics: [
            "宽带接入", "数字技能", "电子政务服务", "网络安全", "开放数据", "远程医疗", "社区网络", "数字素养", "移动支付", "本地数字内容",
            "智慧农业", "在线学习", "数字身份", "无障碍信息服务", "媒介素养", "气候监测", "学校联网", "数据保护", "人工智能", "公共上网服务点",
            "电子商务", "编程教育", "电子健康档案", "灾害预警系统",
        ],
        // bare | counted, with its measure word ("2400名教师")
        groups: [
            "妇女|名妇女", "青年|名青年", "教师|名教师", "农民|名农民", "残疾人|名残疾人", "老年人|名老年人", "小微企业|家小微企业",
            "农村居民|名农村居民", "女童|名女童", "原住民|名原住民", "难民|名难民", "公务员|名公务员", "学生|名学生", "医务人员|名医务人员",
            "新闻工作者|名新闻工作者",
        ],
        nouns: ["计划", "倡议", "项目", "平台", "伙伴关系", "行动", "学院", "实验室", "联盟"],
        qualifiers: ["国家", "区域", "社区", "普惠", "数字", "开放", "可持续", "地方", "农村", "青年", "智慧"],
        events: ["培训班", "系列讲座", "社区对话", "暑期学校", "工作坊", "编程马拉松", "交流会", "学习小组"],
        purposes: ["从试点到推广", "哪些做法有效", "包容发展的新模式", "在实践中学习", "不让任何人掉队", "初步成果", "以人为本", "建立信任", "来自一线的经验"],
        partners: [
            "国家图书馆", "一所地区大学", "移动运营商", "区域信息通信技术中心", "当地妇女协会", "农业合作社", "社区广播电台", "卫生部门",
            "国家电信监管机构", "民间社会组织", "教师工会", "市政委员会",
        ],
        funders: ["普遍服务基金", "一家开发银行", "私人捐助者", "国家财政预算", "区域赠款计划", "一家电信运营商的基金会"],
        syllables: ["卡", "莫", "里", "塔", "卢", "贝", "索", "纳", "迪", "沃", "泽", "帕", "古", "勒", "西", "福", "哈", "内", "乌", "贾"],
        titles: [
            "面向{group}的{qual}{topic}{noun}",
            "{place}地区{topic}{noun}",
            "{topic}助力{group}：{purpose}",
            "{place}地区{topic}{event}",
            "{group}{topic}能力提升{noun}",
        ],
        openers: [
            "该{noun}借助简单、低成本的数字工具，帮助{group}提升{topic}方面的能力。",
            "自{year}年以来，该{noun}已为{count}{group:1}提供{topic}培训。",
            "该{noun}在{place}地区及周边地区推广{topic}，重点服务{group}。",
            "该{noun}为{group}提供有关{topic}的免费课程、咨询和数字工具。",
            "在{partner}的支持下，该{noun}致力于推动{topic}惠及{group}。",
            "该{noun}旨在通过{topic}缩小{group}面临的数字鸿沟。",
            "该{noun}以{topic}为切入点，帮助{group}更好地融入数字社会。",
        ],
        details: [
            "培训在{place}地区的学校、图书馆和社区中心开展。",
            "迄今已有{count}多{group:1}参与。",
            "截至{year2}年，已有{trained}{group:1}完成至少一门课程。",
            "项目与{partner}合作实施，每年与{place}地区的参与者一起进行评估。",
            "{place}地区取得的成果以开放方式发布，供其他地区借鉴。",
            "自{year}年起，由政府、企业和民间社会代表组成的指导委员会每年两次在{place}地区召开会议。",
            "学员在{place}地区或线上完成{hours}学时培训后，可获得结业证书。",
            "{year2}年的一项评估显示，{percent}%的学员每周都会使用新掌握的数字技能。",
            "下一阶段将把该{noun}推广到{place}地区周边另外{villages}个村庄。",
            "流动服务队每月走访{place}地区周边的{villages}个村庄。",
            "此外，该{noun}还涉及{other}和{other2}等议题。",
            "资金来自{funder}以及{place}地区地方政府的配套投入。",
            "一个由{staff}人组成的团队在{place}地区设有办公室，并与{partner2}共同协调工作。",
            "由于{place}地区的网络连接仍不稳定，有关{topic}的学习材料均可离线使用。",
            "来自{place}地区的青年志愿者担任“数字大使”，帮助邻里使用数字服务。",
            "每位学员在最初{weeks}周内都有一名导师提供辅导，导师多为{place}地区的往届学员。",
            "{year2}年，该{noun}被评为区域良好实践，目前拥有{users}名活跃用户。",
            "根据{users}名用户的反馈，相关数字工具于{year2}年进行了简化。",
            "当地广播节目向{place}地区尚未上网的居民介绍该{noun}。",
            "{place}地区约{percent}%的学员居住在距最近城镇一小时以上路程的地方。",
        ],
        contexts: [
            "{year}年项目启动时，{place}地区只有{percent}%的家庭拥有稳定的互联网连接。",
            "{place}地区的许多{group}在使用数字服务方面仍面临障碍。",
            "这一{noun}源于{group}和{place}地区地方政府的共同需求。",
        ],
        separator: "")
}
