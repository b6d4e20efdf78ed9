import Foundation
import Review

/// An activity as the JSON the `record` column holds, written by hand: the same object
/// `JSONEncoder` would write (and `JSONDecoder` reads back; a test checks the round trip), about
/// ten times faster, which matters when a million are imported.
enum ActivityRecordJSON {
    static func encode(_ activity: Activity) -> String {
        var out = "{"
        var first = true
        func key(_ name: String) {
            if !first { out += "," }
            first = false
            out += "\"" + name + "\":"
        }
        func string(_ name: String, _ value: String?) {
            guard let value else { return }
            key(name)
            append(value, to: &out)
        }
        func strings(_ name: String, _ values: [String]) {
            key(name)
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                append(value, to: &out)
            }
            out += "]"
        }
        string("id", activity.id)
        string("externalID", activity.externalID)
        key("texts")
        out += "{"
        for (index, language) in activity.texts.keys.sorted().enumerated() {
            let text = activity.texts[language]!
            if index > 0 { out += "," }
            append(language, to: &out)
            out += ":{\"title\":"
            append(text.title, to: &out)
            out += ",\"summary\":"
            append(text.summary, to: &out)
            out += ",\"description\":"
            append(text.description, to: &out)
            out += "}"
        }
        out += "}"
        string("organization", activity.organization)
        string("organizationID", activity.organizationID)
        string("stakeholderType", activity.stakeholderType.rawValue)
        strings("partners", activity.partners)
        strings("countries", activity.countries)
        strings("regions", activity.regions)
        string("coverage", activity.coverage.rawValue)
        string("status", activity.status.rawValue)
        string("startDate", activity.startDate)
        string("endDate", activity.endDate)
        string("website", activity.website)
        string("contact", activity.contact)
        string("primaryActionLine", activity.primaryActionLine)
        strings("actionLines", activity.actionLines)
        key("sdgGoals")
        out += "[" + activity.sdgGoals.map(String.init).joined(separator: ",") + "]"
        strings("sdgTargets", activity.sdgTargets)
        strings("beneficiaries", activity.beneficiaries)
        string("impact", activity.impact)
        string("impactFigures", activity.impactFigures)
        strings("evidence", activity.evidence)
        string("lastVerified", activity.lastVerified)
        string("state", activity.state.rawValue)
        key("version")
        out += String(activity.version)
        string("createdBy", activity.createdBy)
        string("createdAt", Timestamp.string(activity.createdAt))
        string("updatedAt", Timestamp.string(activity.updatedAt))
        string("publishedAt", activity.publishedAt.map(Timestamp.string))
        out += "}"
        return out
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; the rest as is.
    static func append(_ value: String, to out: inout String) {
        out += "\""
        var needsEscape = false
        for byte in value.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            needsEscape = true
            break
        }
        if !needsEscape {
            out += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        out += "\""
    }
}
