import Foundation

/// Mandates and their updates as open data: CSV out, and the same CSV of updates in (the JSON
/// file is the API's shape: `MandatesJSON` in Web).
/// A file of updates exported from one platform can be imported into another (or edited and
/// imported back): rows whose update id is already there are skipped, so importing twice is safe.
public enum MandateExchange {
    public static let mandateColumns = [
        "mandate_id", "resolution_id", "work_id", "paragraph_id", "block_id", "actors", "action", "due_kind", "due_value", "due_text", "due_day",
        "action_lines", "sdgs", "suggested_sdgs", "proposal", "status", "status_reason", "progress", "weight", "owner", "blocked", "signals",
        "version", "updated_at",
    ]

    public static let updateColumns = [
        "mandate_id", "update_id", "at", "author", "note", "status_from", "status_to", "reason", "progress", "blocked", "evidence", "corrects",
        "period",
    ]

    /// The columns an import reads; the others of `updateColumns` are set by the platform (who, when, the status before).
    static let importedColumns: Set<String> = ["mandate_id", "update_id", "note", "status_to", "reason", "progress", "blocked", "evidence", "corrects",
                                               "period"]

    /// Lists inside a cell are separated by a space (actors, codes, links hold none).
    static func list(_ values: [String]) -> String { values.joined(separator: " ") }

    public static func mandatesCSV(_ views: [MandateView]) -> String {
        CSVTable.write(header: mandateColumns, rows: views.map { view in
            let mandate = view.mandate
            return [
                mandate.id, mandate.resolutionID, mandate.workID, mandate.paragraphID, mandate.blockID, list(mandate.actors), mandate.action,
                mandate.due.kind, mandate.due.value, mandate.due.text ?? "", view.dueDay ?? "", list(mandate.actionLines), list(mandate.sdgs),
                list(mandate.suggestedSDGs), mandate.proposal.rawValue, mandate.status.rawValue, mandate.statusReason ?? "",
                String(mandate.progress), String(mandate.weight), mandate.owner ?? "", mandate.blocked ? "yes" : "no",
                list(view.signals.map(\.rawValue)), String(mandate.version), Timestamp.string(mandate.updatedAt),
            ]
        })
    }

    public static func updatesCSV(_ updates: [MandateUpdate]) -> String {
        CSVTable.write(header: updateColumns, rows: updates.map { update in
            [
                update.mandateID, update.id, Timestamp.string(update.at), update.author, update.note, update.statusFrom?.rawValue ?? "",
                update.statusTo?.rawValue ?? "", update.reason ?? "", update.progress.map(String.init) ?? "", update.blocked ? "yes" : "no",
                list(update.evidence), update.corrects ?? "", update.period ?? "",
            ]
        })
    }
}

/// What an import of updates found, row by row, and whether it was applied.
public struct UpdateImportReport: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The line in the file (the header is line 1).
        public var line: Int
        public var mandateID: String
        /// What the row does, in words: "in-progress → completed; progress 100%; 2 links", or why it is skipped.
        public var change: String
        public var errors: [FieldError]
        public var skipped: Bool
    }

    public var rows: [Row]
    /// Problems with the file as a whole: unreadable CSV, missing or unknown columns.
    public var fileErrors: [String]
    public var applied: Bool

    public var problems: Int { fileErrors.count + rows.filter { !$0.errors.isEmpty }.count }
}

