// Parser benchmark, built optimized by scripts/bench-parser.sh (not part of the test suite).
// Prints the median time to parse the founding document, and the parser's throughput over a
// large concatenated corpus against a bare line split of the same bytes, measured in one run.
import Foundation

@main
struct ParserBench {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3 else {
            print("usage: parser-bench FOUNDING_DOCUMENT CORPUS_FILE...")
            exit(2)
        }
        let founding = try String(contentsOfFile: arguments[1], encoding: .utf8)
        let parser = ResolutionParser()
        _ = try parser.parse(founding)  // warm up

        var samples: [Double] = []
        for _ in 0..<200 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try parser.parse(founding)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        samples.sort()
        print(String(format: "founding document (%d bytes): median %.3f ms, p90 %.3f ms, min %.3f ms over %d runs",
                     founding.utf8.count, samples[samples.count / 2], samples[samples.count * 9 / 10], samples[0], samples.count))

        // Throughput: every resolution file of the corpus, each parsed as a document, repeated to a few megabytes.
        var documents: [String] = []
        for path in arguments.dropFirst(2) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            if (try? parser.parse(text)) != nil { documents.append(text) }
        }
        var corpus: [String] = []
        var bytes = 0
        while bytes < 4 * 1_048_576, !documents.isEmpty {
            for document in documents {
                corpus.append(document)
                bytes += document.utf8.count
            }
        }
        var start = DispatchTime.now().uptimeNanoseconds
        var paragraphs = 0
        for document in corpus { paragraphs += try parser.parse(document).allParagraphs.count }
        let parseSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

        start = DispatchTime.now().uptimeNanoseconds
        var lines = 0
        for document in corpus { lines += document.split(separator: "\n", omittingEmptySubsequences: false).count }
        let splitSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

        let megabytes = Double(bytes) / 1_048_576
        print(String(format: "corpus %.1f MB (%d documents, %d paragraphs): parser %.2f MB/s, bare line split %.2f MB/s (%d lines); ratio 1/%.1f",
                     megabytes, corpus.count, paragraphs, megabytes / parseSeconds, megabytes / splitSeconds, lines, parseSeconds / splitSeconds))
    }
}
