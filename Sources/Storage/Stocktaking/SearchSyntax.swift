import Foundation
import Review

/// How a `SearchQuery` and an activity's words are written for each engine: FTS5's MATCH syntax,
/// PostgreSQL's tsquery and tsvector literals. Review reads what a person typed; only Storage
/// knows how each engine is asked.
extension SearchQuery {
    /// The query as FTS5 MATCH syntax, each word quoted so nothing is read as an operator;
    /// `column` limits every group to one column.
    func fts5(column: String? = nil) -> String {
        let expression = groups.map { group in
            "\"" + group.words.joined(separator: " ") + "\"" + (group.prefix ? " *" : "")
        }.joined(separator: " AND ")
        guard let column else { return expression }
        return "{\(column)} : (\(expression))"
    }

    /// The query as a PostgreSQL tsquery literal. A phrase is asked as its pairs of neighbouring
    /// words, which the index holds as lexemes of their own (see `ActivityDocument.tsvectorLiteral`):
    /// two words are exactly their pair; a longer phrase is its pairs and, to keep their order, the
    /// phrase itself, which PostgreSQL then checks only on the activities holding every pair. A
    /// phrase ending in a prefix is asked with `<->` alone.
    func tsquery() -> String {
        groups.map { group in
            let words = group.words.map { "'" + $0 + "'" }
            if words.count == 1 { return words[0] + (group.prefix ? ":*" : "") }
            let phrase = "(" + words.joined(separator: " <-> ") + (group.prefix ? ":*" : "") + ")"
            if group.prefix { return phrase }
            let pairs = zip(group.words, group.words.dropFirst()).map { "'" + $0 + " " + $1 + "'" }
            return pairs.count == 1 ? pairs[0] : "(" + pairs.joined(separator: " & ") + " & " + phrase + ")"
        }.joined(separator: " & ")
    }
}

extension ActivityDocument {
    /// A PostgreSQL tsvector literal: each word with its positions and the column's weight
    /// (A title, B summary, D description, C organization). Columns are 100 positions apart so
    /// that no phrase runs from one into the next, as in FTS5. Each two words that stand next to
    /// each other are also a lexeme of their own ("digital tools", without positions), so a phrase
    /// is found by the GIN index alone: PostgreSQL need not read every match's positions to check it.
    var tsvectorLiteral: String { Self.literal(columns, weights: ["A", "B", "D", "C"]) }

    /// The title's words alone (and their pairs), as a tsvector literal without weights.
    var titleTsvectorLiteral: String { Self.literal([title], weights: [""]) }

    /// PostgreSQL keeps at most this many positions of a word, and none beyond `maximumPosition`.
    static let maximumPositions = 255
    static let maximumPosition = 16383

    static func literal(_ columns: [[String]], weights: [String]) -> String {
        var entries: [String: [String]] = [:]
        var order: [String] = []
        var pairs: [String] = []
        var seenPairs = Set<String>()
        var position = 1
        for (column, words) in columns.enumerated() {
            // The word before, if its position was kept: a pair is made of kept positions only,
            // as PostgreSQL's `<->` sees them (migration 10 made the pairs of older rows so).
            var previous: String?
            for word in words {
                if position > maximumPosition { break }
                if entries[word] == nil { order.append(word) }
                let kept = entries[word, default: []].count < maximumPositions
                if kept {
                    entries[word, default: []].append("\(position)\(weights[column])")
                    if let previous {
                        let pair = previous + " " + word
                        if seenPairs.insert(pair).inserted { pairs.append(pair) }
                    }
                }
                previous = kept ? word : nil
                position += 1
            }
            position += 100
        }
        return (order.map { "'\($0)':" + entries[$0]!.joined(separator: ",") } + pairs.map { "'\($0)'" }).joined(separator: " ")
    }
}
