import Foundation

/// Two language versions of one resolution, paired paragraph by paragraph.
///
/// Pairs are found by structure first (the same paragraph id: block, paragraph and item
/// numbers), then by what a translation keeps unchanged (numbers, dates, symbols, citations,
/// Action Lines, goals), then by relative length. A paragraph with no convincing counterpart
/// stays alone: it is never forced into a wrong pair.
public struct Alignment: Sendable, Equatable, Codable {
    /// Why two paragraphs were paired, or that one was not.
    public enum Basis: String, Sendable, Codable, CaseIterable {
        /// The same place in the structure (and nothing they mention disagrees).
        case structure
        /// Different places, but the same numbers, dates, symbols or citations.
        case anchors
        /// Neighbours in order and of matching length, nothing else to go by.
        case length
        /// No counterpart in the other version.
        case unaligned
    }

    public struct Pair: Sendable, Equatable, Codable {
        /// Paragraph ids; one of them is nil when the paragraph has no counterpart.
        public var left: String?
        public var right: String?
        public var basis: Basis

        public init(left: String?, right: String?, basis: Basis) {
            self.left = left
            self.right = right
            self.basis = basis
        }
    }

    /// In reading order: the preamble, the operative part, then each annex.
    public var pairs: [Pair]

    public init(pairs: [Pair]) { self.pairs = pairs }

    /// The counterpart of a left paragraph, if it has one.
    public func right(for leftID: String) -> String? { pairs.first { $0.left == leftID }?.right }
    /// The counterpart of a right paragraph, if it has one.
    public func left(for rightID: String) -> String? { pairs.first { $0.right == rightID }?.left }

    /// Pairs both of whose paragraphs exist.
    public var pairedCount: Int { pairs.filter { $0.left != nil && $0.right != nil }.count }
}

/// Pairs the paragraphs of two language versions (see `Alignment`).
public enum Aligner {
    /// Aligns `left` with `right`; each part (preamble, operative part, each annex) on its own,
    /// keeping the order of both texts.
    public static func align(_ left: Resolution, _ right: Resolution) -> Alignment {
        let leftParts = parts(of: left), rightParts = parts(of: right)
        let leftTotal = totalLength(leftParts), rightTotal = totalLength(rightParts)
        var pairs: [Alignment.Pair] = []
        for index in 0..<max(leftParts.count, rightParts.count) {
            let a = index < leftParts.count ? leftParts[index] : []
            let b = index < rightParts.count ? rightParts[index] : []
            pairs += alignPart(a, b, leftTotal: leftTotal, rightTotal: rightTotal)
        }
        return Alignment(pairs: pairs)
    }

    /// What alignment compares of a paragraph.
    struct Item {
        var id: String
        var number: String?
        var depth: Int
        var length: Int
        /// What a faithful translation keeps: cited works, time values, codes, digits.
        var anchors: Set<String>

        init(_ paragraph: Paragraph) {
            id = paragraph.id
            number = paragraph.number
            depth = paragraph.id.components(separatedBy: "__subpara_").count - 1
            length = paragraph.text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
            var anchors = Set<String>()
            anchors.formUnion(paragraph.citations.map { "cite:" + $0.id })
            anchors.formUnion(paragraph.times.map { "time:" + $0.value.description })
            anchors.formUnion(paragraph.actionLines.map { "line:" + $0.code })
            anchors.formUnion(paragraph.sdgs.map { "sdg:" + $0.code })
            anchors.formUnion(paragraph.footnoteReferences.map { "note:" + $0 })
            anchors.formUnion(Self.digitRuns(paragraph.text).map { "num:" + $0 })
            self.anchors = anchors
        }

        /// Runs of two or more digits (Arabic-Indic and other decimal digits read as 0–9): years,
        /// resolution numbers, amounts. Single digits are too common to tell paragraphs apart.
        static func digitRuns(_ text: String) -> Set<String> {
            var runs = Set<String>()
            var current = ""
            for scalar in text.unicodeScalars {
                if let digit = scalar.properties.numericType == .decimal ? scalar.properties.numericValue : nil {
                    current.append(String(Int(digit)))
                } else {
                    if current.count >= 2 { runs.insert(current) }
                    current = ""
                }
            }
            if current.count >= 2 { runs.insert(current) }
            return runs
        }
    }

