import Foundation
import Interpreter
import Lessons

/// `mathbook run LESSON.md`: runs a lesson and prints, block by block, a header with the block's
/// line, what it printed (figures in their text form) and its errors.
public enum LessonRunCommand {
    public static func run(path: String, style: OutputStyle, limits: Limits = .standard) -> CommandResult {
        guard FileManager.default.fileExists(atPath: path) else {
            return CommandResult(standardOutput: "", standardError: "error: \(path): no such file\n", exitCode: 2)
        }
        let lesson: Lesson
        do {
            lesson = try LessonParser.parse(contentsOf: URL(fileURLWithPath: path), path: path)
        } catch {
            return CommandResult(standardOutput: "", standardError: Report.lessonError(error, style: style) + "\n", exitCode: 1)
        }
        let check = LessonCheck(LessonRunner.run(lesson, limits: limits))
        var output = ""
        for (run, blockCheck) in zip(check.executed.runs, check.blocks) {
            let block = lesson.blocks[run.blockIndex]
            output += Report.header(for: block, in: lesson, style: style)
            output += run.output
            if !run.output.isEmpty && !run.output.hasSuffix("\n") { output += "\n" }
            for diagnostic in run.diagnostics {
                output += Report.diagnostic(diagnostic, in: block, of: lesson, style: style) + "\n"
            }
            if blockCheck.verdict == .missingError {
                output += Report.error(at: "\(lesson.path):\(block.fence.openingLine)",
                                       "the block is marked expect-error, but it ran without an error", style: style) + "\n"
            }
        }
        let failed = check.blocks.contains { $0.verdict == .unexpectedError || $0.verdict == .missingError }
        return CommandResult(standardOutput: output, standardError: "", exitCode: failed ? 1 : 0)
    }
}
