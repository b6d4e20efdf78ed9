import Foundation

/// A block being gathered: its phrase and its items.
struct PendingBlock {
    var part: Block.Part
    var phrase: String
    var concept: PhraseConcept
    var modifier: String?
    var addressee: String?
    var range: SourceRange
    var items: [PendingParagraph] = []
}

/// What the body's parse gives: the two parts, the sections, and the line where the body ended
/// (the annexes are read from there).
struct ParsedBody {
    var preamble: [Block]
    var operative: [Block]
    var sections: [Section]
    var end: Int
}

/// A section heading met while the blocks are gathered, with the blocks (by index) under it.
struct PendingSection {
    var number: String
    var heading: String?
    var range: SourceRange
    var blocks: [Int] = []
}

/// Section headings and the title lines under them, met while the body's lines are read; the
/// blocks that follow a heading are its own.
struct SectionReader {
    private(set) var sections: [PendingSection] = []
    private var awaitingTitle = false

    enum Outcome { case none, opened, titled }

    /// Whether the line opens a section, is the title of the one just opened, or is neither.
    mutating func read(_ line: Substring, at offset: Int, in context: ResolutionParser.Context) -> Outcome {
        if let section = context.sectionHeading(line, at: offset) {
            sections.append(section)
            awaitingTitle = section.heading == nil
            return .opened
        }
        guard awaitingTitle else { return .none }
        awaitingTitle = false
        guard context.isSectionTitle(line) else { return .none }
        sections[sections.count - 1].heading = String(line)
        return .titled
    }

    mutating func add(block index: Int) {
        if !sections.isEmpty { sections[sections.count - 1].blocks.append(index) }
    }
}

extension ResolutionParser.Context {
    /// ITU style: a lower-case phrase line ("recalling", "instructs the Secretary-General") heads
    /// items numbered a), b) … or 1, 2 …, restarting under each phrase; sub-items i), ii) ….
    func parseITU(_ lines: [CleanDocument.Line]) -> ParsedBody {
        var blocks: [PendingBlock] = []
        var sections = SectionReader()
        var end = lines.count
        /// The path of open items in the current block: indices into items / children.
        var path: [(kind: ItemMarker.Kind, last: String)] = []

        func appendItem(_ marker: ItemMarker?, _ piece: PendingParagraph.Piece) {
            guard !blocks.isEmpty else { return }
            var block = blocks.removeLast()
            defer { blocks.append(block) }
            guard let marker else {
                // No number: the text goes on in the open item, or opens an unnumbered paragraph.
                if path.isEmpty {
                    block.items.append(PendingParagraph(number: nil, first: piece))
                    path = []
                } else {
                    Self.modify(&block.items, depth: path.count) { $0.add(piece) }
                }
                return
            }
            // A marker continues the open level of its kind (b after a); a first marker (a, i, 1)
            // opens a level below; anything else goes on at the deepest level.
            if !marker.isFirst, let level = path.lastIndex(where: { $0.kind == marker.kind }) {
                path.removeSubrange((level + 1)...)
                path[level].last = marker.value
                Self.append(&block.items, depth: level, PendingParagraph(number: marker.value, first: piece))
            } else if path.isEmpty || (marker.isFirst && path.count < Self.maximumDepth) {
                Self.append(&block.items, depth: path.count, PendingParagraph(number: marker.value, first: piece))
                path.append((marker.kind, marker.value))
            } else {
                Self.append(&block.items, depth: path.count - 1, PendingParagraph(number: marker.value, first: piece))
                path[path.count - 1].last = marker.value
            }
        }

        for (lineIndex, line) in lines.enumerated() {
            let trimmed = line.text.drop(while: { $0 == " " })
            if trimmed.isEmpty { continue }
            let lineOffset = line.start + (line.text.utf16.count - trimmed.utf16.count)
            if Self.endsBody(trimmed) { end = lineIndex; break }
            switch sections.read(trimmed, at: lineOffset, in: self) {
            case .opened: path = []; continue
            case .titled: continue
            case .none: break
            }
            if Self.mayBePhraseLine(trimmed), let match = lexicon.match(atStartOf: trimmed, allowAdverb: false) {
                var rest = trimmed.droppingUTF16(match.phrase.utf16.count).drop(while: { $0 == " " })
                var addressee: String?
                if match.entry.part == .operative {
                    // The addressee runs to the end of the line, or to an item number placed on the same line.
                    let words = rest.split(separator: " ", omittingEmptySubsequences: true)
                    var taken: [Substring] = []
                    for word in words {
                        if ItemMarker.read(word + " ", previousLetter: nil)?.kind == .number, !taken.isEmpty || word.allSatisfy(\.isNumber) { break }
                        taken.append(word)
                    }
                    let text = taken.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,:"))
                    addressee = text.isEmpty ? nil : text
                    rest = rest.droppingUTF16(taken.joined(separator: " ").utf16.count).drop(while: { $0 == " " })
                }
                let inlineMarker = ItemMarker.read(rest, previousLetter: nil)
                let start = lineOffset
                let headingEnd = start + trimmed.utf16.count - rest.utf16.count
                blocks.append(PendingBlock(part: match.entry.part, phrase: String(match.phrase), concept: match.entry.concept,
                                           modifier: match.modifier, addressee: addressee,
                                           range: document.map.source(SourceRange(start, headingEnd))))
                sections.add(block: blocks.count - 1)
                path = []
                if !rest.isEmpty {
                    let markerLength = inlineMarker?.length ?? 0
                    appendItem(inlineMarker, .init(text: rest.droppingUTF16(markerLength), start: headingEnd + markerLength))
                }
                continue
            }
            let previousLetter = path.last(where: { $0.kind == .letter })?.last
            if let marker = ItemMarker.read(trimmed, previousLetter: previousLetter) {
                appendItem(marker, .init(text: trimmed.droppingUTF16(marker.length), start: lineOffset + marker.length))
            } else {
                appendItem(nil, .init(text: trimmed, start: lineOffset))
            }
        }
        return finish(blocks, sections: sections.sections, end: end)
    }

