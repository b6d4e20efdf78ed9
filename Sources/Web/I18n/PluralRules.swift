import Resolutions

/// The CLDR plural categories (https://cldr.unicode.org/index/cldr-spec/plural-rules): which form of
/// a counted phrase a language uses for a whole number. A catalog key with a `{count}` holds the
/// "other" form; `<key>_zero`, `_one`, `_two`, `_few` and `_many` hold the others a language has.
public enum PluralCategory: String, CaseIterable, Sendable {
    case zero, one, two, few, many, other
}

extension Language {
    /// The category of the whole number `n` (n ≥ 0), by the CLDR rules for integers.
    public func pluralCategory(_ n: Int) -> PluralCategory {
        switch self {
        case .english:
            return n == 1 ? .one : .other
        case .spanish:
            // es: one for 1; many for whole millions (1 000 000 de actividades).
            if n == 1 { return .one }
            return n != 0 && n % 1_000_000 == 0 ? .many : .other
        case .french:
            // fr: one for 0 and 1; many for whole millions (1 000 000 d’activités).
            if n == 0 || n == 1 { return .one }
            return n % 1_000_000 == 0 ? .many : .other
        case .russian:
            let (ten, hundred) = (n % 10, n % 100)
            if ten == 1 && hundred != 11 { return .one }
            if (2...4).contains(ten) && !(12...14).contains(hundred) { return .few }
            return .many
        case .arabic:
            let hundred = n % 100
            switch n {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            default:
                if (3...10).contains(hundred) { return .few }
                if (11...99).contains(hundred) { return .many }
                return .other
            }
        case .chinese:
            return .other
        }
    }

    /// The categories a language uses for whole numbers, "other" last.
    public var pluralCategories: [PluralCategory] {
        switch self {
        case .english: [.one, .other]
        case .spanish, .french: [.one, .many, .other]
        case .russian: [.one, .few, .many]
        case .arabic: [.zero, .one, .two, .few, .many, .other]
        case .chinese: [.other]
        }
    }
}
