import Foundation
import Resolutions
import Review
import Synchronization

/// A `Store` in memory, for tests about a service's rules rather than about SQL: accounts,
/// sessions and tokens, the audit trail, reference data, the calendar, the matrix's edits, jobs,
/// resolutions with their citations, and mandates with their updates, evidence records, periods
/// and the actor registry (seeded as the migration seeds it). A write works on a copy of the data
/// and publishes it when its closure returns, so a write that throws leaves nothing behind, as a
/// transaction would; writes take turns. Activities are kept with their comments and revisions;
/// searching them is the search index's work (`ActivitySearchIndex`), which a test of search runs
/// on a test database with `TestPlatform`.
public final class InMemoryStore: Store {
    public struct Data: Sendable {
        var organizations: [String: Organization] = [:]
        var users: [String: User] = [:]
        var passwordHashes: [String: String] = [:]
        var sessions: [String: Session] = [:]
        var tokens: [String: APIToken] = [:]
        var failedSignIns: [String: [Date]] = [:]
        var audit: [AuditRecord] = []
        var reference: ReferenceData?
        var referenceVersion: String?
        var milestones: [String: Milestone] = [:]
        var matrixChanges: [MatrixChange] = []
        var jobs: [String: Job] = [:]
        var resolutions: [String: StoredResolution] = [:]
        var citations: [MemoryResolutions.Citation] = []
        var mandates: [String: Mandate] = [:]
        var mandateUpdates: [MandateUpdate] = []
        var actors = Dictionary(MandateActor.seed.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var evidence: [String: StoredEvidence] = [:]
        var occurrences: [String: Occurrence] = [:]
        var activities: [String: Activity] = [:]
        /// Activity ids in the order they were added: an activity's position is its place here, from 1.
        var activityOrder: [String] = []
        var activityComments: [ActivityComment] = []
        var activityRevisions: [String: ActivityRevision] = [:]
    }

    private let current = Mutex(Data())
    private let writing = AsyncLock()

    public init() {}

    public var concurrentWriters: Bool { false }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T {
        let snapshot = Working(current.withLock { $0 })
        return try await work(InMemoryRepositories(data: snapshot))
    }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T {
        try await writing.withLock {
            let working = Working(self.current.withLock { $0 })
            let result = try await work(InMemoryRepositories(data: working))
            let changed = working.data
            self.current.withLock { $0 = changed }
            return result
        }
    }

    public func bulkWrite<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T {
        try await write(work)
    }

    /// One unit of work's copy of the data.
    final class Working: Sendable {
        private let state: Mutex<Data>
        init(_ data: Data) { state = Mutex(data) }
        var data: Data {
            get { state.withLock { $0 } }
            set { state.withLock { $0 = newValue } }
        }
    }
}

/// A row inserted with a key that is already there (a primary key's refusal, in a database).
struct KeyTaken: Error, CustomStringConvertible {
    let description: String
}

struct InMemoryRepositories: Repositories {
    let data: InMemoryStore.Working

    var accounts: any AccountRepository { MemoryAccounts(data: data) }
    var sessions: any SessionRepository { MemorySessions(data: data) }
    var audit: any AuditRepository { MemoryAudit(data: data) }
    var reference: any ReferenceRepository { MemoryReference(data: data) }
    var calendar: any CalendarRepository { MemoryCalendar(data: data) }
    var matrix: any MatrixRepository { MemoryMatrix(data: data) }
    var jobs: any JobRepository { MemoryJobs(data: data) }
    var resolutions: any ResolutionRepository { MemoryResolutions(data: data) }
    var mandates: any MandateRepository { MemoryMandates(data: data) }
    var activities: any ActivityRepository { MemoryActivities(data: data) }
}

struct MemoryAccounts: AccountRepository {
    let data: InMemoryStore.Working

