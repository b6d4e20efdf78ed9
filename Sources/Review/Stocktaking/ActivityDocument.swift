import Foundation

/// An activity's words by column, as both search engines index them.
public struct ActivityDocument: Sendable, Equatable {
    public var title: [String]
    public var summary: [String]
    public var body: [String]
    public var organization: [String]

    public init(_ activity: Activity) {
        var title: [String] = [], summary: [String] = [], body: [String] = []
        for language in activity.languages {
            let text = activity.texts[language]!
            SearchText.forEachWord(text.title) { title.append($0) }
            SearchText.forEachWord(text.summary) { summary.append($0) }
            SearchText.forEachWord(text.description) { body.append($0) }
        }
        self.title = title
        self.summary = summary
        self.body = body
        self.organization = SearchText.words(activity.organization)
    }

    public var columns: [[String]] { [title, summary, body, organization] }

    /// The four columns' words, each column's joined by spaces, as FTS5 is given them: the same
    /// text as `columns` joined, made without a string per word (a million activities are imported
    /// at a time).
    public static func columnTexts(_ activity: Activity) -> [String] {
        var title: [UInt8] = [], summary: [UInt8] = [], body: [UInt8] = [], organization: [UInt8] = []
        for language in activity.languages {
            let text = activity.texts[language]!
            SearchText.appendWords(text.title, to: &title)
            SearchText.appendWords(text.summary, to: &summary)
            SearchText.appendWords(text.description, to: &body)
        }
        SearchText.appendWords(activity.organization, to: &organization)
        return [title, summary, body, organization].map { String(decoding: $0, as: UTF8.self) }
    }
}
