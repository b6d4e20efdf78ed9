import Foundation
import Hummingbird
import HummingbirdTesting
import Review
import TestSupport
import Testing
import Web

/// After an action, the page it leads to says what happened, once, in the reader's language.
@Suite("Notices after actions")
struct NoticeTests {
    static func noticeCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix("wsis_notice=") }
    }

    @Test("confirming a resolution says so on the next page, in its language, once; a forged notice shows nothing",
          arguments: TestDatabase.available)
    func confirmation(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let made = try await web.test.makeUser("officer@itu.int", roles: [.secretariat])
            let officer = try await web.signIn(made)
            let draft = try await web.platform.resolutions.importDocument(Data(SampleText.tracked.utf8), by: Actor(user: made.user)).resolution
            let confirm = try await web.post("/resolutions/\(draft.id)/confirm", [], as: officer)
            #expect(confirm.status == .seeOther)
            let cookie = try #require(Self.noticeCookie(confirm))
            #expect(cookie.hasPrefix("wsis_notice=resolution-confirmed;") && cookie.contains("HttpOnly") && cookie.contains("Max-Age=120"))

            let withNotice = WebTest.Browser(cookie: officer.cookie + "; wsis_notice=resolution-confirmed", csrf: officer.csrf)
            let page = try await web.get("/fr/resolutions/\(draft.id)", as: withNotice)
            #expect(page.status == .ok, "\(page.headers)")
            #expect(page.text.contains(#"<div class="notice flash" role="status" aria-live="polite"><p>Confirmée\#u{00A0}: la résolution est désormais publique"#))
            #expect(Self.noticeCookie(page)?.contains("Max-Age=0") == true, "shown once: the cookie is cleared")

            let forged = WebTest.Browser(cookie: officer.cookie + "; wsis_notice=resolution-confirmed.x1", csrf: officer.csrf)
            // (The account now reads French, so its pages are asked for in French.)
            let plain = try await web.get("/fr/resolutions/\(draft.id)", as: forged)
            #expect(!plain.text.contains("notice flash"))
            #expect(Self.noticeCookie(plain)?.contains("Max-Age=0") == true)
            #expect(!(try await web.get("/fr/resolutions/\(draft.id)", as: officer)).text.contains("notice flash"))
        }
    }

    @Test("accepting every proposal counts them in the reader's language", arguments: TestDatabase.available)
    func acceptAll(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let (resolution, _) = try await web.test.confirmedSample()
            let officer = try await web.signIn(try await web.test.makeUser("board@itu.int", roles: [.secretariat]))
            let accepted = try await web.post("/resolutions/\(resolution.id)/mandates/accept-all", [], as: officer)
            #expect(Self.noticeCookie(accepted)?.hasPrefix("wsis_notice=mandates-accepted.3;") == true)
            let board = try await web.get("/ar/resolutions/\(resolution.id)/mandates",
                                          as: .init(cookie: officer.cookie + "; wsis_notice=mandates-accepted.3", csrf: officer.csrf))
            #expect(board.text.contains("المقترحات المقبولة: 3"))
        }
    }
}

/// An empty list says why it is empty.
@Suite("Empty states")
struct EmptyStateTests {
    @Test("the mandates list: nothing tracked yet, or nothing matching the filters", arguments: TestDatabase.available)
    func mandates(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let nothing = try await web.get("/mandates").text
            #expect(nothing.contains("No mandate is tracked yet.") && !nothing.contains("No mandate matches."))
            #expect(try await web.get("/mandates?status=completed").text.contains("No mandate matches."))
        }
    }
}
