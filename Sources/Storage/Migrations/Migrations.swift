import Foundation
import Review
import SQLKit

/// One numbered step of the schema, with the reason it exists and the way back.
public struct Migration: Sendable {
    public var version: Int
    public var name: String
    /// Why this step exists, for the person reading the schema's history.
    public var reason: String
    public var up: @Sendable (DatabaseKind) -> [String]
    public var down: @Sendable (DatabaseKind) -> [String]
}

public enum Migrations {
    /// Every migration, in order. Append; never edit one that has shipped.
    public static let all: [Migration] = [
        Migration(
            version: 1, name: "reference-data",
            reason: "SDGs, targets, Action Lines, the WSIS-SDG Matrix, countries and M49 regions, loaded on first start. Titles in the six languages live in one table keyed by kind and code.",
            up: { _ in [
                "CREATE TABLE reference_meta (id INTEGER PRIMARY KEY, version TEXT NOT NULL, loaded_at TEXT NOT NULL)",
                "CREATE TABLE reference_titles (kind TEXT NOT NULL, code TEXT NOT NULL, lang TEXT NOT NULL, short_title TEXT, title TEXT NOT NULL, PRIMARY KEY (kind, code, lang))",
                "CREATE TABLE sdg_goals (goal INTEGER PRIMARY KEY, color TEXT NOT NULL)",
                "CREATE TABLE sdg_targets (code TEXT PRIMARY KEY, goal INTEGER NOT NULL REFERENCES sdg_goals (goal), sort_key INTEGER NOT NULL)",
                "CREATE TABLE action_lines (code TEXT PRIMARY KEY, parent TEXT, sort_key INTEGER NOT NULL, lead_facilitators TEXT NOT NULL, other_facilitators TEXT NOT NULL)",
                "CREATE TABLE matrix_links (action_line TEXT NOT NULL REFERENCES action_lines (code), goal INTEGER NOT NULL REFERENCES sdg_goals (goal), target TEXT NOT NULL DEFAULT '', PRIMARY KEY (action_line, goal, target))",
                "CREATE TABLE regions (m49 TEXT PRIMARY KEY, level TEXT NOT NULL, parent TEXT)",
                "CREATE TABLE countries (alpha3 TEXT PRIMARY KEY, alpha2 TEXT NOT NULL UNIQUE, m49 TEXT NOT NULL UNIQUE, region TEXT, subregion TEXT, intermediate_region TEXT, ldc INTEGER NOT NULL, lldc INTEGER NOT NULL, sids INTEGER NOT NULL, transition INTEGER NOT NULL, un_member INTEGER NOT NULL, itu_member INTEGER NOT NULL)",
            ] },
            down: { _ in ["DROP TABLE countries", "DROP TABLE regions", "DROP TABLE matrix_links", "DROP TABLE action_lines",
                          "DROP TABLE sdg_targets", "DROP TABLE sdg_goals", "DROP TABLE reference_titles", "DROP TABLE reference_meta"] }
        ),
        Migration(
            version: 2, name: "accounts",
            reason: "Organizations, users with roles, browser sessions and API tokens (only hashes of secrets are stored), and failed sign-in attempts for rate limiting. Sessions live in the database so that any number of servers can share them.",
            up: { _ in [
                "CREATE TABLE organizations (id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, stakeholder_type TEXT NOT NULL, country TEXT REFERENCES countries (alpha3), itu_membership TEXT NOT NULL, created_at TEXT NOT NULL)",
                "CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE, organization_id TEXT REFERENCES organizations (id), roles TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL)",
                "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id), csrf_token TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL)",
                "CREATE INDEX sessions_user ON sessions (user_id)",
                "CREATE TABLE api_tokens (id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, user_id TEXT NOT NULL REFERENCES users (id), name TEXT NOT NULL, created_at TEXT NOT NULL)",
                "CREATE TABLE failed_sign_ins (key TEXT NOT NULL, at TEXT NOT NULL)",
                "CREATE INDEX failed_sign_ins_key ON failed_sign_ins (key, at)",
            ] },
            down: { _ in ["DROP TABLE failed_sign_ins", "DROP TABLE api_tokens", "DROP TABLE sessions", "DROP TABLE users", "DROP TABLE organizations"] }
        ),
        Migration(
            version: 3, name: "audit-trail",
            reason: "The hash-chained audit trail. audit_head holds one row that writers lock (SELECT … FOR UPDATE on PostgreSQL) so that two transactions never append after the same record.",
            up: { _ in [
                "CREATE TABLE audit_log (sequence BIGINT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, object_type TEXT NOT NULL, object_id TEXT NOT NULL, before_digest TEXT NOT NULL, after_digest TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL)",
                "CREATE INDEX audit_log_actor ON audit_log (actor)",
                "CREATE INDEX audit_log_object ON audit_log (object_type, object_id)",
                "CREATE TABLE audit_head (id INTEGER PRIMARY KEY)",
                "INSERT INTO audit_head (id) VALUES (1)",
            ] },
            down: { _ in ["DROP TABLE audit_head", "DROP TABLE audit_log"] }
        ),
        Migration(
            version: 4, name: "resolutions",
            reason: "Imported resolutions: the source text as brought, the structure read from it (JSON of the Resolutions model), draft or confirmed, one row per version of a work in a language (the six language versions are expressions of one work); and every citation by the work it cites, so each resolution can list what cites it.",
            up: { _ in [
                "CREATE TABLE resolutions (id TEXT PRIMARY KEY, work_id TEXT NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL, symbol TEXT, title TEXT, language TEXT NOT NULL, preamble_count INTEGER NOT NULL, operative_count INTEGER NOT NULL, source_format TEXT NOT NULL, source_digest TEXT NOT NULL UNIQUE, source_text TEXT NOT NULL, structure TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL, confirmed_at TEXT, UNIQUE (work_id, language, version))",
                "CREATE TABLE resolution_citations (resolution_id TEXT NOT NULL REFERENCES resolutions (id), paragraph_id TEXT NOT NULL, cited_work_id TEXT NOT NULL, cited_text TEXT NOT NULL)",
                "CREATE INDEX resolution_citations_cited ON resolution_citations (cited_work_id)",
                "CREATE INDEX resolution_citations_resolution ON resolution_citations (resolution_id)",
            ] },
            down: { _ in ["DROP TABLE resolution_citations", "DROP TABLE resolutions"] }
        ),
        Migration(
            version: 5, name: "mandates",
            reason: "Mandates proposed from the operative paragraphs of confirmed resolutions (a paragraph may give several when a proposal is split), with their status, progress and a version raised by every change (a change made against an older version is refused, so no update is lost); their dated updates, numbered in order per mandate and never changed (a correction is a new row); and the registry of actors that resolutions address, seeded with ITU's and the UN's bodies. Lists (actors, Action Lines, SDGs, evidence links) are JSON arrays.",
            up: { _ in [
                "CREATE TABLE mandate_actors (code TEXT PRIMARY KEY, name TEXT NOT NULL, patterns TEXT NOT NULL)",
                "CREATE TABLE mandates (id TEXT PRIMARY KEY, resolution_id TEXT NOT NULL REFERENCES resolutions (id), work_id TEXT NOT NULL, paragraph_id TEXT NOT NULL, block_id TEXT NOT NULL, position INTEGER NOT NULL, actors TEXT NOT NULL, action TEXT NOT NULL, due_kind TEXT NOT NULL, due_value TEXT NOT NULL, due_text TEXT NOT NULL, action_lines TEXT NOT NULL, sdgs TEXT NOT NULL, suggested_sdgs TEXT NOT NULL, proposal TEXT NOT NULL, status TEXT NOT NULL, status_reason TEXT, progress INTEGER NOT NULL, weight INTEGER NOT NULL, owner TEXT, owner_organization_id TEXT REFERENCES organizations (id), blocked INTEGER NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_activity_at TEXT NOT NULL)",
                "CREATE INDEX mandates_resolution ON mandates (resolution_id, position)",
                "CREATE TABLE mandate_updates (id TEXT PRIMARY KEY, mandate_id TEXT NOT NULL REFERENCES mandates (id), seq INTEGER NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL, note TEXT NOT NULL, status_from TEXT, status_to TEXT, reason TEXT, progress INTEGER, blocked INTEGER NOT NULL, evidence TEXT NOT NULL, corrects TEXT REFERENCES mandate_updates (id), UNIQUE (mandate_id, seq))",
            ] + MandateActor.seed.map { actor in
                "INSERT INTO mandate_actors (code, name, patterns) VALUES (\(sqlText(actor.code)), \(sqlText(actor.name)), \(sqlText(jsonText(actor.patterns))))"
            } },
            down: { _ in ["DROP TABLE mandate_updates", "DROP TABLE mandates", "DROP TABLE mandate_actors"] }
        ),
        Migration(
            version: 6, name: "calendar",
            reason: "The WSIS+20 calendar: summits, sessions, consultation phases and deadlines, each with a stable key that mandates' deadlines name (council-2026), a first day or only a month or year when that is all that is known, and whether the date is confirmed. Seeded from the project's seed file when empty; the secretariat keeps it; a version guards against lost changes.",
            up: { _ in [
                "CREATE TABLE milestones (key TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT, place TEXT, confirmed INTEGER NOT NULL, source TEXT, version INTEGER NOT NULL, updated_at TEXT NOT NULL)",
                "CREATE INDEX milestones_start ON milestones (start_date)",
            ] },
            down: { _ in ["DROP TABLE milestones"] }
        ),
        Migration(
            version: 7, name: "evidence-files",
            reason: "Files uploaded as evidence of a mandate's progress (PDF, Word, images up to 20 MB): their name, kind, size and the SHA-256 by which the blob store keeps their bytes (in the data folder's blobs/, outside the database). The update that brought them links to /evidence/ID.",
            up: { _ in [
                "CREATE TABLE evidence_files (id TEXT PRIMARY KEY, mandate_id TEXT NOT NULL REFERENCES mandates (id), file_name TEXT NOT NULL, media_type TEXT NOT NULL, size INTEGER NOT NULL, digest TEXT NOT NULL, created_at TEXT NOT NULL)",
                "CREATE INDEX evidence_files_mandate ON evidence_files (mandate_id)",
            ] },
            down: { _ in ["DROP TABLE evidence_files"] }
        ),
        Migration(
            version: 8, name: "mandate-occurrences",
            reason: "Recurring work (\"report annually\") is tracked period by period: the periods reported on, with their status and progress (a period with no row is not started), and the period an update reports on.",
            up: { _ in [
                "CREATE TABLE mandate_occurrences (mandate_id TEXT NOT NULL REFERENCES mandates (id), period TEXT NOT NULL, status TEXT NOT NULL, progress INTEGER NOT NULL, PRIMARY KEY (mandate_id, period))",
                "ALTER TABLE mandate_updates ADD COLUMN period TEXT",
            ] },
            down: { _ in ["ALTER TABLE mandate_updates DROP COLUMN period", "DROP TABLE mandate_occurrences"] }
        ),
        Migration(
            version: 9, name: "stocktaking",
            reason: "The stocktaking registry: activities (the whole record as JSON, with the columns moderation and listing need, and the facet values packed for the in-memory facet index), numbered by doc for the full-text index; reviewers' comments and moderation steps; a pending revision per published activity; the history of the WSIS-SDG Matrix's changes; imports started from the web (their report once done); counters for doc numbers and for the change number every write takes (servers' facet indexes catch up by it). The full-text index holds published activities only: FTS5, contentless, on SQLite; a tsvector of all the words and one of the title's, each with a GIN index, on PostgreSQL.",
            up: { kind in
                let doc = kind == .sqlite ? "INTEGER PRIMARY KEY" : "BIGINT PRIMARY KEY"
                var statements = [
                    "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
                    "INSERT INTO counters (name, value) VALUES ('activity_doc', 0), ('search_change', 0)",
                    "CREATE TABLE activities (doc \(doc), id TEXT NOT NULL UNIQUE, external_id TEXT UNIQUE, organization_id TEXT REFERENCES organizations (id), created_by TEXT NOT NULL, state TEXT NOT NULL, record TEXT NOT NULL, facets TEXT NOT NULL, change_seq BIGINT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL)",
                    "CREATE INDEX activities_state ON activities (state, updated_at)",
                    "CREATE INDEX activities_organization ON activities (organization_id)",
                    "CREATE INDEX activities_change ON activities (change_seq)",
                    "CREATE TABLE activity_comments (id TEXT PRIMARY KEY, activity_id TEXT NOT NULL REFERENCES activities (id), seq INTEGER NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL, transition TEXT, from_state TEXT, to_state TEXT, text TEXT NOT NULL)",
                    "CREATE INDEX activity_comments_activity ON activity_comments (activity_id)",
                    "CREATE TABLE activity_revisions (activity_id TEXT PRIMARY KEY REFERENCES activities (id), record TEXT NOT NULL, submitted_by TEXT NOT NULL, submitted_at TEXT NOT NULL)",
                    "CREATE TABLE import_jobs (id TEXT PRIMARY KEY, created_by TEXT NOT NULL, file_name TEXT NOT NULL, state TEXT NOT NULL, report TEXT, failure TEXT, created_at TEXT NOT NULL, finished_at TEXT)",
                    "CREATE TABLE matrix_changes (sequence INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, kind TEXT NOT NULL, action_line TEXT NOT NULL, goal INTEGER NOT NULL, target TEXT NOT NULL, reason TEXT NOT NULL)",
                ]
                switch kind {
                case .sqlite:
                    statements.append("CREATE VIRTUAL TABLE activity_fts USING fts5(title, summary, body, organization, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')")
                    // How many activities hold each word, read from the index: ranking leaves very common words out of BM25.
                    statements.append("CREATE VIRTUAL TABLE activity_fts_vocabulary USING fts5vocab(activity_fts, row)")
                case .postgres:
                    // The title's words have their own index, so "in the title" needs no look at every match's words.
                    statements.append("CREATE TABLE activity_search (doc BIGINT PRIMARY KEY, tsv tsvector NOT NULL, title tsvector NOT NULL)")
                    statements.append("CREATE INDEX activity_search_tsv ON activity_search USING GIN (tsv)")
                    statements.append("CREATE INDEX activity_search_title ON activity_search USING GIN (title)")
                }
                return statements
            },
            down: { kind in
                (kind == .sqlite ? ["DROP TABLE activity_fts_vocabulary", "DROP TABLE activity_fts"] : ["DROP TABLE activity_search"]) + [
                 "DROP TABLE matrix_changes", "DROP TABLE import_jobs", "DROP TABLE activity_revisions", "DROP TABLE activity_comments", "DROP TABLE activities", "DROP TABLE counters"]
            }
        ),
        Migration(
            version: 10, name: "search-rows-narrow",
            reason: "PostgreSQL only (SQLite's FTS5 is unchanged). A search fetches the rows the GIN index matched; with their word lists inside them (900 bytes each) a common word read most of a gigabyte. The word lists now live in the TOAST table and the rows hold pointers (about 100 bytes): PostgreSQL moves a value out of its row only when the row passes about 2 kB, a limit fixed when PostgreSQL is built, so each row carries a filler of 2,100 times the letter x that pushes it past that limit and is then compressed to a few bytes, and toast_tuple_target = 128 sends both word lists out. The table is rebuilt in order, then indexed and analysed. A phrase is checked against the words' positions, which now live out of the row too, so each two neighbouring words are also indexed as one lexeme ('digital tools'): a phrase is found by the index alone. This step adds those pairs to the rows already indexed, from the positions they hold.",
            up: { kind in
                guard kind == .postgres else { return [] }
                // A new table filled in order, then its indexes: updating the rows in place would leave the
                // narrow rows scattered over the wide table's pages, and a search would read as many pages as before.
                func withPairs(_ column: String) -> String {
                    "\(column) || coalesce((SELECT array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)) FROM unnest(old.\(column)) AS a, unnest(a.positions) AS pa, unnest(old.\(column)) AS b, unnest(b.positions) AS pb WHERE pb = pa + 1), ''::tsvector)"
                }
                return searchTable(narrow: true, fill: "SELECT doc, \(withPairs("tsv")), \(withPairs("title")) FROM activity_search AS old ORDER BY doc")
            },
            down: { kind in
                guard kind == .postgres else { return [] }
                func withoutPairs(_ column: String) -> String {
                    "ts_delete(old.\(column), ARRAY(SELECT lexeme FROM unnest(old.\(column)) WHERE position(' ' IN lexeme) > 0))"
                }
                return searchTable(narrow: false, fill: "SELECT doc, \(withoutPairs("tsv")), \(withoutPairs("title")) FROM activity_search AS old ORDER BY doc")
            }
        ),
        Migration(
            version: 11, name: "jobs",
            reason: "Long work (an import of activities today; reports and batch postings later) runs as a job kept in the database, so that any server can show how far it is, a server that stops leaves it to be run again, and several servers share the work (PostgreSQL: FOR UPDATE SKIP LOCKED). The imports of import_jobs become jobs of kind activity-import; one that was running when its server stopped is failed as interrupted, as its page said.",
            up: { _ in [
                "CREATE TABLE jobs (id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, owner_id TEXT, owner_label TEXT NOT NULL, state TEXT NOT NULL, payload TEXT NOT NULL, progress TEXT, result TEXT, failure TEXT, attempts INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, started_at TEXT, heartbeat_at TEXT, finished_at TEXT)",
                "CREATE INDEX jobs_waiting ON jobs (state, created_at)",
                "INSERT INTO jobs (id, kind, title, owner_id, owner_label, state, payload, result, failure, attempts, created_at, finished_at) SELECT id, 'activity-import', file_name, NULL, created_by, CASE WHEN state IN ('running', 'interrupted') THEN 'failed' ELSE state END, '{}', report, CASE WHEN state IN ('running', 'interrupted') THEN 'interrupted' ELSE failure END, 1, created_at, finished_at FROM import_jobs",
                "DROP TABLE import_jobs",
            ] },
            down: { _ in [
                "CREATE TABLE import_jobs (id TEXT PRIMARY KEY, created_by TEXT NOT NULL, file_name TEXT NOT NULL, state TEXT NOT NULL, report TEXT, failure TEXT, created_at TEXT NOT NULL, finished_at TEXT)",
                "INSERT INTO import_jobs (id, created_by, file_name, state, report, failure, created_at, finished_at) SELECT id, owner_label, title, CASE WHEN state IN ('queued', 'running') OR failure = 'interrupted' THEN 'interrupted' ELSE state END, result, CASE WHEN failure = 'interrupted' THEN NULL ELSE failure END, created_at, finished_at FROM jobs WHERE kind = 'activity-import'",
                "DROP TABLE jobs",
            ] }
        ),
        Migration(
            version: 12, name: "calendar-checked",
            reason: "The seeded calendar published internal source tags ([S], [K]) in the public source text, and some of its dates were wrong or missing when checked against ITU and UN pages (the WSIS+20 High-Level Event 2025 ended on 11 July, the WSIS+10 meeting ran 15-16 December 2015, ITU Council 2026, the CWG cluster of January 2026 and PP-26 got their dates). Each milestone the secretariat has not edited since it was seeded (version 1) and that still holds the seeded value is corrected; an edited one is left as the secretariat made it. The way back restores the seeded values under the same conditions.",
            up: { kind in calendarCorrections(kind, forward: true) },
            down: { kind in calendarCorrections(kind, forward: false) }
        ),
        Migration(
            version: 13, name: "user-language",
            reason: "The pages are in six languages: a person's account remembers the one they last chose, so that signing in on another device opens the pages in it.",
            up: { _ in ["ALTER TABLE users ADD COLUMN language TEXT"] },
            down: { _ in ["ALTER TABLE users DROP COLUMN language"] }
        ),
    ]

