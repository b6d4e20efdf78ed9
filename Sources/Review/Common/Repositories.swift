import Foundation

/// The repositories of one unit of work. Everything read or written through one value of this
/// type happens in one database session; inside `Store.write` it is one transaction.
public protocol Repositories: Sendable {
    var accounts: any AccountRepository { get }
    var sessions: any SessionRepository { get }
    var audit: any AuditRepository { get }
    var reference: any ReferenceRepository { get }
    var resolutions: any ResolutionRepository { get }
    var mandates: any MandateRepository { get }
    var calendar: any CalendarRepository { get }
    var activities: any ActivityRepository { get }
    var matrix: any MatrixRepository { get }
    var importJobs: any ImportJobRepository { get }
}

/// The unit of work. `write` commits everything its closure did, or nothing if it throws.
public protocol Store: Sendable {
    func read<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T
    func write<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T
}

public protocol AccountRepository: Sendable {
    func insert(_ organization: Organization) async throws
    func organization(id: String) async throws -> Organization?
    func organization(named name: String) async throws -> Organization?
    func organizations() async throws -> [Organization]

    func insert(_ user: User, passwordHash: String) async throws
    func user(id: String) async throws -> User?
    func user(email: String) async throws -> User?
    func users() async throws -> [User]
    func userCount() async throws -> Int
    func passwordHash(userID: String) async throws -> String?
    func setRoles(userID: String, roles: Set<Role>) async throws
    func setPasswordHash(userID: String, hash: String) async throws
}

public protocol SessionRepository: Sendable {
    func insert(_ session: Session) async throws
    func session(tokenHash: String) async throws -> Session?
    func deleteSession(tokenHash: String) async throws
    func deleteSessions(userID: String) async throws
    func deleteSessions(expiredBefore date: Date) async throws

    func insert(_ token: APIToken) async throws
    func apiToken(tokenHash: String) async throws -> APIToken?
    func apiTokens(userID: String) async throws -> [APIToken]

    func recordFailedSignIn(key: String, at date: Date) async throws
    func failedSignIns(key: String, since date: Date) async throws -> [Date]
    func clearFailedSignIns(key: String) async throws
}

public protocol AuditRepository: Sendable {
    /// The last record of the chain, locked until the transaction ends so that two writers
    /// cannot both append after it. Nil while the chain is empty.
    func lockHead() async throws -> AuditRecord?
    func append(_ record: AuditRecord) async throws
    /// Records in chain order, starting after `afterSequence`, at most `limit`.
    func records(after afterSequence: Int64, limit: Int) async throws -> [AuditRecord]
    /// Records newest first, filtered, at most `limit`.
    func search(_ filter: AuditFilter, limit: Int) async throws -> [AuditRecord]
}

public protocol ReferenceRepository: Sendable {
    /// The version of the reference data set that was loaded, nil before the first load.
    func loadedVersion() async throws -> String?
    func replaceAll(with data: ReferenceData, version: String, loadedAt: Date) async throws
    func goals() async throws -> [SDGGoal]
    func targets(goal: Int?) async throws -> [SDGTarget]
    func actionLines() async throws -> [ActionLine]
    func matrixLinks() async throws -> [MatrixLink]
    func countries() async throws -> [Country]
    func country(code: String) async throws -> Country?
    func regions() async throws -> [Region]
}
