import Foundation
import Resolutions

/// The flat form of an activity, field by field: the columns of the CSV export and import, the
/// keys of the JSON export and of the API, and the names of the web form's inputs. One list, so
/// the field dictionary, the exports and the validation never disagree.
public enum ActivityFields {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var kind: String
        public var required: Bool
        public var description: String
        public var example: String
        /// Lists are separated by `;` in CSV (the Arabic `؛` and the full-width `；` too) and are arrays in JSON.
        public var isList: Bool { kind.hasPrefix("list") }
    }

    /// Every field in export order. `contact` is accepted on import but never exported.
    public static let all: [Field] = {
        var fields: [Field] = [
            Field(name: "external_id", kind: "text", required: false,
                  description: "The activity's identifier in its source. An import updates the activity with this id instead of adding another; exports give the platform's id when there is none.",
                  example: "wsis-st-2019-1234"),
        ]
        for language in Activity.languages {
            fields.append(Field(name: "title_\(language)", kind: "text", required: false,
                                description: "Title in \(language) (at most 300 characters). At least one language needs a title and a short description.",
                                example: language == "en" ? "Digital skills for rural teachers" : ""))
            fields.append(Field(name: "summary_\(language)", kind: "text", required: false,
                                description: "Short description in \(language), at most \(Activity.summaryWordLimit) words.",
                                example: language == "en" ? "Trains 2,000 teachers a year in basic digital skills." : ""))
            fields.append(Field(name: "description_\(language)", kind: "text", required: false,
                                description: "Long description in \(language).", example: ""))
        }
        fields += [
            Field(name: "organization", kind: "text", required: true, description: "The submitting organization's name.", example: "Ministry of ICT"),
            Field(name: "stakeholder_type", kind: "code", required: true,
                  description: "One of " + StakeholderType.allCases.map(\.rawValue).joined(separator: ", ") + ".", example: "government"),
            Field(name: "partners", kind: "list of text", required: false, description: "Partner organizations.", example: "UNESCO; ITU"),
            Field(name: "countries", kind: "list of codes", required: false, description: "ISO 3166-1 alpha-3 codes of the countries where it takes place.", example: "KEN; UGA"),
            Field(name: "regions", kind: "list of codes", required: false, description: "UN M49 codes of the regions it covers.", example: "002"),
            Field(name: "coverage", kind: "code", required: true,
                  description: "One of " + Activity.Coverage.allCases.map(\.rawValue).joined(separator: ", ") + ".", example: "national"),
            Field(name: "status", kind: "code", required: true,
                  description: "One of " + Activity.Status.allCases.map(\.rawValue).joined(separator: ", ") + ".", example: "ongoing"),
            Field(name: "start_date", kind: "date", required: false, description: "yyyy-mm-dd, or yyyy-mm, or yyyy: kept as precise as given (IATI, which needs a day, gets the first day).", example: "2021-03"),
            Field(name: "end_date", kind: "date", required: false, description: "yyyy-mm-dd, or yyyy-mm, or yyyy; not before the start.", example: ""),
            Field(name: "website", kind: "url", required: false, description: "An http or https address.", example: "https://example.org/project"),
            Field(name: "contact", kind: "text", required: false, description: "Who to ask (name, e-mail). Never public and never exported.", example: ""),
            Field(name: "primary_action_line", kind: "code", required: true,
                  description: "The WSIS Action Line the activity serves first: C1–C6, C7.egov, C7.ebus, C7.elea, C7.ehea, C7.eemp, C7.eenv, C7.eagr, C7.esci, C8–C11.",
                  example: "C4"),
            Field(name: "action_lines", kind: "list of codes", required: false, description: "Other Action Lines it serves.", example: "C7.elea"),
            Field(name: "sdg_goals", kind: "list of codes", required: false, description: "SDG goal numbers, 1–17.", example: "4; 5"),
            Field(name: "sdg_targets", kind: "list of codes", required: false, description: "SDG target codes; their goal is added to sdg_goals.", example: "4.4"),
            Field(name: "beneficiaries", kind: "list of text", required: false, description: "Who benefits: women, youth, persons with disabilities …", example: "teachers; youth"),
            Field(name: "impact", kind: "text", required: false, description: "What changed, in words.", example: ""),
            Field(name: "impact_figures", kind: "text", required: false, description: "What changed, in figures.", example: "12,000 teachers trained"),
            Field(name: "evidence", kind: "list of urls", required: false, description: "Links to reports, evaluations, media (http or https), separated by semicolons; a space or a line break also separates two links, since no address holds one.", example: ""),
            Field(name: "last_verified", kind: "date", required: false, description: "When the information was last checked, yyyy-mm-dd.", example: "2026-01-15"),
        ]
        return fields.map { field in
            guard field.kind == "text" || field.kind == "list of text" else { return field }
            var field = field
            field.description += " " + formulaSafeCells
            return field
        }
    }()

    /// How text is written in CSV so that no spreadsheet runs it (`CSVTable`'s formula guard), said
    /// in every text field's description of the dictionary.
    static let formulaSafeCells = "In CSV, a value a spreadsheet would run as a formula (one starting with =, +, -, @, a tab or a carriage return; "
        + "numbers such as -5 excepted) is written after an apostrophe, which spreadsheets show as text and the import takes away: "
        + "a cell typed as '=1+1 is imported as =1+1, and one typed as ''=1+1 keeps one apostrophe."

    public static let names: [String] = all.map(\.name)
    public static let exported: [String] = names.filter { $0 != "contact" }
    public static let known: Set<String> = Set(names).union(["id", "state", "published_at"])

    /// The dictionary as CSV: name, kind, required, description, example.
    public static var dictionaryCSV: String {
        CSVTable.write(header: ["field", "kind", "required", "description", "example"],
                       rows: all.map { [$0.name, $0.kind, $0.required ? "yes" : "no", $0.description, $0.example] })
    }

    /// The flat record of an activity, as exported (no contact).
    public static func record(_ activity: Activity, includeContact: Bool = false) -> [String: String] {
        var record: [String: String] = [
            "external_id": activity.externalID ?? activity.id,
            "organization": activity.organization,
            "stakeholder_type": activity.stakeholderType.rawValue,
            "partners": list(activity.partners),
            "countries": list(activity.countries),
            "regions": list(activity.regions),
            "coverage": activity.coverage.rawValue,
            "status": activity.status.rawValue,
            "start_date": activity.startDate ?? "",
            "end_date": activity.endDate ?? "",
            "website": activity.website ?? "",
            "primary_action_line": activity.primaryActionLine,
            "action_lines": list(activity.actionLines),
            "sdg_goals": list(activity.sdgGoals.map(String.init)),
            "sdg_targets": list(activity.sdgTargets),
            "beneficiaries": list(activity.beneficiaries),
            "impact": activity.impact,
            "impact_figures": activity.impactFigures,
            "evidence": list(activity.evidence),
            "last_verified": activity.lastVerified ?? "",
        ]
        if includeContact { record["contact"] = activity.contact ?? "" }
        for language in Activity.languages {
            let text = activity.texts[language]
            record["title_\(language)"] = text?.title ?? ""
            record["summary_\(language)"] = text?.summary ?? ""
            record["description_\(language)"] = text?.description ?? ""
        }
        return record
    }

    static func list(_ values: [String]) -> String { values.joined(separator: "; ") }

    /// Splits a list field: `;` separates (a comma would cut organization names).
    /// A list as people type it: items separated by semicolons — the Latin `;`, or the Arabic `؛`
    /// and the full-width `；` an Arabic or Chinese keyboard gives.
    public static func split(_ value: String?) -> [String] {
        guard let value, !value.isEmpty else { return [] }
        return value.split(whereSeparator: { $0 == ";" || $0 == "\u{061B}" || $0 == "\u{FF1B}" }).map { String($0).trimmedFast }.filter { !$0.isEmpty }
    }
}

