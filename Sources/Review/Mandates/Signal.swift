import Foundation

/// Why a mandate needs attention, computed from the clock: shown as a badge with words, not colour alone.
public enum Signal: String, Sendable, Codable, CaseIterable {
    case overdue
    case dueSoon = "due-soon"
    /// No update for twelve months.
    case stale
    case blocked
}
