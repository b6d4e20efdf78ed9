import Foundation

/// Akoma Ntoso 3.0 following AKN4UN: `<statement name="resolution">` with FRBR identification,
/// the masthead in `<preface>`, the formula and recitals in `<preamble>`, operative blocks in
/// `<mainBody>`, citations as `<ref>`, bodies as `<organization>`, dates and sessions as
/// `<date>` and `<event>`, footnotes as `<authorialNote>` where they are referred to.
public enum AkomaNtoso {
    public static let namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

    public static func render(_ resolution: Resolution, draft: Bool = false) -> String {
        var writer = Writer(resolution: resolution)
        return writer.document(draft: draft)
    }

    /// ISO 639-2 codes, as FRBR wants them.
    static func code(_ language: Language) -> String {
        switch language {
        case .arabic: "ara"
        case .chinese: "zho"
        case .english: "eng"
        case .spanish: "spa"
        case .french: "fra"
        case .russian: "rus"
        }
    }

    static func code(languageNamed name: String) -> String? {
        ["english": "eng", "french": "fra", "spanish": "spa", "russian": "rus", "arabic": "ara", "chinese": "zho"][name.lowercased()]
    }

    /// The AKN IRI of a cited work.
    static func href(_ citation: Citation) -> String {
        let parts = citation.id.split(separator: "/").map(String.init)
        switch citation.kind {
        case .unGeneralAssembly: return "/akn/un/statement/deliberation/un-ga/" + parts.dropFirst(3).joined(separator: "-")
        case .unECOSOC: return "/akn/un/statement/deliberation/un-ecosoc/" + parts.dropFirst(3).joined(separator: "-")
        case .unDocument: return "/akn/un/doc/" + parts.dropFirst(2).joined(separator: "-")
        case .ituDocument: return "/akn/un/doc/itu/" + parts.dropFirst(2).joined(separator: "-")
        default:
            // itu/pp/res/140 → /akn/un/statement/deliberation/itu-pp/res-140
            return "/akn/un/statement/deliberation/itu-\(parts[1])/res-\(parts[3])"
        }
    }

    struct Writer {
        let resolution: Resolution
        var output = ""
        var organizations: [String: String] = [:]
        var events: [String: String] = [:]
        var concepts: Set<String> = []
        var notesWritten: Set<String> = []

        init(resolution: Resolution) { self.resolution = resolution }

        /// The body that adopted the resolution, as an AKN actor.
        var actor: String {
            let symbol = resolution.symbol?.value ?? ""
            let formula = resolution.formula?.value.lowercased() ?? ""
            if symbol.hasPrefix("A/") || formula.contains("general assembly") { return "un-ga" }
            if symbol.hasPrefix("E/") || formula.contains("economic and social council") { return "un-ecosoc" }
            if formula.contains("plenipotentiary") { return "itu-pp" }
            if formula.contains("council") || formula.contains("conseil") || formula.contains("consejo") || formula.contains("совет")
                || symbol.hasPrefix("C") { return "itu-council" }
            return "un"
        }

        var date: String {
            switch resolution.date?.value {
            case .day(let day): day
            case .days(let day, _): day
            case .month(let month): month + "-01"
            case .year(let year): "\(year)-01-01"
            default: "1970-01-01"
            }
        }

        /// "C23/85-E" → "C23-85"; "A/RES/73/6" → "73-6".
        var number: String {
            var symbol = resolution.symbol?.value ?? "unnumbered"
            if symbol.hasPrefix("A/RES/") || symbol.hasPrefix("E/RES/") { symbol = String(symbol.dropFirst(6)) }
            if let dash = symbol.lastIndex(of: "-"), symbol.distance(from: dash, to: symbol.endIndex) == 2 { symbol = String(symbol[..<dash]) }
            return symbol.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: " ", with: "_")
        }

