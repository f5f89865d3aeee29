import ArgumentParser
import Foundation
import MathbookCLI

@main
struct Mathbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mathbook",
        abstract: "A literate, notebook-style renderer for lessons about the mathematics of AI.",
        subcommands: [Run.self]
    )
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a Swift-math file and print its output.")

    @Argument(help: "The .swift file to run.")
    var file: String

    func run() throws {
        let result = RunCommand.run(path: file, style: .detect())
        FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
        FileHandle.standardError.write(Data(result.standardError.utf8))
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