    /// UN style: each preambular paragraph opens with its own capitalised phrase; operative
    /// paragraphs are numbered 1., 2. … and open with a verb, sub-items (a), (i).
    func parseUN(_ lines: [CleanDocument.Line]) -> ParsedBody {
        var blocks: [PendingBlock] = []
        var pendingNumber: String?
        var inOperative = false
        var sections = SectionReader()
        var end = lines.count

        func startBlock(_ part: Block.Part, number: String?, _ piece: PendingParagraph.Piece) {
            let text = piece.text
            let match = lexicon.match(atStartOf: text, preferring: part)
            let concept = match.flatMap { lexicon.unStyleConcepts[$0.entry.words] } ?? match?.entry.concept
                ?? PhraseConcept(part == .preamble ? "preamble" : "operative")
            let phraseLength = match?.phrase.utf16.count ?? 0
            blocks.append(PendingBlock(
                part: part, phrase: match.map { String($0.phrase) } ?? "", concept: concept, modifier: match?.modifier, addressee: nil,
                range: document.map.source(SourceRange(piece.start, piece.start + phraseLength)),
                items: [PendingParagraph(number: number, first: piece)]
            ))
            sections.add(block: blocks.count - 1)
        }

        for (lineIndex, line) in lines.enumerated() {
            let trimmed = line.text.drop(while: { $0 == " " })
            if trimmed.isEmpty { continue }
            let lineOffset = line.start + (line.text.utf16.count - trimmed.utf16.count)
            if Self.endsBody(trimmed) || (trimmed.hasSuffix("meeting") && trimmed.wholeMatch(of: Self.plenaryPattern) != nil) {
                end = lineIndex
                break
            }
            switch sections.read(trimmed, at: lineOffset, in: self) {
            case .opened:
                // A section opens with its own preambular paragraphs, then numbered ones (numbering runs on).
                inOperative = false
                pendingNumber = nil
                continue
            case .titled: continue
            case .none: break
            }
            let piece = PendingParagraph.Piece(text: trimmed, start: lineOffset)
            let startsWithDigit = trimmed.first?.isNumber == true
            if startsWithDigit, trimmed.count <= 4, let bare = trimmed.wholeMatch(of: Self.bareNumberPattern) {
                pendingNumber = ArabicChinese.digits(bare.1)
                continue
            }
            if startsWithDigit, let numbered = trimmed.prefixMatch(of: Self.numberedPattern),
               lexicon.match(atStartOf: trimmed.dropFirst(numbered.0.count), preferring: .operative)?.entry.part == .operative {
                inOperative = true
                let rest = trimmed.dropFirst(numbered.0.count)
                startBlock(.operative, number: ArabicChinese.digits(numbered.1), .init(text: rest, start: lineOffset + numbered.0.utf16.count))
                continue
            }
            if let number = pendingNumber {
                inOperative = true
                pendingNumber = nil
                startBlock(.operative, number: number, piece)
                continue
            }
            if inOperative, trimmed.first == "(", let marker = trimmed.prefixMatch(of: Self.subItemPattern), !blocks.isEmpty {
                let body = trimmed.dropFirst(marker.0.count)
                blocks[blocks.count - 1].items[0].children.append(
                    PendingParagraph(number: String(marker.1), first: .init(text: body, start: lineOffset + marker.0.utf16.count))
                )
                continue
            }
            // A preambular paragraph ends with a comma (or a semicolon), perhaps followed by a footnote number.
            let previousEnds = blocks.last?.items.last?.lastText.map(Self.endsPreambularParagraph) ?? true
            if !inOperative, previousEnds, trimmed.first?.opensSentence == true,
               let match = lexicon.match(atStartOf: trimmed), match.entry.part == .preamble || blocks.isEmpty {
                startBlock(.preamble, number: nil, piece)
                continue
            }
            guard !blocks.isEmpty else { continue }
            if var last = blocks[blocks.count - 1].items.last {
                if last.children.isEmpty { last.add(piece) } else { last.children[last.children.count - 1].add(piece) }
                blocks[blocks.count - 1].items[blocks[blocks.count - 1].items.count - 1] = last
            }
        }
        return finish(blocks, sections: sections.sections, end: end)
    }