extension MandateService {
    /// Reads a CSV of updates (the format `MandateExchange.updatesCSV` writes) and reports, row by
    /// row, what each would change and what is wrong. With `apply`, and only when nothing is wrong,
    /// records them all in one transaction; otherwise nothing is written.
    public func importUpdates(csv text: String, apply: Bool, by actor: Actor) async throws -> UpdateImportReport {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        let table: CSVTable
        do {
            table = try CSVTable(text: text)
        } catch let error as CSVError {
            return UpdateImportReport(rows: [], fileErrors: [error.description], applied: false)
        }
        var fileErrors: [String] = []
        let unknown = table.header.filter { !MandateExchange.updateColumns.contains($0) }
        if !unknown.isEmpty { fileErrors.append("unknown columns: \(unknown.joined(separator: ", ")) (the columns are those of the export: \(MandateExchange.updateColumns.joined(separator: ", ")))") }
        if !table.header.contains("mandate_id") { fileErrors.append("the column mandate_id is missing") }
        if Set(table.header).count != table.header.count { fileErrors.append("a column is named twice") }
        guard fileErrors.isEmpty else { return UpdateImportReport(rows: [], fileErrors: fileErrors, applied: false) }

        let records = table.records
        let now = clock.now()
        let newIDs = records.map { _ in ids.newID() }
        // The same pass checks (dry run) and writes (apply): in a transaction, rolled back unless applying with no problem.
        struct Refused: Error { let report: UpdateImportReport }
        do {
            return try await store.write { [audit] repositories in
                var mandates: [String: Mandate] = [:]
                var knownUpdates = Set(try await repositories.mandates.allUpdates().map(\.id))
                var rows: [UpdateImportReport.Row] = []
                var writes: [(before: Mandate, after: Mandate, update: MandateUpdate)] = []
                var periods: [String: Occurrence] = [:]  // by mandate id and period, as the rows leave them
                for (index, record) in records.enumerated() {
                    let line = index + 2
                    let id = (record["mandate_id"] ?? "").trimmingCharacters(in: .whitespaces)
                    var errors: [FieldError] = []
                    if let updateID = record["update_id"].flatMap({ $0.isEmpty ? nil : $0 }), knownUpdates.contains(updateID) {
                        rows.append(.init(line: line, mandateID: id, change: "already imported (update \(updateID))", errors: [], skipped: true))
                        continue
                    }
                    if mandates[id] == nil, !id.isEmpty { mandates[id] = try await repositories.mandates.mandate(id: id) }
                    guard var mandate = mandates[id] else {
                        rows.append(.init(line: line, mandateID: id, change: "", errors: [FieldError(field: "mandate_id", code: "unknown-mandate")],
                                          skipped: false))
                        continue
                    }
                    let status = record["status_to"].flatMap { $0.isEmpty ? nil : $0 }
                    if let status, Mandate.Status(rawValue: status) == nil { errors.append(FieldError(field: "status_to", code: "unknown-choice")) }
                    let progressText = (record["progress"] ?? "").trimmingCharacters(in: .whitespaces)
                    if !progressText.isEmpty, Int(progressText) == nil { errors.append(FieldError(field: "progress", code: "not-a-number")) }
                    let blocked = (record["blocked"] ?? "").lowercased()
                    if !["", "yes", "no"].contains(blocked) { errors.append(FieldError(field: "blocked", code: "yes-or-no")) }
                    let corrects = record["corrects"].flatMap { $0.isEmpty ? nil : $0 }
                    if let corrects, !knownUpdates.contains(corrects) { errors.append(FieldError(field: "corrects", code: "unknown-choice")) }
                    let period = record["period"].flatMap { $0.isEmpty ? nil : $0 }
                    let report = MandateReport(
                        expectedVersion: mandate.version, note: record["note"] ?? "", status: status.flatMap(Mandate.Status.init(rawValue:)),
                        reason: record["reason"], progress: Int(progressText), blocked: blocked == "yes",
                        evidence: (record["evidence"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init), corrects: corrects,
                        period: period
                    )
                    var checked = report
                    do { checked = try Self.checked(report) } catch let error as DomainError { errors += error.fieldErrors }
                    guard errors.isEmpty else {
                        rows.append(.init(line: line, mandateID: id, change: "", errors: errors, skipped: false))
                        continue
                    }
                    let before = mandate
                    do {
                        let key = id + " " + (period ?? "")
                        if let period, periods[key] == nil {
                            periods[key] = try await repositories.mandates.occurrences(mandateIDs: [id]).first { $0.period == period }
                        }
                        let (update, occurrence) = try Self.record(checked, on: &mandate, period: periods[key], id: newIDs[index], at: now,
                                                                   author: actor.label)
                        if let occurrence { periods[key] = occurrence }
                        mandates[id] = mandate
                        knownUpdates.insert(update.id)
                        writes.append((before, mandate, update))
                        var words: [String] = []
                        if let period = update.period { words.append("period \(period)") }
                        if let to = update.statusTo, let from = update.statusFrom { words.append("\(from.rawValue) → \(to.rawValue)") }
                        if let progress = update.progress { words.append("progress \(progress)%") }
                        if !update.evidence.isEmpty { words.append("\(update.evidence.count) link(s)") }
                        if update.blocked { words.append("blocked") }
                        if !update.note.isEmpty { words.append("note") }
                        rows.append(.init(line: line, mandateID: id, change: words.joined(separator: "; "), errors: [], skipped: false))
                    } catch DomainError.conflict(let code) {
                        rows.append(.init(line: line, mandateID: id, change: "", errors: [FieldError(field: "status_to", code: code)], skipped: false))
                    } catch DomainError.invalid(let fields) {
                        rows.append(.init(line: line, mandateID: id, change: "", errors: fields, skipped: false))
                    }
                }
                let report = UpdateImportReport(rows: rows, fileErrors: [], applied: apply && rows.allSatisfy { $0.errors.isEmpty })
                guard report.applied else { throw Refused(report: report) }
                // Each mandate is written once, at its last state; each update is recorded and audited.
                var written = Set<String>()
                for write in writes.reversed() where !written.contains(write.after.id) {
                    let first = writes.first { $0.after.id == write.after.id }!.before
                    guard try await repositories.mandates.update(write.after, expectedVersion: first.version) else {
                        throw DomainError.conflict("changed-meanwhile")
                    }
                    written.insert(write.after.id)
                }
                for occurrence in periods.values { try await repositories.mandates.save(occurrence) }
                for write in writes {
                    try await repositories.mandates.insert(write.update)
                    try await audit.record(in: repositories, actor: actor, action: "mandate.update", objectType: "mandate", objectID: write.after.id,
                                           before: write.before, after: write.update)
                }
                return report
            }
        } catch let refused as Refused {
            return refused.report
        }
    }

    /// Every update of the mandates the viewer may see, for export.
    public func updates(of views: [MandateView]) async throws -> [MandateUpdate] {
        let visible = Set(views.map(\.mandate.id))
        return try await store.read { try await $0.mandates.allUpdates() }.filter { visible.contains($0.mandateID) }
    }
}
