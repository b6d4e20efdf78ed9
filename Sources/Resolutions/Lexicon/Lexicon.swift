import Foundation

/// The phrases that open preambular and operative paragraphs, per language, mapped to
/// language-independent concepts. Compiled from UN and ITU editorial usage
/// (see `resolution-parsing.md` §2 in the project's reference notes); the equivalences across
/// languages are by meaning.
public struct Lexicon: Sendable {
    public struct Entry: Sendable, Equatable {
        /// Lower-case, single-spaced words as they open a paragraph.
        public var words: String
        public var part: Block.Part
        public var concept: PhraseConcept
        public var modifier: String?
    }

    public let language: Language
    /// Longest first, so "recalling further" wins over "recalling".
    public let entries: [Entry]
    /// Words that may open a formula: "the council,", "le conseil,".
    public let formulaOpenings: [String]
    /// Words that open a declaration's formula, which may run over several lines: "we, the heads of state …,".
    public let declarationOpenings: [String]
    /// Adverbs that may stand before an operative verb in the UN style ("Also requests").
    public let adverbs: [String]
    /// Words that may follow a phrase and modify it ("further", "with satisfaction").
    public let modifiers: [String]
    /// The entries by their first word, longest first: a line is compared only with the phrases
    /// that begin with its own first word.
    private let entriesByFirstWord: [String: [Entry]]
    /// False for Chinese, written without spaces: a phrase runs straight into its addressee
    /// (`责成秘书长`), and an adverb straight into its verb (`又请`).
    let spacedWords: Bool
    /// Conjunctions joined to the phrase they open: Arabic `و` in `وإذ يضع في اعتباره`.
    let joinedConjunctions: [String]
    /// Phrases whose concept differs in UN practice from ITU practice: Chinese `请` is ITU's
    /// "invites" (`请各成员国`) and the General Assembly's "requests" (`请秘书长`).
    let unStyleConcepts: [String: PhraseConcept]

    init(language: Language, preambular: [String: String], operative: [String: String], modifiers: [String],
         adverbs: [String], formulaOpenings: [String], declarationOpenings: [String] = []) {
        var entries: [Entry] = []
        for (words, concept) in preambular {
            entries.append(Entry(words: words, part: .preamble, concept: PhraseConcept(concept), modifier: nil))
        }
        for (words, concept) in operative {
            entries.append(Entry(words: words, part: .operative, concept: PhraseConcept(concept), modifier: nil))
        }
        self.language = language
        // Phrases are compared folded (Arabic without vowel marks), so they are stored folded.
        let fold = { (text: String) in String(Self.folded(Substring(text), language)) }
        entries = entries.map { var entry = $0; entry.words = fold(entry.words); return entry }
        self.entries = entries.sorted { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.words < $1.words }
        self.modifiers = modifiers.map(fold).sorted { $0.count > $1.count }
        self.adverbs = adverbs.map(fold).sorted { $0.count > $1.count }
        self.formulaOpenings = formulaOpenings.map(fold)
        self.declarationOpenings = declarationOpenings.map(fold)
        spacedWords = language != .chinese
        joinedConjunctions = language == .arabic ? ["و"] : []
        unStyleConcepts = language == .chinese ? ["请": .requests, "又请": .requests, "还请": .requests] : [:]
        let spaced = spacedWords
        self.entriesByFirstWord = Dictionary(grouping: self.entries) { Self.firstWord($0.words, spaced: spaced) }
    }

    /// The letters a text starts with; for a language written without spaces, its first character.
    static func firstWord(_ text: some StringProtocol, spaced: Bool = true) -> String {
        spaced ? String(text.prefix { $0.isLetter }) : String(text.prefix(1))
    }