    /// Real resolutions nest four levels at most; deeper markers are read as siblings, so that
    /// hostile input cannot build an unbounded tree.
    static let maximumDepth = 6

    /// Paragraphs longer than this (in bytes) are not searched for citations, times and bodies.
    static let longestSearchedParagraph = 64 * 1024

    /// Where the body stops: a rule of underscores, an annex heading, the end of a text.
    static func endsBody(_ line: Substring) -> Bool {
        guard let first = line.utf8.first else { return false }
        if first == 0x5F { return line.utf8.count >= 5 && line.utf8.allSatisfy { $0 == 0x5F } }
        return isAnnexHeading(line)
    }

    /// "Annex", "ANNEX II", "Annexe", "Anexo", "Приложение 1", "ANNEX TO RESOLUTION 999 (Rev. Doha, 2026)",
    /// "Annexe à la Résolution 71": a line of its own, not a sentence (it does not end with a full stop or a comma).
    static func isAnnexHeading(_ line: Substring) -> Bool {
        guard let first = line.first, "AП".contains(first), line.utf8.count <= 160, line.count <= 120,
              let last = line.last, !".,;:".contains(last) else { return false }
        return line.lowercased().wholeMatch(of: annexPattern) != nil
    }

    nonisolated(unsafe) static let annexPattern = /(?:annex(?:e|o)?|приложение)(?:\s+[\divx]+)?|(?:annex(?:e|o)?|приложение) (?:to|de|del|à la|к) .*/

    /// A line that divides the text into sections: "I", "II.", "A.", "Part 2", "SECTION III – Follow-up".
    func sectionHeading(_ line: Substring, at offset: Int) -> PendingSection? {
        guard line.utf8.count <= 160, let first = line.first, first.isUppercase else { return nil }
        let range = document.map.source(SourceRange(offset, offset + line.utf16.count))
        var text = line
        if text.hasSuffix(".") { text = text.dropLast() }
        if text.count <= 5, text.allSatisfy({ "IVXL".contains($0) }), !text.isEmpty {
            return PendingSection(number: String(text), heading: nil, range: range)
        }
        if line.count == 2, line.last == ".", first.isASCII, first.isLetter {
            return PendingSection(number: String(first), heading: nil, range: range)
        }
        // "Part 2", "SECTION III", "Section A – Title", "Part I: Title".
        guard let match = line.wholeMatch(of: Self.namedSectionPattern) else { return nil }
        let heading = match.2.map { String($0).trimmedSpaces }.flatMap { $0.isEmpty ? nil : $0 }
        return PendingSection(number: String(match.1), heading: heading, range: range)
    }

