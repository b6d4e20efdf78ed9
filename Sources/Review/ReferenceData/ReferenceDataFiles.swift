import Foundation
import Resolutions

/// Reads the reference data shipped in `ReferenceData/Data` (origins in `SOURCES.md` there).
public enum ReferenceDataFiles {
    static let fileNames = [
        "sdg-goals.csv", "sdg-goal-colors.csv", "sdg-targets.csv", "action-lines.csv", "action-lines-i18n.csv",
        "wsis-sdg-matrix.csv", "countries.csv", "m49-regions.csv", "economies-in-transition.csv",
    ]

    /// The folder of the data files bundled with the platform.
    public static var bundledDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Data")
    }

    /// A digest of the files' contents: the data set's version.
    public static func version(directory: URL = bundledDirectory) throws -> String {
        var all = Data()
        for name in fileNames {
            all.append(try contents(name, directory))
        }
        return String(AuditTrail.sha256(all).prefix(16))
    }

    public static func load(directory: URL = bundledDirectory) throws -> ReferenceData {
        let colors = Dictionary(uniqueKeysWithValues: try table("sdg-goal-colors.csv", directory).map {
            (Int($0["goal"]!) ?? 0, $0["color_hex"]!)
        })
        var shortTitles: [Int: [String: String]] = [:]
        var titles: [Int: [String: String]] = [:]
        for row in try table("sdg-goals.csv", directory) {
            guard let goal = Int(row["goal"]!) else {
                throw ReferenceDataError.malformed(file: "sdg-goals.csv", line: 0, problem: "goal \(row["goal"]!) is not a number")
            }
            shortTitles[goal, default: [:]][row["lang"]!] = row["short_title"]!
            titles[goal, default: [:]][row["lang"]!] = row["title"]!
        }
        let goals = titles.keys.sorted().map { number in
            SDGGoal(number: number, color: colors[number] ?? "#777777",
                    shortTitle: Localized(shortTitles[number]!), title: Localized(titles[number]!))
        }

        var targetTitles: [String: [String: String]] = [:]
        var targetGoal: [String: Int] = [:]
        var targetOrder: [String] = []
        for row in try table("sdg-targets.csv", directory) {
            let code = row["target"]!
            if targetGoal[code] == nil { targetOrder.append(code) }
            targetGoal[code] = Int(row["goal"]!) ?? 0
            targetTitles[code, default: [:]][row["lang"]!] = row["title"]!
        }
        let targets = targetOrder.enumerated().map { index, code in
            SDGTarget(code: code, goal: targetGoal[code]!, sortKey: index + 1, title: Localized(targetTitles[code]!))
        }

        // Official titles in other languages, where known (the 2003 headings of the Plan of Action).
        var actionLineTitles: [String: [String: String]] = [:]
        for row in try table("action-lines-i18n.csv", directory) {
            actionLineTitles[row["id"]!, default: [:]][row["lang"]!] = row["title"]!
        }
        let actionLines = try table("action-lines.csv", directory).map { row in
            ActionLine(
                code: row["id"]!,
                parent: row["parent"]!.isEmpty ? nil : row["parent"],
                sortKey: Int(row["sort"]!) ?? 0,
                title: Localized((actionLineTitles[row["id"]!] ?? [:]).merging(["en": row["title_en"]!]) { _, english in english }),
                leadFacilitators: row["lead_facilitators"]!,
                otherFacilitators: row["other_facilitators"]!
            )
        }

        let matrix = try table("wsis-sdg-matrix.csv", directory).map { row in
            MatrixLink(actionLine: row["action_line"]!, goal: Int(row["goal"]!) ?? 0,
                       target: row["target"]!.isEmpty ? nil : row["target"])
        }

        let transition = Set(try table("economies-in-transition.csv", directory).map { $0["iso_alpha3"]! })
        let countries = try table("countries.csv", directory).map { row in
            Country(
                alpha2: row["iso_alpha2"]!,
                alpha3: row["iso_alpha3"]!,
                m49: row["m49"]!,
                region: nonEmpty(row["region_m49"]),
                subregion: nonEmpty(row["subregion_m49"]),
                intermediateRegion: nonEmpty(row["intermediate_region_m49"]),
                name: localized(row, prefix: "name_"),
                isLDC: row["ldc"] == "true",
                isLLDC: row["lldc"] == "true",
                isSIDS: row["sids"] == "true",
                isEconomyInTransition: row["economy_in_transition"] == "true" || transition.contains(row["iso_alpha3"]!),
                isUNMember: row["un_member"] == "true",
                isITUMember: row["itu_member"] == "true"
            )
        }

        let regions = try table("m49-regions.csv", directory).map { row in
            Region(m49: row["m49"]!, level: row["level"]!, parent: nonEmpty(row["parent_m49"]), name: localized(row, prefix: "name_"))
        }

        return ReferenceData(goals: goals, targets: targets, actionLines: actionLines, matrix: matrix,
                             countries: countries, regions: regions)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    private static func localized(_ row: [String: String], prefix: String) -> Localized {
        var values: [String: String] = [:]
        for language in Language.allCases {
            if let value = nonEmpty(row[prefix + language.rawValue]) { values[language.rawValue] = value }
        }
        return Localized(values)
    }

    private static func contents(_ name: String, _ directory: URL) throws -> Data {
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReferenceDataError.missingFile(name)
        }
        return data
    }

    private static func table(_ name: String, _ directory: URL) throws -> [[String: String]] {
        let text = String(decoding: try contents(name, directory), as: UTF8.self)
        do {
            return try CSVTable(text: text).records
        } catch let error as CSVError {
            throw ReferenceDataError.malformed(file: name, line: 0, problem: error.description)
        }
    }
}
