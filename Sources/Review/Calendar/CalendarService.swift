import Foundation

/// The calendar: seeded once, then kept by the secretariat; it dates the mandates that name events.
public struct CalendarService: Sendable {
    let store: any Store
    let clock: any WallClock
    let audit: AuditTrail

    public init(store: any Store, clock: any WallClock) {
        self.store = store
        self.clock = clock
        self.audit = AuditTrail(clock: clock)
    }

    public static var seedFile: URL { Bundle.module.resourceURL!.appendingPathComponent("Seed/milestones.csv") }

    /// The seed calendar (`Calendar/Seed/milestones.csv`).
    public static func seed(at date: Date, file: URL = seedFile) throws -> [Milestone] {
        guard let data = FileManager.default.contents(atPath: file.path) else { throw ReferenceDataError.missingFile("milestones.csv") }
        return try CSVTable(text: String(decoding: data, as: UTF8.self)).records.enumerated().map { index, row in
            guard let kind = Milestone.Kind(rawValue: row["kind"] ?? ""), let key = row["key"], let title = row["title"],
                  let start = row["start"], PartialDate.lastDay(of: start) != nil else {
                throw ReferenceDataError.malformed(file: "milestones.csv", line: index + 2, problem: "a key, a known kind, a title and a start are needed")
            }
            func optional(_ name: String) -> String? { row[name].flatMap { $0.isEmpty ? nil : $0 } }
            return Milestone(key: key, kind: kind, title: title, start: start, end: optional("end"), place: optional("place"),
                             confirmed: row["confirmed"] == "yes", source: optional("source"), updatedAt: date)
        }
    }

    /// Fills an empty calendar with the seed; nothing when it holds milestones already.
    public func seedIfEmpty() async throws {
        let seed = try Self.seed(at: clock.now())
        try await store.write { repositories in
            guard try await repositories.calendar.milestones().isEmpty else { return }
            try await repositories.calendar.insert(seed)
        }
    }

    public func milestones() async throws -> [Milestone] {
        try await store.read { try await $0.calendar.milestones() }.sorted(by: Milestone.inCalendarOrder)
    }

    public func milestone(key: String) async throws -> Milestone {
        guard let found = try await store.read({ try await $0.calendar.milestone(key: key) }) else {
            throw DomainError.notFound(kind: "milestone", id: key)
        }
        return found
    }

    /// Adds a milestone (the secretariat). Its key is how deadlines name it: `council-2026`.
    public func add(_ input: MilestoneInput, by actor: Actor) async throws -> Milestone {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        var milestone = try Self.validated(input, key: input.key, now: clock.now())
        milestone.version = 1
        let added = milestone
        return try await store.write { [audit] repositories in
            if try await repositories.calendar.milestone(key: added.key) != nil {
                throw DomainError.invalid([FieldError(field: "key", code: "taken")])
            }
            try await repositories.calendar.insert([added])
            try await audit.record(in: repositories, actor: actor, action: "milestone.create", objectType: "milestone", objectID: added.key,
                                   before: .nothing, after: added)
            return added
        }
    }

    /// Changes a milestone's date, title, place or confirmation; the mandates tied to it move with it.
    public func change(key: String, _ input: MilestoneInput, by actor: Actor) async throws -> Milestone {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        // A milestone's key is how deadlines name it: a change may repeat it, never alter it.
        if let given = input.key, given != key { throw DomainError.invalid([FieldError(field: "key", code: "cannot-change")]) }
        let changed = try Self.validated(input, key: key, now: clock.now())
        return try await store.write { [audit] repositories in
            guard let current = try await repositories.calendar.milestone(key: key) else { throw DomainError.notFound(kind: "milestone", id: key) }
            guard input.expectedVersion == nil || input.expectedVersion == current.version else { throw DomainError.conflict("changed-meanwhile") }
            var next = changed
            next.version = current.version + 1
            guard try await repositories.calendar.update(next, expectedVersion: current.version) else { throw DomainError.conflict("changed-meanwhile") }
            try await audit.record(in: repositories, actor: actor, action: "milestone.update", objectType: "milestone", objectID: key,
                                   before: current, after: next)
            return next
        }
    }

    static func validated(_ input: MilestoneInput, key: String?, now: Date) throws -> Milestone {
        var validator = Validator()
        let key = validator.text("key", key, maxLength: 80)
        if !key.isEmpty, !key.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) { validator.add("key", "invalid-code") }
        let kind = Milestone.Kind(rawValue: input.kind ?? "")
        if kind == nil { validator.add("kind", "unknown-choice") }
        let title = validator.text("title", input.title, maxLength: 300)
        let start = validator.text("start", input.start, maxLength: 10)
        if !start.isEmpty, PartialDate.lastDay(of: start) == nil { validator.add("start", "invalid-partial-date") }
        let end = validator.text("end", input.end, required: false, maxLength: 10)
        if !end.isEmpty {
            if PartialDate.lastDay(of: end) == nil || end.count != 10 { validator.add("end", "invalid-date") }
            else if end < start { validator.add("end", "before-start") }
        }
        let place = validator.text("place", input.place, required: false, maxLength: 200)
        let source = validator.text("source", input.source, required: false, maxLength: 300)
        if let version = input.expectedVersion, version < 1 || version > Int(Int32.max) { validator.add("version", "out-of-range", ["min": "1", "max": String(Int32.max)]) }
        try validator.check()
        return Milestone(key: key, kind: kind!, title: title, start: start, end: end.isEmpty ? nil : end, place: place.isEmpty ? nil : place,
                         confirmed: input.confirmed, source: source.isEmpty ? nil : source, updatedAt: now)
    }
}
