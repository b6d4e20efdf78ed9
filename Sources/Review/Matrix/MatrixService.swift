import Foundation

/// Editing the WSIS-SDG Matrix, with its history kept.
public struct MatrixService: Sendable {
    let store: any Store
    let clock: any WallClock
    let audit: AuditTrail
    /// The codes a link may use are those the registry knows.
    let activities: ActivityService

    public init(store: any Store, clock: any WallClock, activities: ActivityService) {
        self.store = store
        self.clock = clock
        self.audit = AuditTrail(clock: clock)
        self.activities = activities
    }

    /// Adds or removes one link (a goal, or a target of it), saying why.
    public func change(_ kind: MatrixChange.Kind, actionLine: String, goal: String, target: String?, reason: String?, by actor: Actor) async throws -> MatrixChange {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        var reasonCheck = Validator()
        let why = reasonCheck.text("reason", reason, maxLength: 1000)
        let reasonErrors = reasonCheck.errors
        let goalNumber = Int(goal.trimmingCharacters(in: .whitespaces))
        let targetCode = target.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        let now = clock.now()
        return try await store.write { repositories in
            let vocabulary = try await activities.vocabulary(in: repositories)
            var check = Validator()
            for error in reasonErrors { check.add(error.field, error.code, error.parameters) }
            let line = vocabulary.actionLine(actionLine)
            if line == nil { check.add("action_line", "unknown-code", ["value": actionLine]) }
            if goalNumber == nil || !vocabulary.goals.contains(goalNumber!) { check.add("goal", "unknown-code", ["value": goal]) }
            if let targetCode, vocabulary.targets[targetCode] != goalNumber { check.add("target", "unknown-code", ["value": targetCode]) }
            try check.check()
            let link = MatrixLink(actionLine: line!, goal: goalNumber!, target: targetCode)
            let links = Set(try await repositories.reference.matrixLinks())
            switch kind {
            case .add:
                guard !links.contains(link) else { throw DomainError.conflict("matrix-link-exists") }
                try await repositories.matrix.add(link)
            case .remove:
                guard links.contains(link) else { throw DomainError.conflict("matrix-link-missing") }
                try await repositories.matrix.remove(link)
            }
            var change = MatrixChange(sequence: 0, at: now, actor: actor.label, kind: kind, link: link, reason: why)
            change.sequence = try await repositories.matrix.append(change)
            try await audit.record(in: repositories, actor: actor, action: "matrix.\(kind.rawValue)", objectType: "matrix-link",
                                   objectID: "\(link.actionLine)|\(link.goal)|\(link.target ?? "")", before: .nothing, after: change)
            return change
        }
    }

    public func history(limit: Int = 200) async throws -> [MatrixChange] {
        try await store.read { try await $0.matrix.changes(limit: limit) }
    }

    /// What the Matrix's page shows, read in one session: the reference frame and the latest changes.
    public func page(historyLimit: Int = 200) async throws -> (framework: ReferenceFramework, history: [MatrixChange]) {
        try await store.read { repositories in
            (try await ReferenceFramework(reading: repositories.reference), try await repositories.matrix.changes(limit: historyLimit))
        }
    }
}
