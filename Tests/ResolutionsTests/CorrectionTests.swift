import Resolutions
import Testing

@Suite("Corrections")
struct CorrectionTests {
    let resolution = try! ResolutionParser().parse("""
        The Council,
        considering
        a)\tthat reporting helps;
        b)\tto report to the 2032 session of the Council,
        instructs the Secretary-General
        1\tto report annually;
        2\tto publish the data.
        """)

    @Test("a paragraph read under the wrong block moves, takes the block's verb and addressee, and a new id")
    func move() throws {
        let corrected = try resolution.applying(.move(paragraphID: "pmbl_1__para_b", toBlockID: "op_1"))
        #expect(corrected.preamble[0].paragraphs.map(\.id) == ["pmbl_1__para_a"])
        #expect(corrected.operative[0].paragraphs.map(\.id) == ["op_1__para_1", "op_1__para_2", "op_1__para_b"])
        let moved = corrected.operative[0].paragraphs[2]
        #expect(moved.verb == .instructs && moved.addressee == "the Secretary-General")
        #expect(moved.times.map(\.value) == [.session(body: "council", year: 2032, qualifier: nil)], "what it mentions moves with it")
    }

    @Test("the addressee of a block, and of its paragraphs")
    func addressee() throws {
        let corrected = try resolution.applying(.addressee(blockID: "op_1", addressee: " the Directors of the Bureaux "))
        #expect(corrected.operative[0].addressee == "the Directors of the Bureaux")
        #expect(corrected.operative[0].paragraphs.allSatisfy { $0.addressee == "the Directors of the Bureaux" })
        #expect(try resolution.applying(.addressee(blockID: "op_1", addressee: "")).operative[0].addressee == nil)
    }

    @Test("a missed citation is added with its canonical identifier; what is not a citation is refused")
    func citation() throws {
        let corrected = try resolution.applying(.citation(paragraphID: "op_1__para_2", text: "Resolution 140 (Rev. Bucharest, 2022)"))
        #expect(corrected.operative[0].paragraphs[1].citations.map(\.id) == ["itu/pp/res/140"])
        #expect(throws: CorrectionError.notACitation("the usual report")) {
            try resolution.applying(.citation(paragraphID: "op_1__para_2", text: "the usual report"))
        }
        #expect(throws: CorrectionError.unknownParagraph("op_9__para_1")) {
            try resolution.applying(.citation(paragraphID: "op_9__para_1", text: "A/RES/70/125"))
        }
        #expect(throws: CorrectionError.unknownBlock("op_7")) { try resolution.applying(.move(paragraphID: "op_1__para_1", toBlockID: "op_7")) }
    }

    @Test("a citation read wrongly is removed by its words; words it was not read from are refused")
    func removeCitation() throws {
        // "UN document E/2031/1" is not a resolution, but the parser reads every UN symbol as a citation.
        let source = try ResolutionParser().parse("""
            The Council,
            instructs the Secretary-General
            1\tto report on Resolution 140 (Rev. Bucharest, 2022) in the format of E/2031/1/Add.2;
            """)
        #expect(source.operative[0].paragraphs[0].citations.map(\.id) == ["itu/pp/res/140", "un/doc/E/2031/1/Add.2"])
        let corrected = try source.applying(.removeCitation(paragraphID: "op_1__para_1", text: "E/2031/1/Add.2"))
        #expect(corrected.operative[0].paragraphs[0].citations.map(\.id) == ["itu/pp/res/140"])
        #expect(corrected.citations.count == 1)
        #expect(throws: CorrectionError.notCited("Resolution 71")) {
            try source.applying(.removeCitation(paragraphID: "op_1__para_1", text: "Resolution 71"))
        }
        #expect(throws: CorrectionError.unknownParagraph("op_1__para_9")) {
            try source.applying(.removeCitation(paragraphID: "op_1__para_9", text: "E/2031/1/Add.2"))
        }
        #expect(Correction(kind: "uncite", blockID: nil, paragraphID: "op_1__para_1", addressee: nil, citation: "E/2031/1/Add.2")
                == .removeCitation(paragraphID: "op_1__para_1", text: "E/2031/1/Add.2"))
    }
}
