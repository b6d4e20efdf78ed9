import Foundation
import Resolutions

/// Proposing mandates from confirmed resolutions, settling the proposals, and tracking the work.
public struct MandateService: Sendable {
    let store: any Store
    let clock: any WallClock
    let ids: any IDGenerator
    let audit: AuditTrail
    /// Where evidence files are kept; without one, files are refused.
    let blobs: (any BlobStore)?

    public init(store: any Store, clock: any WallClock, ids: any IDGenerator, blobs: (any BlobStore)? = nil) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.audit = AuditTrail(clock: clock)
        self.blobs = blobs
    }

    /// Proposes the mandates of a confirmed resolution, inside the caller's transaction; nothing
    /// when it has some already (confirming is idempotent), or when another language version of
    /// the same work has them (the mandates are the work's, read from one version).
    func propose(for resolution: StoredResolution, in repositories: any Repositories, at now: Date, by actor: Actor) async throws {
        guard try await repositories.mandates.count(resolutionID: resolution.id) == 0 else { return }
        // A work's mandates come from its first confirmed language version; the others are read beside it.
        let otherLanguages = try await repositories.resolutions.summaries(includeDrafts: false)
            .filter { $0.workID == resolution.workID && $0.language != resolution.structure.language.rawValue && $0.id != resolution.id }
        for other in otherLanguages where try await repositories.mandates.count(resolutionID: other.id) > 0 { return }
        var matrix: [String: [Int]] = [:]
        for link in try await repositories.reference.matrixLinks() {
            matrix[link.actionLine, default: []].append(link.goal)
            // The matrix links C7's eight sub-lines (C7.egov …); a paragraph naming C7 takes them all.
            if let dot = link.actionLine.firstIndex(of: ".") { matrix[String(link.actionLine[..<dot]), default: []].append(link.goal) }
        }
        let proposer = MandateProposer(registry: try await repositories.mandates.actors(), matrix: matrix)
        let mandates = proposer.propose(resolution, ids: ids, now: now)
        try await repositories.mandates.insert(mandates)
        try await audit.record(in: repositories, actor: actor, action: "mandate.propose", objectType: "resolution", objectID: resolution.id,
                               before: .nothing, after: mandates.map(\.id))
    }

    /// The mandate with its signals, dated by the calendar when its deadline names an event.
    public func view(_ mandate: Mandate, calendar: [String: Milestone], tracked: [Occurrence] = []) -> MandateView {
        let now = clock.now()
        var milestone: Milestone?
        var dueDay = mandate.dueDay
        if case .event(let key, _) = mandate.due, let found = calendar[key] {
            milestone = found
            dueDay = found.firstDay
        }
        var signals = mandate.signals(now: now, dueDay: dueDay)
        let occurrences = mandate.occurrences(until: now, tracked: tracked)
        if let current = occurrences.last {
            // Recurring work: due by the end of the current period; overdue while an earlier period is not done.
            dueDay = current.dueDay
            if mandate.proposal == .accepted, mandate.status.isOpen {
                let today = Timestamp.day(now)
                if occurrences.contains(where: { $0.status != .completed && $0.dueDay < today }) {
                    signals.insert(.overdue, at: 0)
                } else if current.status != .completed, current.dueDay <= Timestamp.day(now.addingTimeInterval(30 * 86_400)) {
                    signals.insert(.dueSoon, at: 0)
                }
            }
        }
        return MandateView(mandate: mandate, signals: signals, dueDay: dueDay, milestone: milestone, occurrences: occurrences)
    }

    /// The same, reading the milestone its event names and the periods reported on.
    public func view(_ mandate: Mandate) async throws -> MandateView {
        let (milestone, tracked) = try await store.read { repositories in
            let milestone: Milestone? = if case .event(let key, _) = mandate.due { try await repositories.calendar.milestone(key: key) } else { nil }
            return (milestone, mandate.periodLength == nil ? [] : try await repositories.mandates.occurrences(mandateIDs: [mandate.id]))
        }
        return view(mandate, calendar: milestone.map { [$0.key: $0] } ?? [:], tracked: tracked)
    }

    /// Mandates the viewer may see: accepted ones for everyone; proposals and dropped ones for the secretariat.
    public func list(_ filter: MandateFilter, signal: Signal? = nil, viewer: Actor?) async throws -> [MandateView] {
        try await store.read { [self] in try await list(filter, signal: signal, viewer: viewer, in: $0) }
    }

    /// `list`, inside the caller's read session.
    func list(_ filter: MandateFilter, signal: Signal? = nil, viewer: Actor?, in repositories: any Repositories) async throws -> [MandateView] {
        let mandates = try await repositories.mandates.mandates(filter).filter { $0.isVisible(to: viewer) }
        let recurring = mandates.filter { $0.periodLength != nil }.map(\.id)
        let milestones = try await repositories.calendar.milestones()
        let occurrences = recurring.isEmpty ? [] : try await repositories.mandates.occurrences(mandateIDs: recurring)
        let calendar = Dictionary(milestones.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let tracked = Dictionary(grouping: occurrences, by: \.mandateID)
        return mandates.map { view($0, calendar: calendar, tracked: tracked[$0.id] ?? []) }
            .filter { (signal == nil || $0.signals.contains(signal!)) && filter.admits($0) }
    }

    public func mandate(id: String, viewer: Actor?) async throws -> (mandate: MandateView, updates: [MandateUpdate]) {
        let found = try await store.read { repositories -> (Mandate, [MandateUpdate])? in
            guard let mandate = try await repositories.mandates.mandate(id: id) else { return nil }
            return (mandate, try await repositories.mandates.updates(mandateID: id))
        }
        guard let found, found.0.isVisible(to: viewer) else {
            throw DomainError.notFound(kind: "mandate", id: id)
        }
        return (try await view(found.0), found.1)
    }

    /// Whether the actor may report on the mandate: the secretariat, or a focal point of the organization that owns it.
    public static func mayReport(on mandate: Mandate, actor: Actor?) -> Bool {
        guard let actor else { return false }
        if actor.has(.secretariat) { return true }
        return actor.has(.focalPoint) && mandate.ownerOrganizationID != nil && mandate.ownerOrganizationID == actor.organizationID
    }

    /// Records a dated update; the status, progress and blocked flag it sets become the mandate's.
    public func report(on id: String, _ report: MandateReport, by actor: Actor) async throws -> (Mandate, MandateUpdate) {
        let checked = try Self.checked(report)
        let files = try Self.checked(report.files)
        let now = clock.now()
        let updateID = ids.newID()
        // Files are kept first (by their digest, so a failed update leaves at most an unused copy);
        // their records and links are written with the update, all or nothing.
        if !files.isEmpty, blobs == nil { throw DomainError.invalid([FieldError(field: "evidence", code: "no-file-store")]) }
        let stored = try files.map { file, type in
            StoredEvidence(id: ids.newID(), mandateID: id, fileName: String(file.fileName.suffix(200)), mediaType: type, size: file.data.count,
                           digest: try blobs!.put(file.data), createdAt: now)
        }
        return try await store.write { [audit] repositories in
            guard var mandate = try await repositories.mandates.mandate(id: id) else { throw DomainError.notFound(kind: "mandate", id: id) }
            guard Self.mayReport(on: mandate, actor: actor) else { throw DomainError.forbidden }
            guard mandate.version == checked.expectedVersion else { throw DomainError.conflict("changed-meanwhile") }
            if let corrects = checked.corrects, !(try await repositories.mandates.updates(mandateID: id)).contains(where: { $0.id == corrects }) {
                throw DomainError.invalid([FieldError(field: "corrects", code: "unknown-choice")])
            }
            let before = mandate
            var withFiles = checked
            withFiles.evidence += stored.map(\.link)
            let current = try await checked.period.asyncMap { period in
                try await repositories.mandates.occurrences(mandateIDs: [id]).first { $0.period == period }
            } ?? nil
            let (update, occurrence) = try Self.record(withFiles, on: &mandate, period: current, id: updateID, at: now, author: actor.label)
            // The version check locks the mandate's row first: of two writers, the second stops here.
            guard try await repositories.mandates.update(mandate, expectedVersion: before.version) else {
                throw DomainError.conflict("changed-meanwhile")
            }
            if let occurrence { try await repositories.mandates.save(occurrence) }
            for evidence in stored { try await repositories.mandates.insert(evidence) }
            try await repositories.mandates.insert(update)
            try await audit.record(in: repositories, actor: actor, action: "mandate.update", objectType: "mandate", objectID: id,
                                   before: before, after: update)
            return (mandate, update)
        }
    }

    /// The report with its fields checked and trimmed; every problem at once.
    static func checked(_ report: MandateReport) throws -> MandateReport {
        var validator = Validator()
        var checked = report
        checked.note = validator.text("note", report.note, required: report.status == nil && report.progress == nil && report.evidence.isEmpty
                                          && report.files.isEmpty, maxLength: 5000, multiline: true)
        let reason = validator.text("reason", report.reason, required: false, maxLength: 1000)
        checked.reason = reason.isEmpty ? nil : reason
        if let progress = report.progress, !(0...100).contains(progress) { validator.add("progress", "out-of-range", ["min": "0", "max": "100"]) }
        checked.evidence = []
        for link in report.evidence.map({ $0.trimmingCharacters(in: .whitespaces) }) where !link.isEmpty {
            // Web addresses, and the platform's own links to files kept as evidence (as an export writes them).
            let ownFile = link.hasPrefix("/evidence/") && link.dropFirst(10).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            if ownFile || Markup.isWebAddress(link),
               link.count <= 2000 {
                checked.evidence.append(link)
            } else {
                validator.add("evidence", "invalid-url")
            }
        }
        try validator.check()
        return checked
    }

    /// The update a checked report makes, for recurring work on one of its periods: the period takes
    /// the status (not started, in progress, completed) and progress, and the mandate becomes ongoing.
    /// `stored` is what was reported on that period before, if anything.
    static func record(_ report: MandateReport, on mandate: inout Mandate, period stored: Occurrence?, id: String, at now: Date,
                       author: String) throws -> (MandateUpdate, Occurrence?) {
        guard let period = report.period else { return (try record(report, on: &mandate, id: id, at: now, author: author), nil) }
        guard mandate.periods(until: now).contains(period) else { throw DomainError.invalid([FieldError(field: "period", code: "unknown-period")]) }
        var occurrence = stored ?? Occurrence(mandateID: mandate.id, period: period)
        let previous = occurrence.status
        var forMandate = report
        forMandate.status = nil
        forMandate.progress = nil
        if let status = report.status {
            guard let periodStatus = Occurrence.Status(rawValue: status.rawValue) else {
                throw DomainError.invalid([FieldError(field: "status", code: "not-for-a-period")])
            }
            occurrence.status = periodStatus
            if periodStatus == .completed { occurrence.progress = 100 }
            if mandate.status.isOpen { forMandate.status = .ongoing }
        }
        if let progress = report.progress { occurrence.progress = progress }
        var update = try record(forMandate, on: &mandate, id: id, at: now, author: author)
        update.period = period
        update.progress = report.progress ?? (occurrence.status == .completed ? 100 : nil)
        update.statusFrom = previous != occurrence.status ? Mandate.Status(rawValue: previous.rawValue) : nil
        update.statusTo = previous != occurrence.status ? report.status : nil
        return (update, occurrence)
    }

    /// The update a checked report makes, applied to the mandate: its status (if the lifecycle allows
    /// the step), progress and blocked flag, its version raised.
    static func record(_ report: MandateReport, on mandate: inout Mandate, id: String, at now: Date, author: String) throws -> MandateUpdate {
        guard mandate.proposal == .accepted else { throw DomainError.conflict("not-accepted") }
        var update = MandateUpdate(id: id, mandateID: mandate.id, at: now, author: author, note: report.note, reason: report.reason,
                                   progress: report.progress, blocked: report.blocked, evidence: report.evidence, corrects: report.corrects)
        if let status = report.status, status != mandate.status {
            if let refusal = Mandate.refusal(from: mandate.status, to: status, reason: report.reason) { throw DomainError.conflict(refusal) }
            update.statusFrom = mandate.status
            update.statusTo = status
            mandate.status = status
            mandate.statusReason = report.reason
            if status == .completed { mandate.progress = 100 }
        }
        if let progress = report.progress { mandate.progress = progress }
        mandate.blocked = report.blocked
        mandate.lastActivityAt = now
        mandate.updatedAt = now
        mandate.version += 1
        return update
    }

    /// The secretariat accepts, drops or edits a mandate; every decision is audited.
    public func decide(on id: String, _ decision: MandateDecision, by actor: Actor) async throws -> Mandate {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        var validator = Validator()
        // As long as a paragraph may be: an action is the paragraph's words, never cut.
        let action = decision.action.map { validator.text("action", $0, maxLength: 20_000) }
        let owner = decision.owner.map { validator.text("owner", $0, required: false, maxLength: 300) }
        if let weight = decision.weight, !(0...100).contains(weight) { validator.add("weight", "out-of-range", ["min": "0", "max": "100"]) }
        if let actors = decision.actors, actors.isEmpty { validator.add("actors", "required") }
        let parts = decision.parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if decision.kind == .split {
            if parts.count < 2 { validator.add("parts", "two-parts") }
            if parts.contains(where: { $0.count > 1000 }) { validator.add("parts", "too-long", ["max": "1000"]) }
        }
        if decision.kind == .merge, (decision.into ?? "").isEmpty { validator.add("into", "required") }
        try validator.check()
        let now = clock.now()
        let newIDs = parts.dropFirst().map { _ in ids.newID() }
        return try await store.write { [audit] repositories in
            guard var mandate = try await repositories.mandates.mandate(id: id) else { throw DomainError.notFound(kind: "mandate", id: id) }
            guard mandate.version == decision.expectedVersion else { throw DomainError.conflict("changed-meanwhile") }
            let before = mandate
            switch decision.kind {
            case .accept:
                mandate.proposal = .accepted
                mandate.lastActivityAt = now
            case .drop:
                mandate.proposal = .dropped
                mandate.statusReason = decision.reason
            case .split:
                // One proposal asking for several pieces of work becomes several proposals.
                guard mandate.proposal == .proposed else { throw DomainError.conflict("not-a-proposal") }
                mandate.action = parts[0]
                let siblings = zip(newIDs, parts.dropFirst()).map { id, action in
                    var sibling = mandate
                    sibling.id = id
                    sibling.action = action
                    sibling.version = 1
                    sibling.createdAt = now.addingTimeInterval(0.001)
                    sibling.updatedAt = now
                    return sibling
                }
                try await repositories.mandates.insert(siblings)
                for sibling in siblings {
                    try await audit.record(in: repositories, actor: actor, action: "mandate.split-part", objectType: "mandate", objectID: sibling.id,
                                           before: .nothing, after: sibling)
                }
            case .merge:
                // Two proposals asking for the same work: the other takes this one's actors and action; this one is dropped.
                guard mandate.proposal == .proposed else { throw DomainError.conflict("not-a-proposal") }
                guard let intoID = decision.into, intoID != id, var target = try await repositories.mandates.mandate(id: intoID),
                      target.resolutionID == mandate.resolutionID, target.proposal == .proposed else {
                    throw DomainError.invalid([FieldError(field: "into", code: "unknown-choice")])
                }
                let targetBefore = target
                target.actors = (target.actors + mandate.actors).uniqued()
                target.action = target.action + "; " + mandate.action
                target.actionLines = (target.actionLines + mandate.actionLines).uniqued()
                target.sdgs = (target.sdgs + mandate.sdgs).uniqued()
                target.suggestedSDGs = (target.suggestedSDGs + mandate.suggestedSDGs).uniqued()
                target.updatedAt = now
                target.version += 1
                guard try await repositories.mandates.update(target, expectedVersion: targetBefore.version) else {
                    throw DomainError.conflict("changed-meanwhile")
                }
                try await audit.record(in: repositories, actor: actor, action: "mandate.merge-into", objectType: "mandate", objectID: target.id,
                                       before: targetBefore, after: target)
                mandate.proposal = .dropped
                mandate.statusReason = "merged into \(target.paragraphID)"
            case .edit:
                if let actors = decision.actors {
                    let known = Set(try await repositories.mandates.actors().map(\.code))
                    guard actors.allSatisfy({ known.contains($0) || $0.hasPrefix("unlisted:") }) else {
                        throw DomainError.invalid([FieldError(field: "actors", code: "unknown-choice")])
                    }
                    mandate.actors = actors
                }
                if let action { mandate.action = action }
                if let due = decision.due { mandate.due = due }
                if let weight = decision.weight { mandate.weight = weight }
                if let owner {
                    mandate.owner = owner.isEmpty ? nil : owner
                    mandate.ownerOrganizationID = owner.isEmpty ? nil : try await repositories.accounts.organization(named: owner)?.id
                }
            }
            mandate.updatedAt = now
            mandate.version += 1
            guard try await repositories.mandates.update(mandate, expectedVersion: before.version) else {
                throw DomainError.conflict("changed-meanwhile")
            }
            try await audit.record(in: repositories, actor: actor, action: "mandate.\(decision.kind.rawValue)", objectType: "mandate",
                                   objectID: id, before: before, after: mandate)
            return mandate
        }
    }

    /// Accepts every proposal of a resolution at once (after the secretariat has read them).
    public func acceptAll(resolutionID: String, by actor: Actor) async throws -> Int {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        let proposals = try await store.read { try await $0.mandates.mandates(MandateFilter(resolutionID: resolutionID, proposal: .proposed)) }
        for mandate in proposals {
            _ = try await decide(on: mandate.id, MandateDecision(kind: .accept, expectedVersion: mandate.version), by: actor)
        }
        return proposals.count
    }

    public func actors() async throws -> [MandateActor] {
        try await store.read { try await $0.mandates.actors() }
    }

    /// Adds someone to the actor registry.
    public func addActor(code: String, name: String, patterns: [String], by actor: Actor) async throws -> MandateActor {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        var validator = Validator()
        let code = validator.text("code", code, maxLength: 60)
        if !code.isEmpty, !code.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) {
            validator.add("code", "invalid-code")
        }
        let name = validator.text("name", name, maxLength: 200)
        let patterns = patterns.map { validator.text("patterns", $0, maxLength: 200) }
        if patterns.isEmpty { validator.add("patterns", "required") }
        if patterns.count > 20 { validator.add("patterns", "too-many-items", ["max": "20"]) }
        try validator.check()
        let entry = MandateActor(code: code, name: name, patterns: patterns)
        return try await store.write { [audit] repositories in
            if try await repositories.mandates.actors().contains(where: { $0.code == code }) {
                throw DomainError.invalid([FieldError(field: "code", code: "taken")])
            }
            try await repositories.mandates.insert(entry)
            try await audit.record(in: repositories, actor: actor, action: "mandate-actor.create", objectType: "mandate-actor",
                                   objectID: code, before: .nothing, after: entry)
            return entry
        }
    }
}

extension Optional {
    /// The value transformed by an asynchronous function, or nil.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
