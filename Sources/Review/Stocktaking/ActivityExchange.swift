import Foundation

/// A file of activities to import: CSV (read a chunk at a time, so any size) or JSON (an array
/// of objects with the same field names, lists as arrays; read whole).
public struct ActivityFile: Sendable {
    public enum Format: String, Sendable { case csv, json }

    public var format: Format
    /// Opens the file's bytes afresh (an import reads it twice: to check, then to write).
    let open: @Sendable () throws -> CSVStream?
    let json: Data?
    /// The size in bytes, for progress.
    public var size: Int

    public static func csv(_ data: Data) -> ActivityFile {
        ActivityFile(format: .csv, open: { CSVStream(data: data) }, json: nil, size: data.count)
    }

    public static func csv(path: String) throws -> ActivityFile {
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return ActivityFile(format: .csv, open: {
            guard let handle = FileHandle(forReadingAtPath: path) else { throw DomainError.notFound(kind: "file", id: path) }
            return CSVStream(file: handle)
        }, json: nil, size: size)
    }

    public static func json(_ data: Data) -> ActivityFile {
        ActivityFile(format: .json, open: { nil }, json: data, size: data.count)
    }

    /// An uploaded file: JSON when its name says so or it starts with `[`, CSV otherwise.
    public static func upload(_ data: Data, fileName: String) -> ActivityFile {
        isJSON(fileName) || data.first == UInt8(ascii: "[") ? .json(data) : .csv(data)
    }

    /// Whether a file name is that of a JSON file.
    public static func isJSON(_ fileName: String) -> Bool { fileName.lowercased().hasSuffix(".json") }

    /// A reader of the file's records from the start.
    func records() throws -> ActivityRecords {
        switch format {
        case .json:
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: json ?? Data())
            } catch {
                throw ActivityImportReport.Problem(row: 0, field: "", code: "not-json")
            }
            guard let array = object as? [Any] else { throw ActivityImportReport.Problem(row: 0, field: "", code: "not-json-array") }
            return ActivityRecords(source: .json(array), size: size)
        case .csv:
            guard var stream = try open() else { return ActivityRecords(source: .json([]), size: size) }
            let header: [String]
            do {
                guard let first = try stream.nextRecord() else { throw ActivityImportReport.Problem(row: 1, field: "", code: "empty-file") }
                header = first
            } catch let problem as CSVStream.Problem {
                throw ActivityRecords.problem(problem)
            }
            try ActivityImportReport.checkColumns(header)
            return ActivityRecords(source: .csv(stream, header), size: size)
        }
    }
}

/// The records of an import file, one at a time: the line (CSV) or position (JSON, from 1) it
/// came from, the record, and how many bytes of the file are read so far.
struct ActivityRecords {
    enum Source {
        case csv(CSVStream, [String])
        case json([Any])
    }

    var source: Source
    let size: Int
    var index = 0

    init(source: Source, size: Int) {
        self.source = source
        self.size = size
    }

    static func problem(_ problem: CSVStream.Problem) -> ActivityImportReport.Problem {
        switch problem {
        case .notUTF8(let line): ActivityImportReport.Problem(row: line, field: "", code: "not-utf8")
        case .unterminatedQuote(let line): ActivityImportReport.Problem(row: line, field: "", code: "unterminated-quote")
        }
    }

    mutating func next() throws -> (row: Int, record: [String: String], bytes: Int)? {
        switch source {
        case .json(let array):
            guard index < array.count else { return nil }
            defer { index += 1 }
            guard let dictionary = array[index] as? [String: Any] else {
                throw ActivityImportReport.Problem(row: index + 1, field: "", code: "not-json-object")
            }
            var record: [String: String] = [:]
            for (key, value) in dictionary {
                switch value {
                case let text as String: record[key] = text
                case let list as [Any]: record[key] = list.map { "\($0)" }.joined(separator: "; ")
                case is NSNull: record[key] = ""
                case let number as NSNumber: record[key] = number.stringValue
                default: record[key] = "\(value)"
                }
            }
            if index == 0 { try ActivityImportReport.checkColumns(Array(record.keys)) }
            return (index + 1, record, size * (index + 1) / max(array.count, 1))
        case .csv(var stream, let header):
            defer { source = .csv(stream, header) }
            do {
                while true {
                    let line = stream.line
                    guard let fields = try stream.nextRecord() else { return nil }
                    if fields.count == 1 && fields[0].isEmpty { continue }
                    guard fields.count == header.count else {
                        throw ActivityImportReport.Problem(row: line, field: "", code: "wrong-field-count",
                                                           parameters: ["found": String(fields.count), "expected": String(header.count)])
                    }
                    var record: [String: String] = [:]
                    record.reserveCapacity(header.count)
                    for (name, value) in zip(header, fields) { record[name] = value }
                    return (line, record, stream.bytesRead)
                }
            } catch let problem as CSVStream.Problem {
                throw Self.problem(problem)
            }
        }
    }
}