    nonisolated(unsafe) static let namedSectionPattern = /(?:Part|PART|Section|SECTION)\s+([IVXL]+|\d{1,2}|[A-Z])\.?(?:\s*[–—:-]\s*(.+))?/

    /// The title line under a section's number: not a paragraph (no opening phrase, no item
    /// number, no comma or semicolon at its end).
    func isSectionTitle(_ line: Substring) -> Bool {
        guard line.utf8.count <= 300, line.first?.isUppercase == true, let last = line.last, !",;".contains(last),
              ItemMarker.read(line, previousLetter: nil) == nil else { return false }
        return lexicon.match(atStartOf: line) == nil
    }
    nonisolated(unsafe) static let bareNumberPattern = /(\d{1,3})\./
    /// "1. Decides", and the Arabic "1 - تقرر".
    nonisolated(unsafe) static let numberedPattern = /(\d{1,3})(?:\.| ?[-–])\s+/
    nonisolated(unsafe) static let subItemPattern = /\(([a-z]{1,4})\)\s+/
    nonisolated(unsafe) static let plenaryPattern = /\d+(st|nd|rd|th) plenary meeting/

    /// Whether a preambular paragraph ends here: with a comma or a semicolon, perhaps followed by
    /// a footnote (a placeholder, or a number from PDF text: ", 4" or ",4").
    static func endsPreambularParagraph(_ text: Substring) -> Bool {
        // Only the end matters: the last bytes, with footnote placeholders (U+E000 digits U+E001) taken out.
        let tail = Array(text.utf8.suffix(64))
        var bytes: [UInt8] = []
        var index = 0
        while index < tail.count {
            if tail[index] == 0xEE, index + 2 < tail.count, tail[index + 1] == 0x80, tail[index + 2] == 0x80 {
                var end = index + 3
                while end < tail.count, ScanText.isDigit(tail[end]) { end += 1 }
                if end > index + 3, end + 2 < tail.count, tail[end] == 0xEE, tail[end + 1] == 0x80, tail[end + 2] == 0x81 {
                    index = end + 3
                    continue
                }
            }
            bytes.append(tail[index])
            index += 1
        }
        // A comma or a semicolon: ASCII, Arabic (، ؛: D8 8C, D8 9B) or full-width (， ；: EF BC 8C, EF BC 9B).
        func isEnd(_ position: Int) -> Bool {
            guard position >= 0, position < bytes.count else { return false }
            switch bytes[position] {
            case 0x2C, 0x3B: return true
            case 0x8C, 0x9B:
                return (position >= 1 && bytes[position - 1] == 0xD8) || (position >= 2 && bytes[position - 2] == 0xEF && bytes[position - 1] == 0xBC)
            default: return false
            }
        }
        var digits = bytes.count
        while digits > 0, ScanText.isDigit(bytes[digits - 1]) { digits -= 1 }
        switch bytes.count - digits {
        case 0: return isEnd(bytes.count - 1)
        case 1, 2: return isEnd(digits - 1) || (digits >= 1 && bytes[digits - 1] == 0x20 && isEnd(digits - 2))
        default: return false
        }
    }

    /// Whether a line may be an ITU phrase line ("recalling", "instructs the Secretary-General"):
    /// it starts in lower case, or, in a script without case (Arabic, Chinese), it is short and
    /// does not end as a paragraph does.
    static func mayBePhraseLine(_ line: Substring) -> Bool {
        guard let first = line.first else { return false }
        if first.isLowercase { return true }
        guard first.isLetter, !first.isCased, let last = line.last, line.count <= 120 else { return false }
        return !".;:؛；。：".contains(last)
    }

    private static func append(_ items: inout [PendingParagraph], depth: Int, _ item: PendingParagraph) {
        if depth == 0 || items.isEmpty {
            items.append(item)
        } else {
            append(&items[items.count - 1].children, depth: depth - 1, item)
        }
    }

    private static func modify(_ items: inout [PendingParagraph], depth: Int, _ change: (inout PendingParagraph) -> Void) {
        guard !items.isEmpty else { return }
        if depth <= 1 || items[items.count - 1].children.isEmpty {
            change(&items[items.count - 1])
        } else {
            modify(&items[items.count - 1].children, depth: depth - 1, change)
        }
    }

