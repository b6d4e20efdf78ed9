// libFuzzer entry point for the text parser: any bytes, read as text, must give a resolution or
// a ReadingError — never a crash, a hang or unbounded memory. Built by scripts/fuzz-parser.sh.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let text = String(decoding: data, as: UTF8.self)
    do {
        let resolution = try ResolutionParser().parse(text)
        _ = AkomaNtoso.render(resolution)
        _ = PlainText.render(resolution)
    } catch is ReadingError {
        // A clear refusal is a right answer.
    } catch {
        fatalError("unexpected error kind: \(error)")
    }
    return 0
}