/// What an import found, row by row, and what it did.
public struct ActivityImportReport: Sendable, Codable, Equatable {
    public struct Problem: Error, Sendable, Codable, Equatable {
        /// The line of the CSV file (the header is 1), or the position in the JSON array; 0 for the whole file.
        public var row: Int
        public var field: String
        public var code: String
        public var parameters: [String: String]

        public init(row: Int, field: String, code: String, parameters: [String: String] = [:]) {
            self.row = row
            self.field = field
            self.code = code
            self.parameters = parameters
        }

        public var fieldError: FieldError { FieldError(field: field, code: code, parameters: parameters) }
    }

    public var rows = 0
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    /// The first problems (at most `problemLimit`); `problemCount` counts them all.
    public var problems: [Problem] = []
    public var problemCount = 0
    public var applied = false

    public static let problemLimit = 1000

    public init() {}

    mutating func add(_ problem: Problem) {
        problemCount += 1
        if problems.count < Self.problemLimit { problems.append(problem) }
    }

    static func checkColumns(_ header: [String]) throws {
        for name in header where !ActivityFields.known.contains(name) {
            throw Problem(row: 1, field: name, code: "unknown-column")
        }
        if Set(header).count != header.count { throw Problem(row: 1, field: "", code: "repeated-column") }
        for name in ["organization", "stakeholder_type", "primary_action_line"] where !header.contains(name) {
            throw Problem(row: 1, field: name, code: "missing-column")
        }
        if !header.contains(where: { $0.hasPrefix("title_") }) { throw Problem(row: 1, field: "title_en", code: "missing-column") }
    }
}

/// Progress of a long import: rows read and bytes of the file behind them.
public struct ImportProgress: Sendable {
    public var phase: String
    public var rows: Int
    public var bytes: Int
    public var totalBytes: Int
}

