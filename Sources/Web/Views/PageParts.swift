import Foundation

// Small values the page models share: a link, a choice of a form's list, a badge.

/// A link as a page shows it.
struct PageLink: Sendable, Equatable {
    var href: String
    var label: String
}

/// One choice of a `<select>` or a group of checkboxes.
struct PageChoice: Sendable, Equatable {
    var value: String
    var label: String
    var selected: Bool
}

/// A coded label (a signal, a state) shown as a badge: the code styles it, the label says it.
struct PageBadge: Sendable, Equatable {
    var code: String
    var label: String
}