    /// One UPDATE per corrected milestone (see `CalendarCorrections`), forward or back.
    static func calendarCorrections(_ kind: DatabaseKind, forward: Bool) -> [String] {
        let same = kind == .postgres ? "IS NOT DISTINCT FROM" : "IS"
        func literal(_ column: String, _ value: String?) -> String {
            guard let value else { return "NULL" }
            return column == "confirmed" ? value : sqlText(value)
        }
        let byKey = Dictionary(grouping: CalendarCorrections.changes, by: \.key)
        return byKey.keys.sorted().map { key in
            let changes = byKey[key]!
            let set = changes.map { "\($0.column) = \(literal($0.column, forward ? $0.after : $0.before))" }.joined(separator: ", ")
            let holds = changes.map { "\($0.column) \(same) \(literal($0.column, forward ? $0.before : $0.after))" }.joined(separator: " AND ")
            return "UPDATE milestones SET \(set) WHERE key = \(sqlText(key)) AND version = 1 AND \(holds)"
        }
    }

    /// Replaces PostgreSQL's `activity_search` with a table filled by `fill` (doc, tsv, title), narrow
    /// (word lists in TOAST, see migration 10) or as migration 9 made it, and indexes it.
    static func searchTable(narrow: Bool, fill: String) -> [String] {
        var statements = [
            "CREATE TABLE activity_search_next (doc BIGINT PRIMARY KEY, tsv tsvector NOT NULL, title tsvector NOT NULL"
                + (narrow ? ", filler TEXT NOT NULL DEFAULT repeat('x', 2100)) WITH (toast_tuple_target = 128)" : ")"),
        ]
        if narrow {
            statements += ["ALTER TABLE activity_search_next ALTER COLUMN tsv SET STORAGE EXTERNAL",
                           "ALTER TABLE activity_search_next ALTER COLUMN title SET STORAGE EXTERNAL"]
        }
        return statements + [
            "INSERT INTO activity_search_next (doc, tsv, title) " + fill,
            "DROP TABLE activity_search",
            "ALTER TABLE activity_search_next RENAME TO activity_search",
            "ALTER INDEX activity_search_next_pkey RENAME TO activity_search_pkey",
            "SET LOCAL maintenance_work_mem = '256MB'",
            "CREATE INDEX activity_search_tsv ON activity_search USING GIN (tsv)",
            "CREATE INDEX activity_search_title ON activity_search USING GIN (title)",
            "ANALYZE activity_search",
        ]
    }

