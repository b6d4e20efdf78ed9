import Foundation
import Mustache
import Resolutions
import Review

/// Every sentence the platform shows, by key, per language (`Strings/<language>.json`).
/// A key missing in a language falls back to English; a test checks that every key a template
/// or the code uses exists in English.
public struct Catalog: Sendable {
    /// Flattened: `nav.sdgs` → text, per language code.
    private let tables: [String: [String: String]]
    /// Per language code, the strings as a tree for templates, English filling what a language lacks.
    private let trees: [String: Tree]

    public init(directory: URL) throws {
        var tables: [String: [String: String]] = [:]
        for language in Language.allCases {
            let url = directory.appendingPathComponent("\(language.rawValue).json")
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw CatalogError.malformed(url.lastPathComponent)
            }
            var flat: [String: String] = [:]
            Self.flatten(object, prefix: "", into: &flat)
            tables[language.rawValue] = flat
        }
        guard let english = tables[Language.english.rawValue] else { throw CatalogError.malformed("en.json is missing") }
        self.tables = tables
        var trees: [String: Tree] = [:]
        for language in Language.allCases {
            var tree = Tree()
            for (key, value) in english.merging(tables[language.rawValue] ?? [:], uniquingKeysWith: { _, own in own }) {
                tree.insert(value, path: key.split(separator: ".").map(String.init)[...])
            }
            trees[language.rawValue] = tree
        }
        self.trees = trees
    }

    /// The catalog bundled with the platform.
    public static func bundled() throws -> Catalog {
        try Catalog(directory: Bundle.module.resourceURL!.appendingPathComponent("Strings"))
    }

    public var keys: Set<String> { Set(tables[Language.english.rawValue]!.keys) }

    /// The text for `key` in `language`, with `{name}` placeholders filled from `parameters`.
    /// With a `count`, the form of its CLDR plural category is used when the language's catalog has
    /// one (`<key>_one`, `_few` …; never another language's); the key itself is the "other" form.
    /// An unknown key shows as itself, so it is noticed rather than hidden.
    public func text(_ key: String, _ language: Language, _ parameters: [String: String] = [:]) -> String {
        var text = lookup(key, language) ?? key
        if let count = parameters["count"].flatMap(Self.wholeNumber) {
            let category = language.pluralCategory(count)
            let own = tables[language.rawValue] ?? tables[Language.english.rawValue]!
            if category != .other, let form = own[key + "_" + category.rawValue] { text = form }
        }
        for (name, value) in parameters {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// A count as the pages write it (`1,001`, `1 001`): its digits.
    static func wholeNumber(_ text: String) -> Int? {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        return digits.isEmpty || digits.count > 18 ? nil : Int(digits)
    }

    private func lookup(_ key: String, _ language: Language) -> String? {
        tables[language.rawValue]?[key] ?? tables[Language.english.rawValue]![key]
    }

    /// The sentence for a field error.
    public func message(for error: FieldError, _ language: Language) -> String {
        text("error.\(error.code)", language, error.parameters)
    }

    /// Why a document could not be read, in the reader's language (`reading.<code>`).
    public func message(for error: ReadingError, _ language: Language) -> String {
        text("reading.\(error.code)", language, error.parameters)
    }

    /// All strings of a language as a tree, for templates (`{{t.nav.sdgs}}`); made once, when the catalog is read.
    public func tree(_ language: Language) -> Tree {
        trees[language.rawValue] ?? trees[Language.english.rawValue]!
    }

    /// The catalog's strings by the parts of their keys, as templates look them up.
    public struct Tree: Sendable, MustacheParent {
        var texts: [String: String] = [:]
        var branches: [String: Tree] = [:]

        public func child(named name: String) -> Any? { texts[name] ?? branches[name] }

        mutating func insert(_ value: String, path: ArraySlice<String>) {
            guard let first = path.first else { return }
            if path.count == 1 {
                texts[first] = value
            } else {
                branches[first, default: Tree()].insert(value, path: path.dropFirst())
            }
        }
    }

    private static func flatten(_ object: [String: Any], prefix: String, into flat: inout [String: String]) {
        for (key, value) in object {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            if let text = value as? String {
                flat[path] = text
            } else if let nested = value as? [String: Any] {
                flatten(nested, prefix: path, into: &flat)
            }
        }
    }
}

public enum CatalogError: Error, CustomStringConvertible {
    case malformed(String)
    public var description: String {
        switch self {
        case .malformed(let file): "string catalog \(file) is not a JSON object of strings"
        }
    }
}
