import Foundation

/// A program the tests drive as a user would (xmllint, promtool, LibreOffice, python3): found on
/// this machine or not, and run with its exit status and what it printed.
public enum ExternalProgram {
    /// The first of these paths that is an executable here.
    public static func find(_ paths: [String]) -> String? {
        paths.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs it (by path, or by name through `env`), with `input` on its standard input; waits for it.
    @discardableResult
    public static func run(_ program: String, _ arguments: [String], input: Data? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        if program.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let stdin = input.map { _ in Pipe() }
        if let stdin { process.standardInput = stdin } else { process.standardInput = FileHandle.nullDevice }
        try process.run()
        if let stdin, let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, said)
    }

    /// Whether it runs and exits 0.
    public static func succeeds(_ program: String, _ arguments: [String]) -> Bool {
        (try? run(program, arguments))?.status == 0
    }
}