        mutating func document(draft: Bool) -> String {
            // The body first, so that the references it uses are known when <meta> is written.
            var body = ""
            swap(&output, &body)
            preface()
            preamble()
            mainBody()
            attachments()
            swap(&output, &body)

            let language = code(resolution.language)
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            xml += "<akomaNtoso xmlns=\"\(namespace)\">\n"
            xml += "<statement name=\"\(draft ? "resolutionDraft" : "resolution")\" contains=\"originalVersion\">\n"
            xml += "<meta>\n<identification source=\"#parser\">\n"
            xml += "<FRBRWork><FRBRthis value=\"\(work)/!main\"/><FRBRuri value=\"\(work)\"/>"
            xml += "<FRBRdate date=\"\(date)\" name=\"\(dateName)\"/><FRBRauthor href=\"\(author)\"/>"
            xml += "<FRBRcountry value=\"un\"/><FRBRsubtype value=\"deliberation\"/>"
            xml += "<FRBRnumber value=\"\(escape(number))\" showAs=\"\(escape(resolution.symbol?.value ?? number))\"/></FRBRWork>\n"
            xml += "<FRBRExpression><FRBRthis value=\"\(expression)/!main\"/><FRBRuri value=\"\(expression)\"/>"
            xml += "<FRBRdate date=\"\(date)\" name=\"\(dateName)\"/><FRBRauthor href=\"\(author)\"/>"
            xml += "<FRBRlanguage language=\"\(language)\"/>"
            if let original = resolution.originalLanguage.flatMap({ code(languageNamed: $0.value) }), original != language {
                xml += "<FRBRtranslation fromLanguage=\"\(original)\" by=\"#\(actor)\" href=\"\(work)/\(original)@\(date)\"/>"
            }
            xml += "</FRBRExpression>\n"
            xml += "<FRBRManifestation><FRBRthis value=\"\(expression)/!main.xml\"/><FRBRuri value=\"\(expression).xml\"/>"
            xml += "<FRBRdate date=\"\(date)\" name=\"markup\"/><FRBRauthor href=\"#parser\"/><FRBRformat value=\"application/akn+xml\"/></FRBRManifestation>\n"
            xml += "</identification>\n<references source=\"#parser\">\n"
            xml += "<TLCOrganization eId=\"parser\" href=\"/ontology/organization/local/wsis-platform\" showAs=\"WSIS+20 review platform\"/>\n"
            xml += "<TLCOrganization eId=\"\(actor)\" href=\"/ontology/organization/un/\(actor)\" showAs=\"\(escape(resolution.formula?.value.trimmingCharacters(in: CharacterSet(charactersIn: ", ")) ?? actor))\"/>\n"
            if let source = resolution.source {
                xml += "<TLCOrganization eId=\"proponent\" href=\"/ontology/organization/un/\(slug(source.value))\" showAs=\"\(escape(source.value))\"/>\n"
            }
            for (code, name) in organizations.sorted(by: { $0.key < $1.key }) where code != actor {
                xml += "<TLCOrganization eId=\"org_\(code)\" href=\"/ontology/organization/un/\(code)\" showAs=\"\(escape(name))\"/>\n"
            }
            for (id, name) in events.sorted(by: { $0.key < $1.key }) {
                xml += "<TLCEvent eId=\"\(id)\" href=\"/ontology/event/un/\(id)\" showAs=\"\(escape(name))\"/>\n"
            }
            for concept in concepts.sorted() {
                xml += "<TLCConcept eId=\"phrase_\(concept)\" href=\"/ontology/concept/un/phrase/\(concept)\" showAs=\"\(concept)\"/>\n"
            }
            xml += "</references>\n</meta>\n"
            xml += body
            xml += "</statement>\n</akomaNtoso>\n"
            return xml
        }

        mutating func preface() {
            let fields: [(String, String)] = [
                resolution.agendaItem.map { ("Agenda item: ", "<inline name=\"akn4un:agendaItem\" refersTo=\"#\(actor)\">\(escape($0.value))</inline>") },
                resolution.symbol.map { ("", "<docNumber>\(escape($0.value))</docNumber>") },
                date == "1970-01-01" ? nil : resolution.date.map { ("", "<docDate date=\"\(date)\">\(escape($0.text))</docDate>") },
                resolution.originalLanguage.map { ("Original: ", "<inline name=\"akn4un:originalLanguage\">\(escape($0.value))</inline>") },
                resolution.source.map { ("", "<docProponent refersTo=\"#proponent\">\(escape($0.value))</docProponent>") },
            ].compactMap { $0 }
            guard !fields.isEmpty || resolution.title != nil else { return }
            output += "<preface>\n"
            if !fields.isEmpty {
                output += "<container name=\"masthead\">\n"
                for (label, value) in fields { output += "<p>\(escape(label))\(value)</p>\n" }
                output += "</container>\n"
            }
            if let title = resolution.title {
                output += "<longTitle><p><docTitle>\(escape(title.value))</docTitle></p></longTitle>\n"
            }
            output += "</preface>\n"
        }

