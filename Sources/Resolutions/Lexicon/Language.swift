/// The six official languages of the United Nations, in the order the UN lists them.
///
/// Resolutions are published in all six; the platform's pages are offered in all six.
/// The raw value is the ISO 639-1 code (`zh` is Simplified Chinese).
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    case arabic = "ar"
    case chinese = "zh"
    case english = "en"
    case spanish = "es"
    case french = "fr"
    case russian = "ru"

    /// The language's name in the language itself, for language pickers.
    public var autonym: String {
        switch self {
        case .arabic: "العربية"
        case .chinese: "中文"
        case .english: "English"
        case .spanish: "Español"
        case .french: "Français"
        case .russian: "Русский"
        }
    }

    /// Arabic is written right to left; pages in it set `dir="rtl"`.
    public var isRightToLeft: Bool { self == .arabic }

    /// Reads a language tag such as `fr`, `fr-CH` or `zh-Hans`; nil for a language that is not one of the six.
    public init?(tag: String) {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        self.init(rawValue: primary)
    }
}
