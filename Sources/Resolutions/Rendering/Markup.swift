import Foundation

/// Text made safe inside HTML or XML, the one escaper of the platform (Akoma Ntoso, IATI, pages,
/// snippets, the matrix's SVG): `&`, `<`, `>`, `"` and `'` escaped, and the characters XML 1.0
/// cannot carry (control characters but tab and line ends, U+FFFE, U+FFFF) left out.
public enum Markup {
    public static func escape(_ text: String, omitting omitted: Set<Unicode.Scalar> = []) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                let value = scalar.value
                guard value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF),
                      !omitted.contains(scalar) else { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether the text is a web address: http or https, with a host.
    public static func isWebAddress(_ text: String) -> Bool {
        // A space is never part of an address: two addresses typed in one field are two values, not one.
        guard !text.contains(where: { $0.isWhitespace || $0.isNewline }), let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return false }
        return true
    }
}