    /// The text lower-cased and, in Arabic, without vowel marks and with the hamza forms of alef as
    /// bare alef (`يذكّر` is `يذكر`, `إذ` is `اذ`), one character for one character, so that a
    /// length counted in the folded text is a length in the text.
    static func folded(_ text: Substring, _ language: Language) -> [Character] {
        let lower = text.lowercased()
        guard language == .arabic else { return Array(lower) }
        return lower.map { character in
            var scalars = String.UnicodeScalarView()
            for scalar in character.unicodeScalars { if let kept = arabicFold(scalar) { scalars.append(kept) } }
            return scalars.isEmpty ? character : Character(String(scalars))
        }
    }

    /// One Arabic letter or mark as phrases and vocabulary are compared: vowel marks and tatweel
    /// dropped (nil), alef with hamza or madda as bare alef, alef maqsura as ya.
    static func arabicFold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x064B...0x065F, 0x0670, 0x0640: nil
        case 0x0622, 0x0623, 0x0625: "ا"
        case 0x0649: "ي"
        default: scalar
        }
    }

    /// Whether `line` opens a declaration's formula ("We, the Heads of State …").
    public func opensDeclaration(_ line: String) -> Bool {
        let lower = String(Self.folded(line.prefix(20), language)).trimmingCharacters(in: .whitespaces)
        return declarationOpenings.contains { lower.hasPrefix($0) }
    }

    public static func forLanguage(_ language: Language) -> Lexicon {
        switch language {
        case .french: french
        case .spanish: spanish
        case .russian: russian
        case .arabic: arabic
        case .chinese: chinese
        default: english
        }
    }

    /// A phrase found at the start of a text: the entry, any modifier, and how many characters it spans.
    public struct Match: Sendable, Equatable {
        public var entry: Entry
        public var modifier: String?
        public var phrase: String
        /// Characters of the text the phrase (with adverb and modifier) takes.
        public var length: Int
    }

    /// The phrase opening `text`, if any. Matching ignores case and needs a word boundary after the phrase.
    /// `part` chooses between entries with the same words in both parts (Chinese 注意到 is
    /// "noting" in a preamble and "takes note" in a numbered operative paragraph).
    public func match(atStartOf text: Substring, allowAdverb: Bool = true, preferring part: Block.Part? = nil) -> Match? {
        // Phrases are short: only the start of the text needs folding.
        guard let first = text.first, first.isLetter else { return nil }
        let lower = String(Self.folded(text.prefix(80), language))
        if let found = match(lower, in: text, offset: 0, allowAdverb: allowAdverb, preferring: part) { return found }
        // "وإذ يضع في اعتباره": the conjunction is joined to the phrase.
        for conjunction in joinedConjunctions where lower.hasPrefix(conjunction) {
            if let found = match(lower, in: text, offset: conjunction.count, allowAdverb: false, preferring: part) { return found }
        }
        return nil
    }

    private func match(_ lower: String, in text: Substring, offset start: Int, allowAdverb: Bool, preferring part: Block.Part?) -> Match? {
        var offset = start
        var adverb: String?
        let separator = spacedWords ? 1 : 0
        if allowAdverb {
            for candidate in adverbs where startsWithWord(lower.dropFirst(start), candidate) && lower.count > start + candidate.count + separator {
                adverb = candidate
                offset = start + candidate.count + separator
                break
            }
        }
        let rest = lower.dropFirst(offset)
        var candidates = entriesByFirstWord[Self.firstWord(rest, spaced: spacedWords)] ?? []
        if let part {
            // Among entries of the same words, the preferred part's first; otherwise longest first as stored.
            candidates = candidates.enumerated().sorted { a, b in
                a.element.words.count != b.element.words.count ? a.element.words.count > b.element.words.count
                    : (a.element.part == part) != (b.element.part == part) ? a.element.part == part : a.offset < b.offset
            }.map(\.element)
        }
        for entry in candidates where startsWithWord(rest, entry.words) {
            // An adverb stands only before an operative verb ("Also requests"), and before
            // "recalling" in "further recalling"; in Chinese before either (又忆及, 还请).
            if let adverb, entry.part == .preamble, spacedWords, !["further", "also"].contains(adverb) { continue }
            var length = offset + entry.words.count
            var modifier = adverb.map { $0.replacingOccurrences(of: " ", with: "-") }
            let after = rest.dropFirst(entry.words.count)
            if after.first == " " {
                let tail = after.dropFirst()
                for candidate in modifiers where startsWithWord(tail, candidate) {
                    modifier = [modifier, candidate.replacingOccurrences(of: " ", with: "-")].compactMap { $0 }.joined(separator: "-")
                    length += 1 + candidate.count
                    break
                }
            }
            let phrase = String(text.prefix(length))
            return Match(entry: entry, modifier: modifier, phrase: phrase, length: length)
        }
        return nil
    }

    /// Whether `line` is an enacting formula such as "The Council,", "Le Conseil,", "إن المجلس،" or "理事会，".
    public func isFormula(_ line: String) -> Bool {
        guard let last = line.last, ",،，".contains(last), line.utf8.count < 600 else { return false }
        let lower = String(Self.folded(line.drop(while: { $0 == " " }).prefix(60), language))
        return formulaOpenings.contains { lower.hasPrefix($0) }
    }

    /// Whether `text` starts with `words` ending on a word boundary (any boundary in Chinese).
    func startsWithWord(_ text: some StringProtocol, _ words: String) -> Bool {
        guard text.hasPrefix(words) else { return false }
        guard spacedWords else { return true }
        let next = text.dropFirst(words.count).first
        return next == nil || !(next!.isLetter || next!.isNumber || next == "-")
    }
}

