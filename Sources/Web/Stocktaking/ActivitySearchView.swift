import Foundation
import Resolutions
import Review

/// The model of the registry's search page (`activities.mustache` renders it): the search as
/// typed, the total, the order used, a page of hits with their marked extracts, the facets with
/// counts, and links that keep the search while toggling one filter, changing the order or paging.
struct ActivitySearchView: Sendable {
    struct Hit: Sendable, Equatable {
        var href: String
        /// The title and the extract, escaped, with the words searched for in `<mark>`.
        var titleHTML, snippetHTML: String
        var organization, language, start, primary, countries: String
        /// The goals, each a link to its page labelled with its number.
        var goals: [PageLink]
    }

    struct FacetGroup: Sendable, Equatable {
        var name: String
        /// The first values (and every chosen one); the rest behind "more".
        var values: [FacetValue]
        var more: [FacetValue]
        var moreLabel: String
        /// Open when it holds a chosen value, or is among the first groups.
        var open: Bool
    }

    struct FacetValue: Sendable, Equatable {
        var label, count, href: String
        var chosen: Bool
    }

    var q: String
    var error: String?
    /// "1,234 activities"; nil until a search has run.
    var total, ranking: String?
    var sortRelevance = true
    var relevanceLink = ""
    var dateLink = ""
    var hits: [Hit] = []
    var facets: [FacetGroup] = []
    /// The filters chosen, each a link that removes it, and a link that removes them all.
    var chips: [PageLink] = []
    var clearHref: String?
    /// What an empty list means: nothing published yet, or nothing matching.
    var none = ""
    var next: String?
    var signedIn, moderator, staff: Bool
    var links = Links()

    /// The registry's own pages and downloads, linked from the search page.
    struct Links: Sendable, Equatable {
        var search = SiteURL.activities.path
        var new = SiteURL.newActivity.path
        var queue = SiteURL.activityQueue.path
        var importFile = SiteURL.activityImport.path
        var csv = SiteURL.activitiesCSV.path
        var csvForExcel = SiteURL.activitiesCSV.path(query: ["bom": "1"])
        var json = SiteURL.activitiesJSON.path
        var iati = SiteURL.activitiesIATI.path
        var fields = SiteURL.activityFields.path
    }

    init(text: String, viewer: User?) {
        q = text
        signedIn = viewer != nil
        moderator = viewer.map { $0.has(.reviewer) || $0.has(.secretariat) } ?? false
        staff = viewer?.has(.secretariat) == true
    }

    /// Fills the model with what the search found.
    mutating func show(_ page: ActivitySearchPage, of request: ActivitySearchRequest, names: ActivityPages.Names, language: Language,
                       catalog: Catalog) {
        let text = q
        // Links keep the search and the other filters; a facet value toggles itself.
        func link(toggling facet: Facet? = nil, value: String? = nil, cursor: String? = nil, sort: String? = nil) -> String {
            var items: [URLQueryItem] = []
            if !text.isEmpty { items.append(URLQueryItem(name: "q", value: text)) }
            let chosenSort = sort ?? request.sort.rawValue
            if chosenSort != "relevance" { items.append(URLQueryItem(name: "sort", value: chosenSort)) }
            for current in Facet.allCases {
                var values = request.filters[current] ?? []
                if current == facet, let value { if values.contains(value) { values.remove(value) } else { values.insert(value) } }
                for value in values.sorted() { items.append(URLQueryItem(name: current.rawValue, value: value)) }
            }
            if let cursor { items.append(URLQueryItem(name: "cursor", value: cursor)) }
            var components = URLComponents()
            components.path = SiteURL.activities.path
            components.queryItems = items.isEmpty ? nil : items
            return components.string ?? SiteURL.activities.path
        }
        total = catalog.text("activities.total", language, ["count": LocaleFormat.number(page.total, language)])
        ranking = page.hits.isEmpty ? nil : catalog.text("activities.ranking.\(page.ranking.rawValue)", language)
        sortRelevance = request.sort == .relevance
        relevanceLink = link(sort: "relevance")
        dateLink = link(sort: "date")
        hits = page.hits.map { hit in
            let activity = hit.activity
            return Hit(href: SiteURL.activity(activity.id).path, titleHTML: hit.titleSnippet.html, snippetHTML: hit.snippet.html,
                       organization: activity.organization, language: hit.language, start: activity.startDate.map { LocaleFormat.date($0, language) } ?? "",
                       primary: activity.primaryActionLine,
                       countries: activity.countries.map { names.countries[$0] ?? $0 }.joined(separator: ", "),
                       goals: activity.sdgGoals.map { PageLink(href: SiteURL.goal(String($0)).path, label: String($0)) })
        }
        var groups: [FacetGroup] = []
        for facet in Facet.allCases {
            let values = page.facets[facet] ?? []
            let chosen = request.filters[facet] ?? []
            guard !values.isEmpty || !chosen.isEmpty else { continue }
            let shown = values.prefix(facet == .country || facet == .year ? 15 : 20)
            let counted = shown.map { value in
                FacetValue(label: names.label(facet, value.value, catalog: catalog, language: language), count: LocaleFormat.number(value.count, language),
                           href: link(toggling: facet, value: value.value), chosen: chosen.contains(value.value))
            }
            let chosenWithoutCount = chosen.filter { value in !shown.contains { $0.value == value } }.sorted().map { value in
                FacetValue(label: names.label(facet, value, catalog: catalog, language: language), count: LocaleFormat.number(0, language),
                           href: link(toggling: facet, value: value), chosen: true)
            }
            let all = counted + chosenWithoutCount
            // The five most frequent, and every chosen value, show; the rest wait behind "more".
            let first = all.enumerated().filter { $0.offset < 5 || $0.element.chosen }.map(\.element)
            let rest = all.enumerated().filter { $0.offset >= 5 && !$0.element.chosen }.map(\.element)
            let name = catalog.text("activities.facets.\(facet.rawValue)", language)
            groups.append(FacetGroup(name: name, values: first, more: rest,
                                     moreLabel: catalog.text("activities.facets.more", language, ["count": LocaleFormat.number(rest.count, language)]),
                                     open: !chosen.isEmpty || groups.count < 3))
            for value in all where value.chosen {
                chips.append(PageLink(href: value.href, label: catalog.text("activities.facets.chip", language, ["facet": name, "value": value.label])))
            }
        }
        facets = groups
        if !chips.isEmpty {
            var components = URLComponents()
            components.path = SiteURL.activities.path
            components.queryItems = text.isEmpty ? nil : [URLQueryItem(name: "q", value: text)]
            clearHref = components.string ?? SiteURL.activities.path
        }
        let searched = !text.trimmingCharacters(in: .whitespaces).isEmpty || !request.filters.values.allSatisfy(\.isEmpty)
        none = catalog.text(searched ? "activities.none" : "activities.none_yet", language)
        next = page.nextCursor.map { link(cursor: $0) }
    }
}
