import Foundation
import Resolutions
import Testing
@testable import Web

/// The six catalogues (`Sources/Web/Strings/<language>.json`) against the English one, and the
/// plural forms against the CLDR rules.
@Suite("Six languages")
struct CatalogTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Web/Strings")

    /// Keys whose text is rightly the English one in a language: format names, a date pattern the
    /// reader types as it is, and words that are the same in French or Spanish.
    static let sameAsEnglish: [Language: Set<String>] = {
        // Format names, and a message that is only the words a PDF extractor gave.
        let formats: Set<String> = ["mandates.csv", "mandates.json", "activities.csv", "activities.json", "activities.iati", "reading.other"]
        return [
            .french: formats.union(["action_lines.code", "actors.code", "matrix.total", "resolutions.version", "resolution.version", "mandate.version", "languages.version",
                                    "resolution.date", "calendar.date", "resolution.source", "resolution.structure", "activities.impact",
                                    "activities.contact"]),
            .spanish: formats.union(["matrix.total", "activities.coverage.regional", "activities.facets.chip", "punctuation.colon"]),
            .russian: formats.union(["activities.facets.chip", "punctuation.colon"]),
            .arabic: formats.union(["activities.date_placeholder", "activities.facets.chip", "punctuation.colon"]),
            .chinese: formats.union(["activities.date_placeholder"]),
        ]
    }()

    static func table(_ language: Language) throws -> [String: String] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(language.rawValue).json"))
        var flat: [String: String] = [:]
        func walk(_ value: Any, _ path: String) {
            if let text = value as? String { flat[path] = text }
            if let object = value as? [String: Any] {
                for (key, child) in object { walk(child, path.isEmpty ? key : path + "." + key) }
            }
        }
        walk(try JSONSerialization.jsonObject(with: data), "")
        return flat
    }

    static func placeholders(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{[a-z_]+\}/).map { String($0.0) })
    }

    /// The plural suffixes a language's catalogue may add to a key whose English text counts.
    static func pluralSuffixes(_ language: Language) -> [String] {
        language.pluralCategories.filter { $0 != .other }.map { "_" + $0.rawValue }
    }

    @Test("every catalogue has every key English has (its plural forms too), no other, the same placeholders, and no English left", arguments: Language.allCases)
    func complete(language: Language) throws {
        let english = try Self.table(.english)
        let own = try Self.table(language)
        let englishPlural = Set(Self.pluralSuffixes(.english).flatMap { suffix in english.keys.filter { $0.hasSuffix(suffix) } })
        let base = english.filter { !englishPlural.contains($0.key) }
        let counted = base.filter { $0.value.contains("{count}") }.map(\.key)
        #expect(!counted.isEmpty)
        // Forms for the categories counts up to 1000 fall in are required; others (French and Spanish
        // "many", for whole millions) may be given.
        let needed = language.pluralCategories.filter { category in category != .other && (0...1000).contains { language.pluralCategory($0) == category } }
        // Every key English has, its plural forms included (in Chinese, which counts with one form,
        // a `_one` key holds that form), and the forms the language itself needs.
        var expected = Set(english.keys)
        for key in counted { for category in needed { expected.insert(key + "_" + category.rawValue) } }
        let suffixes = Self.pluralSuffixes(language) + Self.pluralSuffixes(.english)
        var allowed = expected
        for key in counted { for suffix in suffixes { allowed.insert(key + suffix) } }
        let missing = expected.subtracting(own.keys).sorted()
        let extra = Set(own.keys).subtracting(allowed).sorted()
        #expect(missing.isEmpty, "\(language.rawValue).json lacks \(missing.prefix(20))")
        #expect(extra.isEmpty, "\(language.rawValue).json has keys English does not: \(extra.prefix(20))")

        for (key, text) in own {
            let baseKey = counted.first { key.hasPrefix($0 + "_") && suffixes.contains(String(key.dropFirst($0.count))) } ?? key
            guard let source = base[baseKey] else { continue }
            var wanted = Self.placeholders(source)
            // A form for exactly one number ("one" in English, "two" in Arabic) may say the number in words.
            if baseKey != key, let category = PluralCategory(rawValue: String(key.dropFirst(baseKey.count + 1))),
               (0...1000).filter({ language.pluralCategory($0) == category }).count == 1 {
                wanted.remove("{count}")
                #expect(Self.placeholders(text).isSubset(of: Self.placeholders(source)), "\(language.rawValue) \(key)")
            } else {
                #expect(Self.placeholders(text) == wanted, "\(language.rawValue) \(key): \(Self.placeholders(text).sorted()) ≠ \(wanted.sorted())")
            }
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language.rawValue) \(key) is empty")
        }
        guard language != .english else { return }
        let untranslated = english.keys.filter { own[$0] == english[$0] }.filter { !(Self.sameAsEnglish[language] ?? []).contains($0) }.sorted()
        #expect(untranslated.isEmpty, "\(language.rawValue).json still holds the English text of \(untranslated.prefix(20))")
        let stale = (Self.sameAsEnglish[language] ?? []).filter { own[$0] != base[$0] }.sorted()
        #expect(stale.isEmpty, "listed as the same as English but translated: \(stale)")
        // The calendar splits the weekdays on spaces: seven names, Monday first.
        #expect(own["calendar.weekdays"]?.split(separator: " ").count == 7)
        // French sets a no-break space before : ; ? ! (a plain space would let the line break before them).
        if language == .french {
            let plainSpaceBefore = own.filter { key, text in
                !["profile.tokens_intro", "activities.form.country_codes"].contains(key) && text.firstMatch(of: /[^\u{00A0}\u{202F}\d(][:;?!](\s|$|\{)/) != nil
                    || text.contains(" :") || text.contains(" ;") || text.contains(" ?") || text.contains(" !")
            }.keys.sorted()
            #expect(plainSpaceBefore.isEmpty, "French without a no-break space before : ; ? ! in \(plainSpaceBefore.prefix(20))")
        }
    }

    @Test("plural categories follow CLDR for 0, 1, 2, 3, 5, 11, 21, 101 and 1000 in each language")
    func pluralRules() {
        let counts = [0, 1, 2, 3, 5, 11, 21, 101, 1000]
        let expected: [Language: [PluralCategory]] = [
            .english: [.other, .one, .other, .other, .other, .other, .other, .other, .other],
            .french: [.one, .one, .other, .other, .other, .other, .other, .other, .other],
            .spanish: [.other, .one, .other, .other, .other, .other, .other, .other, .other],
            .russian: [.many, .one, .few, .few, .many, .many, .one, .one, .many],
            .arabic: [.zero, .one, .two, .few, .few, .many, .many, .other, .other],
            .chinese: [.other, .other, .other, .other, .other, .other, .other, .other, .other],
        ]
        for language in Language.allCases {
            #expect(counts.map(language.pluralCategory) == expected[language], "\(language.rawValue)")
        }
        #expect(Language.french.pluralCategory(1_000_000) == .many && Language.spanish.pluralCategory(2_000_000) == .many)
        #expect(Language.russian.pluralCategory(12) == .many && Language.russian.pluralCategory(22) == .few && Language.arabic.pluralCategory(111) == .many)
    }

    @Test("a counted phrase takes its language's form for the count, never another language's")
    func pluralTexts() throws {
        let catalog = try Catalog.bundled()
        func total(_ language: Language, _ count: Int) -> String { catalog.text("activities.total", language, ["count": String(count)]) }
        #expect(total(.english, 1) == "1 activity" && total(.english, 0) == "0 activities" && total(.english, 21) == "21 activities")
        #expect(total(.french, 0).hasPrefix("0 ") && total(.french, 0) == total(.french, 1).replacingOccurrences(of: "1", with: "0"), "French: 0 is singular")
        #expect(total(.russian, 1) == "1 мероприятие" && total(.russian, 21) == "21 мероприятие" && total(.russian, 3) == "3 мероприятия"
                && total(.russian, 11) == "11 мероприятий" && total(.russian, 5) == "5 мероприятий")
        #expect(total(.arabic, 1) == "نشاط واحد" && total(.arabic, 2) == "نشاطان" && total(.arabic, 3) == "3 أنشطة" && total(.arabic, 11) == "11 نشاطاً")
        #expect(total(.chinese, 1).contains("1") && total(.chinese, 1) == total(.chinese, 2).replacingOccurrences(of: "2", with: "1"),
                "Chinese: one form, never English's singular")
        #expect(catalog.text("activities.total", .russian, ["count": "1 021"]) == "1 021 мероприятие", "a count written with a separator")
    }

    @Test("dates and numbers as each language writes them, from Foundation's locale data, with Latin digits in Arabic")
    func localeFormats() {
        func spaces(_ text: String) -> String { text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ") }
        #expect(LocaleFormat.date("2024-05-27", .french) == "27 mai 2024")
        #expect(spaces(LocaleFormat.date("2024-05-27", .russian)) == "27 мая 2024 г.")
        #expect(LocaleFormat.date("2024-05-27", .chinese) == "2024年5月27日")
        #expect(LocaleFormat.date("2024-05-27", .english) == "May 27, 2024")
        #expect(LocaleFormat.date("2024-05-27", .spanish).contains("mayo") && LocaleFormat.date("2024-05-27", .arabic).contains("27"))
        #expect(LocaleFormat.date("2024-05", .french) == "mai 2024" && LocaleFormat.date("2024", .chinese) == "2024")
        #expect(LocaleFormat.date("2026-02-30", .french) == "2026-02-30" && LocaleFormat.date("soon", .french) == "soon", "not a date: as it is")
        #expect(!LocaleFormat.date("2024-05-27", .arabic).contains { ("\u{0660}"..."\u{0669}").contains($0) }, "Latin digits")
        #expect(spaces(LocaleFormat.number(1234567, .french)) == "1 234 567" && LocaleFormat.number(1234567, .english) == "1,234,567")
        #expect(LocaleFormat.number(1234, .arabic).allSatisfy { $0.isASCII || !$0.isNumber })
        #expect(spaces(LocaleFormat.range("2025-07-07", "2025-07-11", .english)) == "July 7, 2025 – July 11, 2025")
    }
}
