/// A resolution as the parser understood it: identification, formula, preamble, operative part,
/// footnotes, and what the paragraphs mention (citations, times, bodies, Action Lines, SDGs).
///
/// Every recognised element keeps its range in the source text (UTF-16 offsets, as a browser
/// counts), so a page can highlight it in the document the person brought.
public struct Resolution: Sendable, Codable, Equatable {
    public enum Style: String, Sendable, Codable {
        /// ITU: lower-case phrase lines heading lettered or numbered items; numbering restarts per block.
        case itu
        /// UN: each paragraph opens with its own capitalised phrase; operative paragraphs numbered once.
        case un
    }

    public var language: Language
    public var style: Style
    public var symbol: Located<String>?
    public var date: Located<TimeValue>?
    public var agendaItem: Located<String>?
    /// As written: "Russian", "English".
    public var originalLanguage: Located<String>?
    /// "the Russian Federation" in "Contribution from the Russian Federation".
    public var source: Located<String>?
    /// The resolution's own numbered heading: "RESOLUTION 140 (REV. DUBAI, 2018)", "第9999号决议（C26）".
    public var heading: Located<String>?
    public var title: Located<String>?
    /// "The Council,", "The General Assembly,".
    public var formula: Located<String>?
    public var preamble: [Block]
    public var operative: [Block]
    public var footnotes: [Footnote]
    /// Headings that divide the text ("I", "A.", "Part 2"), each with the blocks under it.
    public var sections: [Section]
    /// What follows the resolution's text under "Annex" or "ANNEX TO RESOLUTION …".
    public var annexes: [Annex]

    public init(language: Language, style: Style, symbol: Located<String>? = nil, date: Located<TimeValue>? = nil,
                agendaItem: Located<String>? = nil, originalLanguage: Located<String>? = nil, source: Located<String>? = nil,
                heading: Located<String>? = nil, title: Located<String>? = nil, formula: Located<String>? = nil,
                preamble: [Block] = [], operative: [Block] = [],
                footnotes: [Footnote] = [], sections: [Section] = [], annexes: [Annex] = []) {
        self.language = language
        self.style = style
        self.symbol = symbol
        self.date = date
        self.agendaItem = agendaItem
        self.originalLanguage = originalLanguage
        self.source = source
        self.heading = heading
        self.title = title
        self.formula = formula
        self.preamble = preamble
        self.operative = operative
        self.footnotes = footnotes
        self.sections = sections
        self.annexes = annexes
    }

    private enum CodingKeys: String, CodingKey {
        case language, style, symbol, date, agendaItem, originalLanguage, source, heading, title, formula, preamble, operative, footnotes
        case sections, annexes
    }

    /// Reads resolutions stored before sections and annexes were read, too.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            language: try values.decode(Language.self, forKey: .language), style: try values.decode(Style.self, forKey: .style),
            symbol: try values.decodeIfPresent(Located<String>.self, forKey: .symbol),
            date: try values.decodeIfPresent(Located<TimeValue>.self, forKey: .date),
            agendaItem: try values.decodeIfPresent(Located<String>.self, forKey: .agendaItem),
            originalLanguage: try values.decodeIfPresent(Located<String>.self, forKey: .originalLanguage),
            source: try values.decodeIfPresent(Located<String>.self, forKey: .source),
            heading: try values.decodeIfPresent(Located<String>.self, forKey: .heading),
            title: try values.decodeIfPresent(Located<String>.self, forKey: .title),
            formula: try values.decodeIfPresent(Located<String>.self, forKey: .formula),
            preamble: try values.decode([Block].self, forKey: .preamble), operative: try values.decode([Block].self, forKey: .operative),
            footnotes: try values.decode([Footnote].self, forKey: .footnotes),
            sections: try values.decodeIfPresent([Section].self, forKey: .sections) ?? [],
            annexes: try values.decodeIfPresent([Annex].self, forKey: .annexes) ?? []
        )
    }

    /// The section a block stands in, if the text is divided into sections.
    public func section(of blockID: String) -> Section? { sections.first { $0.blockIDs.contains(blockID) } }

    /// The blocks in the order the text gives them, grouped by section: without sections, one
    /// group of the preamble then the operative part; with them, the blocks before the first
    /// section, then each section's preambular and operative blocks together.
    public var outline: [(section: Section?, blocks: [Block])] {
        let blocks = sections.isEmpty ? preamble + operative : (preamble + operative).sorted { $0.range.start < $1.range.start }
        var groups: [(section: Section?, blocks: [Block])] = []
        for block in blocks {
            let section = self.section(of: block.id)
            if let last = groups.last, last.section?.id == section?.id {
                groups[groups.count - 1].blocks.append(block)
            } else {
                groups.append((section, [block]))
            }
        }
        return groups
    }

    /// Every paragraph and sub-item, depth first, with the block it belongs to.
    public var allParagraphs: [(block: Block, paragraph: Paragraph)] {
        (preamble + operative).flatMap { block in block.paragraphs.flatMap { $0.flattened.map { (block, $0) } } }
    }

    /// Every paragraph and sub-item, the annexes' included, in reading order.
    public var everyParagraph: [Paragraph] {
        allParagraphs.map(\.paragraph) + annexes.flatMap { $0.paragraphs.flatMap(\.flattened) }
    }

    /// The paragraph, sub-item or annex paragraph with that id.
    public func paragraph(id: String) -> Paragraph? { everyParagraph.first { $0.id == id } }

    public var preambularParagraphCount: Int { preamble.reduce(0) { $0 + $1.paragraphs.count } }
    public var operativeParagraphCount: Int { operative.reduce(0) { $0 + $1.paragraphs.count } }
}

