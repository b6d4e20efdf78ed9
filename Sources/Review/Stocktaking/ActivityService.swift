import Foundation

/// Which activities to list (not a search: moderation queues and an organization's own).
public struct ActivityFilter: Sendable, Equatable {
    public var states: Set<Activity.State>
    public var organizationID: String?
    public var createdBy: String?
    public var limit: Int

    public init(states: Set<Activity.State> = [], organizationID: String? = nil, createdBy: String? = nil, limit: Int = 500) {
        self.states = states
        self.organizationID = organizationID
        self.createdBy = createdBy
        self.limit = limit
    }
}

/// A moderation step.
public enum ActivityTransition: String, Sendable, CaseIterable {
    /// The submitter sends a draft (or a changed one) to the reviewers.
    case submit
    /// A reviewer takes it up.
    case startReview = "start-review"
    /// A reviewer sends it back with comments.
    case requestChanges = "request-changes"
    case publish
    case archive
    /// Back from the archive.
    case restore
    /// A reviewer accepts the pending revision of a published activity.
    case acceptRevision = "accept-revision"
    /// A reviewer turns the pending revision down (with a comment); the published version stays.
    case rejectRevision = "reject-revision"

    /// From which states the step may be taken, and to which it leads.
    var move: (from: Set<Activity.State>, to: Activity.State) {
        switch self {
        case .submit: ([.draft, .changesRequested], .submitted)
        case .startReview: ([.submitted], .inReview)
        case .requestChanges: ([.submitted, .inReview], .changesRequested)
        case .publish: ([.submitted, .inReview], .published)
        case .archive: ([.published], .archived)
        case .restore: ([.archived], .published)
        case .acceptRevision, .rejectRevision: ([.published], .published)
        }
    }

    /// Steps only reviewers (and the secretariat) take.
    var needsReviewer: Bool { self != .submit }
    /// Steps that must say why.
    var needsComment: Bool { self == .requestChanges || self == .rejectRevision }
}

/// An activity with what its page shows beside it.
public struct ActivityView: Sendable {
    public var activity: Activity
    public var comments: [ActivityComment]
    public var revision: ActivityRevision?
    /// What the viewer may do.
    public var canEdit: Bool
    public var transitions: [ActivityTransition]
    public var canSeeContact: Bool
}

/// Submitting, moderating and reading activities.
public struct ActivityService: Sendable {
    let store: any Store
    let clock: any WallClock
    let ids: any IDGenerator
    let audit: AuditTrail
    /// The reporting organization of the IATI export.
    let iatiReportingOrg: String

    public init(store: any Store, clock: any WallClock, ids: any IDGenerator, iatiReportingOrg: String = IATI.placeholderReportingOrganization) {
        self.iatiReportingOrg = iatiReportingOrg
        self.store = store
        self.clock = clock
        self.ids = ids
        self.audit = AuditTrail(clock: clock)
    }

    func vocabulary(in repositories: any Repositories) async throws -> ActivityVocabulary {
        let reference = repositories.reference
        return ActivityVocabulary(actionLines: try await reference.actionLines(), goals: try await reference.goals(),
                                  targets: try await reference.targets(goal: nil), countries: try await reference.countries(),
                                  regions: try await reference.regions(), matrix: try await reference.matrixLinks())
    }

    public func vocabulary() async throws -> ActivityVocabulary {
        try await store.read { try await vocabulary(in: $0) }
    }

    /// What the submission form offers, read in one session: the codes it accepts (with the Matrix's
    /// suggestions), the Action Lines that may be chosen, in order, and the names of codes.
    public func formChoices() async throws -> (vocabulary: ActivityVocabulary, actionLines: [String], names: ReferenceNames) {
        try await store.read { repositories in
            let lines = try await repositories.reference.actionLines()
            return (try await vocabulary(in: repositories), lines.filter(\.isCategory).map(\.code), try await ReferenceNames(reading: repositories.reference))
        }
    }

    /// Whether the actor speaks for the activity: its organization's people, or whoever created it.
    static func isOwner(_ actor: Actor, of activity: Activity) -> Bool {
        if let organization = actor.organizationID, organization == activity.organizationID { return true }
        return activity.createdBy == actor.label
    }

    static func isModerator(_ actor: Actor) -> Bool { actor.has(.reviewer) || actor.has(.secretariat) }

    /// Who may take a moderation step: reviewers (and the secretariat) all but submitting; the
    /// organization (or the secretariat) submits.
    static func mayTake(_ step: ActivityTransition, _ actor: Actor, on activity: Activity) -> Bool {
        step.needsReviewer ? isModerator(actor) : mayEdit(actor, activity)
    }

    /// Who may change an activity's content, and submit it: its organization, or the secretariat.
    static func mayEdit(_ actor: Actor, _ activity: Activity) -> Bool {
        isOwner(actor, of: activity) || actor.has(.secretariat)
    }

