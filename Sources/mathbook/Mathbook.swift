import ArgumentParser
import Foundation
import Interpreter
import MathCore
import MathbookCLI
import Site

@main
struct Mathbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mathbook",
        abstract: "A literate, notebook-style renderer for lessons about the mathematics of AI.",
        subcommands: [Build.self, Serve.self, Run.self, Check.self]
    )

    static func main() async {
        // OpenBLAS's threads would busy-wait through the first 0.1 s of every command.
        BLAS.stopIdleThreads()
        await main(nil)
    }
}

/// Options shared by the commands that run code.
struct RunLimits: ParsableArguments {
    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds each block (or file) may run.", valueName: "seconds"))
    var timeLimit: Double = 5

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    var limits: Limits {
        var limits = Limits.standard
        limits.timeLimit = .milliseconds(Int64(timeLimit * 1000))
        return limits
    }
}

/// The folders `build` and `serve` read and write.
struct SiteFolders: ParsableArguments {
    @Option(help: ArgumentHelp("The folder of the lessons and course.yml.", valueName: "folder"))
    var lessons = "lessons"

    @Option(help: ArgumentHelp("Where the site goes (replaced as a whole, atomically).", valueName: "folder"))
    var output = "site"

    @Option(help: ArgumentHelp("The course's templates, overriding the built-in theme file by file.", valueName: "folder"))
    var templates = "templates"
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Swift-math file, or every block of a lesson, and print the output.")

    @Argument(help: "A .swift file, or a lesson (.md).")
    var file: String

    @OptionGroup var runLimits: RunLimits

    func run() throws {
        let result = file.hasSuffix(".md")
            ? LessonRunCommand.run(path: file, style: .detect(output: STDOUT_FILENO), limits: runLimits.limits)
            : RunCommand.run(path: file, style: .detect(), limits: runLimits.limits)
        write(result)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every lesson and compare each block's output with the one recorded in the lesson.")

    @Argument(help: "Lessons, or folders of lessons.")
    var paths: [String] = ["lessons"]

    @Flag(help: "Record the actual outputs in the lessons instead of comparing them.")
    var update = false

    @Flag(help: "Also compile each lesson with swiftc against MathCore and compare what it prints.")
    var compiled = false

    @Option(help: ArgumentHelp("Write a JUnit XML report.", valueName: "file"))
    var junit: String?

    @Option(help: ArgumentHelp("The Mathbook package folder holding MathCore's sources (for --compiled).", valueName: "folder"))
    var sources: String?

    @OptionGroup var runLimits: RunLimits

    func run() throws {
        let options = CheckOptions(paths: paths, update: update, compiled: compiled, junitPath: junit,
                                   sourcesRoot: sources, limits: runLimits.limits)
        write(CheckCommand.run(options, style: .detect(output: STDOUT_FILENO)))
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the course site from the lessons: one page per lesson, an index, search.")

    @OptionGroup var folders: SiteFolders

    @Flag(help: "Build even when blocks fail, showing their errors on the pages.")
    var keepGoing = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup var runLimits: RunLimits

    func run() throws {
        let options = BuildOptions(lessonsFolder: folders.lessons, outputFolder: folders.output, templatesFolder: folders.templates,
                                   keepGoing: keepGoing, limits: runLimits.limits)
        let style = OutputStyle.detect(output: STDOUT_FILENO)
        let result = BuildCommand.run(options, quiet: quiet, style: style) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        write(result)
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on 127.0.0.1, and rebuild and reload the page when a lesson or template changes.")

    @OptionGroup var folders: SiteFolders

    @Option(help: "The port to listen on.")
    var port: UInt16 = 8000

    @OptionGroup var runLimits: RunLimits

    func run() async throws {
        let options = BuildOptions(lessonsFolder: folders.lessons, outputFolder: folders.output, templatesFolder: folders.templates,
                                   limits: runLimits.limits)
        let server = DevServer(options: options, port: port) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        try await server.run()
    }
}

/// Prints a command's output and ends with its exit code.
func write(_ result: CommandResult) {
    FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
    FileHandle.standardError.write(Data(result.standardError.utf8))
    if result.exitCode != 0 { Mathbook.exit(withError: ExitCode(result.exitCode)) }
}