    func insert(_ organization: Organization) async throws { data.data.organizations[organization.id] = organization }
    func organization(id: String) async throws -> Organization? { data.data.organizations[id] }
    func organization(named name: String) async throws -> Organization? {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        return data.data.organizations.values.first { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == key }
    }
    func organizations() async throws -> [Organization] { data.data.organizations.values.sorted { $0.name.lowercased() < $1.name.lowercased() } }
    func insert(_ user: User, passwordHash: String) async throws {
        data.data.users[user.id] = user
        data.data.passwordHashes[user.id] = passwordHash
    }
    func user(id: String) async throws -> User? { data.data.users[id] }
    func user(email: String) async throws -> User? { data.data.users.values.first { $0.email == email } }
    func users() async throws -> [User] { data.data.users.values.sorted { $0.email < $1.email } }
    func userCount() async throws -> Int { data.data.users.count }
    func passwordHash(userID: String) async throws -> String? { data.data.passwordHashes[userID] }
    func setRoles(userID: String, roles: Set<Role>) async throws { data.data.users[userID]?.roles = roles }
    func setLanguage(userID: String, language: Language) async throws { data.data.users[userID]?.language = language }
    func setPasswordHash(userID: String, hash: String) async throws { data.data.passwordHashes[userID] = hash }
}

struct MemorySessions: SessionRepository {
    let data: InMemoryStore.Working

    func insert(_ session: Session) async throws { data.data.sessions[session.tokenHash] = session }
    func session(tokenHash: String) async throws -> Session? { data.data.sessions[tokenHash] }
    func deleteSession(tokenHash: String) async throws { data.data.sessions[tokenHash] = nil }
    func deleteSessions(userID: String) async throws { data.data.sessions = data.data.sessions.filter { $0.value.userID != userID } }
    func deleteSessions(expiredBefore date: Date) async throws { data.data.sessions = data.data.sessions.filter { $0.value.expiresAt >= date } }
    func insert(_ token: APIToken) async throws { data.data.tokens[token.tokenHash] = token }
    func apiToken(tokenHash: String) async throws -> APIToken? { data.data.tokens[tokenHash] }
    func apiTokens(userID: String) async throws -> [APIToken] {
        data.data.tokens.values.filter { $0.userID == userID }.sorted { $0.createdAt < $1.createdAt }
    }
    func recordFailedSignIn(key: String, at date: Date) async throws { data.data.failedSignIns[key, default: []].append(date) }
    func failedSignIns(key: String, since date: Date) async throws -> [Date] { (data.data.failedSignIns[key] ?? []).filter { $0 >= date } }
    func clearFailedSignIns(key: String) async throws { data.data.failedSignIns[key] = nil }
}

struct MemoryAudit: AuditRepository {
    let data: InMemoryStore.Working

    func lockHead() async throws -> AuditRecord? { data.data.audit.last }
    func append(_ record: AuditRecord) async throws { data.data.audit.append(record) }
    func records(after afterSequence: Int64, limit: Int) async throws -> [AuditRecord] {
        Array(data.data.audit.filter { $0.sequence > afterSequence }.prefix(limit))
    }
    func search(_ filter: AuditFilter, limit: Int) async throws -> [AuditRecord] {
        Array(data.data.audit.reversed().filter { record in
            (filter.actor.map { $0.isEmpty || record.actor == $0 } ?? true)
                && (filter.action.map { $0.isEmpty || record.action == $0 } ?? true)
                && (filter.objectType.map { $0.isEmpty || record.objectType == $0 } ?? true)
                && (filter.from.map { record.at >= $0 } ?? true) && (filter.to.map { record.at < $0 } ?? true)
        }.prefix(limit))
    }
}

struct MemoryReference: ReferenceRepository {
    let data: InMemoryStore.Working
    private var loaded: ReferenceData { data.data.reference ?? ReferenceData(goals: [], targets: [], actionLines: [], matrix: [], countries: [], regions: []) }

    func loadedVersion() async throws -> String? { data.data.referenceVersion }
    func replaceAll(with reference: ReferenceData, version: String, loadedAt: Date) async throws {
        data.data.reference = reference
        data.data.referenceVersion = version
    }
    func goals() async throws -> [SDGGoal] { loaded.goals }
    func targets(goal: Int?) async throws -> [SDGTarget] { loaded.targets.filter { goal == nil || $0.goal == goal } }
    func actionLines() async throws -> [ActionLine] { loaded.actionLines }
    func matrixLinks() async throws -> [MatrixLink] { loaded.matrix }
    func countries() async throws -> [Country] { loaded.countries }
    func country(code: String) async throws -> Country? { loaded.countries.first { $0.alpha3 == code } }
    func regions() async throws -> [Region] { loaded.regions }
}

struct MemoryCalendar: CalendarRepository {
    let data: InMemoryStore.Working

