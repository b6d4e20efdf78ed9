import Foundation
import Resolutions

/// A mandate with what the page and the API show beside it.
public struct MandateView: Sendable {
    public var mandate: Mandate
    public var signals: [Signal]
    /// The day it is due: its date, or the first day of the milestone its event names.
    public var dueDay: String?
    /// The milestone its deadline names, when the calendar holds it.
    public var milestone: Milestone?
    /// For recurring work: each period so far, with what was reported on it.
    public var occurrences: [Occurrence]

    public init(mandate: Mandate, signals: [Signal], dueDay: String?, milestone: Milestone? = nil, occurrences: [Occurrence] = []) {
        self.mandate = mandate
        self.signals = signals
        self.dueDay = dueDay
        self.milestone = milestone
        self.occurrences = occurrences
    }
}
