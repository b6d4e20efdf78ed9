import Foundation
import HTTPTypes
import HummingbirdTesting
import Resolutions
import Review
import TestSupport
import Testing
@testable import Web

@Suite("Choosing the language")
struct LanguageTests {
    @Test("an address in French is answered in French, remembers the choice, and its links stay in French; files keep one address",
          arguments: TestDatabase.available)
    func prefixedAddress(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let page = try await web.get("/fr/activities", as: WebTest.anonymous)
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"fr\" dir=\"ltr\">"))
            let catalog = try Catalog.bundled()
            #expect(page.text.contains(">\(catalog.text("nav.sdgs", .french))</a>"), "the navigation in French")
            #expect(page.headers[values: .setCookie].contains { $0.hasPrefix("wsis_lang=fr;") })
            #expect(page.text.contains("href=\"/fr/sdgs\"") && page.text.contains("action=\"/fr/activities\""), "links and forms stay in French")
            #expect(page.text.contains("href=\"/activities.csv\"") && !page.text.contains("/fr/activities.csv"), "open data has one address")
            #expect(page.text.contains("<link rel=\"alternate\" hreflang=\"ar\" href=\"/ar/activities\">")
                    && page.text.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"/activities\">")
                    && page.text.contains("hreflang=\"x-default\" href=\"/activities\""))
            #expect(page.text.contains("<a href=\"/en/activities\" lang=\"en\" hreflang=\"en\">English</a>")
                    && page.text.contains("lang=\"ar\" hreflang=\"ar\">العربية</a>")
                    && page.text.contains("hreflang=\"fr\" aria-current=\"true\">Français</a>"), "the switcher names each language in itself")

            let arabic = try await web.get("/ar", as: WebTest.anonymous)
            #expect(arabic.status == .ok && arabic.text.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(try await web.get("/zh/sdgs/4", as: WebTest.anonymous).text.contains("<html lang=\"zh\""))
        }
    }

    @Test("without a prefix: the remembered choice, else the browser's languages, else English; unknown languages and forged cookies are ignored")
    func negotiation() async throws {
        try await WebTest.with(.sqlite) { web in
            func get(_ path: String, cookie: String? = nil, accept: String? = nil) async throws -> TestResponse {
                var headers: HTTPFields = [:]
                if let cookie { headers[.cookie] = cookie }
                if let accept { headers[.acceptLanguage] = accept }
                return try await web.get(path, headers: headers)
            }
            let remembered = try await get("/sdgs?x=1", cookie: "wsis_lang=ru")
            #expect(remembered.status == .found && remembered.headers[.location] == "/ru/sdgs?x=1")
            let browser = try await get("/sdgs", accept: "de-CH, de;q=0.9, es;q=0.8, en;q=0.5")
            #expect(browser.status == .found && browser.headers[.location] == "/es/sdgs", "the best of ours the browser asks for")
            #expect(try await get("/", accept: "zh-Hans-CN").headers[.location] == "/zh")
            for (cookie, accept) in [(nil, "de"), ("wsis_lang=xx", nil), ("wsis_lang=en", "fr"), (nil, "fr;q=0")] as [(String?, String?)] {
                let english = try await get("/sdgs", cookie: cookie, accept: accept)
                #expect(english.status == .ok && english.text.contains("<html lang=\"en\""), "\(String(describing: cookie)) \(String(describing: accept))")
                #expect(english.headers[values: .vary].contains("Accept-Language") && english.headers[values: .vary].contains("Cookie"))
            }
            let chosen = try await get("/en/sdgs", cookie: "wsis_lang=fr")
            #expect(chosen.status == .ok && chosen.text.contains("<html lang=\"en\"") && chosen.headers[values: .setCookie].contains { $0.hasPrefix("wsis_lang=en;") })
            let foreign = try await get("/de/sdgs")
            #expect(foreign.status == .found && foreign.headers[.location] == "/sdgs", "a language we lack: the page, not an error")
            #expect(try await get("/calendar.ics", cookie: "wsis_lang=fr").status == .ok, "files are not sent to a language's address")
        }
    }

    @Test("forms posted in French answer in French and send the reader on in French")
    func formsInFrench() async throws {
        try await WebTest.with(.sqlite) { web in
            let catalog = try Catalog.bundled()
            let refused = try await web.post("/fr/sign-in", [("email", "nobody@example.org"), ("password", "wrong password 123")], as: WebTest.anonymous)
            #expect(refused.text.contains(catalog.text("sign_in.bad_credentials", .french)) && refused.text.contains("<html lang=\"fr\""))
            let user = try await web.test.makeUser("amina@example.org", roles: [.focalPoint])
            let signedIn = try await web.post("/fr/sign-in", [("email", user.user.email), ("password", user.password)], as: WebTest.anonymous)
            #expect(signedIn.status == .seeOther && signedIn.headers[.location]?.hasPrefix("/fr/") == true, "\(String(describing: signedIn.headers[.location]))")
        }
    }

    @Test("the API's problems are in the Accept-Language language; its data is the same in every language")
    func apiLanguage() async throws {
        try await WebTest.with(.sqlite) { web in
            let catalog = try Catalog.bundled()
            let problem = try await web.client.execute(uri: "/api/v1/mandates?due_before=someday", method: .get,
                                                       headers: [.accept: "application/json", .acceptLanguage: "ru, en;q=0.5"])
            #expect(problem.status == .unprocessableContent)
            #expect(problem.text.contains(catalog.text("problem.invalid.title", .russian).replacingOccurrences(of: "\"", with: "\\\"")), "\(problem.text)")
            let english = try await web.client.execute(uri: "/api/v1/action-lines", method: .get, headers: [:])
            let russian = try await web.client.execute(uri: "/api/v1/action-lines", method: .get, headers: [.acceptLanguage: "ru"])
            #expect(english.text == russian.text && english.status == .ok, "data is not translated by Accept-Language")
            #expect(try await web.client.execute(uri: "/fr/api/v1/action-lines", method: .get, headers: [:]).status == .notFound)
        }
    }
}