    func milestones() async throws -> [Milestone] { data.data.milestones.values.sorted { ($0.start, $0.key) < ($1.start, $1.key) } }
    func milestone(key: String) async throws -> Milestone? { data.data.milestones[key] }
    func insert(_ milestones: [Milestone]) async throws {
        for milestone in milestones {
            guard data.data.milestones[milestone.key] == nil else { throw KeyTaken(description: "milestone \(milestone.key) exists") }
            data.data.milestones[milestone.key] = milestone
        }
    }
    func update(_ milestone: Milestone, expectedVersion: Int) async throws -> Bool {
        guard data.data.milestones[milestone.key]?.version == expectedVersion else { return false }
        data.data.milestones[milestone.key] = milestone
        return true
    }
}

struct MemoryMatrix: MatrixRepository {
    let data: InMemoryStore.Working

    func add(_ link: MatrixLink) async throws { data.data.reference?.matrix.append(link) }
    func remove(_ link: MatrixLink) async throws { data.data.reference?.matrix.removeAll { $0 == link } }
    func changes(limit: Int) async throws -> [MatrixChange] { Array(data.data.matrixChanges.reversed().prefix(limit)) }
    func append(_ change: MatrixChange) async throws -> Int {
        var change = change
        change.sequence = data.data.matrixChanges.count + 1
        data.data.matrixChanges.append(change)
        return change.sequence
    }
}

struct MemoryJobs: JobRepository {
    let data: InMemoryStore.Working

    func insert(_ job: Job) async throws { data.data.jobs[job.id] = job }
    func job(id: String) async throws -> Job? { data.data.jobs[id] }
    func claimNext(now: Date) async throws -> Job? {
        guard var job = data.data.jobs.values.filter({ $0.state == .queued }).min(by: { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }) else {
            return nil
        }
        job.state = .running
        job.attempts += 1
        job.startedAt = now
        job.heartbeatAt = now
        job.progress = nil
        data.data.jobs[job.id] = job
        return job
    }
    func saveProgress(id: String, _ progress: JobProgress, at now: Date) async throws {
        guard data.data.jobs[id]?.state == .running else { return }
        data.data.jobs[id]?.progress = progress
        data.data.jobs[id]?.heartbeatAt = now
    }
    func finish(id: String, state: Job.State, result: Foundation.Data?, failure: String?, at now: Date) async throws {
        data.data.jobs[id]?.state = state
        data.data.jobs[id]?.result = result
        data.data.jobs[id]?.failure = failure
        data.data.jobs[id]?.finishedAt = now
    }
    func requeueStale(before staleBefore: Date, maximumAttempts: Int) async throws -> Int {
        var queued = 0
        for (id, job) in data.data.jobs where job.state == .running && (job.heartbeatAt ?? .distantPast) < staleBefore {
            if job.attempts >= maximumAttempts {
                data.data.jobs[id]?.state = .failed
                data.data.jobs[id]?.failure = Job.interrupted
                data.data.jobs[id]?.finishedAt = staleBefore
            } else {
                data.data.jobs[id]?.state = .queued
                data.data.jobs[id]?.progress = nil
                queued += 1
            }
        }
        return queued
    }
    func recent(limit: Int) async throws -> [Job] {
        Array(data.data.jobs.values.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }.prefix(limit))
    }
}

struct MemoryResolutions: ResolutionRepository {
    struct Citation: Sendable {
        var resolutionID: String
        var paragraphID: String
        var workID: String
        var text: String
    }

    let data: InMemoryStore.Working