    /// Published activities are public; the others only to their owners and the moderators.
    static func canSee(_ actor: Actor?, _ activity: Activity) -> Bool {
        if activity.state == .published { return true }
        guard let actor else { return false }
        return isModerator(actor) || isOwner(actor, of: activity)
    }

    /// A new draft. A person who speaks for an organization submits in its name.
    public func create(_ record: [String: String], by actor: Actor) async throws -> Activity {
        guard actor.userID != nil || actor.has(.administrator) else { throw DomainError.forbidden }
        let now = clock.now()
        let id = ids.newID()
        return try await store.write { repositories in
            var fields = record
            var organizationID: String?
            if !Self.isModerator(actor) {
                // A focal point submits in their organization's name.
                // Someone who speaks for no organization is told so plainly: the secretariat links accounts to organizations.
                guard let orgID = actor.organizationID, let organization = try await repositories.accounts.organization(id: orgID) else {
                    throw DomainError.invalid([FieldError(field: "organization", code: "no-organization")])
                }
                fields["organization"] = organization.name
                if (fields["stakeholder_type"] ?? "").isEmpty { fields["stakeholder_type"] = organization.stakeholderType.rawValue }
                organizationID = orgID
            }
            var activity = try Activity.read(fields, vocabulary: try await vocabulary(in: repositories), id: id, createdBy: actor.label, now: now)
            activity.organizationID = organizationID
            activity.externalID = nil
            try await repositories.activities.insert([activity])
            try await audit.record(in: repositories, actor: actor, action: "activity.create", objectType: "activity", objectID: id,
                                   before: .nothing, after: activity)
            return activity
        }
    }

    /// Changes an activity's content. A draft (or one sent back) is changed in place; a published
    /// one gets a pending revision and stays as it was until a reviewer accepts the revision.
    @discardableResult
    public func edit(id: String, _ record: [String: String], expectedVersion: Int, by actor: Actor) async throws -> Activity {
        let now = clock.now()
        return try await store.write { repositories in
            guard let current = try await repositories.activities.activity(id: id), Self.canSee(actor, current) else {
                throw DomainError.notFound(kind: "activity", id: id)
            }
            guard Self.mayEdit(actor, current) else { throw DomainError.forbidden }
            guard current.version == expectedVersion else { throw DomainError.conflict("activity-changed-meanwhile") }
            var fields = record
            if current.organizationID != nil { fields["organization"] = current.organization }
            var changed = try Activity.read(fields, vocabulary: try await vocabulary(in: repositories), id: current.id,
                                            createdBy: current.createdBy, now: now)
            if fields["contact"] == nil { changed.contact = current.contact }
            var next = current
            next.replaceContent(with: changed)
            next.createdAt = current.createdAt
            next.updatedAt = now
            switch current.state {
            case .draft, .changesRequested, .submitted:
                next.version += 1
                guard try await repositories.activities.update(next, expectedVersion: expectedVersion) else {
                    throw DomainError.conflict("activity-changed-meanwhile")
                }
                try await audit.record(in: repositories, actor: actor, action: "activity.edit", objectType: "activity", objectID: id,
                                       before: current, after: next)
                return next
            case .published:
                let revision = ActivityRevision(activityID: id, proposed: next, submittedBy: actor.label, submittedAt: now)
                try await repositories.activities.save(revision)
                // The version moves so that a second editor working from the same page is told.
                var bumped = current
                bumped.version += 1
                guard try await repositories.activities.update(bumped, expectedVersion: expectedVersion) else {
                    throw DomainError.conflict("activity-changed-meanwhile")
                }
                try await audit.record(in: repositories, actor: actor, action: "activity.revise", objectType: "activity", objectID: id,
                                       before: current, after: next)
                return bumped
            case .inReview, .archived:
                throw DomainError.conflict("not-editable")
            }
        }
    }

    /// Takes a moderation step, with its comment (required to send back or turn down a revision).
    @discardableResult
    public func transition(id: String, _ step: ActivityTransition, comment: String?, expectedVersion: Int?, by actor: Actor) async throws -> Activity {
        let now = clock.now()
        var check = Validator()
        let text = check.text("comment", comment, required: step.needsComment, maxLength: 5000)
        try check.check()
        let commentID = ids.newID()
        return try await store.write { repositories in
            guard let current = try await repositories.activities.activity(id: id), Self.canSee(actor, current) else {
                throw DomainError.notFound(kind: "activity", id: id)
            }
            guard Self.mayTake(step, actor, on: current) else { throw DomainError.forbidden }
            if let expectedVersion, expectedVersion != current.version { throw DomainError.conflict("activity-changed-meanwhile") }
            let move = step.move
            guard move.from.contains(current.state) else {
                throw DomainError.conflict("wrong-state")
            }
            var next = current
            let revision = try await repositories.activities.revision(activityID: id)
            switch step {
            case .acceptRevision:
                guard let revision else { throw DomainError.conflict("no-pending-revision") }
                next.replaceContent(with: revision.proposed)
                try await repositories.activities.deleteRevision(activityID: id)
            case .rejectRevision:
                guard revision != nil else { throw DomainError.conflict("no-pending-revision") }
                try await repositories.activities.deleteRevision(activityID: id)
            default:
                break
            }
            next.state = move.to
            next.version += 1
            next.updatedAt = now
            if move.to == .published && (current.state != .published || step == .acceptRevision) { next.publishedAt = now }
            guard try await repositories.activities.update(next, expectedVersion: current.version) else {
                throw DomainError.conflict("activity-changed-meanwhile")
            }
            try await repositories.activities.insert(ActivityComment(
                id: commentID, activityID: id, at: now, author: actor.label, transition: step.rawValue,
                fromState: current.state, toState: next.state, text: text))
            try await audit.record(in: repositories, actor: actor, action: "activity.\(step.rawValue)", objectType: "activity", objectID: id,
                                   before: current, after: next)
            return next
        }
    }

