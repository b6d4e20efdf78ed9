import Foundation
import Resolutions
import TestSupport
import Testing

@Suite("Akoma Ntoso")
struct AkomaNtosoTests {
    @Test("the corpus resolutions export to Akoma Ntoso that validates against the AKN 3.0 schema",
          .enabled(if: Corpus.folder != nil, Corpus.absent), .enabled(if: XMLSchemaCheck.akomaNtoso.isAvailable, Comment(rawValue: XMLSchemaCheck.akomaNtoso.unavailable)),
          arguments: ["itu-council-C23-85-E.txt", "un-ga-res-73-6-en.txt"])
    func corpusValidates(name: String) throws {
        let resolution = try ResolutionParser().parse(try #require(Corpus.text(name)))
        let problems = try XMLSchemaCheck.akomaNtoso.problems(AkomaNtoso.render(resolution))
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test("the founding document's export: FRBR IRIs, eIds prefixed per block, refs, notes, events",
          .enabled(if: Corpus.folder != nil, Corpus.absent))
    func foundingDocument() throws {
        let source = try #require(Corpus.text("itu-council-C23-85-E.txt"))
        let xml = AkomaNtoso.render(try ResolutionParser().parse(source))
        #expect(xml.contains("<statement name=\"resolution\""))
        #expect(xml.contains("<FRBRthis value=\"/akn/un/statement/deliberation/itu-council/2023-06-27/C23-85/!main\"/>"))
        #expect(xml.contains("<FRBRlanguage language=\"eng\"/><FRBRtranslation fromLanguage=\"rus\""))
        let manifestation = try #require(xml.range(of: "<FRBRManifestation>").map { String(xml[$0.upperBound...].prefix(400)) })
        #expect(manifestation.contains(".xml\"/>") && !xml.contains("/.xml\""), "the manifestation's IRI ends .xml, without a slash before it")
        #expect(xml.contains("eId=\"op_2__para_1\"") && xml.contains("eId=\"op_3__para_1\""), "numbering restarts, ids stay unique")
        #expect(xml.contains("<ref href=\"/akn/un/statement/deliberation/itu-pp/res-140\">Resolution 140 (Rev. Bucharest, 2022) of the Plenipotentiary Conference</ref>"))
        #expect(xml.contains("<ref href=\"/akn/un/statement/deliberation/un-ga/70-125\">70/125</ref>") || xml.contains("un-ga/70-125"))
        #expect(xml.contains("<authorialNote eId=\"ftn_1\" marker=\"1\" placement=\"bottom\"><p>These include the least developed countries"))
        #expect(xml.contains("<event refersTo=\"#event_council_2026\">the 2026 Session of the Council</event>"))
        #expect(xml.contains("<recitals eId=\"pmbl_2\" refersTo=\"#phrase_recalling\">\n<intro><p><i>recalling further</i></p></intro>"))
    }

    @Test("a draft is marked as one")
    func draft() throws {
        let resolution = try ResolutionParser().parse("The Council,\nconsidering\na)\tthat a test is needed,\nresolves\n1\tto test.\n")
        let xml = AkomaNtoso.render(resolution, draft: true)
        #expect(xml.contains("<statement name=\"resolutionDraft\""))
        if XMLSchemaCheck.akomaNtoso.isAvailable {
            let problems = try XMLSchemaCheck.akomaNtoso.problems(xml)
            #expect(problems == nil, "\(problems ?? "")")
        }
    }
}
