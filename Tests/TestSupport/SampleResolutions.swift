import Foundation
import Review

/// Small fictional resolutions in the ITU Council's style, written for the tests.
public enum SampleText {
    /// Three operative paragraphs: a recurring report, a date within a month of the test clock, an invitation.
    public static let tracked = """
        Document C31/9-E
        4 March 2031
        Tracking the review
        The Council,
        considering
        a)\tthat the review needs regular reports,
        instructs the Secretary-General
        1\tto report annually to the Council on Action Line C7;
        2\tto publish the data by 20 June 2026;
        invites Member States
        1\tto share their experience.
        """
}

extension SampleText {
    /// Our Council resolution written in the six languages (`Tests/ResolutionsTests/Fixtures/itu-council-<code>.txt`),
    /// read from the source tree.
    public static func sixLanguages(_ code: String) throws -> String {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()  // SampleResolutions.swift
        url.deleteLastPathComponent()  // TestSupport
        return try String(contentsOf: url.appendingPathComponent("ResolutionsTests/Fixtures/itu-council-\(code).txt"), encoding: .utf8)
    }
}

extension TestPlatform {
    /// The six-language fixture's versions in `codes` imported, and confirmed unless listed in `drafts`, by a new secretariat officer.
    public func languageVersions(_ codes: [String], drafts: Set<String> = []) async throws -> [String: StoredResolution] {
        let officer = Actor(user: try await makeUser("translator@itu.int", roles: [.secretariat]).user)
        var stored: [String: StoredResolution] = [:]
        for code in codes {
            let imported = try await platform.resolutions.importDocument(Data(try SampleText.sixLanguages(code).utf8), by: officer)
            stored[code] = drafts.contains(code) ? imported.resolution : try await platform.resolutions.confirm(id: imported.resolution.id, by: officer)
        }
        return stored
    }

    /// `SampleText.tracked` imported and confirmed by a new secretariat officer (its mandates
    /// proposed), and, when asked, the proposals accepted.
    public func confirmedSample(acceptingMandates: Bool = false) async throws -> (resolution: StoredResolution, officer: Actor) {
        let officer = Actor(user: try await makeUser("officer@itu.int", roles: [.secretariat]).user)
        let imported = try await platform.resolutions.importDocument(Data(SampleText.tracked.utf8), by: officer)
        let resolution = try await platform.resolutions.confirm(id: imported.resolution.id, by: officer)
        if acceptingMandates { _ = try await platform.mandates.acceptAll(resolutionID: resolution.id, by: officer) }
        return (resolution, officer)
    }
}
