import Foundation
import Resolutions

/// The open-data formats of the registry's published activities.
public enum ActivityExportFormat: String, Sendable, CaseIterable {
    /// One row per activity, the columns of `ActivityFields` (what an import reads back).
    case csv
    /// An array of objects with the same keys; lists as arrays.
    case json
    /// IATI activity XML, version 2.03.
    case iati

    public var mediaType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json"
        case .iati: "application/xml"
        }
    }

    public var fileExtension: String {
        switch self {
        case .csv: "csv"
        case .json: "json"
        case .iati: "xml"
        }
    }
}

extension ActivityService {
    /// Writes every published activity in `format`, a page at a time, to `write` (so a million
    /// activities stream out without being held in memory). Contacts are never written.
    public func export(_ format: ActivityExportFormat, write: @escaping @Sendable (String) async throws -> Void) async throws {
        let vocabulary = try await vocabulary()
        try await write(exportHeader(format))
        var position: Int64 = 0
        while let (text, last) = try await exportPage(format, after: position, vocabulary: vocabulary) {
            try await write(text)
            position = last
        }
        try await write(exportFooter(format, empty: position == 0))
    }

    /// What comes before the activities.
    public func exportHeader(_ format: ActivityExportFormat) -> String {
        switch format {
        case .csv: CSVLine.make(ActivityFields.exported)
        case .json: "["
        case .iati: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\" generated-datetime=\"\(Timestamp.string(clock.now()))\">\n"
        }
    }

    /// The published activities after `position` (0 for the first page), written out, with the
    /// position to continue from; nil when there are no more.
    public func exportPage(_ format: ActivityExportFormat, after position: Int64, vocabulary: ActivityVocabulary,
                           pageSize: Int = 1000) async throws -> (text: String, last: Int64)? {
        let page = try await store.read { try await $0.activities.published(after: position, limit: pageSize) }
        guard let last = page.last else { return nil }
        var chunk = ""
        for (index, (_, activity)) in page.enumerated() {
            switch format {
            case .csv:
                let record = ActivityFields.record(activity)
                chunk += CSVLine.make(ActivityFields.exported.map { record[$0] ?? "" })
            case .json:
                chunk += (position == 0 && index == 0 ? "\n" : ",\n") + Self.json(activity)
            case .iati:
                chunk += IATI.activity(activity, vocabulary: vocabulary, reportingOrganization: iatiReportingOrg)
            }
        }
        return (chunk, last.position)
    }

    /// What comes after the activities.
    public func exportFooter(_ format: ActivityExportFormat, empty: Bool) -> String {
        switch format {
        case .csv: ""
        case .json: empty ? "]\n" : "\n]\n"
        case .iati: "</iati-activities>\n"
        }
    }

    /// One activity as a JSON object with the export's keys, lists as arrays.
    static func json(_ activity: Activity) -> String {
        let record = ActivityFields.record(activity)
        var object: [String: Any] = [:]
        for field in ActivityFields.all where field.name != "contact" {
            let value = record[field.name] ?? ""
            object[field.name] = field.isList ? ActivityFields.split(value) : value
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// IATI activity XML (https://iatistandard.org/en/iati-standard/203/activity-standard/), written
/// in the schema's element order. Every activity's sector is the OECD DAC CRS purpose code 22040,
/// "Information and communication technology (ICT)" (vocabulary 1), at 100 %: the WSIS Action
/// Lines are all ICT for development, and a finer DAC code cannot be told from what a submitter
/// gives. The Action Lines themselves, which IATI has no list for, are tags of vocabulary 99
/// (the reporting organization's own); SDG goals and targets are tags of vocabularies 2 and 3.
/// Recipient countries and regions share 100 % evenly (IATI asks for percentages that add up to
/// 100 when there are several); a document link's format is guessed from its address's ending.
public enum IATI {
    /// The reporting organization's identifier until the operator sets its own (`iati-reporting-org`).
    /// IATI identifies an organization by a registration agency's code and the identifier that
    /// agency gave it (`XM-DAC-41114` for a UN body with an OECD DAC code, `XI-IATI-…` when the IATI
    /// Secretariat allocated one): such an identifier is the operator's to give, so the platform does
    /// not invent one. This placeholder has that form but no agency behind it, and says so.
    public static let placeholderReportingOrganization = "XX-UNREGISTERED-WSIS"

    /// Whether `text` has the form of an IATI organisation identifier: an agency code (two letters,
    /// a hyphen, letters or digits), a hyphen, and an identifier without spaces or `/`, `&`, `?`, `#`.
    public static func isOrganisationIdentifier(_ text: String) -> Bool {
        let parts = text.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }),
              !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), !parts[2].isEmpty, text.count <= 100 else { return false }
        return !parts[2].contains { $0.isWhitespace || "/&?#".contains($0) }
    }

    static func escape(_ text: String) -> String { Markup.escape(text) }

    static func narratives(_ values: [(String, String)]) -> String {
        values.filter { !$0.1.isEmpty }.map { "<narrative xml:lang=\"\($0.0)\">\(escape($0.1))</narrative>" }.joined()
    }

