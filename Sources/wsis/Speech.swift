import Foundation
import Resolutions
import Web

/// The language of the command line's messages for people: the first of `LC_ALL`, `LC_MESSAGES`
/// and `LANG` (the POSIX order) that is set, when it names one of the six languages (`fr_FR.UTF-8`,
/// `ar`, `zh_CN.UTF-8`); English otherwise (`C`, `POSIX`, unset, another language). What commands
/// print as data (tab-separated lines, JSON, ids, codes, column names) is the same in every language.
enum Speech {
    static let language: Language = {
        let environment = ProcessInfo.processInfo.environment
        let setting = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return Language(tag: setting) ?? .english
    }()

    static let catalog = try? Catalog.bundled()

    /// The catalogue's text for `key` in the command line's language.
    static func text(_ key: String, _ parameters: [String: String] = [:]) -> String {
        catalog?.text(key, language, parameters) ?? key
    }
}