    /// A comment without a step: reviewers and the submitter talk before publication.
    public func comment(id: String, text: String, by actor: Actor) async throws {
        let now = clock.now()
        var check = Validator()
        let body = check.text("comment", text, maxLength: 5000)
        try check.check()
        let commentID = ids.newID()
        try await store.write { repositories in
            guard let activity = try await repositories.activities.activity(id: id), Self.canSee(actor, activity) else {
                throw DomainError.notFound(kind: "activity", id: id)
            }
            guard Self.isModerator(actor) || Self.isOwner(actor, of: activity) else { throw DomainError.forbidden }
            let comment = ActivityComment(id: commentID, activityID: id, at: now, author: actor.label, transition: nil,
                                          fromState: nil, toState: nil, text: body)
            try await repositories.activities.insert(comment)
            try await audit.record(in: repositories, actor: actor, action: "activity.comment", objectType: "activity", objectID: id,
                                   before: .nothing, after: comment)
        }
    }

    /// The activity as the actor may see it; not found when they may not (drafts stay private).
    public func view(id: String, for actor: Actor?) async throws -> ActivityView {
        try await store.read { try await view(id: id, for: actor, in: $0) }
    }

    /// An activity's page: the activity as the viewer may see it, and the names of its codes, in one read.
    public func page(id: String, for actor: Actor?) async throws -> (view: ActivityView, names: ReferenceNames) {
        try await store.read { repositories in
            (try await view(id: id, for: actor, in: repositories), try await ReferenceNames(reading: repositories.reference))
        }
    }

    func view(id: String, for actor: Actor?, in repositories: any Repositories) async throws -> ActivityView {
        guard let activity = try await repositories.activities.activity(id: id), Self.canSee(actor, activity) else {
            throw DomainError.notFound(kind: "activity", id: id)
        }
        let involved = actor.map { Self.isModerator($0) || Self.isOwner($0, of: activity) } ?? false
        let revision = involved ? try await repositories.activities.revision(activityID: id) : nil
        var transitions: [ActivityTransition] = []
        var canEdit = false
        if let actor {
            transitions = ActivityTransition.allCases.filter { step in
                step.move.from.contains(activity.state) && Self.mayTake(step, actor, on: activity)
                    && (revision != nil || (step != .acceptRevision && step != .rejectRevision))
            }
            canEdit = Self.mayEdit(actor, activity) && [.draft, .changesRequested, .submitted, .published].contains(activity.state)
        }
        return ActivityView(
            activity: activity,
            comments: involved ? try await repositories.activities.comments(activityID: id) : [],
            revision: revision, canEdit: canEdit, transitions: transitions, canSeeContact: involved)
    }

    /// Published activities with a pending revision, for the moderation queue.
    public func pendingRevisions(for actor: Actor) async throws -> [ActivityRevision] {
        guard Self.isModerator(actor) else { throw DomainError.forbidden }
        return try await store.read { try await $0.activities.revisions() }
    }

    /// The queue's page, read in one session: for a moderator, what waits for moderation and the
    /// revisions proposed to published activities; for anyone else, their own organization's activities.
    public func queue(for actor: Actor) async throws -> (activities: [Activity], revisions: [ActivityRevision]) {
        let moderator = Self.isModerator(actor)
        var chosen = ActivityFilter(states: moderator ? [.submitted, .inReview, .changesRequested] : [])
        if !moderator {
            if let organization = actor.organizationID { chosen.organizationID = organization } else { chosen.createdBy = actor.label }
        }
        return try await store.read { [chosen] repositories in
            (try await repositories.activities.activities(chosen), moderator ? try await repositories.activities.revisions() : [])
        }
    }

    public func counts() async throws -> [Activity.State: Int] {
        try await store.read { repositories in
            var counts: [Activity.State: Int] = [:]
            for state in Activity.State.allCases { counts[state] = try await repositories.activities.count(state: state) }
            return counts
        }
    }
}
