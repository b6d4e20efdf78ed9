/// Maps offsets in a derived text back to offsets in the text it was made from, when characters
/// were removed or replaced on the way. Stored as segments, not per character, so a large
/// document costs little memory.
public struct OffsetMap: Sendable, Equatable {
    /// (offset in the derived text, offset in the source) at the start of each run that was copied unchanged.
    private var segments: [(derived: Int, source: Int)] = []

    public init() {}

    /// Records that derived offset `derived` comes from source offset `source`.
    mutating func note(derived: Int, source: Int) {
        if let last = segments.last, source - last.source == derived - last.derived { return }
        segments.append((derived, source))
    }

    public func source(_ derived: Int) -> Int {
        guard !segments.isEmpty else { return derived }
        var low = 0, high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].derived <= derived { low = middle } else { high = middle - 1 }
        }
        let segment = segments[low]
        return segment.source + (derived - segment.derived)
    }

    public func source(_ range: SourceRange) -> SourceRange {
        guard range.end > range.start else { return SourceRange(source(range.start), source(range.start)) }
        return SourceRange(source(range.start), source(range.end - 1) + 1)
    }

    public static func == (lhs: OffsetMap, rhs: OffsetMap) -> Bool {
        lhs.segments.map(\.derived) == rhs.segments.map(\.derived) && lhs.segments.map(\.source) == rhs.segments.map(\.source)
    }
}

/// Builds a text out of pieces of a source while keeping the offset map.
struct MappedTextBuilder {
    private(set) var units: [UInt16] = []
    private(set) var map = OffsetMap()

    /// Appends `text`, which starts at `source` in the source (or replaces what is there).
    mutating func append(_ text: some StringProtocol, source: Int) {
        map.note(derived: units.count, source: source)
        var offset = 0
        for unit in text.utf16 {
            map.note(derived: units.count, source: source + offset)
            units.append(unit)
            offset += 1
        }
    }

    /// Appends one replacement character that stands for the source at `source`.
    mutating func append(unit: UInt16, source: Int) {
        map.note(derived: units.count, source: source)
        units.append(unit)
    }

    var count: Int { units.count }

    var string: String { String(decoding: units, as: UTF16.self) }
}
