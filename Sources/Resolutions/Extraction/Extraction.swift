import Foundation

/// What a paragraph mentions, with ranges in the paragraph's text (UTF-16).
struct Extraction {
    var citations: [Citation] = []
    var times: [TimeExpression] = []
    var bodies: [Mention] = []
    var actionLines: [Mention] = []
    var sdgs: [Mention] = []

    static func run(on text: String) -> Extraction {
        var result = Extraction()
        result.citations = CitationExtractor.extract(text)
        let cited = result.citations.map(\.range)
        result.times = TimeExtractor.extract(text).filter { time in !cited.contains { $0.overlaps(time.range) } }
        result.bodies = BodyExtractor.extract(text).filter { body in !cited.contains { $0.overlaps(body.range) } }
        result.actionLines = ActionLineExtractor.extract(text).filter { line in !cited.contains { $0.overlaps(line.range) } }
        result.sdgs = ActionLineExtractor.sdgs(text)
        return result
    }
}

extension SourceRange {
    public func overlaps(_ other: SourceRange) -> Bool { start < other.end && other.start < end }
}

extension String {
    /// The UTF-16 range of a match in this string.
    func utf16Range(_ range: Range<String.Index>) -> SourceRange {
        SourceRange(utf16.distance(from: utf16.startIndex, to: range.lowerBound),
                    utf16.distance(from: utf16.startIndex, to: range.upperBound))
    }
}
