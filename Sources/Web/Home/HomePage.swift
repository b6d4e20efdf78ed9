import Foundation
import Resolutions
import Review

/// The home page (`home.mustache`): the platform's dashboard for the person who opens it
/// (`Dashboard`), and the reference data it rests on.
struct HomePage: Sendable {
    struct Progress: Sendable, Equatable {
        var href, boardHref, symbol, title, language: String
        var percent: Int
        var summary: String
    }

    struct Milestone: Sendable, Equatable {
        var href, title, when: String
        var place: String?
    }

    struct Latest: Sendable, Equatable {
        var href, title, organization, language, when: String
    }

    var signedIn, staff: Bool
    var progress: [Progress]
    var milestones: [Milestone]
    var latest: [Latest]
    var registry: String
    // What waits for the signed-in person.
    var proposals: [PageLink]
    var moderation: PageLink?
    var due: [MandateRow]
    var dueAllHref: String
    var drafts: [PageLink]
    var nothingWaits: Bool
    var facts: [PageLink]
    var links = Links()

    struct Links: Sendable, Equatable {
        var calendar = SiteURL.calendar.path
        var activities = SiteURL.activities.path
        var resolutions = SiteURL.resolutions.path
        var mandates = SiteURL.mandates.path
        var newActivity = SiteURL.newActivity.path
    }

    init(_ dashboard: Dashboard, framework: ReferenceFramework, actorNames: [String: String], viewer: Actor?, language: Language, catalog: Catalog) {
        func t(_ key: String, _ parameters: [String: String] = [:]) -> String { catalog.text(key, language, parameters) }
        func n(_ value: Int) -> String { LocaleFormat.number(value, language) }
        signedIn = viewer != nil
        staff = viewer?.has(.secretariat) == true
        progress = dashboard.progress.map { item in
            Progress(href: SiteURL.resolution(item.resolution.id).path, boardHref: SiteURL.board(item.resolution.id).path,
                     symbol: item.resolution.symbol ?? item.resolution.workID, title: item.resolution.title ?? "", language: item.resolution.language,
                     percent: item.rollUp.percent,
                     summary: t("home.progress_summary", ["mandates": n(item.rollUp.counted), "completed": n(item.completed),
                                                          "overdue": n(item.overdue), "due_soon": n(item.dueSoon), "not_started": n(item.notStarted)]))
        }
        milestones = dashboard.milestones.map { milestone in
            Milestone(href: CalendarPage.href(milestone: milestone.key, start: milestone.start), title: milestone.title,
                      when: LocaleFormat.range(milestone.start, milestone.end, language), place: milestone.place)
        }
        latest = dashboard.latest.map { activity in
            let textLanguage = activity.textLanguage(language.rawValue)
            return Latest(href: SiteURL.activity(activity.id).path, title: activity.texts[textLanguage]?.title ?? activity.id,
                          organization: activity.organization, language: textLanguage,
                          when: activity.startDate.map { LocaleFormat.date($0, language) } ?? "")
        }
        registry = t("home.registry", ["activities": n(dashboard.published), "countries": n(dashboard.countries)])
        proposals = dashboard.proposals.map { item in
            PageLink(href: SiteURL.board(item.resolution.id).path,
                     label: t("home.proposals_item", ["number": n(item.count), "symbol": item.resolution.symbol ?? item.resolution.workID]))
        }
        moderation = dashboard.toModerate.flatMap { $0 > 0 ? PageLink(href: SiteURL.activityQueue.path, label: t("home.moderation", ["number": n($0)])) : nil }
        due = dashboard.dueMandates.prefix(5).map { MandateRow($0, actorNames: actorNames, language: language, catalog: catalog, staff: false) }
        dueAllHref = SiteURL.mandates.path(query: ["signal": "overdue"])
        drafts = dashboard.drafts.prefix(5).map { activity in
            PageLink(href: SiteURL.activity(activity.id).path, label: activity.texts[activity.textLanguage(language.rawValue)]?.title ?? activity.id)
        }
        nothingWaits = proposals.isEmpty && moderation == nil && due.isEmpty && drafts.isEmpty
        let goals = n(framework.goals.count), targets = n(framework.targets.count)
        facts = [
            PageLink(href: SiteURL.goals.path, label: t("home.fact_goals", ["goals": goals, "targets": targets])),
            PageLink(href: SiteURL.actionLines.path, label: t("home.fact_action_lines", ["count": n(framework.actionLines.filter(\.isCategory).count)])),
            PageLink(href: SiteURL.matrix.path, label: t("home.fact_matrix", ["count": n(framework.matrix.count)])),
        ]
    }
}