/// A heading that divides a resolution's text: "I" and its title in a General Assembly omnibus
/// resolution, "A.", "Part 2", "Section 3".
public struct Section: Sendable, Codable, Equatable {
    /// As written, without a trailing full stop: "I", "A", "2".
    public var number: String
    /// The title line under the number, when there is one.
    public var heading: String?
    public var range: SourceRange
    /// The blocks under the heading, preambular and operative, in order.
    public var blockIDs: [String]
    /// `sec_1`, `sec_2` …, in order.
    public var id: String

    public init(number: String, heading: String?, range: SourceRange, blockIDs: [String], id: String) {
        self.number = number
        self.heading = heading
        self.range = range
        self.blockIDs = blockIDs
        self.id = id
    }
}

extension Section {
    /// The number as a heading line: "I", "A.", "Part 2".
    public var label: String {
        if number.allSatisfy(\.isNumber) { return "Part \(number)" }
        if number.count == 1, number != "I", number != "V", number != "X", number != "L" { return number + "." }
        return number
    }
}

/// An annex: its heading ("ANNEX TO RESOLUTION 999 (Rev. Doha, 2026)", "Annex"), the title that
/// may follow it, and its paragraphs (numbered where the annex numbers them).
public struct Annex: Sendable, Codable, Equatable {
    public var heading: String
    public var title: String?
    public var range: SourceRange
    public var paragraphs: [Paragraph]
    /// `annex_1`, `annex_2` …; its paragraphs' ids start with it.
    public var id: String

    public init(heading: String, title: String?, range: SourceRange, paragraphs: [Paragraph], id: String) {
        self.heading = heading
        self.title = title
        self.range = range
        self.paragraphs = paragraphs
        self.id = id
    }
}

/// A range of the source text, in UTF-16 offsets: `start ..< end`.
public struct SourceRange: Sendable, Codable, Equatable, Hashable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }
}

/// A value found in the text, with where it was found and the words it was found in.
public struct Located<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    public var value: Value
    public var text: String
    public var range: SourceRange

    public init(_ value: Value, text: String, range: SourceRange) {
        self.value = value
        self.text = text
        self.range = range
    }
}

/// A preambular or operative block: its phrase ("recalling further", "instructs the
/// Secretary-General") and the paragraphs under it. In the UN style each paragraph carries its
/// own phrase, so a block holds one paragraph.
public struct Block: Sendable, Codable, Equatable {
    public enum Part: String, Sendable, Codable { case preamble, operative }

    public var part: Part
    /// The phrase as written, without the addressee.
    public var phrase: String
    /// The language-independent concept of the phrase (`recalling`, `instructs` …).
    public var concept: PhraseConcept
    /// `further`, `also` … when the phrase carries one.
    public var modifier: String?
    /// Who the block addresses: "the Secretary-General" (operative ITU blocks).
    public var addressee: String?
    public var range: SourceRange
    public var paragraphs: [Paragraph]
    /// A stable identifier for anchors and Akoma Ntoso: `pmbl_recalling_2`, `op_instructs_1`.
    public var id: String

    public init(part: Part, phrase: String, concept: PhraseConcept, modifier: String?, addressee: String?, range: SourceRange,
                paragraphs: [Paragraph], id: String) {
        self.part = part
        self.phrase = phrase
        self.concept = concept
        self.modifier = modifier
        self.addressee = addressee
        self.range = range
        self.paragraphs = paragraphs
        self.id = id
    }
}

/// A paragraph or sub-item.
public struct Paragraph: Sendable, Codable, Equatable {
    /// The number or letter as read: `a`, `b`, `bis`, `1`, `iv`, `1.1`; nil for an unnumbered paragraph.
    public var number: String?
    /// The text, normalised (markers removed, lines re-joined), without the number.
    public var text: String
    public var range: SourceRange
    /// For UN-style paragraphs, and ITU operative items: the operative verb's concept and its addressee.
    public var verb: PhraseConcept?
    public var addressee: String?
    public var footnoteReferences: [String]
    public var citations: [Citation]
    public var times: [TimeExpression]
    public var bodies: [Mention]
    public var actionLines: [Mention]
    public var sdgs: [Mention]
    public var children: [Paragraph]
    /// A stable identifier: the block's id with the number path, `op_instructs_1__para_4__subpara_ii`.
    public var id: String

