import Foundation
import Interpreter
import Lessons

/// What `mathbook check` is asked to do.
public struct CheckOptions: Sendable {
    /// Lesson files and folders (folders are searched for `.md` files).
    public var paths: [String]
    /// Rewrite the recorded outputs with the actual ones.
    public var update: Bool
    /// Also compile each lesson with `swiftc` and compare what it prints.
    public var compiled: Bool
    /// Where to write a JUnit XML report, if anywhere.
    public var junitPath: String?
    /// Where MathCore's sources are, for `compiled` (found from the current folder when nil).
    public var sourcesRoot: String?
    public var limits: Limits

    public init(paths: [String] = ["lessons"], update: Bool = false, compiled: Bool = false, junitPath: String? = nil,
                sourcesRoot: String? = nil, limits: Limits = .standard) {
        self.paths = paths
        self.update = update
        self.compiled = compiled
        self.junitPath = junitPath
        self.sourcesRoot = sourcesRoot
        self.limits = limits
    }
}

/// `mathbook check [PATH…]`: runs every lesson, compares each block with its recorded output, and
/// reports each mismatch with a unified diff; `--update` records the actual outputs instead.
public enum CheckCommand {
    public static func run(
        _ options: CheckOptions, style: OutputStyle,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> CommandResult {
        let files: [String]
        do {
            files = try LessonFiles.find(options.paths)
        } catch {
            return CommandResult(standardOutput: "", standardError: "error: \(error.path): no such file or folder\n", exitCode: 2)
        }
        var report = CheckReport(style: style, githubActions: environment["GITHUB_ACTIONS"] == "true")

        // Read every lesson; one that cannot be read is a failure, and the others still run.
        var lessons: [Lesson] = []
        var unreadable: [Int: LessonError] = [:]
        for (position, file) in files.enumerated() {
            do {
                lessons.append(try LessonParser.parse(contentsOf: URL(fileURLWithPath: file), path: file))
            } catch {
                unreadable[position] = error
            }
        }
        let checks = LessonRunner.run(lessons, limits: options.limits).map(LessonCheck.init)

        var compiledResults: [CompiledLessonResult?] = Array(repeating: nil, count: checks.count)
        if options.compiled {
            switch CompiledCheck.prepare(sourcesRoot: options.sourcesRoot.map { URL(fileURLWithPath: $0) }) {
            case let .success(compiler):
                compiledResults = compiler.check(checks.map(\.executed))
                compiler.removeWorkFolder()
            case let .failure(error):
                return CommandResult(standardOutput: "", standardError: "error: \(error)\n", exitCode: 2)
            }
        }

        // Report in the order of the files, whichever finished first.
        var updatedBlocks = 0, updatedLessons = 0
        var nextCheck = 0
        for position in files.indices {
            if let error = unreadable[position] {
                report.lessonFailed(error)
                continue
            }
            let check = checks[nextCheck]
            let compiled = compiledResults[nextCheck]
            nextCheck += 1
            var outputsRewritten = false
            if options.update, let (source, changed) = OutputUpdater.updatedSource(of: check) {
                do {
                    try LessonFiles.writeAtomically(source, to: check.lesson.path)
                    updatedBlocks += changed
                    updatedLessons += 1
                    outputsRewritten = true
                } catch {
                    report.lessonFailed(LessonError(path: check.lesson.path, line: 1, "cannot write the updated lesson: \(error.localizedDescription)"))
                }
            }
            report.add(check, compiled: compiled, outputsRewritten: outputsRewritten)
        }
        var standardOutput = report.text
        if options.update {
            standardOutput += "updated \(updatedBlocks) output\(updatedBlocks == 1 ? "" : "s") in \(updatedLessons) lesson\(updatedLessons == 1 ? "" : "s")\n"
        }
        standardOutput += "\(report.passed) passed, \(report.failed) failed\n"
        if let junitPath = options.junitPath {
            do {
                try LessonFiles.writeAtomically(report.junit.xml(), to: junitPath)
            } catch {
                return CommandResult(standardOutput: standardOutput, standardError: "error: \(junitPath): cannot write the JUnit report\n", exitCode: 2)
            }
        }
        return CommandResult(standardOutput: standardOutput, standardError: "", exitCode: report.failed > 0 ? 1 : 0)
    }
}
