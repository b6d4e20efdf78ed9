import Foundation
import Resolutions

/// A text in each of the six UN languages where known; English is always present.
public struct Localized: Sendable, Equatable, Codable {
    public var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    /// The text in `language`, or in English when that language has none.
    public func text(_ language: Language) -> String {
        values[language.rawValue] ?? values[Language.english.rawValue] ?? ""
    }

    /// The language `text(language)` is in: `language` when the text exists in it, else English.
    public func language(for language: Language) -> Language {
        values[language.rawValue] != nil ? language : .english
    }
}

public struct SDGGoal: Sendable, Equatable, Codable {
    public var number: Int
    /// `#RRGGBB`, the UN's communication colour for the goal.
    public var color: String
    public var shortTitle: Localized
    public var title: Localized

    public init(number: Int, color: String, shortTitle: Localized, title: Localized) {
        self.number = number
        self.color = color
        self.shortTitle = shortTitle
        self.title = title
    }
}

public struct SDGTarget: Sendable, Equatable, Codable {
    /// `9.c`: goal, dot, number or letter.
    public var code: String
    public var goal: Int
    public var sortKey: Int
    public var title: Localized

    public init(code: String, goal: Int, sortKey: Int, title: Localized) {
        self.code = code
        self.goal = goal
        self.sortKey = sortKey
        self.title = title
    }
}

/// A WSIS Action Line category (C1–C11, and the eight C7 sub-lines such as `C7.egov`).
public struct ActionLine: Sendable, Equatable, Codable {
    public var code: String
    /// `C7` for the C7 sub-lines; nil otherwise.
    public var parent: String?
    public var sortKey: Int
    public var title: Localized
    public var leadFacilitators: String
    public var otherFacilitators: String

    /// The 18 categories activities and mandates are tagged with: every line but the C7 heading itself.
    public var isCategory: Bool { code != "C7" }

    public init(code: String, parent: String?, sortKey: Int, title: Localized, leadFacilitators: String, otherFacilitators: String) {
        self.code = code
        self.parent = parent
        self.sortKey = sortKey
        self.title = title
        self.leadFacilitators = leadFacilitators
        self.otherFacilitators = otherFacilitators
    }
}

/// A link of the WSIS-SDG Matrix: an Action Line to a goal, or to one target of it.
public struct MatrixLink: Sendable, Equatable, Hashable, Codable {
    public var actionLine: String
    public var goal: Int
    /// Nil when the whole goal is linked.
    public var target: String?

    public init(actionLine: String, goal: Int, target: String?) {
        self.actionLine = actionLine
        self.goal = goal
        self.target = target
    }
}

public struct Country: Sendable, Equatable, Codable {
    public var alpha2: String
    public var alpha3: String
    public var m49: String
    public var region: String?
    public var subregion: String?
    public var intermediateRegion: String?
    public var name: Localized
    public var isLDC: Bool
    public var isLLDC: Bool
    public var isSIDS: Bool
    public var isEconomyInTransition: Bool
    public var isUNMember: Bool
    public var isITUMember: Bool

    public init(alpha2: String, alpha3: String, m49: String, region: String?, subregion: String?, intermediateRegion: String?, name: Localized, isLDC: Bool, isLLDC: Bool, isSIDS: Bool, isEconomyInTransition: Bool, isUNMember: Bool, isITUMember: Bool) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.m49 = m49
        self.region = region
        self.subregion = subregion
        self.intermediateRegion = intermediateRegion
        self.name = name
        self.isLDC = isLDC
        self.isLLDC = isLLDC
        self.isSIDS = isSIDS
        self.isEconomyInTransition = isEconomyInTransition
        self.isUNMember = isUNMember
        self.isITUMember = isITUMember
    }
}

/// An M49 region, sub-region or intermediate region.
public struct Region: Sendable, Equatable, Codable {
    public var m49: String
    public var level: String
    public var parent: String?
    public var name: Localized

    public init(m49: String, level: String, parent: String?, name: Localized) {
        self.m49 = m49
        self.level = level
        self.parent = parent
        self.name = name
    }
}

/// All reference data, as read from the project's data files.
public struct ReferenceData: Sendable, Equatable {
    public var goals: [SDGGoal]
    public var targets: [SDGTarget]
    public var actionLines: [ActionLine]
    public var matrix: [MatrixLink]
    public var countries: [Country]
    public var regions: [Region]

    public init(goals: [SDGGoal], targets: [SDGTarget], actionLines: [ActionLine], matrix: [MatrixLink],
                countries: [Country], regions: [Region]) {
        self.goals = goals
        self.targets = targets
        self.actionLines = actionLines
        self.matrix = matrix
        self.countries = countries
        self.regions = regions
    }
}

public enum ReferenceDataError: Error, CustomStringConvertible, Equatable {
    case missingFile(String)
    case malformed(file: String, line: Int, problem: String)

    public var description: String {
        switch self {
        case .missingFile(let name): "reference data file \(name) is missing"
        case .malformed(let file, let line, let problem): "\(file), line \(line): \(problem)"
        }
    }
}
