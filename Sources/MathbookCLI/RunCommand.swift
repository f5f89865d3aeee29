import Foundation
import Interpreter

/// What a command wrote and how it ended, so that commands can be tested without a process.
public struct CommandResult: Equatable, Sendable {
    public var standardOutput: String
    public var standardError: String
    /// 0 success, 1 an error in the code or the lessons, 2 a usage error.
    public var exitCode: Int32

    public init(standardOutput: String, standardError: String, exitCode: Int32) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitCode = exitCode
    }
}

/// How diagnostics are shown: coloured on a terminal unless `NO_COLOR` is set.
public struct OutputStyle: Sendable {
    public var colored: Bool

    public init(colored: Bool) {
        self.colored = colored
    }

    /// Colour when the output (standard error unless told) is a terminal and `NO_COLOR` is not set
    /// (https://no-color.org).
    public static func detect(
        environment: [String: String] = ProcessInfo.processInfo.environment, output: Int32 = STDERR_FILENO
    ) -> OutputStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return OutputStyle(colored: !noColor && isatty(output) == 1)
    }
}

/// `mathbook run FILE`: runs a Swift-math file and prints what it prints.
public enum RunCommand {
    public static func run(path: String, style: OutputStyle, limits: Limits = .standard) -> CommandResult {
        let url = URL(fileURLWithPath: path)
        guard url.pathExtension == "swift" else {
            return CommandResult(standardOutput: "", standardError: "error: \(path): expected a .swift file\n", exitCode: 2)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return CommandResult(standardOutput: "", standardError: "error: \(path): cannot read the file\n", exitCode: 2)
        }
        guard let source = String(data: data, encoding: .utf8) else {
            return CommandResult(standardOutput: "", standardError: "error: \(path): the file is not valid UTF-8\n", exitCode: 1)
        }
        let result = Session(limits: limits).run(source)
        let printer = DiagnosticPrinter(colored: style.colored)
        let errors = result.diagnostics.map { printer.format($0, fileName: path, source: source) + "\n" }.joined()
        return CommandResult(standardOutput: result.output, standardError: errors, exitCode: result.succeeded ? 0 : 1)
    }
}