@Suite("A person's language")
struct AccountLanguageTests {
    @Test("the language a signed-in person chooses is kept in their account and opens their pages on another browser", arguments: TestDatabase.available)
    func remembered(database: TestDatabase) async throws {
        try await WebTest.with(database) { web in
            let user = try await web.test.makeUser("amina@example.org", roles: [.focalPoint])
            let browser = try await web.signIn(user)
            #expect(try await web.get("/ru/profile", as: browser).status == .ok)
            #expect(try await web.platform.accounts.users().first { $0.id == user.user.id }?.language == .russian, "kept in the account")
            // Another browser: no prefix, no cookie, the browser says English — the account's choice wins for pages.
            let elsewhere = try await web.signIn(user)
            let page = try await web.get("/mandates", as: elsewhere, headers: [.acceptLanguage: "en"])
            #expect(page.status == .found && page.headers[.location] == "/ru/mandates")
            #expect(try await web.get("/mandates.csv", as: elsewhere).status == .ok, "files are not sent to a language's address")
            #expect(try await web.get("/mandates", as: WebTest.anonymous).status == .ok, "someone else is not")
            #expect(try await web.get("/en/profile", as: browser).status == .ok)
            #expect(try await web.platform.accounts.users().first { $0.id == user.user.id }?.language == .english)
        }
    }
}

@Suite("Text in its own language")
struct ContentLanguageTests {
    @Test("what people wrote carries its language and its own direction, whatever the page's language; reordering controls are gone")
    func contentLanguage() async throws {
        try await WebTest.with(.sqlite) { web in
            let officer = Actor(user: try await web.test.makeUser("officer@itu.int", roles: [.secretariat]).user)
            let csv = "external_id,organization,title_fr,summary_fr,title_ar,summary_ar,stakeholder_type,coverage,status,primary_action_line,countries,start_date\r\n"
                + "lang-1,Ministère,Écoles connectées \u{202E}gpj.exe,Des écoles reliées à l’internet,مدارس متصلة,ربط المدارس بالإنترنت,government,national,ongoing,C2,SEN,2021-03\r\n"
            let report = try await web.platform.activities.importActivities(.csv(Data(csv.utf8)), apply: true, by: officer)
            #expect(report.problemCount == 0, "\(report.problems)")
            let id = try #require(try await web.platform.store.read { try await $0.activities.activities(externalIDs: ["lang-1"]) }["lang-1"]?.id)
            let english = try await web.get("/activities/\(id)").text
            #expect(english.contains("<h1 lang=\"fr\" dir=\"auto\">Écoles connectées gpj.exe</h1>"), "no English text: the French one, marked as French")
            #expect(english.contains("<section lang=\"ar\" dir=\"auto\"><h2>مدارس متصلة</h2>"))
            let arabic = try await web.get("/ar/activities/\(id)").text
            #expect(arabic.contains("<h1 lang=\"ar\" dir=\"auto\">مدارس متصلة</h1>") && arabic.contains("<section lang=\"fr\" dir=\"auto\">"))
            #expect(!english.contains("\u{202E}") && !arabic.contains("\u{202E}"))
            let frenchPage = try await web.get("/fr/activities/\(id)").text
            #expect(english.contains("March 2021") && frenchPage.contains("mars 2021"), "a month as the reader writes it")
        }
    }
}

@Suite("Reference data in the reader's language")
struct ReferenceLanguageTests {
    @Test("Action Line titles in French where an official one is known, otherwise English marked as English; SDG titles in all six")
    func actionLineTitles() async throws {
        try await WebTest.with(.sqlite) { web in
            let french = try await web.get("/fr/action-lines").text
            #expect(french.contains("<td lang=\"fr\">Créer un environnement propice"), "C6's official French title")
            #expect(french.contains("<td lang=\"en\">Capacity building") && french.contains("id=\"titles-in-english\""), "C4 has none: English, marked")
            let spanish = try await web.get("/es/action-lines").text
            #expect(spanish.contains("<td lang=\"es\">Entorno habilitador"))
            let english = try await web.get("/action-lines").text
            #expect(!english.contains("titles-in-english") && english.contains("<td lang=\"en\">Capacity building"))
            let chinese = try await web.get("/zh/sdgs/4").text
            #expect(chinese.contains("<html lang=\"zh\"") && !chinese.contains("Quality Education"), "goal titles in Chinese")
        }
    }
}
