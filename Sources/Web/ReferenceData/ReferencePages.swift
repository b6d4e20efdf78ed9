import Foundation
import Resolutions
import Review

// The models of the reference pages: home, the SDGs, one goal, the Action Lines. Each is made from
// one `ReferenceFramework` (read in one session) in the reader's language.

/// A goal's badge: its number in its colour, linking to its page.
struct GoalBadge: Sendable, Equatable {
    var number: Int
    var short, colorClass, href: String

    init(_ goal: SDGGoal, language: Language) {
        number = goal.number
        short = goal.shortTitle.text(language)
        colorClass = "sdg-\(goal.number)"
        href = SiteURL.goal(String(goal.number)).path
    }
}

/// The seventeen goals (`sdgs.mustache`).
struct GoalsPage: Sendable {
    struct Goal: Sendable, Equatable {
        var badge: GoalBadge
        var title: String
        /// "n targets".
        var targets: String
    }

    var goals: [Goal]

    init(_ framework: ReferenceFramework, language: Language, catalog: Catalog) {
        let targets = Dictionary(grouping: framework.targets, by: \.goal)
        goals = framework.goals.map { goal in
            Goal(badge: GoalBadge(goal, language: language), title: goal.title.text(language),
                 targets: catalog.text("sdgs.target_count", language, ["count": String(targets[goal.number]?.count ?? 0)]))
        }
    }
}

/// One goal (`sdg.mustache`): its targets and the Action Lines the Matrix links to it.
struct GoalPage: Sendable {
    struct LinkedLine: Sendable, Equatable {
        var code, title: String
        /// The linked targets, or empty when the whole goal is linked.
        var targets: String
    }

    var badge: GoalBadge
    var title: String
    var targets: [PageTerm]
    var actionLines: [LinkedLine]
    var backHref: String

    /// Nil when there is no such goal.
    init?(number: Int, _ framework: ReferenceFramework, language: Language) {
        guard let goal = framework.goals.first(where: { $0.number == number }) else { return nil }
        let lines = Dictionary(framework.actionLines.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let linked = Dictionary(grouping: framework.matrix.filter { $0.goal == number }, by: \.actionLine)
            .sorted { (lines[$0.key]?.sortKey ?? 0) < (lines[$1.key]?.sortKey ?? 0) }
        badge = GoalBadge(goal, language: language)
        title = goal.title.text(language)
        targets = framework.targets.filter { $0.goal == number }.map { PageTerm(term: $0.code, text: $0.title.text(language)) }
        actionLines = linked.map { code, links in
            LinkedLine(code: code, title: lines[code]?.title.text(language) ?? code, targets: links.compactMap(\.target).joined(separator: ", "))
        }
        backHref = SiteURL.goals.path
    }
}

/// The Action Lines with their facilitators and linked goals (`action-lines.mustache`).
struct ActionLinesPage: Sendable {
    struct Line: Sendable, Equatable {
        var code, title: String
        /// The title's language: English where no official title in the page's language is known.
        var titleLanguage: String
        /// A sub-line (C7's e-government, e-business, …), indented.
        var sub: Bool
        /// A line that only heads its sub-lines.
        var heading: Bool
        var lead, other: String
        var goals: [PageLink]
    }

    var lines: [Line]
    /// Whether some titles are shown in English on a page in another language (the page says so).
    var someInEnglish: Bool

    init(_ framework: ReferenceFramework, language: Language) {
        let links = Dictionary(grouping: framework.matrix, by: \.actionLine)
        lines = framework.actionLines.map { line in
            Line(code: line.code, title: line.title.text(language), titleLanguage: line.title.language(for: language).rawValue, sub: line.parent != nil, heading: !line.isCategory,
                 lead: line.leadFacilitators, other: line.otherFacilitators,
                 goals: Set((links[line.code] ?? []).map(\.goal)).sorted().map { PageLink(href: SiteURL.goal(String($0)).path, label: String($0)) })
        }
        someInEnglish = language != .english && lines.contains { $0.titleLanguage == Language.english.rawValue }
    }
}
