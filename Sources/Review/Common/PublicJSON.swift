import Foundation

/// The one naming of public JSON (README, "Names in open data and the API"): every member name is
/// snake_case, the same name a CSV column of the same field has. Types whose Swift names are
/// camelCase (a parsed resolution's structure) are written through this encoder, which turns
/// `agendaItem` into `agenda_item` and `suggestedSDGs` into `suggested_sdgs`; names with no
/// lower-case letter before a capital (`C7`, `en`) are left as they are.
public enum PublicJSON {
    public static func encoder(_ formatting: JSONEncoder.OutputFormatting = []) -> JSONEncoder {
        let encoder = Timestamp.jsonEncoder(formatting)
        encoder.keyEncodingStrategy = .custom { path in
            Key(snakeCase(path.last?.stringValue ?? ""))
        }
        return encoder
    }

    public static func snakeCase(_ name: String) -> String {
        var result = ""
        var previous: Character?
        for character in name {
            if character.isUppercase, let previous, previous.isLowercase {
                result.append("_")
            }
            previous = character
            result.append(character)
        }
        return result == name ? name : result.lowercased()
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
