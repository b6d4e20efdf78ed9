import Foundation
import Resolutions
import Review
import Storage
import TestSupport
import Testing

/// Our own small resolutions, one citing the other.
enum SampleResolutions {
    static let cited = """
        Document C31/7-E
        2 February 2031
        Open review data
        The Council,
        noting
        a)\tthat the review needs open data,
        resolves
        1\tto publish the review's data annually.
        """
    static let citing = """
        Document C31/8-E
        9 February 2031
        Following up open review data
        The Council,
        recalling
        a)\tthe document C31/7-E on open review data,
        instructs the Secretary-General
        1\tto report to the 2032 session of the Council.
        """
}

@Suite("Stored resolutions")
struct ResolutionStoreTests {
    @Test("import is idempotent per file, versions per work, audited; drafts are the secretariat's until confirmed",
          arguments: TestDatabase.available)
    func importAndConfirm(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let service = ResolutionService(store: test.platform.store, clock: test.clock, ids: UUIDGenerator(), mandates: test.platform.mandates)
            let officer = Actor(user: try await test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            let first = try await service.importDocument(Data(SampleResolutions.cited.utf8), by: officer)
            #expect(first.created && first.resolution.status == .draft && first.resolution.version == 1)
            #expect(first.resolution.workID == "itu/doc/C31/7")
            let again = try await service.importDocument(Data(SampleResolutions.cited.utf8), by: officer)
            #expect(!again.created && again.resolution.id == first.resolution.id)
            let revised = try await service.importDocument(Data(SampleResolutions.cited.replacingOccurrences(of: "annually", with: "every year").utf8), by: officer)
            #expect(revised.created && revised.resolution.version == 2 && revised.resolution.workID == "itu/doc/C31/7")

            // The same document in French is another expression of the same work, with its own versions.
            let french = SampleResolutions.cited.replacingOccurrences(of: "C31/7-E", with: "C31/7-F")
                .replacingOccurrences(of: "The Council,", with: "Le Conseil,").replacingOccurrences(of: "noting", with: "notant")
                .replacingOccurrences(of: "resolves", with: "décide")
                .replacingOccurrences(of: "that the review needs open data,", with: "que l'examen a besoin de données ouvertes et de la transparence des résultats de la mise en œuvre,")
                .replacingOccurrences(of: "to publish the review's data annually.", with: "de publier chaque année les données de l'examen et les résultats du suivi des décisions.")
            let expression = try await service.importDocument(Data(french.utf8), by: officer)
            #expect(expression.resolution.structure.language == .french)
            #expect(expression.resolution.workID == "itu/doc/C31/7" && expression.resolution.version == 1)

            #expect(try await service.list(viewer: nil).isEmpty, "drafts are not public")
            await #expect(throws: DomainError.notFound(kind: "resolution", id: first.resolution.id)) {
                try await service.resolution(id: first.resolution.id, viewer: nil)
            }
            let focal = Actor(user: try await test.makeUser("focal@example.org", roles: [.focalPoint]).user)
            await #expect(throws: DomainError.forbidden) { try await service.importDocument(Data(SampleResolutions.citing.utf8), by: focal) }
            await #expect(throws: DomainError.forbidden) { try await service.confirm(id: first.resolution.id, by: focal) }

            let confirmed = try await service.confirm(id: revised.resolution.id, by: officer)
            #expect(confirmed.status == .confirmed)
            #expect(try await service.list(viewer: nil).map(\.id) == [revised.resolution.id])
            let stored = try await service.resolution(id: revised.resolution.id, viewer: nil)
            #expect(stored.structure == revised.resolution.structure, "the structure is stored whole")
            #expect(stored.sourceText == SampleResolutions.cited.replacingOccurrences(of: "annually", with: "every year"))

            await #expect(throws: ReadingError.self) { try await service.importDocument(Data("not a resolution at all".utf8), by: officer) }
            let actions = try await test.platform.audit.search(AuditFilter(objectType: "resolution"), limit: 10).map(\.action)
            // Confirming also proposes the resolution's mandates (audited on the resolution).
            #expect(actions.sorted() == ["mandate.propose", "resolution.confirm", "resolution.import", "resolution.import", "resolution.import"])
            #expect(try await test.platform.audit.verify() == .intact(records: 8))
        }
    }

    @Test("a citation links to the cited work once it is imported and confirmed, which lists what cites it",
          arguments: TestDatabase.available)
    func citedBy(database: TestDatabase) async throws {
        try await TestPlatform.with(database) { test async throws in
            let service = ResolutionService(store: test.platform.store, clock: test.clock, ids: UUIDGenerator(), mandates: test.platform.mandates)
            let officer = Actor(system: "test")
            let citing = try await service.importDocument(Data(SampleResolutions.citing.utf8), by: officer).resolution
            #expect(citing.structure.citations.map(\.citation.id) == ["itu/doc/C31/7"])
            #expect(try await service.dossier(id: citing.id, viewer: officer).linkedWorks.isEmpty)
            let cited = try await service.importDocument(Data(SampleResolutions.cited.utf8), by: officer).resolution
            _ = try await service.confirm(id: cited.id, by: officer)
            #expect(try await service.dossier(id: citing.id, viewer: officer).linkedWorks == ["itu/doc/C31/7": cited.id])
            #expect(try await service.dossier(id: cited.id, viewer: officer).citedBy.isEmpty, "a draft does not count as citing")
            _ = try await service.confirm(id: citing.id, by: officer)
            let citedBy = try await service.dossier(id: cited.id, viewer: officer).citedBy
            #expect(citedBy.map(\.resolution.id) == [citing.id])
            #expect(citedBy.first?.paragraphID == "pmbl_1__para_a")
        }
    }
}