    public static func activity(_ activity: Activity, vocabulary: ActivityVocabulary,
                                reportingOrganization: String = placeholderReportingOrganization) -> String {
        var xml = "<iati-activity last-updated-datetime=\"\(Timestamp.string(activity.updatedAt))\" xml:lang=\"\(activity.languages.first ?? "en")\">\n"
        xml += "<iati-identifier>\(escape(reportingOrganization))-\(escape(activity.id))</iati-identifier>\n"
        xml += "<reporting-org ref=\"\(escape(reportingOrganization))\" type=\"40\"><narrative>WSIS Stocktaking registry</narrative></reporting-org>\n"
        let languages = activity.languages
        xml += "<title>" + narratives(languages.map { ($0, activity.texts[$0]!.title) }) + "</title>\n"
        xml += "<description type=\"1\">" + narratives(languages.map { ($0, activity.texts[$0]!.summary) }) + "</description>\n"
        if !activity.impact.isEmpty || !activity.impactFigures.isEmpty {
            xml += "<description type=\"2\">" + narratives([("en", [activity.impact, activity.impactFigures].filter { !$0.isEmpty }.joined(separator: " — "))]) + "</description>\n"
        }
        if !activity.beneficiaries.isEmpty {
            xml += "<description type=\"3\">" + narratives([("en", activity.beneficiaries.joined(separator: "; "))]) + "</description>\n"
        }
        xml += "<participating-org role=\"4\" type=\"\(organizationType(activity.stakeholderType))\"><narrative>\(escape(activity.organization))</narrative></participating-org>\n"
        for partner in activity.partners {
            xml += "<participating-org role=\"4\"><narrative>\(escape(partner))</narrative></participating-org>\n"
        }
        if let external = activity.externalID {
            xml += "<other-identifier ref=\"\(escape(external))\" type=\"A1\"/>\n"
        }
        let status = switch activity.status { case .planned: "1"; case .ongoing: "2"; case .completed: "4" }
        xml += "<activity-status code=\"\(status)\"/>\n"
        // IATI's dates are days: a start known to the month or year is its first day, an end its last.
        if let start = activity.startDate.map(PartialDate.firstDay) {
            xml += "<activity-date iso-date=\"\(start)\" type=\"\(activity.status == .planned ? "1" : "2")\"/>\n"
        }
        if let end = activity.endDate.flatMap(PartialDate.lastDay) {
            xml += "<activity-date iso-date=\"\(end)\" type=\"\(activity.status == .completed ? "4" : "3")\"/>\n"
        }
        let scope = switch activity.coverage { case .global: "1"; case .regional: "2"; case .national: "4" }
        xml += "<activity-scope code=\"\(scope)\"/>\n"
        let countries = activity.countries.compactMap { vocabulary.alpha2[$0] }
        let shares = percentages(countries.count + activity.regions.count)
        for (code, share) in zip(countries, shares) {
            xml += "<recipient-country code=\"\(code)\" percentage=\"\(share)\"/>\n"
        }
        for (region, share) in zip(activity.regions, shares.dropFirst(countries.count)) {
            xml += "<recipient-region code=\"\(region)\" vocabulary=\"2\" percentage=\"\(share)\"/>\n"
        }
        xml += "<sector vocabulary=\"1\" code=\"22040\" percentage=\"100\"/>\n"
        for line in activity.allActionLines {
            let title = vocabulary.actionLineTitles[line] ?? line
            xml += "<tag vocabulary=\"99\" vocabulary-uri=\"https://www.itu.int/net4/wsis/sdg/\" code=\"\(escape(line))\"><narrative>\(escape(title))</narrative></tag>\n"
        }
        for goal in activity.sdgGoals { xml += "<tag vocabulary=\"2\" code=\"\(goal)\"/>\n" }
        for target in activity.sdgTargets { xml += "<tag vocabulary=\"3\" code=\"\(escape(target))\"/>\n" }
        if let website = activity.website {
            xml += "<document-link url=\"\(escape(website))\" format=\"\(format(of: website))\"><title><narrative>Website</narrative></title><category code=\"A12\"/></document-link>\n"
        }
        for link in activity.evidence {
            xml += "<document-link url=\"\(escape(link))\" format=\"\(format(of: link))\"><title><narrative>Evidence</narrative></title><category code=\"A08\"/></document-link>\n"
        }
        xml += "</iati-activity>\n"
        return xml
    }

    /// `count` shares of 100 with two decimals that add up to exactly 100 (the last takes the rest):
    /// 3 → 33.33, 33.33, 33.34.
    static func percentages(_ count: Int) -> [String] {
        guard count > 0 else { return [] }
        let hundredths = 10_000 / count
        let shares = Array(repeating: hundredths, count: count - 1) + [10_000 - hundredths * (count - 1)]
        return shares.map { $0 % 100 == 0 ? String($0 / 100) : String(format: "%d.%02d", $0 / 100, $0 % 100) }
    }

    /// A document's media type (IATI's FileFormat list is IANA's), from its address's ending; a web page otherwise.
    static func format(of address: String) -> String {
        let path = (URL(string: address)?.path ?? address).lowercased()
        let known: [(String, String)] = [
            (".pdf", "application/pdf"), (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (".doc", "application/msword"), (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (".xls", "application/vnd.ms-excel"), (".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            (".ppt", "application/vnd.ms-powerpoint"), (".odt", "application/vnd.oasis.opendocument.text"),
            (".csv", "text/csv"), (".json", "application/json"), (".xml", "application/xml"), (".txt", "text/plain"),
            (".jpg", "image/jpeg"), (".jpeg", "image/jpeg"), (".png", "image/png"), (".gif", "image/gif"), (".svg", "image/svg+xml"),
            (".mp4", "video/mp4"), (".mp3", "audio/mpeg"), (".zip", "application/zip"),
        ]
        return known.first { path.hasSuffix($0.0) }?.1 ?? "text/html"
    }

    /// IATI's organisation type codes for the WSIS stakeholder groups.
    static func organizationType(_ type: StakeholderType) -> String {
        switch type {
        case .government: "10"
        case .privateSector: "70"
        case .civilSociety: "22"
        case .academia: "80"
        case .technicalCommunity: "90"
        case .internationalOrganization: "40"
        }
    }
}