extension Lexicon {
    static let english = Lexicon(
        language: .english,
        preambular: Dictionary(uniqueKeysWithValues: [
            "recalling", "considering", "noting", "recognizing", "recognising", "taking into account",
            "taking into consideration", "taking note", "bearing in mind", "having regard to", "having examined",
            "having considered", "having reviewed", "having adopted", "having heard", "having noted", "having received",
            "having studied", "aware", "fully aware", "conscious", "convinced", "firmly convinced", "deeply convinced",
            "concerned", "deeply concerned", "gravely concerned", "seriously concerned", "emphasizing", "emphasising",
            "affirming", "reaffirming", "acknowledging", "appreciating", "welcoming", "mindful", "determined",
            "expressing", "stressing", "underlining", "underscoring", "observing", "encouraged", "guided by",
            "highlighting", "reiterating", "alarmed", "believing", "cognizant", "committed", "confident", "desiring",
            "deploring", "keeping in mind", "realizing", "realising", "referring", "regretting", "reminding", "seeking",
            "pointing out", "acting", "anxious", "approving", "declaring", "endorsing", "expecting", "fulfilling",
        ].map { ($0, concept(of: $0)) }),
        operative: Dictionary(uniqueKeysWithValues: [
            ("resolves", "resolves"), ("decides", "decides"), ("instructs", "instructs"), ("requests", "requests"),
            ("invites", "invites"), ("encourages", "encourages"), ("urges", "urges"), ("calls upon", "calls-upon"),
            ("calls on", "calls-upon"), ("calls for", "calls-for"), ("recommends", "recommends"), ("approves", "approves"),
            ("endorses", "endorses"), ("adopts", "adopts"), ("authorizes", "authorizes"), ("authorises", "authorizes"),
            ("charges", "instructs"), ("notes", "notes"), ("takes note", "takes-note"), ("welcomes", "welcomes"),
            ("reaffirms", "reaffirms"), ("emphasizes", "emphasizes"), ("emphasises", "emphasizes"), ("stresses", "stresses"),
            ("acknowledges", "acknowledges"), ("expresses", "expresses"), ("appeals", "appeals"), ("supports", "supports"),
            ("commends", "commends"), ("affirms", "affirms"), ("declares", "declares"), ("proclaims", "proclaims"),
            ("designates", "designates"), ("reiterates", "reiterates"), ("recognizes", "recognizes"), ("recognises", "recognizes"),
            ("underlines", "underlines"), ("underscores", "underscores"), ("highlights", "highlights"), ("agrees", "agrees"),
            ("establishes", "establishes"), ("accepts", "accepts"), ("confirms", "confirms"), ("considers", "considers"),
            ("directs", "directs"), ("draws the attention", "draws-attention"), ("condemns", "condemns"),
            ("deplores", "deplores"), ("regrets", "regrets"), ("reminds", "reminds"), ("renews", "renews"),
            ("requires", "requires"), ("suggests", "suggests"), ("transmits", "transmits"), ("trusts", "trusts"),
            ("congratulates", "congratulates"), ("concurs", "concurs"), ("advises", "advises"), ("appreciates", "appreciates"),
            ("determines", "determines"), ("recalls", "recalls"),
            // Declarations speak in the first person plural: "We … 1. Commit to …".
            ("commit", "commits"), ("recognize", "recognizes"), ("recognise", "recognizes"), ("decide", "decides"),
            ("reaffirm", "reaffirms"), ("call upon", "calls-upon"), ("call on", "calls-upon"), ("request", "requests"),
            ("resolve", "resolves"), ("pledge", "pledges"), ("undertake", "undertakes"), ("invite", "invites"),
            ("encourage", "encourages"), ("urge", "urges"), ("welcome", "welcomes"), ("acknowledge", "acknowledges"),
            ("stress", "stresses"), ("emphasize", "emphasizes"), ("express", "expresses"), ("affirm", "affirms"),
            ("declare", "declares"), ("agree", "agrees"), ("adopt", "adopts"), ("endorse", "endorses"), ("recommend", "recommends"),
        ]),
        modifiers: ["further also", "further", "also", "moreover", "with appreciation", "with satisfaction", "with concern",
                    "with deep concern", "with grave concern", "with regret", "with approval", "however"],
        adverbs: ["further also", "also", "further", "once again", "once more", "again", "strongly", "firmly", "warmly",
                  "kindly", "urgently", "respectfully", "solemnly", "emphatically"],
        formulaOpenings: ["the council", "the general assembly", "the plenipotentiary conference", "the world telecommunication",
                          "the world radiocommunication", "the economic and social council", "the security council",
                          "the human rights council", "the radiocommunication assembly", "the conference", "the assembly"],
        declarationOpenings: ["we, ", "we the "]
    )