    static func parts(of resolution: Resolution) -> [[Item]] {
        func items(_ blocks: [Block]) -> [Item] { blocks.flatMap { $0.paragraphs.flatMap(\.flattened) }.map(Item.init) }
        return [items(resolution.preamble), items(resolution.operative)]
            + resolution.annexes.map { $0.paragraphs.flatMap(\.flattened).map(Item.init) }
    }

    static func totalLength(_ parts: [[Item]]) -> Int { max(1, parts.joined().reduce(0) { $0 + $1.length }) }

    /// Below this score two paragraphs are not paired.
    static let threshold = 0.5

    /// How well two paragraphs correspond, and on what basis.
    static func score(_ a: Item, _ b: Item, leftTotal: Int, rightTotal: Int) -> (value: Double, basis: Alignment.Basis) {
        var value = 0.0
        let sameID = a.id == b.id
        if sameID { value += 2 }
        if a.depth != b.depth { value -= 1 }
        var sharedAnchors = false
        if !a.anchors.isEmpty || !b.anchors.isEmpty {
            let common = a.anchors.intersection(b.anchors).count
            let all = a.anchors.union(b.anchors).count
            if common > 0 {
                value += 2 * Double(common) / Double(all)
                sharedAnchors = true
            } else {
                // What one mentions and the other does not speaks against the pair.
                value -= a.anchors.isEmpty || b.anchors.isEmpty ? 0.5 : 1.5
            }
        }
        // Each paragraph's share of its whole text: a translation keeps proportions roughly.
        let shareA = Double(max(1, a.length)) / Double(leftTotal), shareB = Double(max(1, b.length)) / Double(rightTotal)
        let ratio = abs(log2(shareA / shareB))
        value += 0.75 * (1 - min(2, ratio))
        let basis: Alignment.Basis = sameID ? .structure : sharedAnchors ? .anchors : .length
        return (value, basis)
    }

    /// The order-keeping pairing of two lists that scores highest (a dynamic programme over both
    /// lists; resolutions have hundreds of paragraphs at most).
    static func alignPart(_ a: [Item], _ b: [Item], leftTotal: Int, rightTotal: Int) -> [Alignment.Pair] {
        let n = a.count, m = b.count
        if n == 0 { return b.map { .init(left: nil, right: $0.id, basis: .unaligned) } }
        if m == 0 { return a.map { .init(left: $0.id, right: nil, basis: .unaligned) } }
        var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        var scores = [[(value: Double, basis: Alignment.Basis)]](
            repeating: [(Double, Alignment.Basis)](repeating: (0, .unaligned), count: m), count: n)
        for i in 0..<n {
            for j in 0..<m { scores[i][j] = score(a[i], b[j], leftTotal: leftTotal, rightTotal: rightTotal) }
        }
        for i in 1...n {
            for j in 1...m {
                var value = max(best[i - 1][j], best[i][j - 1])
                let pair = scores[i - 1][j - 1].value
                if pair >= threshold { value = max(value, best[i - 1][j - 1] + pair) }
                best[i][j] = value
            }
        }
        // Walk back from the end, preferring a pair when it is what made the best score.
        var pairs: [Alignment.Pair] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            if i > 0, j > 0, scores[i - 1][j - 1].value >= threshold,
               abs(best[i][j] - (best[i - 1][j - 1] + scores[i - 1][j - 1].value)) < 1e-9 {
                pairs.append(.init(left: a[i - 1].id, right: b[j - 1].id, basis: scores[i - 1][j - 1].basis))
                i -= 1
                j -= 1
            } else if i > 0, j == 0 || best[i][j] == best[i - 1][j] {
                pairs.append(.init(left: a[i - 1].id, right: nil, basis: .unaligned))
                i -= 1
            } else {
                pairs.append(.init(left: nil, right: b[j - 1].id, basis: .unaligned))
                j -= 1
            }
        }
        return pairs.reversed()
    }
}