    func insert(_ resolution: StoredResolution) async throws {
        guard data.data.resolutions[resolution.id] == nil else { throw KeyTaken(description: "resolution \(resolution.id) exists") }
        data.data.resolutions[resolution.id] = resolution
    }
    func resolution(id: String) async throws -> StoredResolution? { data.data.resolutions[id] }
    func resolution(digest: String) async throws -> StoredResolution? { data.data.resolutions.values.first { $0.sourceDigest == digest } }
    func latestVersion(workID: String, language: String) async throws -> Int? {
        data.data.resolutions.values.filter { $0.workID == workID && $0.structure.language.rawValue == language }.map(\.version).max()
    }
    func summaries(includeDrafts: Bool) async throws -> [ResolutionSummary] {
        data.data.resolutions.values.filter { includeDrafts || $0.status == .confirmed }
            .sorted { ($1.createdAt, $0.id) < ($0.createdAt, $1.id) }.map(\.summary)
    }
    func confirm(id: String, at date: Date) async throws {
        data.data.resolutions[id]?.status = .confirmed
        data.data.resolutions[id]?.confirmedAt = date
    }
    func confirmedWorks(_ workIDs: Set<String>) async throws -> [String: String] {
        var latest: [String: StoredResolution] = [:]
        for resolution in data.data.resolutions.values where resolution.status == .confirmed && workIDs.contains(resolution.workID) {
            if (latest[resolution.workID]?.version ?? 0) < resolution.version { latest[resolution.workID] = resolution }
        }
        return latest.mapValues(\.id)
    }
    func recordCitations(resolutionID: String, _ citations: [(paragraphID: String, workID: String, text: String)]) async throws {
        data.data.citations.removeAll { $0.resolutionID == resolutionID }
        data.data.citations += citations.map { Citation(resolutionID: resolutionID, paragraphID: $0.paragraphID, workID: $0.workID, text: $0.text) }
    }
    func replaceStructure(id: String, _ structure: Resolution) async throws { data.data.resolutions[id]?.structure = structure }
    func citing(workID: String) async throws -> [CitingParagraph] {
        let resolutions = data.data.resolutions
        return data.data.citations.filter { $0.workID == workID }.compactMap { citation in
            resolutions[citation.resolutionID].flatMap { $0.status == .confirmed ? ($0, citation) : nil }
        }
        .sorted { ($0.0.createdAt, $0.0.id, $0.1.paragraphID) < ($1.0.createdAt, $1.0.id, $1.1.paragraphID) }
        .map { CitingParagraph(resolution: $0.0.summary, paragraphID: $0.1.paragraphID, citedText: $0.1.text) }
    }
}

struct MemoryMandates: MandateRepository {
    let data: InMemoryStore.Working

    func insert(_ mandates: [Mandate]) async throws {
        for mandate in mandates {
            guard data.data.mandates[mandate.id] == nil else { throw KeyTaken(description: "mandate \(mandate.id) exists") }
            data.data.mandates[mandate.id] = mandate
        }
    }
    func mandate(id: String) async throws -> Mandate? { data.data.mandates[id] }
    func mandates(_ filter: MandateFilter) async throws -> [Mandate] {
        data.data.mandates.values.filter { mandate in
            (filter.resolutionID.map { mandate.resolutionID == $0 } ?? true) && (filter.status.map { mandate.status == $0 } ?? true)
                && (filter.proposal.map { mandate.proposal == $0 } ?? true)
                && (filter.ownerOrganizationID.map { mandate.ownerOrganizationID == $0 } ?? true)
                && (filter.actor.map { mandate.actors.contains($0) } ?? true)
        }
        .sorted { ($0.resolutionID, $0.position, $0.createdAt, $0.id) < ($1.resolutionID, $1.position, $1.createdAt, $1.id) }
    }
    func count(resolutionID: String) async throws -> Int { data.data.mandates.values.filter { $0.resolutionID == resolutionID }.count }
    func update(_ mandate: Mandate, expectedVersion: Int) async throws -> Bool {
        guard data.data.mandates[mandate.id]?.version == expectedVersion else { return false }
        data.data.mandates[mandate.id] = mandate
        return true
    }
    func insert(_ update: MandateUpdate) async throws { data.data.mandateUpdates.append(update) }
    func updates(mandateID: String) async throws -> [MandateUpdate] { data.data.mandateUpdates.filter { $0.mandateID == mandateID } }
    func allUpdates() async throws -> [MandateUpdate] {
        // By mandate, each mandate's in the order they were made (a stable sort keeps it).
        data.data.mandateUpdates.enumerated().sorted { ($0.element.mandateID, $0.offset) < ($1.element.mandateID, $1.offset) }.map(\.element)
    }
    func actors() async throws -> [MandateActor] { data.data.actors.values.sorted { $0.code < $1.code } }
    func insert(_ actor: MandateActor) async throws {
        guard data.data.actors[actor.code] == nil else { throw KeyTaken(description: "actor \(actor.code) exists") }
        data.data.actors[actor.code] = actor
    }
    func insert(_ evidence: StoredEvidence) async throws { data.data.evidence[evidence.id] = evidence }
    func evidence(id: String) async throws -> StoredEvidence? { data.data.evidence[id] }
    func evidence(mandateID: String) async throws -> [StoredEvidence] {
        data.data.evidence.values.filter { $0.mandateID == mandateID }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }
    func occurrences(mandateIDs: [String]) async throws -> [Occurrence] {
        let wanted = Set(mandateIDs)
        return data.data.occurrences.values.filter { wanted.contains($0.mandateID) }.sorted { ($0.mandateID, $0.period) < ($1.mandateID, $1.period) }
    }
    func save(_ occurrence: Occurrence) async throws { data.data.occurrences["\(occurrence.mandateID)|\(occurrence.period)"] = occurrence }
}

