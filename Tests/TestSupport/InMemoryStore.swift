import Foundation
import Review
import Synchronization

/// A `Store` in memory, for tests about a service's rules rather than about SQL: accounts,
/// sessions and tokens, the audit trail, reference data, the calendar, the matrix's edits and jobs.
/// A write works on a copy of the data and publishes it when its closure returns, so a write that
/// throws leaves nothing behind, as a transaction would; writes take turns. Resolutions, mandates
/// and activities are not kept here (their rules lean on their SQL): asking for them stops the test
/// with a message to use `TestPlatform` on a test database instead.
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
    var resolutions: any ResolutionRepository { Self.notKept("resolutions") }
    var mandates: any MandateRepository { Self.notKept("mandates") }
    var activities: any ActivityRepository { Self.notKept("activities") }

    static func notKept(_ what: String) -> Never {
        fatalError("InMemoryStore keeps no \(what): test them with TestPlatform on a test database")
    }
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
