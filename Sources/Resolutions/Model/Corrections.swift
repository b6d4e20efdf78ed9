/// A correction the secretariat makes to what the parser read, before confirming it.
public enum Correction: Sendable, Codable, Equatable {
    /// Who an operative block addresses (nil: no one in particular).
    case addressee(blockID: String, addressee: String?)
    /// A paragraph read under the wrong block is moved to the end of another.
    case move(paragraphID: String, toBlockID: String)
    /// A citation the parser missed, as written in the paragraph ("Resolution 1332 (C11)").
    case citation(paragraphID: String, text: String)
    /// A citation the parser read wrongly, by the words it was read from: it is taken out of the paragraph.
    case removeCitation(paragraphID: String, text: String)
}

extension Correction {
    /// A correction from the fields a form or an API body carries; nil for an unknown kind.
    public init?(kind: String, blockID: String?, paragraphID: String?, addressee: String?, citation: String?) {
        switch kind {
        case "addressee": self = .addressee(blockID: blockID ?? "", addressee: addressee)
        case "move": self = .move(paragraphID: paragraphID ?? "", toBlockID: blockID ?? "")
        case "citation": self = .citation(paragraphID: paragraphID ?? "", text: citation ?? "")
        case "uncite": self = .removeCitation(paragraphID: paragraphID ?? "", text: citation ?? "")
        default: return nil
        }
    }
}

public enum CorrectionError: Error, Equatable, Sendable {
    case unknownBlock(String)
    case unknownParagraph(String)
    case notACitation(String)
    /// The paragraph holds no citation read from these words.
    case notCited(String)
}

extension Resolution {
    /// The resolution with the correction made; identifiers of moved paragraphs follow their new block.
    public func applying(_ correction: Correction) throws -> Resolution {
        var copy = self
        switch correction {
        case .addressee(let blockID, let addressee):
            guard let index = copy.operative.firstIndex(where: { $0.id == blockID }) else {
                throw CorrectionError.unknownBlock(blockID)
            }
            let value = addressee.map(\.trimmedSpaces).flatMap { $0.isEmpty ? nil : $0 }
            copy.operative[index].addressee = value
            copy.operative[index].paragraphs = copy.operative[index].paragraphs.map { $0.settingAddressee(value) }

        case .move(let paragraphID, let toBlockID):
            var blocks = copy.preamble + copy.operative
            guard let target = blocks.firstIndex(where: { $0.id == toBlockID }) else { throw CorrectionError.unknownBlock(toBlockID) }
            guard let source = blocks.firstIndex(where: { $0.paragraphs.contains { $0.id == paragraphID } }) else {
                throw CorrectionError.unknownParagraph(paragraphID)
            }
            guard source != target else { return self }
            let position = blocks[source].paragraphs.firstIndex { $0.id == paragraphID }!
            var paragraph = blocks[source].paragraphs.remove(at: position)
            let taken = Set(blocks[target].paragraphs.map(\.id))
            var id = blocks[target].id + "__para_" + (paragraph.number ?? String(blocks[target].paragraphs.count + 1))
            var suffix = 2
            while taken.contains(id) { id = blocks[target].id + "__para_" + (paragraph.number ?? "") + "_\(suffix)"; suffix += 1 }
            paragraph = paragraph.renamed(id)
            if blocks[target].part == .operative {
                paragraph.verb = blocks[target].concept
                paragraph = paragraph.settingAddressee(blocks[target].addressee)
            } else {
                paragraph.verb = nil
                paragraph = paragraph.settingAddressee(nil)
            }
            blocks[target].paragraphs.append(paragraph)
            copy.preamble = blocks.filter { $0.part == .preamble }
            copy.operative = blocks.filter { $0.part == .operative }

        case .citation(let paragraphID, let text):
            let found = CitationExtractor.extract(text)
            guard var citation = found.first else { throw CorrectionError.notACitation(text) }
            guard copy.updateParagraph(paragraphID, { paragraph in
                // A citation added by hand points at its whole paragraph in the source.
                citation.range = paragraph.range
                citation.text = text
                paragraph.citations.append(citation)
            }) else { throw CorrectionError.unknownParagraph(paragraphID) }

        case .removeCitation(let paragraphID, let text):
            var removed = 0
            guard copy.updateParagraph(paragraphID, { paragraph in
                let before = paragraph.citations.count
                paragraph.citations.removeAll { $0.text == text.trimmedSpaces }
                removed = before - paragraph.citations.count
            }) else { throw CorrectionError.unknownParagraph(paragraphID) }
            guard removed > 0 else { throw CorrectionError.notCited(text) }
        }
        return copy
    }

    /// Changes the paragraph with this id wherever it stands; false when there is none.
    mutating func updateParagraph(_ id: String, _ change: (inout Paragraph) -> Void) -> Bool {
        func visit(_ paragraphs: inout [Paragraph]) -> Bool {
            for index in paragraphs.indices {
                if paragraphs[index].id == id { change(&paragraphs[index]); return true }
                if visit(&paragraphs[index].children) { return true }
            }
            return false
        }
        for index in preamble.indices where visit(&preamble[index].paragraphs) { return true }
        for index in operative.indices where visit(&operative[index].paragraphs) { return true }
        for index in annexes.indices where visit(&annexes[index].paragraphs) { return true }
        return false
    }
}

extension Paragraph {
    func settingAddressee(_ addressee: String?) -> Paragraph {
        var copy = self
        copy.addressee = addressee
        copy.children = children.map { $0.settingAddressee(addressee) }
        return copy
    }

    /// The paragraph under a new id, its sub-items renamed to follow.
    func renamed(_ id: String) -> Paragraph {
        var copy = self
        copy.id = id
        copy.children = children.enumerated().map { index, child in
            child.renamed(id + "__subpara_" + (child.number ?? String(index + 1)).replacingOccurrences(of: ".", with: "-"))
        }
        return copy
    }
}
