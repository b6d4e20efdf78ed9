import Foundation
import Resolutions
import Review
import SQLKit

struct SQLReferenceRepository: ReferenceRepository {
    let db: any SQLDatabase

    func loadedVersion() async throws -> String? {
        try await db.row("SELECT version FROM reference_meta WHERE id = 1")?.string("version")
    }

    /// Called on first start only (see `ReferenceService.loadIfEmpty`), so nothing refers to these rows yet.
    func replaceAll(with data: ReferenceData, version: String, loadedAt: Date) async throws {
        for table in ["matrix_links", "sdg_targets", "sdg_goals", "action_lines", "countries", "regions", "reference_titles", "reference_meta"] {
            try await db.raw("DELETE FROM \(ident: table)").run()
        }
        var titles: [[any SQLExpression]] = []
        func addTitles(_ kind: String, _ code: String, _ title: Localized, short: Localized? = nil) {
            for (lang, text) in title.values.sorted(by: { $0.key < $1.key }) {
                titles.append([SQLBind(kind), SQLBind(code), SQLBind(lang), bindOrNull(short?.values[lang]), SQLBind(text)])
            }
        }
        try await insertRows(db, into: "sdg_goals", columns: ["goal", "color"],
                             rows: data.goals.map { [SQLBind($0.number), SQLBind($0.color)] })
        data.goals.forEach { addTitles("goal", String($0.number), $0.title, short: $0.shortTitle) }
        try await insertRows(db, into: "sdg_targets", columns: ["code", "goal", "sort_key"],
                             rows: data.targets.map { [SQLBind($0.code), SQLBind($0.goal), SQLBind($0.sortKey)] })
        data.targets.forEach { addTitles("target", $0.code, $0.title) }
        try await insertRows(db, into: "action_lines", columns: ["code", "parent", "sort_key", "lead_facilitators", "other_facilitators"],
                             rows: data.actionLines.map {
                                 [SQLBind($0.code), bindOrNull($0.parent), SQLBind($0.sortKey), SQLBind($0.leadFacilitators), SQLBind($0.otherFacilitators)]
                             })
        data.actionLines.forEach { addTitles("action-line", $0.code, $0.title) }
        try await insertRows(db, into: "matrix_links", columns: ["action_line", "goal", "target"],
                             rows: data.matrix.map { [SQLBind($0.actionLine), SQLBind($0.goal), SQLBind($0.target ?? "")] })
        try await insertRows(db, into: "regions", columns: ["m49", "level", "parent"],
                             rows: data.regions.map { [SQLBind($0.m49), SQLBind($0.level), bindOrNull($0.parent)] })
        data.regions.forEach { addTitles("region", $0.m49, $0.name) }
        try await insertRows(
            db, into: "countries",
            columns: ["alpha3", "alpha2", "m49", "region", "subregion", "intermediate_region", "ldc", "lldc", "sids", "transition", "un_member", "itu_member"],
            rows: data.countries.map { country in
                [
                    SQLBind(country.alpha3), SQLBind(country.alpha2), SQLBind(country.m49), bindOrNull(country.region),
                    bindOrNull(country.subregion), bindOrNull(country.intermediateRegion), SQLBind(country.isLDC ? 1 : 0),
                    SQLBind(country.isLLDC ? 1 : 0), SQLBind(country.isSIDS ? 1 : 0), SQLBind(country.isEconomyInTransition ? 1 : 0),
                    SQLBind(country.isUNMember ? 1 : 0), SQLBind(country.isITUMember ? 1 : 0),
                ]
            })
        data.countries.forEach { addTitles("country", $0.alpha3, $0.name) }
        try await insertRows(db, into: "reference_titles", columns: ["kind", "code", "lang", "short_title", "title"], rows: titles)
        try await db.raw("INSERT INTO reference_meta (id, version, loaded_at) VALUES (1, \(bind: version), \(bind: Timestamp.string(loadedAt)))").run()
    }

    /// Titles of one kind: code → (language → title), and the short titles where there are any.
    private func titles(_ kind: String) async throws -> (titles: [String: [String: String]], short: [String: [String: String]]) {
        var titles: [String: [String: String]] = [:]
        var short: [String: [String: String]] = [:]
        for row in try await db.rows("SELECT code, lang, short_title, title FROM reference_titles WHERE kind = \(bind: kind)") {
            let code = try row.string("code")
            let lang = try row.string("lang")
            titles[code, default: [:]][lang] = try row.string("title")
            if let value = try row.optionalString("short_title") { short[code, default: [:]][lang] = value }
        }
        return (titles, short)
    }

