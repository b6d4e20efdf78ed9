import Foundation
import Resolutions
import Review

/// The model of the submission and edit form (`activity-form.mustache`): what was typed (`values`,
/// by the fields' open-data names), each field's problem, the Action Lines and goals to tick, and
/// the goals and targets the WSIS-SDG Matrix suggests for the lines chosen.
struct ActivityFormPage: Sendable {
    struct LanguageText: Sendable, Equatable {
        var code, name, title, summary, description: String
        /// English, the reader's language and any language already written are open.
        var open: Bool
    }

    struct Line: Sendable, Equatable {
        var code, title: String
        var primary, secondary: Bool
    }

    struct Goal: Sendable, Equatable {
        var number: Int
        var title: String
        var checked, suggested: Bool
    }

    var action, heading: String
    /// The version edited (absent for a new activity).
    var version: Int?
    var values, errors: [String: String]
    /// The refusal in one sentence, when the form came back refused.
    var error: String?
    var languages: [LanguageText]
    var stakeholders, coverages, statuses: [PageChoice]
    var lines: [Line]
    var goals: [Goal]
    /// When the reader asked for suggestions: what the Matrix links to the lines chosen.
    var suggestion: String?
    var suggestedTargets: [String]
    /// Reviewers and the secretariat may name the organization.
    var moderator: Bool
    var backHref = SiteURL.activities.path

    init(_ record: [String: String], action: String, heading: String, version: Int?, choices: (vocabulary: ActivityVocabulary, actionLines: [String], names: ReferenceNames),
         errors: [String: String], error: String?, suggest: Bool, moderator: Bool, language: Language, catalog: Catalog) {
        func t(_ key: String, _ parameters: [String: String] = [:]) -> String { catalog.text(key, language, parameters) }
        let names = ActivityPages.Names(choices.names, language: language)
        let secondary = Set(ActivityFields.split(record["action_lines"]))
        let chosenLines = Set(([record["primary_action_line"] ?? ""] + secondary).filter { !$0.isEmpty })
        let chosenGoals = Set(ActivityFields.split(record["sdg_goals"]))
        let chosenTargets = Set(ActivityFields.split(record["sdg_targets"]))
        let suggestions = choices.vocabulary.suggestions(for: Array(chosenLines))
        self.action = action
        self.heading = heading
        self.version = version
        values = record
        self.errors = errors
        self.error = error
        languages = Activity.languages.map { code in
            LanguageText(code: code, name: t("activities.languages.\(code)"), title: record["title_\(code)"] ?? "",
                         summary: record["summary_\(code)"] ?? "", description: record["description_\(code)"] ?? "",
                         open: code == "en" || !(record["title_\(code)"] ?? "").isEmpty || code == language.rawValue)
        }
        stakeholders = StakeholderType.allCases.map {
            PageChoice(value: $0.rawValue, label: t("stakeholder.\($0.rawValue)"), selected: record["stakeholder_type"] == $0.rawValue)
        }
        coverages = Activity.Coverage.allCases.map {
            PageChoice(value: $0.rawValue, label: t("activities.coverage.\($0.rawValue)"), selected: (record["coverage"] ?? "national") == $0.rawValue)
        }
        statuses = Activity.Status.allCases.map {
            PageChoice(value: $0.rawValue, label: t("activities.status.\($0.rawValue)"), selected: (record["status"] ?? "ongoing") == $0.rawValue)
        }
        lines = choices.actionLines.map { code in
            Line(code: code, title: names.lines[code] ?? code, primary: record["primary_action_line"] == code, secondary: secondary.contains(code))
        }
        goals = (1...17).map { goal in
            Goal(number: goal, title: names.goals[goal] ?? "", checked: chosenGoals.contains(String(goal)),
                 suggested: suggestions.goals.contains(goal) && !chosenGoals.contains(String(goal)))
        }
        suggestion = suggest && !chosenLines.isEmpty ? t("activities.form.suggestions", ["lines": chosenLines.sorted().joined(separator: ", ")]) : nil
        suggestedTargets = suggestions.targets.filter { !chosenTargets.contains($0) }
        self.moderator = moderator
    }
}

/// The moderation queue, or one's own activities (`activity-queue.mustache`).
struct ActivityQueuePage: Sendable {
    struct Row: Sendable, Equatable {
        var href, title, organization, state, updated: String
    }

    var moderator: Bool
    var activities, revisions: [Row]
    var backHref = SiteURL.activities.path

    init(activities: [Activity], revisions: [ActivityRevision], moderator: Bool, language: Language, catalog: Catalog) {
        func row(_ activity: Activity) -> Row {
            Row(href: SiteURL.activity(activity.id).path, title: activity.text(language.rawValue).title, organization: activity.organization,
                state: catalog.text("activities.state.\(activity.state.rawValue)", language), updated: Timestamp.day(activity.updatedAt))
        }
        self.moderator = moderator
        self.activities = activities.map(row)
        self.revisions = revisions.map { row($0.proposed) }
    }
}

/// The import page (`activity-import.mustache`): the form; a check's report problem by problem;
/// or an applying import's progress, then its report.
struct ActivityImportPage: Sendable {
    struct Problem: Sendable, Equatable {
        var row: Int
        var field, message: String
    }

    struct Report: Sendable, Equatable {
        var summary: String
        var problems: [Problem]
        /// "n more problems" when the report lists only the first ones.
        var more: String?
    }

    struct Progress: Sendable, Equatable {
        var percent: Int
        var text: String
    }

    /// The file of an import running or run as a job (no form then).
    var fileName: String?
    var progress: Progress?
    var report: Report?
    var error: String?
    var action = SiteURL.activityImport.path
    var backHref = SiteURL.activities.path

    init(error: String? = nil) {
        self.error = error
    }

    init(report: ActivityImportReport, language: Language, catalog: Catalog) {
        self.report = Self.report(report, language: language, catalog: catalog)
    }

    init(job: Job, report: ActivityImportReport?, language: Language, catalog: Catalog) {
        func t(_ key: String, _ parameters: [String: String] = [:]) -> String { catalog.text(key, language, parameters) }
        fileName = job.title
        switch job.state {
        case .queued, .running:
            let percent = job.progress?.percent ?? 0
            progress = Progress(percent: percent, text: t("activities.import.progress_\(job.progress?.phase ?? "check")",
                                                          ["rows": String(job.progress?.items ?? 0), "percent": String(percent)]))
        case .done:
            self.report = report.map { Self.report($0, language: language, catalog: catalog) }
        case .failed where job.failure == Job.interrupted:
            error = t("activities.import.interrupted")
        case .failed:
            error = t("activities.import.failed", ["reason": job.failure ?? ""])
        }
    }

    private static func report(_ report: ActivityImportReport, language: Language, catalog: Catalog) -> Report {
        func t(_ key: String, _ parameters: [String: String]) -> String { catalog.text(key, language, parameters) }
        let summary = report.applied
            ? t("activities.import.applied", ["rows": String(report.rows), "created": String(report.created),
                                              "updated": String(report.updated), "unchanged": String(report.unchanged)])
            : report.problemCount > 0 ? t("activities.import.refused", ["problems": String(report.problemCount)])
            : t("activities.import.checked", ["rows": String(report.rows)])
        return Report(summary: summary,
                      problems: report.problems.map { Problem(row: $0.row, field: $0.field, message: catalog.message(for: $0.fieldError, language)) },
                      more: report.problemCount > report.problems.count
                          ? t("activities.import.more", ["count": String(report.problemCount - report.problems.count)]) : nil)
    }
}