extension ActivityService {
    /// Checks a file of activities row by row and, with `apply` and only when nothing is wrong,
    /// writes them all in one transaction: published, matched by external id (a row for an
    /// activity already there updates it; the same row again changes nothing). Applying reads the
    /// file once: rows are written as they are checked, and the first problem stops the writing
    /// (the rest is still checked, for the report) and rolls everything back.
    /// Rows are written `batchSize` at a time (tests use small batches to cross their edges).
    public func importActivities(_ file: ActivityFile, apply: Bool, by actor: Actor, batchSize: Int = 5000,
                                 progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }) async throws -> ActivityImportReport {
        guard actor.has(.secretariat) else { throw DomainError.forbidden }
        let vocabulary = try await vocabulary()
        let now = clock.now()
        let ids = self.ids
        // What the activities were before this import (a reader beside the import's transaction).
        let store = self.store
        let stored: @Sendable ([String]) async throws -> [String: Activity] = { externalIDs in
            try await store.read { try await $0.activities.activities(externalIDs: externalIDs) }
        }
        guard apply else {
            return try await Self.scan(file, phase: "check", vocabulary: vocabulary, actor: actor, now: now, ids: ids, stored: stored,
                                       progress: progress) { _ in }
        }
        struct Refused: Error { let report: ActivityImportReport }
        let audit = self.audit
        do {
            return try await store.bulkWrite { repositories in
                // A pipeline over the two cores, in child tasks of this one: while one batch is written
                // (in the file's order, on the transaction's connection), the next is prepared (its rows
                // and words made) and the one after it read and checked. At most two batches wait for
                // the writer; after a write fails, or the import is cancelled, no later batch writes.
                var (report, counts) = try await withThrowingTaskGroup(of: ImportCounts.self) { group in
                    var counts = ImportCounts()
                    var batch: [Activity] = []
                    var started = 0, finished = 0
                    let turns = InOrder()
                    func startWriting() async throws {
                        if started - finished >= 2, let written = try await group.next() {
                            counts.add(written)
                            finished += 1
                        }
                        let rows = batch.map { activity in
                            var activity = activity
                            activity.state = .published
                            activity.publishedAt = now
                            return activity
                        }
                        batch.removeAll(keepingCapacity: true)
                        let ticket = started
                        started += 1
                        group.addTask {
                            let prepared = await repositories.activities.prepare(rows)
                            guard await turns.wait(for: ticket), !Task.isCancelled else {
                                await turns.finished(ticket, written: false)
                                throw CancellationError()
                            }
                            do {
                                let written = try await Self.write(prepared, into: repositories, now: now)
                                await turns.finished(ticket, written: true)
                                return written
                            } catch {
                                await turns.finished(ticket, written: false)
                                throw error
                            }
                        }
                    }
                    let report = try await Self.scan(file, phase: "write", vocabulary: vocabulary, actor: actor, now: now, ids: ids, stored: stored,
                                                     progress: progress) { activity in
                        batch.append(activity)
                        if batch.count >= batchSize {
                            // A server stopping ends the import here: the transaction is rolled back, the job runs again later.
                            try Task.checkCancellation()
                            try await startWriting()
                        }
                    }
                    // A refused file writes nothing more; what was written is rolled back with the transaction.
                    if report.problemCount > 0 { throw Refused(report: report) }
                    try await startWriting()
                    while let written = try await group.next() { counts.add(written) }
                    return (report, counts)
                }
                (report.created, report.updated, report.unchanged) = (counts.created, counts.updated, counts.unchanged)
                try await audit.record(in: repositories, actor: actor, action: "activity.import", objectType: "activities", objectID: "import",
                                       before: .nothing, after: ["rows": report.rows, "created": counts.created, "updated": counts.updated,
                                                                 "unchanged": counts.unchanged])
                report.applied = true
                return report
            }
        } catch let refused as Refused {
            return refused.report
        }
    }

    struct ImportCounts: Sendable {
        var created = 0, updated = 0, unchanged = 0
        mutating func add(_ other: ImportCounts) {
            created += other.created
            updated += other.updated
            unchanged += other.unchanged
        }
    }

    /// Lets a pipeline's writes go in the order they were started. After one is not written (it
    /// failed, or was cancelled), no later one is: `wait` answers false.
    actor InOrder {
        private var next = 0
        private var stopped = false
        private var waiting: [Int: CheckedContinuation<Bool, Never>] = [:]

        /// Waits for the turn of `ticket`; false when an earlier write was not written.
        func wait(for ticket: Int) async -> Bool {
            if stopped { return false }
            if ticket == next { return true }
            return await withCheckedContinuation { waiting[ticket] = $0 }
        }

        func finished(_ ticket: Int, written: Bool) {
            guard written else {
                stopped = true
                for waiter in waiting.values { waiter.resume(returning: false) }
                waiting.removeAll()
                return
            }
            next = ticket + 1
            waiting.removeValue(forKey: next)?.resume(returning: true)
        }
    }

    /// Writes one batch of checked rows (prepared as new, published activities): new external ids are
    /// added, known ones update their activity when something changed.
    static func write(_ prepared: any PreparedActivities, into repositories: any Repositories, now: Date) async throws -> ImportCounts {
        var counts = ImportCounts()
        let batch = prepared.activities
        let externals = batch.compactMap(\.externalID)
        let existing = externals.isEmpty ? [:] : try await repositories.activities.activities(externalIDs: externals)
        var fresh: [Activity] = []
        for activity in batch {
            if let external = activity.externalID, let current = existing[external] {
                var next = current
                next.replaceContent(with: activity)
                next.externalID = current.externalID
                next.createdAt = current.createdAt
                next.updatedAt = current.updatedAt
                next.state = current.state == .archived ? .archived : .published
                if next == current {
                    counts.unchanged += 1
                    continue
                }
                next.version += 1
                next.updatedAt = now
                next.publishedAt = next.publishedAt ?? now
                guard try await repositories.activities.update(next, expectedVersion: current.version) else {
                    throw DomainError.conflict("activity-changed-meanwhile")
                }
                counts.updated += 1
            } else {
                fresh.append(activity)
            }
        }
        // Usually every row is new: what was prepared is written as it is.
        try await repositories.activities.insert(fresh.count == batch.count ? prepared : await repositories.activities.prepare(fresh))
        counts.created += fresh.count
        return counts
    }

    /// Reads every row of the file, checks it, and hands each good row's activity to `accept`
    /// while no problem has been found. Returns what it found.
    static func scan(_ file: ActivityFile, phase: String, vocabulary: ActivityVocabulary, actor: Actor, now: Date, ids: any IDGenerator,
                     stored: @escaping @Sendable ([String]) async throws -> [String: Activity],
                     progress: @Sendable (ImportProgress) -> Void, accept: (Activity) async throws -> Void) async throws -> ActivityImportReport {
        var report = ActivityImportReport()
        var seen = Set<String>()
        var spreadsheet = SpreadsheetNumbers(vocabulary: vocabulary, stored: stored)
        do {
            var records = try file.records()
            while let (line, record, bytes) = try records.next() {
                report.rows += 1
                var activity: Activity?
                do {
                    activity = try Activity.read(record, vocabulary: vocabulary, id: ids.newID(), createdBy: actor.label, now: now)
                } catch let error as DomainError {
                    for fieldError in error.fieldErrors {
                        report.add(.init(row: line, field: fieldError.field, code: fieldError.code, parameters: fieldError.parameters))
                    }
                }
                if let external = record["external_id"]?.trimmedFast, !external.isEmpty {
                    if !seen.insert(external).inserted {
                        report.add(.init(row: line, field: "external_id", code: "duplicate-external-id", parameters: ["value": external]))
                    }
                    spreadsheet.note(line: line, externalID: external, targets: record["sdg_targets"] ?? "")
                    if spreadsheet.isFull { try await spreadsheet.check(into: &report) }
                }
                if let activity, report.problemCount == 0 { try await accept(activity) }
                if report.rows % 10_000 == 0 { progress(ImportProgress(phase: phase, rows: report.rows, bytes: bytes, totalBytes: file.size)) }
                // Let the writer send its next statement (see `ActivityRepository.prepare`).
                if report.rows % 256 == 0 { await Task.yield() }
            }
        } catch let problem as ActivityImportReport.Problem {
            report.add(problem)
        }
        try await spreadsheet.check(into: &report)
        progress(ImportProgress(phase: phase, rows: report.rows, bytes: file.size, totalBytes: file.size))
        return report
    }
}