    /// The concept of an English preambular phrase: its words joined by hyphens, British spelling folded.
    static func concept(of words: String) -> String {
        words.replacingOccurrences(of: "ising", with: "izing").replacingOccurrences(of: " ", with: "-")
    }

    static let french = Lexicon(
        language: .french,
        preambular: [
            "rappelant": "recalling", "considérant": "considering", "notant": "noting", "reconnaissant": "recognizing",
            "tenant compte": "taking-into-account", "ayant à l'esprit": "bearing-in-mind", "gardant à l'esprit": "bearing-in-mind",
            "ayant examiné": "having-examined", "convaincu": "convinced", "convaincue": "convinced", "convaincus": "convinced",
            "préoccupé": "concerned", "préoccupée": "concerned", "profondément préoccupé": "deeply-concerned",
            "réaffirmant": "reaffirming", "se félicitant": "welcoming", "guidé par": "guided-by", "guidée par": "guided-by",
            "soulignant": "emphasizing", "conscient": "aware", "consciente": "aware", "constatant": "acknowledging",
            "prenant note": "taking-note", "exprimant": "expressing", "rappelant en outre": "recalling",
        ],
        operative: [
            "décide": "resolves", "charge": "instructs", "invite": "invites", "encourage": "encourages", "prie instamment": "urges",
            "prie": "requests", "demande": "requests", "recommande": "recommends", "approuve": "approves", "prend note": "takes-note",
            "se félicite": "welcomes", "réaffirme": "reaffirms", "souligne": "stresses", "exhorte": "urges", "engage": "calls-upon",
            "fait sien": "endorses", "autorise": "authorizes",
        ],
        modifiers: ["également", "en outre", "aussi", "avec satisfaction", "avec préoccupation", "toutefois"],
        adverbs: ["également", "en outre"],
        formulaOpenings: ["le conseil", "l'assemblée générale", "l’assemblée générale", "la conférence de plénipotentiaires",
                          "la conférence mondiale", "l'assemblée des radiocommunications"],
        declarationOpenings: ["nous, "]
    )

