import Resolutions
import Testing

@Suite("Languages")
struct LanguageTests {
    @Test("languages are read from tags")
    func languages() {
        #expect(Language(tag: "fr-CH") == .french)
        #expect(Language(tag: "zh_Hans") == .chinese)
        #expect(Language(tag: "de") == nil)
        #expect(Language.arabic.isRightToLeft)
    }

    @Test("the six UN languages, in the UN's order, each with its own name")
    func six() {
        #expect(Language.allCases.map(\.rawValue) == ["ar", "zh", "en", "es", "fr", "ru"])
        #expect(Set(Language.allCases.map(\.autonym)).count == 6)
    }
}