/// A spreadsheet reads a cell holding only `16.10` as the number 16.1 and saves it so: the SDG
/// targets 8.10, 16.10 and 17.10 come back as 8.1, 16.1 and 17.1, other targets
/// (and lists, `16.10; 9.c`, which are not numbers) unharmed. A row whose `sdg_targets` cell is
/// only such a shortened code, for an activity (by external id) that has the longer code and not
/// the shorter one, is refused with a message that says so. Rows are looked up a few hundred at a
/// time, in what was stored before the import.
public struct SpreadsheetNumbers {
    /// The shortened form of each target a spreadsheet shortens: `16.1` → `16.10`.
    let shortened: [String: String]
    let stored: @Sendable ([String]) async throws -> [String: Activity]
    private var suspects: [(line: Int, externalID: String, short: String)] = []

    init(vocabulary: ActivityVocabulary, stored: @escaping @Sendable ([String]) async throws -> [String: Activity]) {
        shortened = Self.shortenings(of: vocabulary.targets.keys)
        self.stored = stored
    }

    public static func shortenings(of codes: some Sequence<String>) -> [String: String] {
        let known = Set(codes)
        var result: [String: String] = [:]
        for code in known {
            guard let dot = code.firstIndex(of: "."), code.hasSuffix("0") else { continue }
            var short = code
            while short.hasSuffix("0") { short.removeLast() }
            if short.last != ".", short.index(after: dot) < short.endIndex, known.contains(short) { result[short] = code }
        }
        return result
    }

    var isFull: Bool { suspects.count >= 256 }

    mutating func note(line: Int, externalID: String, targets cell: String) {
        let value = cell.trimmedFast
        if shortened[value] != nil { suspects.append((line, externalID, value)) }
    }

    mutating func check(into report: inout ActivityImportReport) async throws {
        guard !suspects.isEmpty else { return }
        let found = try await stored(Array(Set(suspects.map(\.externalID))))
        for suspect in suspects {
            guard let long = shortened[suspect.short], let activity = found[suspect.externalID],
                  activity.sdgTargets.contains(long), !activity.sdgTargets.contains(suspect.short) else { continue }
            report.add(.init(row: suspect.line, field: "sdg_targets", code: "spreadsheet-number", parameters: ["value": suspect.short, "code": long]))
        }
        suspects.removeAll(keepingCapacity: true)
    }
}
