import Foundation
@testable import Review
@testable import Storage
import Testing

@Suite("How a search is written for each engine")
struct SearchSyntaxTests {
    @Test("a query becomes FTS5 MATCH syntax and a tsquery with every word quoted: nothing typed is read as an operator")
    func queries() throws {
        let query = try SearchQuery(parsing: #"digital "media literacy" educat* NEAR( AND * "unclosed words"#)
        #expect(query.fts5() == #""digital" AND "media literacy" AND "educat" * AND "near" AND "and" AND "unclosed words""#)
        #expect(query.fts5(column: "title") == #"{title} : ("digital" AND "media literacy" AND "educat" * AND "near" AND "and" AND "unclosed words")"#)
        #expect(query.tsquery() == "'digital' & 'media literacy' & 'educat':* & 'near' & 'and' & 'unclosed words'")
        #expect(try SearchQuery(parsing: #""a bb c" open-dat*"#).tsquery() == "('a bb' & 'bb c' & ('a' <-> 'bb' <-> 'c')) & ('open' <-> 'dat':*)",
                "a longer phrase is its pairs and, for their order, itself; a phrase ending in a prefix keeps <->")
    }

    @Test("PostgreSQL's word lists: positions by column, 100 apart, and each two neighbouring words of a column as a lexeme of their own")
    func tsvectorLiteral() {
        #expect(ActivityDocument.literal([["a", "b", "a", "b"], ["c"]], weights: ["A", "B"]) == "'a':1A,3A 'b':2A,4A 'c':105B 'a b' 'b a'")
        let long = ActivityDocument.literal([Array(repeating: "x", count: 300) + ["y"]], weights: [""])
        #expect(long.hasSuffix("'x x'"), "after its 255th position a word makes no pair: PostgreSQL's <-> would not see it")
    }
}