    public init(number: String?, text: String, range: SourceRange, verb: PhraseConcept? = nil, addressee: String? = nil,
                footnoteReferences: [String] = [], citations: [Citation] = [], times: [TimeExpression] = [],
                bodies: [Mention] = [], actionLines: [Mention] = [], sdgs: [Mention] = [], children: [Paragraph] = [], id: String = "") {
        self.number = number
        self.text = text
        self.range = range
        self.verb = verb
        self.addressee = addressee
        self.footnoteReferences = footnoteReferences
        self.citations = citations
        self.times = times
        self.bodies = bodies
        self.actionLines = actionLines
        self.sdgs = sdgs
        self.children = children
        self.id = id
    }

    public var flattened: [Paragraph] { [self] + children.flatMap(\.flattened) }

    /// Where each of `words` stands in the paragraph's own text, in order: mentions keep their
    /// ranges in the source, and renderers of the paragraph need them in its normalised text.
    public func positions(of words: [String]) -> [Range<String.Index>?] {
        var cursor = text.startIndex
        return words.map { needle in
            guard !needle.isEmpty,
                  let range = text.range(of: needle, range: cursor..<text.endIndex) ?? text.range(of: needle) else { return nil }
            cursor = range.upperBound
            return range
        }
    }
}

public struct Footnote: Sendable, Codable, Equatable {
    public var marker: String
    public var text: String
    public var range: SourceRange

    public init(marker: String, text: String, range: SourceRange) {
        self.marker = marker
        self.text = text
        self.range = range
    }
}

/// A mention of a body ("UNESCO"), an Action Line ("C1") or an SDG ("SDG 4"), with its canonical code.
public struct Mention: Sendable, Codable, Equatable, Hashable {
    public var code: String
    public var text: String
    public var range: SourceRange

    public init(code: String, text: String, range: SourceRange) {
        self.code = code
        self.text = text
        self.range = range
    }
}

extension Resolution {
    /// The work this resolution is, in the identifiers citations use, when its symbol or title says:
    /// `un/ga/res/73/6`, `itu/doc/C23/85`, `itu/pp/res/140`, `itu/council/res/1332`.
    public var workID: String? {
        if let symbol = symbol?.value {
            let parts = symbol.split(separator: "/").map(String.init)
            if parts.count == 4, parts[1] == "RES", parts[0] == "A" { return "un/ga/res/\(parts[2])/\(parts[3])" }
            if parts.count == 4, parts[1] == "RES", parts[0] == "E" { return "un/ecosoc/res/\(parts[2])/\(parts[3])" }
            if let match = symbol.wholeMatch(of: /(C\d{2})\/(\d{1,4})(?:\([^)]*\))?(?:-[A-Z])?/) { return "itu/doc/\(match.1)/\(match.2)" }
            if symbol.hasPrefix("A/") || symbol.hasPrefix("E/") { return "un/doc/\(symbol)" }
        }
        let number = heading.flatMap { Masthead.headingNumber($0.value) }
            ?? title?.value.firstMatch(of: /(?i:resolution)\s+(\d{1,4})\b/).map { String($0.1) }
        guard let number, let body = ituBody else { return nil }
        let headingText = heading?.value.lowercased() ?? ""
        let decision = ["decision", "décision", "decisión", "решение", "المقرر", "决定"].contains { headingText.contains($0) }
        return "itu/\(body)/\(decision ? "dec" : "res")/\(number)"
    }

    /// The ITU body whose formula opens the text, in any of the six languages: `pp`, `council`,
    /// `wtsa`, `wtdc`, `wrc`; nil for another body.
    var ituBody: String? {
        let formula = self.formula?.value.lowercased() ?? ""
        let bodies: [(code: String, words: [String])] = [
            ("pp", ["plenipotentiary", "plénipotentiaires", "plenipotenciarios", "полномочная", "المندوبين المفوضين", "全权代表"]),
            ("wtsa", ["standardization", "normalisation", "normalización", "стандартизации", "تقييس", "标准化"]),
            ("wtdc", ["development conference", "développement des télécommunications", "desarrollo de las telecomunicaciones",
                      "развитию электросвязи", "تنمية الاتصالات", "电信发展"]),
            ("wrc", ["radiocommunication conference", "conférence mondiale des radiocommunications",
                     "conferencia mundial de radiocomunicaciones", "конференция радиосвязи", "المؤتمر العالمي للاتصالات الراديوية", "无线电通信大会"]),
        ]
        if let body = bodies.first(where: { $0.words.contains { formula.contains($0) } }) { return body.code }
        // The Council alone: not the Security Council, ECOSOC or the Human Rights Council.
        let councils = ["the council", "le conseil", "el consejo", "совет", "المجلس", "理事会"]
        let others = ["security", "economic", "human rights", "sécurité", "économique", "seguridad", "económico", "безопасности",
                      "экономический", "الأمن", "الاقتصادي", "安全", "经济", "人权"]
        let trimmed = formula.replacingOccurrences(of: "إن ", with: "")
        if councils.contains(where: { trimmed.hasPrefix($0) }), !others.contains(where: { formula.contains($0) }) { return "council" }
        return nil
    }

    /// Every citation in the resolution with the paragraph it stands in.
    public var citations: [(paragraphID: String, citation: Citation)] {
        everyParagraph.flatMap { paragraph in paragraph.citations.map { (paragraph.id, $0) } }
    }
}