    /// A string as an SQL literal, for the seed rows a migration writes.
    static func sqlText(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// The versions applied so far.
    public static func applied(_ backend: any DatabaseBackend) async throws -> [Int] {
        try await backend.withTransaction { db in
            try await ensureTable(db)
            return try await db.rows("SELECT version FROM schema_migrations ORDER BY version")
                .map { try $0.decode(column: "version", as: Int.self) }
        }
    }

    /// Applies every migration not yet applied, each in its own transaction. Returns the versions applied now.
    @discardableResult
    public static func migrate(_ backend: any DatabaseBackend, now: @escaping @Sendable () -> Date = Date.init) async throws -> [Int] {
        var done: [Int] = []
        for migration in all {
            let applied = try await backend.withTransaction { db -> Bool in
                try await lockForMigration(db, backend.kind)
                try await ensureTable(db)
                let existing = try await db.rows("SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)")
                if !existing.isEmpty { return false }
                for statement in migration.up(backend.kind) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw("INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Timestamp.string(now())))").run()
                return true
            }
            if applied { done.append(migration.version) }
        }
        return done
    }

    /// Reverts migrations above `version`, newest first. Returns the versions reverted.
    @discardableResult
    public static func revert(_ backend: any DatabaseBackend, to version: Int) async throws -> [Int] {
        var reverted: [Int] = []
        for migration in all.reversed() where migration.version > version {
            let did = try await backend.withTransaction { db -> Bool in
                try await lockForMigration(db, backend.kind)
                try await ensureTable(db)
                let existing = try await db.rows("SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)")
                if existing.isEmpty { return false }
                for statement in migration.down(backend.kind) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw("DELETE FROM schema_migrations WHERE version = \(bind: migration.version)").run()
                return true
            }
            if did { reverted.append(migration.version) }
        }
        return reverted
    }

    private static func ensureTable(_ db: any SQLDatabase) async throws {
        try await db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)").run()
    }

    /// Two servers starting at once on one PostgreSQL database must not both migrate.
    private static func lockForMigration(_ db: any SQLDatabase, _ kind: DatabaseKind) async throws {
        if kind == .postgres {
            try await db.raw("SELECT pg_advisory_xact_lock(5449534)").run()
        }
    }
}
