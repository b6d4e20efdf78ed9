import Foundation

/// One period of recurring work ("report annually to the Council": 2026, 2027 …), tracked on its own.
/// Periods run from the year the mandate was proposed to the current one; a period nobody has
/// reported on is not started. Each is due by the end of its period.
public struct Occurrence: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case notStarted = "not-started"
        case inProgress = "in-progress"
        case completed
    }

    public var mandateID: String
    /// `2026` for yearly work, `2026-2027` for work every two years.
    public var period: String
    public var status: Status
    public var progress: Int

    public init(mandateID: String, period: String, status: Status = .notStarted, progress: Int = 0) {
        self.mandateID = mandateID
        self.period = period
        self.status = status
        self.progress = progress
    }

    /// The last day of the period.
    public var dueDay: String { String(period.suffix(4)) + "-12-31" }
}

extension Mandate {
    /// The years one period covers: 1 for annual work, 2 for biennial; nil when the work does not
    /// recur in periods ("regularly" says how often no more than a deadline would).
    public var periodLength: Int? {
        guard case .recurrence(let every, _) = due else { return nil }
        return ["annually": 1, "biennially": 2][every]
    }

    /// The periods from the year the mandate was proposed to the year of `now`.
    public func periods(until now: Date) -> [String] {
        guard let length = periodLength else { return [] }
        let first = Int(Timestamp.day(createdAt).prefix(4))!
        let last = Int(Timestamp.day(now).prefix(4))!
        return stride(from: first, through: last, by: length).map { start in
            length == 1 ? String(start) : "\(start)-\(start + length - 1)"
        }
    }

    /// Each period with what was reported on it (`tracked`), in order.
    public func occurrences(until now: Date, tracked: [Occurrence]) -> [Occurrence] {
        let byPeriod = Dictionary(tracked.map { ($0.period, $0) }, uniquingKeysWith: { first, _ in first })
        return periods(until: now).map { byPeriod[$0] ?? Occurrence(mandateID: id, period: $0) }
    }
}