    /// Turns gathered blocks into the model: ids, texts, footnote references, and what each paragraph mentions.
    private func finish(_ pending: [PendingBlock], sections: [PendingSection], end: Int) -> ParsedBody {
        var preamble: [Block] = []
        var operative: [Block] = []
        var ids: [String] = []
        for block in pending {
            let index = (block.part == .preamble ? preamble.count : operative.count) + 1
            let id = (block.part == .preamble ? "pmbl_" : "op_") + String(index)
            ids.append(id)
            var paragraphs: [Paragraph] = []
            for (position, item) in block.items.enumerated() {
                paragraphs.append(paragraph(item, position: position + 1, parentID: id, block: block, level: 0))
            }
            let finished = Block(part: block.part, phrase: block.phrase, concept: block.concept, modifier: block.modifier,
                                 addressee: block.addressee, range: block.range, paragraphs: paragraphs, id: id)
            if block.part == .preamble { preamble.append(finished) } else { operative.append(finished) }
        }
        let finishedSections = sections.enumerated().map { index, section in
            Section(number: section.number, heading: section.heading, range: section.range, blockIDs: section.blocks.map { ids[$0] },
                    id: "sec_\(index + 1)")
        }
        return ParsedBody(preamble: preamble, operative: operative, sections: finishedSections, end: end)
    }

    private func paragraph(_ item: PendingParagraph, position: Int, parentID: String, block: PendingBlock, level: Int) -> Paragraph {
        let label = String((item.number ?? String(position)).map { $0 == "." ? "-" : $0 })
        let id = parentID + (level == 0 ? "__para_" : "__subpara_") + label
        let assembled = AssembledText(item.pieces, pageNoteMarkers: pageNoteMarkers)
        var verb: PhraseConcept?
        var addressee: String?
        if block.part == .operative {
            if block.addressee != nil || !block.phrase.isEmpty && block.items.count > 0 && Self.mayBePhraseLine(Substring(block.phrase)) {
                verb = block.concept
                addressee = block.addressee
            } else if let match = lexicon.match(atStartOf: Substring(assembled.text), preferring: .operative), match.entry.part == .operative {
                verb = match.entry.concept
                if Addressee.verbsWithAddressee.contains(match.entry.concept) {
                    addressee = Addressee.read(after: assembled.text.dropFirst(match.phrase.count))
                }
            }
        }
        let children = item.children.enumerated().map { paragraph($1, position: $0 + 1, parentID: id, block: block, level: level + 1) }
        return built(item, assembled: assembled, id: id, verb: verb, addressee: addressee, children: children)
    }

    /// A paragraph's text assembled from its pieces, searched for what it mentions, with every range in the source.
    func built(_ item: PendingParagraph, assembled: AssembledText? = nil, id: String, verb: PhraseConcept? = nil, addressee: String? = nil,
               children: [Paragraph] = []) -> Paragraph {
        let assembled = assembled ?? AssembledText(item.pieces, pageNoteMarkers: pageNoteMarkers)
        let toSource = { (range: SourceRange) in document.map.source(assembled.map.source(range)) }
        // A real paragraph is a few hundred words; one of megabytes is damage or an attack, and
        // searching it would take minutes. It keeps its text but is not searched for mentions.
        let extracted = assembled.text.utf8.count <= Self.longestSearchedParagraph
            ? Extraction.run(on: assembled.text, language: lexicon.language) : Extraction()
        let start = item.pieces.first?.start ?? 0
        let end = item.pieces.last.map { $0.start + $0.text.utf16.count } ?? start
        return Paragraph(
            number: item.number,
            text: assembled.text,
            range: document.map.source(SourceRange(start, end)),
            verb: verb,
            addressee: addressee,
            footnoteReferences: assembled.references,
            citations: extracted.citations.map { var c = $0; c.range = toSource(c.range); return c },
            times: extracted.times.map { var t = $0; t.range = toSource(t.range); return t },
            bodies: extracted.bodies.map { var m = $0; m.range = toSource(m.range); return m },
            actionLines: extracted.actionLines.map { var m = $0; m.range = toSource(m.range); return m },
            sdgs: extracted.sdgs.map { var m = $0; m.range = toSource(m.range); return m },
            children: children,
            id: id
        )
    }