        mutating func preamble() {
            output += "<preamble>\n"
            if let formula = resolution.formula {
                output += "<formula name=\"enactingFormula\" refersTo=\"#\(actor)\"><p>\(escape(formula.value))</p></formula>\n"
            }
            for block in resolution.preamble {
                concepts.insert(block.concept.rawValue)
                output += "<recitals eId=\"\(block.id)\" refersTo=\"#phrase_\(block.concept)\">\n"
                if resolution.style == .itu {
                    output += "<intro><p><i>\(escape(block.phrase))</i></p></intro>\n"
                }
                for paragraph in block.paragraphs {
                    output += "<recital eId=\"\(paragraph.id)\">"
                    if let number = paragraph.number { output += "<num>\(escape(display(number)))</num>" }
                    output += "<p>\(inline(paragraph, phrase: resolution.style == .un ? block.phrase : nil))</p>"
                    for child in paragraph.children {
                        output += "<p>\(child.number.map { escape(display($0)) + " " } ?? "")\(inline(child, phrase: nil))</p>"
                    }
                    output += "</recital>\n"
                }
                output += "</recitals>\n"
            }
            output += "</preamble>\n"
        }

        mutating func mainBody() {
            output += "<mainBody>\n"
            // Operative blocks under a section heading are put in a <section>; the preambular
            // blocks of a section stay in <preamble>, which AKN keeps outside the body.
            var openSection: Section?
            for block in resolution.operative {
                let section = resolution.section(of: block.id)
                if section?.id != openSection?.id {
                    if openSection != nil { output += "</section>\n" }
                    if let section {
                        output += "<section eId=\"\(section.id)\"><num>\(escape(section.label))</num>"
                        if let heading = section.heading { output += "<heading>\(escape(heading))</heading>" }
                        output += "\n"
                    }
                    openSection = section
                }
                concepts.insert(block.concept.rawValue)
                if resolution.style == .itu {
                    output += "<hcontainer name=\"operativeBlock\" eId=\"\(block.id)\" refersTo=\"#phrase_\(block.concept)\">\n"
                    let heading = [block.phrase, block.addressee].compactMap { $0 }.joined(separator: " ")
                    output += "<intro><p><i>\(escape(heading))</i></p></intro>\n"
                    for paragraph in block.paragraphs { hierarchical(paragraph, element: "paragraph", phrase: nil) }
                    output += "</hcontainer>\n"
                } else {
                    for paragraph in block.paragraphs { hierarchical(paragraph, element: "paragraph", phrase: block.phrase) }
                }
            }
            if openSection != nil { output += "</section>\n" }
            output += "</mainBody>\n"
        }

        /// Each annex as an attachment: a `<doc name="annex">` with its own identification (the
        /// component `!annex_N` of the resolution's work and expression), its heading as title and
        /// its paragraphs as the body.
        mutating func attachments() {
            guard !resolution.annexes.isEmpty else { return }
            output += "<attachments>\n"
            for (index, annex) in resolution.annexes.enumerated() {
                let component = "!annex_\(index + 1)"
                output += "<attachment eId=\"att_\(index + 1)\">\n<doc name=\"annex\">\n"
                output += "<meta>\n<identification source=\"#parser\">\n"
                output += "<FRBRWork><FRBRthis value=\"\(work)/\(component)\"/><FRBRuri value=\"\(work)\"/>"
                output += "<FRBRdate date=\"\(date)\" name=\"\(dateName)\"/><FRBRauthor href=\"\(author)\"/><FRBRcountry value=\"un\"/></FRBRWork>\n"
                output += "<FRBRExpression><FRBRthis value=\"\(expression)/\(component)\"/><FRBRuri value=\"\(expression)\"/>"
                output += "<FRBRdate date=\"\(date)\" name=\"\(dateName)\"/><FRBRauthor href=\"\(author)\"/>"
                output += "<FRBRlanguage language=\"\(code(resolution.language))\"/></FRBRExpression>\n"
                output += "<FRBRManifestation><FRBRthis value=\"\(expression)/\(component).xml\"/><FRBRuri value=\"\(expression).xml\"/>"
                output += "<FRBRdate date=\"\(date)\" name=\"markup\"/><FRBRauthor href=\"#parser\"/></FRBRManifestation>\n"
                output += "</identification>\n</meta>\n"
                output += "<preface><longTitle><p><docTitle>\(escape(annex.heading))</docTitle></p>"
                if let title = annex.title { output += "<p>\(escape(title))</p>" }
                output += "</longTitle></preface>\n<mainBody>\n"
                if annex.paragraphs.isEmpty { output += "<p/>\n" }
                for paragraph in annex.paragraphs { hierarchical(paragraph, element: "paragraph", phrase: nil) }
                output += "</mainBody>\n</doc>\n</attachment>\n"
            }
            output += "</attachments>\n"
        }

        var work: String { "/akn/un/statement/deliberation/\(actor)/\(date)/\(number)" }
        var expression: String { "\(work)/\(code(resolution.language))@\(date)" }
        var author: String { resolution.source != nil ? "#proponent" : "#\(actor)" }
        var dateName: String { actor == "un-ga" ? "adoption" : "presentation" }