    static let spanish = Lexicon(
        language: .spanish,
        preambular: [
            "recordando": "recalling", "considerando": "considering", "reconociendo": "recognizing", "observando": "noting",
            "tomando nota": "taking-note", "teniendo en cuenta": "taking-into-account", "teniendo presente": "bearing-in-mind",
            "habiendo examinado": "having-examined", "convencido": "convinced", "convencida": "convinced",
            "preocupado": "concerned", "preocupada": "concerned", "profundamente preocupado": "deeply-concerned",
            "reafirmando": "reaffirming", "acogiendo con beneplácito": "welcoming", "guiándose por": "guided-by",
            "destacando": "emphasizing", "subrayando": "stressing", "expresando": "expressing", "consciente": "aware",
        ],
        operative: [
            "resuelve": "resolves", "decide": "decides", "encarga": "instructs", "invita": "invites", "alienta": "encourages",
            "pide": "requests", "solicita": "requests", "insta": "urges", "exhorta": "calls-upon", "recomienda": "recommends",
            "aprueba": "approves", "toma nota": "takes-note", "acoge con beneplácito": "welcomes", "reafirma": "reaffirms",
            "destaca": "emphasizes", "subraya": "stresses", "hace suyo": "endorses", "autoriza": "authorizes",
        ],
        modifiers: ["además", "también", "asimismo", "con satisfacción", "con preocupación"],
        adverbs: ["también", "además", "asimismo"],
        formulaOpenings: ["el consejo", "la asamblea general", "la conferencia de plenipotenciarios", "la conferencia mundial",
                          "la asamblea de radiocomunicaciones"],
        declarationOpenings: ["nosotros, "]
    )

    static let russian = Lexicon(
        language: .russian,
        preambular: [
            "напоминая": "recalling", "ссылаясь на": "recalling", "учитывая": "considering", "признавая": "recognizing",
            "отмечая": "noting", "принимая во внимание": "taking-into-account", "памятуя": "bearing-in-mind",
            "рассмотрев": "having-examined", "будучи убежден": "convinced", "будучи убеждена": "convinced",
            "будучи убеждены": "convinced", "будучи обеспокоен": "concerned", "будучи обеспокоена": "concerned",
            "вновь подтверждая": "reaffirming", "приветствуя": "welcoming", "руководствуясь": "guided-by",
            "подчеркивая": "emphasizing", "выражая": "expressing", "сознавая": "aware",
        ],
        operative: [
            "решает": "resolves", "постановляет": "decides", "поручает": "instructs", "предлагает": "invites",
            "настоятельно призывает": "urges", "призывает": "encourages", "просит": "requests", "рекомендует": "recommends",
            "утверждает": "approves", "одобряет": "endorses", "принимает к сведению": "takes-note", "приветствует": "welcomes",
            "вновь подтверждает": "reaffirms", "подчеркивает": "stresses",
        ],
        modifiers: ["также", "далее", "с удовлетворением"],
        adverbs: ["также", "далее"],
        formulaOpenings: ["совет", "генеральная ассамблея", "полномочная конференция", "всемирная конференция", "ассамблея радиосвязи"],
        declarationOpenings: ["мы, "]
    )
}