    /// The annexes after the body: each opens with its heading line, may have a title line, and
    /// holds paragraphs, numbered or not. A line that starts in lower case goes on the paragraph
    /// before it (a line wrapped in PDF text). Lines between the body and the first annex (a rule,
    /// the plenary meeting) are not part of any.
    func parseAnnexes(_ lines: ArraySlice<CleanDocument.Line>) -> [Annex] {
        var annexes: [(heading: String, range: SourceRange, title: String?, items: [PendingParagraph])] = []
        var awaitingTitle = false
        for line in lines {
            let trimmed = line.text.drop(while: { $0 == " " })
            if trimmed.isEmpty { continue }
            let lineOffset = line.start + (line.text.utf16.count - trimmed.utf16.count)
            if Self.isAnnexHeading(trimmed) {
                annexes.append((String(trimmed), document.map.source(SourceRange(lineOffset, lineOffset + trimmed.utf16.count)), nil, []))
                awaitingTitle = true
                continue
            }
            guard !annexes.isEmpty else { continue }
            if Self.endsBody(trimmed) { continue }
            let last = annexes.count - 1
            if awaitingTitle {
                awaitingTitle = false
                if isSectionTitle(trimmed), trimmed.last != "." {
                    annexes[last].title = String(trimmed)
                    continue
                }
            }
            if let marker = ItemMarker.read(trimmed, previousLetter: annexes[last].items.last?.number) {
                annexes[last].items.append(PendingParagraph(number: marker.value,
                                                            first: .init(text: trimmed.droppingUTF16(marker.length), start: lineOffset + marker.length)))
            } else if trimmed.first?.isLowercase == true, !annexes[last].items.isEmpty {
                annexes[last].items[annexes[last].items.count - 1].add(.init(text: trimmed, start: lineOffset))
            } else {
                annexes[last].items.append(PendingParagraph(number: nil, first: .init(text: trimmed, start: lineOffset)))
            }
        }
        return annexes.enumerated().map { index, annex in
            let id = "annex_\(index + 1)"
            var used = Set<String>()
            let paragraphs = annex.items.enumerated().map { position, item in
                var label = String((item.number ?? String(position + 1)).map { $0 == "." ? "-" : $0 })
                if used.contains(label) { label += "_\(position + 1)" }
                used.insert(label)
                return built(item, id: "\(id)__para_\(label)")
            }
            return Annex(heading: annex.heading, title: annex.title, range: annex.range, paragraphs: paragraphs, id: id)
        }
    }
}

/// Who an operative paragraph addresses, read after its verb: "the Committee … to continue" →
/// "the Committee …"; nothing when the verb is followed by "that" or "the importance of …".
enum Addressee {
    /// Verbs whose object is someone asked to act ("Invites the Committee … to"), not a matter ("Emphasizes the need").
    static let verbsWithAddressee: Set<PhraseConcept> = [
        .instructs, .requests, .invites, .encourages, .urges, .callsUpon, .recommends, PhraseConcept("authorizes"),
        PhraseConcept("appeals"), PhraseConcept("directs"), PhraseConcept("reminds"),
    ]

    static func read(after text: Substring) -> String? {
        let rest = text.drop(while: { $0 == " " || $0 == "," })
        let lower = rest.lowercased()
        for matter in ["that ", "with ", "its ", "their ", "the need", "the importance", "upon ", "on "] where lower.hasPrefix(matter) {
            return nil
        }
        // The addressee runs to the first " to " that is not part of "in a position to do so".
        var searchStart = rest.startIndex
        var boundary: Range<Substring.Index>?
        while let to = rest.range(of: " to ", range: searchStart..<rest.endIndex) {
            if rest[to.upperBound...].hasPrefix("do so") {
                searchStart = to.upperBound
                continue
            }
            boundary = to
            break
        }
        guard let to = boundary else { return nil }
        let candidate = rest[..<to.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        guard !candidate.isEmpty, candidate.count <= 150 else { return nil }
        return candidate
    }
}

extension Character {
    /// Whether the character may open a sentence: a capital, or a letter of a script without case.
    var opensSentence: Bool { isUppercase || (isLetter && !isCased) }
}

extension Substring {
    /// The rest after the first `count` UTF-16 code units (offsets in this module are UTF-16).
    func droppingUTF16(_ count: Int) -> Substring {
        let index = utf16.index(startIndex, offsetBy: Swift.min(count, utf16.count))
        return self[index...]
    }
}
