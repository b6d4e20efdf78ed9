import Foundation
import Resolutions

/// HTML of a text with some of its ranges marked, escaped everywhere. Ranges are UTF-16
/// offsets, as the parser reports them; overlapping ranges keep the first (outermost) one.
enum Highlighter {
    struct Span {
        var range: SourceRange
        /// The opening tag, already made safe by the caller; the matching closing tag is `close`.
        var open: String
        var close: String
    }

    static func html(_ text: String, spans: [Span]) -> String {
        let units = Array(text.utf16)
        let sorted = spans
            .filter { $0.range.start >= 0 && $0.range.end <= units.count && $0.range.start < $0.range.end }
            .sorted { $0.range.start != $1.range.start ? $0.range.start < $1.range.start : $0.range.end > $1.range.end }
        var kept: [Span] = []
        for span in sorted where !kept.contains(where: { $0.range.overlaps(span.range) }) { kept.append(span) }
        var html = ""
        var position = 0
        for span in kept {
            html += escape(units[position..<span.range.start])
            html += span.open + escape(units[span.range.start..<span.range.end]) + span.close
            position = span.range.end
        }
        html += escape(units[position...])
        return html
    }

    static func escape(_ units: ArraySlice<UInt16>) -> String {
        escape(String(decoding: units, as: UTF16.self))
    }

    static func escape(_ text: String) -> String { Markup.escape(text) }
}
