import Foundation

/// Progress of a group of mandates, weighted: completed work counts as 100, cancelled and
/// superseded work and proposals not accepted do not count.
public struct RollUp: Sendable, Equatable {
    public var percent: Int
    public var counted: Int

    public init(_ mandates: [Mandate]) {
        let counted = mandates.filter { $0.proposal == .accepted && $0.status != .cancelled && $0.status != .superseded }
        let weights = counted.reduce(0) { $0 + max($1.weight, 0) }
        let sum = counted.reduce(0) { $0 + max($1.weight, 0) * ($1.status == .completed ? 100 : $1.progress) }
        self.percent = weights == 0 ? 0 : Int((Double(sum) / Double(weights)).rounded())
        self.counted = counted.count
    }
}
