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

/// Builds a text out of pieces of a source while keeping the offset map. The text is kept as
/// UTF-8 (making the final `String` is then a copy, not a transcoding); offsets, in the map and
/// in `count`, are UTF-16 code units, as everywhere in this module.
struct MappedTextBuilder {
    private(set) var bytes: [UInt8] = []
    private(set) var map = OffsetMap()
    /// The text's length so far in UTF-16 code units.
    private(set) var count = 0

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends `text`, which starts at `source` in the source (or replaces what is there).
    /// Within it, offsets advance together, so one entry in the map covers it.
    mutating func append(_ text: some StringProtocol, source: Int) {
        map.note(derived: count, source: source)
        bytes.append(contentsOf: text.utf8)
        count += text.utf16.count
    }

    /// Appends ASCII bytes copied from the source at `source`.
    mutating func append(bytes ascii: ArraySlice<UInt8>, source: Int) {
        map.note(derived: count, source: source)
        bytes.append(contentsOf: ascii)
        count += ascii.count
    }

    /// Appends one character that stands for the source at `source`.
    mutating func append(_ scalar: Unicode.Scalar, source: Int) {
        map.note(derived: count, source: source)
        let value = scalar.value
        if value < 0x80 {
            bytes.append(UInt8(value))
            count += 1
        } else {
            bytes.append(contentsOf: UTF8.encode(scalar)!)
            count += value > 0xFFFF ? 2 : 1
        }
    }

    /// Appends one ASCII character that stands for the source at `source`.
    mutating func append(ascii: UInt8, source: Int) {
        map.note(derived: count, source: source)
        bytes.append(ascii)
        count += 1
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
