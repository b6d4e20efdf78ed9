import Foundation
import Resolutions
import Review

/// The model of an activity's page (`activity.mustache` renders it): the activity in the reader's
/// language when it has that language (its other languages below), its facts with the codes named,
/// and what the viewer may do: edit, take a moderation step, read and add comments.
struct ActivityPage: Sendable {
    struct Goal: Sendable, Equatable {
        var number: Int
        var title, href: String
    }

    struct OtherLanguage: Sendable, Equatable {
        var language, title, summary: String
    }

    struct Comment: Sendable, Equatable {
        var at, author: String
        /// The moderation step the comment came with, in words.
        var step: String?
        var text: String
    }

    struct Revision: Sendable, Equatable {
        var by, title, summary: String
    }

    var id: String
    var version: Int
    var title, summary: String
    /// The language of `title`, `summary` and `description`, which may not be the page's.
    var textLanguage: String
    var description: String?
    var state, stateValue: String
    var published: Bool
    var organization, stakeholder: String
    var partners, countries, regions: String?
    var coverage, status: String
    var dates, website: String?
    /// The Action Lines, each by its code and its name.
    var lines: [PageTerm]
    var goals: [Goal]
    var targets, beneficiaries, impact: String?
    var evidence: [String]
    var lastVerified, contact: String?
    var languages: [OtherLanguage]
    var canEdit, involved: Bool
    var transitions: [PageChoice]
    var comments: [Comment]
    var revision: Revision?
    var error: String?
    var backHref, editHref, transitionsHref, commentsHref: String

    init(_ view: ActivityView, names: ActivityPages.Names, language: Language, catalog: Catalog, error: String? = nil) {
        func t(_ key: String) -> String { catalog.text(key, language) }
        func text(_ value: String) -> String? { value.isEmpty ? nil : value }
        let activity = view.activity
        let own = activity.text(language.rawValue)
        id = activity.id
        version = activity.version
        title = own.title
        summary = own.summary
        textLanguage = activity.textLanguage(language.rawValue)
        description = text(own.description)
        state = t("activities.state.\(activity.state.rawValue)")
        stateValue = activity.state.rawValue
        published = activity.state == .published
        organization = activity.organization
        stakeholder = t("stakeholder.\(activity.stakeholderType.rawValue)")
        partners = text(activity.partners.joined(separator: "; "))
        countries = text(activity.countries.map { names.countries[$0] ?? $0 }.joined(separator: ", "))
        regions = text(activity.regions.map { names.regions[$0] ?? $0 }.joined(separator: ", "))
        coverage = t("activities.coverage.\(activity.coverage.rawValue)")
        status = t("activities.status.\(activity.status.rawValue)")
        dates = activity.startDate.map { LocaleFormat.range($0, activity.endDate, language) } ?? activity.endDate.map { LocaleFormat.date($0, language) }
        website = activity.website
        lines = activity.allActionLines.map { PageTerm(term: $0, text: names.lines[$0] ?? $0) }
        goals = activity.sdgGoals.map { Goal(number: $0, title: names.goals[$0] ?? "", href: SiteURL.goal(String($0)).path) }
        targets = text(activity.sdgTargets.joined(separator: ", "))
        beneficiaries = text(activity.beneficiaries.joined(separator: "; "))
        impact = text([activity.impact, activity.impactFigures].filter { !$0.isEmpty }.joined(separator: " "))
        evidence = activity.evidence
        lastVerified = activity.lastVerified.map { LocaleFormat.date($0, language) }
        contact = view.canSeeContact ? activity.contact : nil
        languages = activity.languages.filter { $0 != language.rawValue }.compactMap { code in
            activity.texts[code].map { OtherLanguage(language: code, title: $0.title, summary: $0.summary) }
        }
        canEdit = view.canEdit
        involved = view.canSeeContact
        transitions = view.transitions.map { PageChoice(value: $0.rawValue, label: t("activities.steps.\($0.rawValue)"), selected: false) }
        comments = view.comments.map { comment in
            Comment(at: LocaleFormat.moment(comment.at, language), author: comment.author,
                    step: comment.transition.map { t("activities.steps.\($0)") }, text: comment.text)
        }
        revision = view.revision.map {
            let proposed = $0.proposed.text(language.rawValue)
            return Revision(by: $0.submittedBy, title: proposed.title, summary: proposed.summary)
        }
        self.error = error
        backHref = SiteURL.activities.path
        editHref = SiteURL.activityEdit(activity.id).path
        transitionsHref = SiteURL.activityTransitions(activity.id).path
        commentsHref = SiteURL.activityComments(activity.id).path
    }
}