        /// A paragraph or point: `<content>` when it has no sub-items, else `<intro>` and a `<list>` of points.
        mutating func hierarchical(_ paragraph: Paragraph, element: String, phrase: String?) {
            output += "<\(element) eId=\"\(paragraph.id)\">"
            if let number = paragraph.number { output += "<num>\(escape(display(number)))</num>" }
            if paragraph.children.isEmpty {
                output += "<content><p>\(inline(paragraph, phrase: phrase))</p></content>"
            } else {
                output += "<list eId=\"\(paragraph.id)__list_1\"><intro><p>\(inline(paragraph, phrase: phrase))</p></intro>\n"
                for child in paragraph.children { hierarchical(child, element: "point", phrase: nil) }
                output += "</list>"
            }
            output += "</\(element)>\n"
        }

        func display(_ number: String) -> String {
            if number.first?.isNumber == true { return resolution.style == .un ? number + "." : number }
            return resolution.style == .un ? "(\(number))" : number + ")"
        }

        /// The paragraph's text with its mentions marked up and its footnotes placed.
        mutating func inline(_ paragraph: Paragraph, phrase: String?) -> String {
            let text = paragraph.text
            var spans: [(range: Range<String.Index>, open: String, close: String)] = []
            for (citation, range) in zip(paragraph.citations, paragraph.positions(of: paragraph.citations.map(\.text))) {
                if let range {
                    spans.append((range, "<ref href=\"\(AkomaNtoso.href(citation))\">", "</ref>"))
                }
            }
            for (body, range) in zip(paragraph.bodies, paragraph.positions(of: paragraph.bodies.map(\.text))) {
                if let range {
                    organizations[body.code] = organizations[body.code] ?? body.text
                    let target = body.code == actor ? actor : "org_\(body.code)"
                    spans.append((range, "<organization refersTo=\"#\(target)\">", "</organization>"))
                }
            }
            for (time, range) in zip(paragraph.times, paragraph.positions(of: paragraph.times.map(\.text))) {
                guard let range else { continue }
                switch time.value {
                case .day(let day):
                    spans.append((range, "<date date=\"\(day)\">", "</date>"))
                case .session(let body, let year, let qualifier):
                    let id = ["event", body, year.map(String.init), qualifier].compactMap { $0 }.joined(separator: "_")
                        .replacingOccurrences(of: "&", with: "")
                    events[id] = time.text
                    spans.append((range, "<event refersTo=\"#\(id)\">", "</event>"))
                default:
                    continue
                }
            }
            if let phrase, !phrase.isEmpty, text.hasPrefix(phrase) {
                spans.append((text.startIndex..<text.index(text.startIndex, offsetBy: phrase.count), "<i>", "</i>"))
            }
            // Outer spans first; a span overlapping one already placed is dropped.
            spans.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound }
            var kept: [(range: Range<String.Index>, open: String, close: String)] = []
            for span in spans where !kept.contains(where: { $0.range.overlaps(span.range) }) { kept.append(span) }
            var result = ""
            var position = text.startIndex
            for span in kept {
                result += escape(String(text[position..<span.range.lowerBound]))
                result += span.open + escape(String(text[span.range])) + span.close
                position = span.range.upperBound
            }
            result += escape(String(text[position...]))
            for marker in paragraph.footnoteReferences {
                result += footnote(marker)
            }
            return result
        }

        mutating func footnote(_ marker: String) -> String {
            guard let note = resolution.footnotes.first(where: { $0.marker == marker }) else { return "" }
            if notesWritten.contains(marker) {
                return "<sup><noteRef href=\"#ftn_\(marker)\" marker=\"\(escape(marker))\"/></sup>"
            }
            notesWritten.insert(marker)
            return "<sup><authorialNote eId=\"ftn_\(marker)\" marker=\"\(escape(marker))\" placement=\"bottom\"><p>\(escape(note.text))</p></authorialNote></sup>"
        }

        func code(_ language: Language) -> String { AkomaNtoso.code(language) }
        func code(languageNamed name: String) -> String? { AkomaNtoso.code(languageNamed: name) }
    }

    /// The parser's own markers (private-use characters) never reach the XML.
    static func escape(_ text: String) -> String { Markup.escape(text, omitting: ["\u{E000}", "\u{E001}"]) }

    static func slug(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }
}

private func escape(_ text: String) -> String { AkomaNtoso.escape(text) }
private func slug(_ text: String) -> String { AkomaNtoso.slug(text) }
