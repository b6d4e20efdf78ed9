import Foundation
import Resolutions

/// A WSIS activity or best practice in the stocktaking registry: what a stakeholder did or does,
/// where, for whom, tagged to the Action Lines and the SDGs.
///
/// Its texts have one value per language (at least one). It is public only once published; the
/// contact is never public.
public struct Activity: Sendable, Codable, Equatable {
    /// Where an activity stands in moderation.
    public enum State: String, Sendable, Codable, CaseIterable {
        case draft
        case submitted
        case inReview = "in-review"
        case changesRequested = "changes-requested"
        case published
        case archived
    }

    /// Where the work itself stands.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case planned, ongoing, completed
    }

    public enum Coverage: String, Sendable, Codable, CaseIterable {
        case national, regional, global
    }

    /// Title and descriptions in one language.
    public struct Text: Sendable, Codable, Equatable {
        public var title: String
        /// At most 200 words.
        public var summary: String
        public var description: String

        public init(title: String, summary: String, description: String = "") {
            self.title = title
            self.summary = summary
            self.description = description
        }
    }

    public var id: String
    /// The identifier an imported activity carries from its source; imports are idempotent by it.
    public var externalID: String?
    /// Language code (`en`, `fr`, `es`, `ar`, `zh`, `ru`) to text.
    public var texts: [String: Text]
    /// The submitting organization as named; `organizationID` when it is a registered one.
    public var organization: String
    public var organizationID: String?
    public var stakeholderType: StakeholderType
    public var partners: [String]
    /// ISO 3166-1 alpha-3 codes.
    public var countries: [String]
    /// M49 region codes (`002` Africa, `419` Latin America and the Caribbean …).
    public var regions: [String]
    public var coverage: Coverage
    public var status: Status
    /// `yyyy-MM-dd`.
    public var startDate: String?
    public var endDate: String?
    public var website: String?
    /// Who to ask: never shown to the public nor exported.
    public var contact: String?
    public var primaryActionLine: String
    public var actionLines: [String]
    /// Goal numbers as text (`4`) and targets (`4.1`).
    public var sdgGoals: [Int]
    public var sdgTargets: [String]
    public var beneficiaries: [String]
    public var impact: String
    /// Figures: "12,000 teachers trained".
    public var impactFigures: String
    public var evidence: [String]
    public var lastVerified: String?
    public var state: State
    public var version: Int
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date
    public var publishedAt: Date?

    public init(id: String, externalID: String? = nil, texts: [String: Text], organization: String, organizationID: String? = nil,
                stakeholderType: StakeholderType, partners: [String] = [], countries: [String] = [], regions: [String] = [],
                coverage: Coverage = .national, status: Status = .ongoing, startDate: String? = nil, endDate: String? = nil,
                website: String? = nil, contact: String? = nil, primaryActionLine: String, actionLines: [String] = [],
                sdgGoals: [Int] = [], sdgTargets: [String] = [], beneficiaries: [String] = [], impact: String = "",
                impactFigures: String = "", evidence: [String] = [], lastVerified: String? = nil, state: State = .draft,
                version: Int = 1, createdBy: String, createdAt: Date, updatedAt: Date, publishedAt: Date? = nil) {
        self.id = id
        self.externalID = externalID
        self.texts = texts
        self.organization = organization
        self.organizationID = organizationID
        self.stakeholderType = stakeholderType
        self.partners = partners
        self.countries = countries
        self.regions = regions
        self.coverage = coverage
        self.status = status
        self.startDate = startDate
        self.endDate = endDate
        self.website = website
        self.contact = contact
        self.primaryActionLine = primaryActionLine
        self.actionLines = actionLines
        self.sdgGoals = sdgGoals
        self.sdgTargets = sdgTargets
        self.beneficiaries = beneficiaries
        self.impact = impact
        self.impactFigures = impactFigures
        self.evidence = evidence
        self.lastVerified = lastVerified
        self.state = state
        self.version = version
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.publishedAt = publishedAt
    }

    /// The languages it has texts in, in the UN order.
    public var languages: [String] { Activity.languages.filter { texts[$0] != nil } }

    /// The text in `language`, else English, else the first there is.
    public func text(_ language: String) -> Text {
        texts[textLanguage(language)] ?? Text(title: "", summary: "")
    }

    /// The language of the text shown to a reader of `language`: theirs when the activity has it,
    /// else English, else its first.
    public func textLanguage(_ language: String) -> String {
        texts[language] != nil ? language : texts["en"] != nil ? "en" : languages.first ?? language
    }

    /// The Action Lines it is tagged with, primary first.
    public var allActionLines: [String] { [primaryActionLine] + actionLines.filter { $0 != primaryActionLine } }

    /// The year it started, for the year facet.
    public var year: Int? { startDate.flatMap { Int($0.prefix(4)) } }

    /// What its submitter changes; the moderation fields and the identity stay.
    public mutating func replaceContent(with other: Activity) {
        let keep = (id, externalID, organizationID, state, version, createdBy, createdAt, publishedAt)
        self = other
        (id, externalID, organizationID, state, version, createdBy, createdAt, publishedAt) = keep
    }

    /// The six UN languages in which texts may be given.
    public static let languages = ["en", "fr", "es", "ar", "zh", "ru"]
    public static let summaryWordLimit = 200
}

/// A reviewer's comment, or the note of a moderation step; the submitter sees them.
public struct ActivityComment: Sendable, Codable, Equatable {
    public var id: String
    public var activityID: String
    public var at: Date
    public var author: String
    /// The step taken with it (`request-changes`, `publish`), or nil for a plain comment.
    public var transition: String?
    public var fromState: Activity.State?
    public var toState: Activity.State?
    public var text: String

    public init(id: String, activityID: String, at: Date, author: String, transition: String?, fromState: Activity.State?,
                toState: Activity.State?, text: String) {
        self.id = id
        self.activityID = activityID
        self.at = at
        self.author = author
        self.transition = transition
        self.fromState = fromState
        self.toState = toState
        self.text = text
    }
}

/// A change to a published activity, waiting for a reviewer while the published version stays visible.
public struct ActivityRevision: Sendable, Codable, Equatable {
    public var activityID: String
    public var proposed: Activity
    public var submittedBy: String
    public var submittedAt: Date

    public init(activityID: String, proposed: Activity, submittedBy: String, submittedAt: Date) {
        self.activityID = activityID
        self.proposed = proposed
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
    }
}
