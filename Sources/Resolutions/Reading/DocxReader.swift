import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads a Word document (.docx) straight from its OOXML parts into the text the parser reads:
/// one paragraph a line, list numbers rebuilt from `numbering.xml` (Word does not store them in
/// the text), deleted text of tracked changes dropped and inserted text kept, footnote
/// references and bodies written as the exporter tokens the text parser understands.
///
/// Hostile files are refused: more than 200 MB unpacked, or more than 100 times the packed size
/// (a zip bomb), and any XML part with a DOCTYPE (so no entity can be declared or expanded).
public enum DocxReader {
    public static let maximumUnpackedBytes = 200 * 1_048_576
    public static let maximumExpansion = 100

    public static func text(from data: Data) throws -> String {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ReadingError.unreadable(.notZip)
        }
        var unpacked = 0
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var bytes = Data()
            let limit = min(maximumUnpackedBytes - unpacked, max(Int(clamping: entry.compressedSize), 1) * maximumExpansion + 64 * 1024)
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    bytes.append(chunk)
                    if bytes.count > limit {
                        throw ReadingError.unreadable(.zipBomb(expansion: maximumExpansion, megabytes: maximumUnpackedBytes / 1_048_576))
                    }
                }
            } catch let error as ReadingError {
                throw error
            } catch {
                throw ReadingError.unreadable(.damagedPart(path))
            }
            unpacked += bytes.count
            if bytes.range(of: Data("<!DOCTYPE".utf8)) != nil || bytes.range(of: Data("<!ENTITY".utf8)) != nil {
                throw ReadingError.unreadable(.doctype(path))
            }
            return bytes
        }
        guard let document = try part("word/document.xml") else {
            throw ReadingError.unreadable(.zipNotWord)
        }
        let numbering = try part("word/numbering.xml").map(Numbering.init) ?? Numbering()
        let footnotes = try part("word/footnotes.xml").map { try Footnotes.read($0) } ?? [:]
        var (paragraphs, footnoteNumbers) = try Body.read(document, numbering: numbering)
        // Footnotes by the number Word shows (their order of reference in the text), not by Word's internal id.
        for (id, number) in footnoteNumbers.sorted(by: { $0.value < $1.value }) {
            if let text = footnotes[id] { paragraphs.append("[\(number): \(number) \(text)]") }
        }
        return paragraphs.joined(separator: "\n") + "\n"
    }

    /// A SAX walk of `document.xml`.
    final class Body: NSObject, XMLParserDelegate {
        let numbering: Numbering
        var paragraphs: [String] = []
        var current = ""
        var numberID: String?
        var level = 0
        var inText = false
        var deleted = 0
        var counters = Numbering.Counters()
        /// Each footnote's number as Word shows it: 1, 2, 3 … in the order the text refers to them.
        var footnoteNumbers: [String: Int] = [:]
        var failure: String?

        init(numbering: Numbering) { self.numbering = numbering }

        static func read(_ data: Data, numbering: Numbering) throws -> (paragraphs: [String], footnoteNumbers: [String: Int]) {
            let body = Body(numbering: numbering)
            let parser = XMLParser(data: data)
            parser.shouldResolveExternalEntities = false
            parser.delegate = body
            guard parser.parse() else {
                throw ReadingError.unreadable(.xmlUnreadable)
            }
            return (body.paragraphs, body.footnoteNumbers)
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "w:p": current = ""; numberID = nil; level = 0
            case "w:numId": numberID = attributes["w:val"]
            case "w:ilvl": level = Int(attributes["w:val"] ?? "0") ?? 0
            case "w:t": inText = deleted == 0
            case "w:del", "w:moveFrom": deleted += 1
            case "w:tab": if deleted == 0 { current += "\t" }
            case "w:br": if deleted == 0 { current += " " }
            // A hyphen Word keeps on one line, and one it shows only at a line's end (the reader drops it).
            case "w:noBreakHyphen": if deleted == 0 { current += "\u{2011}" }
            case "w:softHyphen": if deleted == 0 { current += "\u{00AD}" }
            case "w:footnoteReference":
                if let id = attributes["w:id"], deleted == 0 {
                    let number = footnoteNumbers[id] ?? footnoteNumbers.count + 1
                    footnoteNumbers[id] = number
                    current += "[footnoteRef:\(number)]"
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:t": inText = false
            case "w:del", "w:moveFrom": deleted = max(0, deleted - 1)
            case "w:p":
                var line = current
                if let numberID, let label = numbering.label(numberID: numberID, level: level, counters: &counters) {
                    line = label + "\t" + line
                }
                paragraphs.append(line)
            default: break
            }
        }
    }

    /// `footnotes.xml`: the body of each footnote by id (the separator notes, ids 0 and -1, left out).
    enum Footnotes {
        final class Delegate: NSObject, XMLParserDelegate {
            var notes: [String: String] = [:]
            var id: String?
            var text = ""
            var inText = false

            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "w:footnote" {
                    id = attributes["w:id"]
                    text = ""
                    if attributes["w:type"] != nil { id = nil }
                }
                if name == "w:t" { inText = true }
                if name == "w:tab", id != nil { text += " " }
                if name == "w:noBreakHyphen", id != nil { text += "\u{2011}" }
            }

            func parser(_ parser: XMLParser, foundCharacters string: String) { if inText, id != nil { text += string } }

            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "w:t" { inText = false }
                if name == "w:footnote", let id { notes[id] = text.trimmingCharacters(in: .whitespaces) }
            }
        }

        static func read(_ data: Data) throws -> [String: String] {
            let delegate = Delegate()
            let parser = XMLParser(data: data)
            parser.shouldResolveExternalEntities = false
            parser.delegate = delegate
            guard parser.parse() else { throw ReadingError.unreadable(.footnotesUnreadable) }
            return delegate.notes
        }
    }

    /// List numbering (`numbering.xml`): for each list, per level, the format and the label text.
    struct Numbering {
        struct Level {
            var format = "decimal"
            var text = "%1."
            var start = 1
        }

        /// numId → abstract levels.
        var lists: [String: [Int: Level]] = [:]

        struct Counters {
            var values: [String: [Int: Int]] = [:]
        }

        init() {}

        init(_ data: Data) throws {
            let delegate = Delegate()
            let parser = XMLParser(data: data)
            parser.shouldResolveExternalEntities = false
            parser.delegate = delegate
            guard parser.parse() else { throw ReadingError.unreadable(.numberingUnreadable) }
            for (numberID, abstractID) in delegate.numberToAbstract {
                lists[numberID] = delegate.abstracts[abstractID] ?? [:]
            }
        }

        /// The label Word would show for the next paragraph of list `numberID` at `level`.
        func label(numberID: String, level: Int, counters: inout Counters) -> String? {
            guard let levels = lists[numberID], let definition = levels[level] else { return nil }
            if definition.format == "bullet" || definition.format == "none" { return nil }
            var values = counters.values[numberID] ?? [:]
            values[level] = (values[level] ?? (definition.start - 1)) + 1
            for deeper in values.keys where deeper > level { values[deeper] = nil }
            counters.values[numberID] = values
            var label = definition.text
            for (index, value) in values where index <= level {
                let format = levels[index]?.format ?? "decimal"
                label = label.replacingOccurrences(of: "%\(index + 1)", with: Self.format(value, as: format))
            }
            return label
        }

        static func format(_ value: Int, as format: String) -> String {
            switch format {
            case "lowerLetter": return letters(value)
            case "upperLetter": return letters(value).uppercased()
            case "lowerRoman": return roman(value)
            case "upperRoman": return roman(value).uppercased()
            default: return String(value)
            }
        }

        static func letters(_ value: Int) -> String {
            guard value > 0 else { return "" }
            let letter = Character(UnicodeScalar(UInt8(97 + (value - 1) % 26)))
            return String(repeating: letter, count: (value - 1) / 26 + 1)
        }

        static func roman(_ value: Int) -> String {
            let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                                          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
            var rest = value
            var result = ""
            for (number, symbol) in table {
                while rest >= number { result += symbol; rest -= number }
            }
            return result
        }

        final class Delegate: NSObject, XMLParserDelegate {
            var abstracts: [String: [Int: Level]] = [:]
            var numberToAbstract: [String: String] = [:]
            var abstractID: String?
            var numberID: String?
            var level: Int?

            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                switch name {
                case "w:abstractNum": abstractID = attributes["w:abstractNumId"]
                case "w:lvl":
                    level = Int(attributes["w:ilvl"] ?? "0")
                    if let abstractID, let level { abstracts[abstractID, default: [:]][level] = Level() }
                case "w:numFmt": update { $0.format = attributes["w:val"] ?? "decimal" }
                case "w:lvlText": update { $0.text = attributes["w:val"] ?? "" }
                case "w:start": update { $0.start = Int(attributes["w:val"] ?? "1") ?? 1 }
                case "w:num": numberID = attributes["w:numId"]
                case "w:abstractNumId": if let numberID, let value = attributes["w:val"] { numberToAbstract[numberID] = value }
                default: break
                }
            }

            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "w:lvl" { level = nil }
                if name == "w:abstractNum" { abstractID = nil }
                if name == "w:num" { numberID = nil }
            }

            private func update(_ change: (inout Level) -> Void) {
                guard let abstractID, let level, var definition = abstracts[abstractID]?[level] else { return }
                change(&definition)
                abstracts[abstractID]?[level] = definition
            }
        }
    }
}