/// The codes an activity may use, read from the reference data.
public struct ActivityVocabulary: Sendable {
    public var actionLines: Set<String>
    public var goals: Set<Int>
    public var targets: [String: Int]
    /// Alpha-3 (upper case) to the M49 regions that contain it.
    public var countries: [String: [String]]
    public var regions: Set<String>
    /// Upper-cased code to the code as written in the reference data (`C7.EHEA` → `C7.ehea`).
    var actionLineByUpperCase: [String: String]
    /// Alpha-3 to alpha-2 (IATI names countries by alpha-2).
    public var alpha2: [String: String]
    /// Action Line code to its English title.
    public var actionLineTitles: [String: String]
    /// Action Line → the goals and targets the WSIS-SDG Matrix links to it.
    public var matrix: [String: [MatrixLink]]

    public init(reference: ReferenceData) {
        self.init(actionLines: reference.actionLines, goals: reference.goals, targets: reference.targets,
                  countries: reference.countries, regions: reference.regions, matrix: reference.matrix)
    }

    public init(actionLines: [ActionLine], goals: [SDGGoal], targets: [SDGTarget], countries: [Country], regions: [Region], matrix: [MatrixLink]) {
        self.actionLines = Set(actionLines.filter(\.isCategory).map(\.code))
        self.actionLineByUpperCase = Dictionary(self.actionLines.map { ($0.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
        self.goals = Set(goals.map(\.number))
        self.targets = Dictionary(targets.map { ($0.code, $0.goal) }, uniquingKeysWith: { first, _ in first })
        self.countries = Dictionary(countries.map { country in
            (country.alpha3, [country.region, country.subregion].compactMap { $0 })
        }, uniquingKeysWith: { first, _ in first })
        self.regions = Set(regions.map(\.m49))
        self.alpha2 = Dictionary(countries.map { ($0.alpha3, $0.alpha2) }, uniquingKeysWith: { first, _ in first })
        self.actionLineTitles = Dictionary(actionLines.map { ($0.code, $0.title.text(.english)) }, uniquingKeysWith: { first, _ in first })
        self.matrix = Dictionary(grouping: matrix, by: \.actionLine)
    }

    /// An Action Line code as written (`c7.EHEA`, `c4`) in its canonical form, if it is one of the 18.
    public func actionLine(_ text: String) -> String? {
        actionLineByUpperCase[text.trimmedFast.uppercased()]
    }

    /// The goals and targets the matrix links to these Action Lines, as suggestions.
    public func suggestions(for lines: [String]) -> (goals: [Int], targets: [String]) {
        let links = lines.flatMap { matrix[$0] ?? [] }
        let goals = Set(links.map(\.goal)).sorted()
        let targets = Set(links.compactMap(\.target)).sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        return (goals, targets)
    }
}

extension Activity {
    /// Reads and checks a flat record (a CSV row, a form, an API body). Field errors are named by
    /// the field; nothing is half-read.
    public static func read(_ record: [String: String], vocabulary: ActivityVocabulary, id: String, createdBy: String, now: Date) throws -> Activity {
        var check = Validator()
        let externalID = check.text("external_id", record["external_id"], required: false, maxLength: 200)
        var texts: [String: Text] = [:]
        for language in Activity.languages {
            let title = check.text("title_\(language)", record["title_\(language)"], required: false, maxLength: 300)
            let summary = check.text("summary_\(language)", record["summary_\(language)"], required: false, maxLength: 4000, multiline: true)
            let description = check.text("description_\(language)", record["description_\(language)"], required: false, maxLength: 50_000, multiline: true)
            if title.isEmpty && summary.isEmpty && description.isEmpty { continue }
            if title.isEmpty { check.add("title_\(language)", "required") }
            if summary.isEmpty { check.add("summary_\(language)", "required") }
            if summary.wordCount > Activity.summaryWordLimit { check.add("summary_\(language)", "too-many-words", ["max": String(Activity.summaryWordLimit)]) }
            texts[language] = Text(title: title, summary: summary, description: description)
        }
        if texts.isEmpty { check.add("title_en", "one-language-required") }
        let organization = check.text("organization", record["organization"], maxLength: 300)
        let stakeholderText = (record["stakeholder_type"] ?? "").trimmedFast.lowercased()
        let stakeholder = StakeholderType(rawValue: stakeholderText)
        if stakeholder == nil { check.add("stakeholder_type", stakeholderText.isEmpty ? "required" : "unknown-code", ["value": stakeholderText]) }
        let coverageText = (record["coverage"] ?? "").trimmedFast.lowercased()
        let coverage = Coverage(rawValue: coverageText.isEmpty ? "national" : coverageText)
        if coverage == nil { check.add("coverage", "unknown-code", ["value": coverageText]) }
        let statusText = (record["status"] ?? "").trimmedFast.lowercased()
        let status = Status(rawValue: statusText.isEmpty ? "ongoing" : statusText)
        if status == nil { check.add("status", "unknown-code", ["value": statusText]) }

        let partners = ActivityFields.split(record["partners"])
        var countries: [String] = []
        for code in ActivityFields.split(record["countries"]) {
            let upper = code.uppercased()
            if vocabulary.countries[upper] != nil { if !countries.contains(upper) { countries.append(upper) } } else { check.add("countries", "unknown-code", ["value": code]) }
        }
        var regions: [String] = []
        for code in ActivityFields.split(record["regions"]) {
            let padded = code.count < 3 && code.allSatisfy(\.isNumber) ? String(repeating: "0", count: 3 - code.count) + code : code
            if vocabulary.regions.contains(padded) { if !regions.contains(padded) { regions.append(padded) } } else { check.add("regions", "unknown-code", ["value": code]) }
        }
        let startDate = Self.day(record["start_date"], field: "start_date", into: &check)
        let endDate = Self.day(record["end_date"], field: "end_date", into: &check)
        // A partial date stands for its whole month or year: the end may not finish before the start begins.
        if let startDate, let endDate, let last = PartialDate.lastDay(of: endDate), last < PartialDate.firstDay(of: startDate) {
            check.add("end_date", "before-start")
        }
        let website = check.text("website", record["website"], required: false, maxLength: 2000)
        if !website.isEmpty, !Markup.isWebAddress(website) { check.add("website", "invalid-url") }
        let contact = check.text("contact", record["contact"], required: false, maxLength: 500)

        let primaryText = (record["primary_action_line"] ?? "").trimmedFast
        let primary = vocabulary.actionLine(primaryText)
        if primary == nil { check.add("primary_action_line", primaryText.isEmpty ? "required" : "unknown-code", ["value": primaryText]) }
        var lines: [String] = []
        for code in ActivityFields.split(record["action_lines"]) {
            if let line = vocabulary.actionLine(code) { if line != primary && !lines.contains(line) { lines.append(line) } } else { check.add("action_lines", "unknown-code", ["value": code]) }
        }
        var goals: Set<Int> = []
        for code in ActivityFields.split(record["sdg_goals"]) {
            if let goal = Int(code), vocabulary.goals.contains(goal) { goals.insert(goal) } else { check.add("sdg_goals", "unknown-code", ["value": code]) }
        }
        var targets: [String] = []
        for code in ActivityFields.split(record["sdg_targets"]) {
            if let goal = vocabulary.targets[code.lowercased()] ?? vocabulary.targets[code] {
                let canonical = vocabulary.targets[code] != nil ? code : code.lowercased()
                if !targets.contains(canonical) { targets.append(canonical) }
                goals.insert(goal)
            } else {
                check.add("sdg_targets", "unknown-code", ["value": code])
            }
        }
        let beneficiaries = ActivityFields.split(record["beneficiaries"])
        let impact = check.text("impact", record["impact"], required: false, maxLength: 10_000, multiline: true)
        let figures = check.text("impact_figures", record["impact_figures"], required: false, maxLength: 2000)
        // Links are separated by semicolons, or by spaces and line breaks, which no address holds.
        let evidence = ActivityFields.split(record["evidence"]).flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        for link in evidence where !Markup.isWebAddress(link) { check.add("evidence", "invalid-url", ["value": link]) }
        let lastVerified = Self.day(record["last_verified"], field: "last_verified", into: &check)
        for (field, values) in [("partners", partners), ("beneficiaries", beneficiaries)] where values.contains(where: { $0.count > 300 }) {
            check.add(field, "too-long", ["max": "300"])
        }
        try check.check()
        return Activity(id: id, externalID: externalID.isEmpty ? nil : externalID, texts: texts, organization: organization,
                        stakeholderType: stakeholder!, partners: partners, countries: countries, regions: regions, coverage: coverage!,
                        status: status!, startDate: startDate, endDate: endDate, website: website.isEmpty ? nil : website,
                        contact: contact.isEmpty ? nil : contact, primaryActionLine: primary!, actionLines: lines,
                        sdgGoals: goals.sorted(), sdgTargets: targets.sorted { $0.compare($1, options: .numeric) == .orderedAscending },
                        beneficiaries: beneficiaries, impact: impact, impactFigures: figures, evidence: evidence,
                        lastVerified: lastVerified, createdBy: createdBy, createdAt: now, updatedAt: now)
    }

    /// `yyyy-mm-dd`, `yyyy-mm` or `yyyy` as a day (the first of the month or year), checked.
    static func day(_ value: String?, field: String, into check: inout Validator) -> String? {
        let text = (value ?? "").trimmedFast
        if text.isEmpty { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.map { Int($0) }
        guard (1...3).contains(parts.count), numbers.allSatisfy({ $0 != nil }), parts[0].count == 4,
              let year = numbers[0], (1900...2100).contains(year) else {
            check.add(field, "invalid-partial-date", ["value": text])
            return nil
        }
        let month = parts.count > 1 ? numbers[1]! : 1
        let day = parts.count > 2 ? numbers[2]! : 1
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), day >= 1, day <= days[month - 1] else {
            check.add(field, "invalid-partial-date", ["value": text])
            return nil
        }
        // Kept as precise as it was given: a year, a month or a day (`2027`, `2021-03`, `2021-03-05`).
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
        switch parts.count {
        case 1: return String(year)
        case 2: return "\(year)-\(two(month))"
        default: return "\(year)-\(two(month))-\(two(day))"
        }
    }
}
