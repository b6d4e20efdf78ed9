import Foundation
import Review
import SQLKit

/// The indexed words of published activities follow the rule that makes them (`SearchText.rule`):
/// when the rule has changed since they were written, they are written again.
public enum SearchWords {
    /// Activities rewritten per transaction.
    static let batch = 500

    /// Rewrites every published activity's indexed words when the database's words were made by an
    /// older rule, in batches, then records the rule. Interrupted, it starts over on the next
    /// start (rewriting a row is idempotent). Returns how many activities were rewritten.
    @discardableResult
    public static func renewIfTheRuleChanged(_ backend: any DatabaseBackend) async throws -> Int {
        let kind = backend.kind
        let stored = try await backend.withTransaction { db in
            try await db.row("SELECT value FROM counters WHERE name = 'search_rule'")?.int("value")
        }
        guard (stored ?? 1) < SearchText.rule else { return 0 }
        var last = 0
        var rewritten = 0
        while true {
            let count = try await backend.withTransaction { [last] db -> (Int, Int) in
                let rows = try await db.raw("SELECT doc, record FROM activities WHERE state = 'published' AND doc > \(bind: last) ORDER BY doc LIMIT \(literal: batch)").all()
                let documents = try rows.map { (doc: Int64(try $0.int("doc")), activity: try SQLActivityRepository.activity($0)) }
                try await SearchDocuments.remove(documents.map(\.doc), db: db, kind: kind)
                try await SearchDocuments.add(documents, db: db, kind: kind)
                return (documents.count, Int(documents.last?.doc ?? Int64(last)))
            }
            rewritten += count.0
            last = count.1
            if count.0 < batch { break }
        }
        try await backend.withTransaction { db in
            if stored == nil {
                try await db.raw("INSERT INTO counters (name, value) VALUES ('search_rule', \(bind: SearchText.rule))").run()
            } else {
                try await db.raw("UPDATE counters SET value = \(bind: SearchText.rule) WHERE name = 'search_rule'").run()
            }
        }
        return rewritten
    }
}