    func goals() async throws -> [SDGGoal] {
        let names = try await titles("goal")
        return try await db.rows("SELECT goal, color FROM sdg_goals ORDER BY goal").map { row in
            let number = try row.int("goal")
            return SDGGoal(number: number, color: try row.string("color"),
                           shortTitle: Localized(names.short[String(number)] ?? [:]), title: Localized(names.titles[String(number)] ?? [:]))
        }
    }

    func targets(goal: Int?) async throws -> [SDGTarget] {
        let names = try await titles("target")
        let query: SQLQueryString = if let goal {
            "SELECT code, goal, sort_key FROM sdg_targets WHERE goal = \(bind: goal) ORDER BY sort_key"
        } else {
            "SELECT code, goal, sort_key FROM sdg_targets ORDER BY sort_key"
        }
        return try await db.rows(query).map { row in
            let code = try row.string("code")
            return SDGTarget(code: code, goal: try row.int("goal"), sortKey: try row.int("sort_key"), title: Localized(names.titles[code] ?? [:]))
        }
    }

    func actionLines() async throws -> [ActionLine] {
        let names = try await titles("action-line")
        return try await db.rows("SELECT code, parent, sort_key, lead_facilitators, other_facilitators FROM action_lines ORDER BY sort_key").map { row in
                let code = try row.string("code")
                return ActionLine(code: code, parent: try row.optionalString("parent"), sortKey: try row.int("sort_key"),
                                  title: Localized(names.titles[code] ?? [:]),
                                  leadFacilitators: try row.string("lead_facilitators"),
                                  otherFacilitators: try row.string("other_facilitators"))
            }
    }

    func matrixLinks() async throws -> [MatrixLink] {
        try await db.rows("""
            SELECT m.action_line, m.goal, m.target FROM matrix_links m
            JOIN action_lines a ON a.code = m.action_line
            ORDER BY a.sort_key, m.goal, m.target
            """).map { row in
            let target = try row.string("target")
            return MatrixLink(actionLine: try row.string("action_line"), goal: try row.int("goal"), target: target.isEmpty ? nil : target)
        }
    }

    private static let countryColumns = "alpha3, alpha2, m49, region, subregion, intermediate_region, ldc, lldc, sids, transition, un_member, itu_member"

    func countries() async throws -> [Country] {
        let names = try await titles("country")
        let countries = try await db.rows("SELECT \(unsafeRaw: Self.countryColumns) FROM countries")
            .map { try Self.country($0, names.titles) }
        // By English name, case and accents aside: each name folded once (comparing with those options
        // folded both names at every comparison, a tenth of a search page's time; the order is the same).
        return countries.map { ($0.name.text(Language.english).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), $0) }
            .sorted { $0.0 < $1.0 }
            .map(\.1)
    }

    func country(code: String) async throws -> Country? {
        let code = code.uppercased()
        guard let row = try await db.row("SELECT \(unsafeRaw: Self.countryColumns) FROM countries WHERE alpha3 = \(bind: code) OR alpha2 = \(bind: code)") else {
            return nil
        }
        let alpha3 = try row.string("alpha3")
        var names: [String: [String: String]] = [:]
        for title in try await db.rows("SELECT lang, title FROM reference_titles WHERE kind = 'country' AND code = \(bind: alpha3)") {
            names[alpha3, default: [:]][try title.string("lang")] = try title.string("title")
        }
        return try Self.country(row, names)
    }

    func regions() async throws -> [Region] {
        let names = try await titles("region")
        return try await db.rows("SELECT m49, level, parent FROM regions ORDER BY m49").map { row in
            let m49 = try row.string("m49")
            return Region(m49: m49, level: try row.string("level"), parent: try row.optionalString("parent"), name: Localized(names.titles[m49] ?? [:]))
        }
    }

    static func country(_ row: any SQLRow, _ names: [String: [String: String]]) throws -> Country {
        let alpha3 = try row.string("alpha3")
        return Country(
            alpha2: try row.string("alpha2"), alpha3: alpha3, m49: try row.string("m49"),
            region: try row.optionalString("region"), subregion: try row.optionalString("subregion"),
            intermediateRegion: try row.optionalString("intermediate_region"),
            name: Localized(names[alpha3] ?? [:]),
            isLDC: try row.flag("ldc"), isLLDC: try row.flag("lldc"), isSIDS: try row.flag("sids"),
            isEconomyInTransition: try row.flag("transition"), isUNMember: try row.flag("un_member"),
            isITUMember: try row.flag("itu_member")
        )
    }
}
