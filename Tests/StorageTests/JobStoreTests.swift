import Foundation
import Review
import SQLKit
import Storage
import TestSupport
import Testing

/// Background jobs kept in the database (migration 11), on SQLite and PostgreSQL.
@Suite("Jobs, stored")
struct JobStoreTests {
    static let csv = "external_id,title_en,summary_en,organization,stakeholder_type,primary_action_line,sdg_goals,countries\r\n"
        + "j1,Open data portal,Publishes digital data,Org,government,C3,16,KEN\r\n"

    @Test("an import asked for is queued, run by the runner with its owner's rights, and ends with its report; only its owner and the secretariat see it",
          arguments: TestDatabase.available)
    func importJob(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let officer = try await test.makeActor("officer@itu.int", .secretariat)
            let reviewer = try await test.makeActor("reviewer@itu.int", .reviewer)
            let imports = test.platform.activityImports
            await #expect(throws: DomainError.forbidden) { try await imports.start(Data(Self.csv.utf8), fileName: "a.csv", by: reviewer) }

            let job = try await imports.start(Data(Self.csv.utf8), fileName: "a.csv", by: officer)
            #expect(job.state == .queued && job.title == "a.csv" && job.ownerLabel == "officer@itu.int")
            let (queued, noReport) = try await imports.status(id: job.id, for: officer)
            #expect(queued.state == .queued && noReport == nil)
            await #expect(throws: DomainError.notFound(kind: "job", id: job.id)) { try await imports.status(id: job.id, for: reviewer) }
            #expect(try await test.platform.activities.counts()[.published, default: 0] == 0, "nothing is written before the runner runs it")

            let ran = try await test.platform.jobRunner.runPending()
            #expect(ran.map(\.id) == [job.id] && ran.first?.state == .done && ran.first?.attempts == 1)
            let (done, report) = try await imports.status(id: job.id, for: officer)
            #expect(done.state == .done && done.finishedAt != nil && report?.created == 1 && report?.applied == true)
            #expect(try await test.platform.activities.counts()[.published] == 1)
            #expect(try await test.platform.jobRunner.runPending().isEmpty, "a finished job is not run again")
            #expect(try await test.platform.jobs.recent(for: officer).map(\.id) == [job.id])
        }
    }

    @Test("a job left running by a stopped server is queued again and run; after three starts it is failed as interrupted",
          arguments: TestDatabase.available)
    func recovery(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let officer = try await test.makeActor("officer@itu.int", .secretariat)
            let store = test.platform.store
            let imports = test.platform.activityImports
            let now = TestPlatform.epoch

            // A server claims the job and stops before finishing it.
            let first = try await imports.start(Data(Self.csv.utf8), fileName: "a.csv", by: officer)
            let claimed = try await store.write { try await $0.jobs.claimNext(now: now) }
            #expect(claimed?.id == first.id && claimed?.state == .running && claimed?.attempts == 1)
            #expect(try await store.write { try await $0.jobs.claimNext(now: now) } == nil, "a running job is not claimed twice")
            #expect(try await test.platform.jobRunner.runPending().isEmpty)

            // The next server to start queues it again and runs it.
            test.clock.advance(by: 120)
            #expect(try await test.platform.jobRunner.recover() == 1)
            let ran = try await test.platform.jobRunner.runPending()
            #expect(ran.map(\.id) == [first.id] && ran.first?.state == .done && ran.first?.attempts == 2)

            // A job whose server stops every time it runs is given up after three starts.
            let second = try await imports.start(Data(Self.csv.utf8), fileName: "b.csv", by: officer)
            for attempt in 1...JobRunner.maximumAttempts {
                let again = try await store.write { [now = test.clock.now()] in try await $0.jobs.claimNext(now: now) }
                #expect(again?.id == second.id && again?.attempts == attempt)
                test.clock.advance(by: 120)
                _ = try await test.platform.jobRunner.recover()
            }
            let (failed, report) = try await imports.status(id: second.id, for: officer)
            #expect(failed.state == .failed && failed.failure == Job.interrupted && report == nil)
        }
    }

    @Test("jobs are claimed oldest first, each by one runner", arguments: TestDatabase.available)
    func claimOrder(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let officer = try await test.makeActor("officer@itu.int", .secretariat)
            var ids: [String] = []
            for number in 1...3 {
                ids.append(try await test.platform.jobs.enqueue(kind: "test", title: "job \(number)", payload: Data("{}".utf8), by: officer).id)
                test.clock.advance(by: 1)
            }
            let store = test.platform.store
            let claims = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await store.write { try await $0.jobs.claimNext(now: TestPlatform.epoch) }?.id }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(Set(claims.compactMap { $0 }) == Set(ids) && claims.compactMap { $0 }.count == 3 && claims.contains(nil))
        }
    }

    @Test("a job of a kind no handler knows fails with a reason, and the runner goes on", arguments: TestDatabase.available)
    func unknownKind(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let officer = try await test.makeActor("officer@itu.int", .secretariat)
            let job = try await test.platform.jobs.enqueue(kind: "nothing-knows-me", title: "?", payload: Data("{}".utf8), by: officer)
            let ran = try await test.platform.jobRunner.runPending()
            #expect(ran.first?.id == job.id && ran.first?.state == .failed && ran.first?.failure?.contains("nothing-knows-me") == true)
        }
    }

    @Test("migration 11 carries the imports of import_jobs into jobs and back", arguments: TestDatabase.available)
    func migration(database: TestDatabase) async throws {
        try await database.withBackend(migrated: false) { backend async throws in
            try await Migrations.migrate(backend)
            #expect(try await Migrations.revert(backend, to: 10) == [13, 12, 11])
            try await backend.withTransaction { db in
                try await db.raw("""
                    INSERT INTO import_jobs (id, created_by, file_name, state, report, failure, created_at, finished_at) VALUES
                    ('done-1', 'officer@itu.int', 'a.csv', 'done', '{"rows":1}', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:01:00.000Z'),
                    ('cut-1', 'officer@itu.int', 'b.csv', 'interrupted', NULL, NULL, '2026-01-02T00:00:00.000Z', NULL)
                    """).run()
            }
            #expect(try await Migrations.migrate(backend) == [11, 12, 13])
            let store = SQLStore(backend: backend)
            let done = try #require(try await store.read { try await $0.jobs.job(id: "done-1") })
            #expect(done.kind == ActivityImports.kind && done.state == .done && done.title == "a.csv" && done.result == Data(#"{"rows":1}"#.utf8))
            let cut = try #require(try await store.read { try await $0.jobs.job(id: "cut-1") })
            #expect(cut.state == .failed && cut.failure == Job.interrupted && cut.ownerLabel == "officer@itu.int")
            #expect(try await Migrations.revert(backend, to: 10) == [13, 12, 11])
            let back = try await backend.withReader { db in
                try await db.raw("SELECT id, state, file_name FROM import_jobs ORDER BY id").all()
                    .map { "\(try $0.decode(column: "id", as: String.self)) \(try $0.decode(column: "state", as: String.self)) \(try $0.decode(column: "file_name", as: String.self))" }
            }
            #expect(back == ["cut-1 interrupted b.csv", "done-1 done a.csv"])
        }
    }
}
