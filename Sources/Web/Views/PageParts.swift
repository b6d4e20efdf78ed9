import Foundation

// Small values the page models share: a link, a choice of a form's list, a badge.

/// A link as a page shows it; `current` when it leads to the page itself (the navigation marks it).
struct PageLink: Sendable, Equatable {
    var href, label: String
    var current = false
}

/// A term and what it says: a fact of a record and its value, a target's code and its title, a
/// footnote's marker and its text.
struct PageTerm: Sendable, Equatable {
    var term, text: String
}

/// One choice of a `<select>`, a group of checkboxes or a form's buttons, with what it means when that needs saying.
struct PageChoice: Sendable, Equatable {
    var value, label: String
    var selected: Bool
    var help: String?
}

/// A coded label (a signal, a state) shown as a badge: the code styles it, the label says it.
struct PageBadge: Sendable, Equatable {
    var code, label: String
}