struct MemoryActivities: ActivityRepository {
    struct Prepared: PreparedActivities {
        let activities: [Activity]
    }

    let data: InMemoryStore.Working

    func prepare(_ activities: [Activity]) async -> any PreparedActivities { Prepared(activities: activities) }
    func insert(_ prepared: any PreparedActivities) async throws {
        for activity in prepared.activities {
            guard data.data.activities[activity.id] == nil else { throw KeyTaken(description: "activity \(activity.id) exists") }
            data.data.activities[activity.id] = activity
            data.data.activityOrder.append(activity.id)
        }
    }
    func update(_ activity: Activity, expectedVersion: Int) async throws -> Bool {
        guard data.data.activities[activity.id]?.version == expectedVersion else { return false }
        data.data.activities[activity.id] = activity
        return true
    }
    func activity(id: String) async throws -> Activity? { data.data.activities[id] }
    func activities(externalIDs: [String]) async throws -> [String: Activity] {
        let wanted = Set(externalIDs)
        var found: [String: Activity] = [:]
        for activity in data.data.activities.values {
            if let external = activity.externalID, wanted.contains(external) { found[external] = activity }
            if wanted.contains(activity.id), found[activity.id] == nil { found[activity.id] = activity }
        }
        return found
    }
    func activities(_ filter: ActivityFilter) async throws -> [Activity] {
        let position = Dictionary(data.data.activityOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return Array(data.data.activities.values.filter { activity in
            (filter.states.isEmpty || filter.states.contains(activity.state))
                && (filter.organizationID.map { activity.organizationID == $0 } ?? true) && (filter.createdBy.map { activity.createdBy == $0 } ?? true)
        }
        .sorted { ($1.updatedAt, position[$1.id] ?? 0) < ($0.updatedAt, position[$0.id] ?? 0) }.prefix(filter.limit))
    }
    func count(state: Activity.State?) async throws -> Int { data.data.activities.values.filter { state == nil || $0.state == state }.count }
    func published(after position: Int64, limit: Int) async throws -> [(position: Int64, activity: Activity)] {
        let activities = data.data.activities
        return Array(data.data.activityOrder.enumerated().lazy.map { (Int64($0.offset + 1), activities[$0.element]!) }
            .filter { $0.0 > position && $0.1.state == .published }.prefix(limit).map { (position: $0.0, activity: $0.1) })
    }
    func insert(_ comment: ActivityComment) async throws { data.data.activityComments.append(comment) }
    func comments(activityID: String) async throws -> [ActivityComment] { data.data.activityComments.filter { $0.activityID == activityID } }
    func revision(activityID: String) async throws -> ActivityRevision? { data.data.activityRevisions[activityID] }
    func save(_ revision: ActivityRevision) async throws { data.data.activityRevisions[revision.activityID] = revision }
    func deleteRevision(activityID: String) async throws { data.data.activityRevisions[activityID] = nil }
    func revisions() async throws -> [ActivityRevision] { data.data.activityRevisions.values.sorted { $0.submittedAt < $1.submittedAt } }
}
