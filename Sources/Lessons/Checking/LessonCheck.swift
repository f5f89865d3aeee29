import Interpreter

/// How one runnable block fared against what its lesson says of it.
public struct BlockCheck: Equatable, Sendable {
    public enum Verdict: Equatable, Sendable {
        /// It ran as marked, and printed what was recorded (or nothing was recorded).
        case passed
        /// It failed, and it is not marked `expect-error`.
        case unexpectedError
        /// It is marked `expect-error`, and it ran without one.
        case missingError
        /// It printed something other than its recorded output.
        case outputDiffers
    }

    /// The block's index in `Lesson.blocks`.
    public var blockIndex: Int
    public var verdict: Verdict
    /// The block's output as an `output` block records it: the printed text, then the errors
    /// (without the file's path), each line ending with a newline.
    public var actualText: String

    public var passed: Bool { verdict == .passed }
}

/// A lesson checked: each runnable block's verdict, in order.
public struct LessonCheck: Equatable, Sendable {
    public var executed: ExecutedLesson
    public var blocks: [BlockCheck]

    public var lesson: Lesson { executed.lesson }
    public var passedCount: Int { blocks.count(where: \.passed) }
    public var failedCount: Int { blocks.count(where: { !$0.passed }) }

    /// Compares each block's run with what the lesson records of it.
    public init(_ executed: ExecutedLesson) {
        self.executed = executed
        blocks = executed.runs.map { run in
            let block = executed.lesson.blocks[run.blockIndex]
            let actual = RecordedText.of(run, code: block.code)
            let verdict: BlockCheck.Verdict
            if block.options.contains(.expectError) && run.succeeded {
                verdict = .missingError
            } else if !block.options.contains(.expectError) && !run.succeeded {
                verdict = .unexpectedError
            } else if let recorded = block.recordedOutput,
                      !OutputComparison.matches(recorded: recorded.text, actual: actual, tolerance: recorded.tolerance) {
                verdict = .outputDiffers
            } else {
                verdict = .passed
            }
            return BlockCheck(blockIndex: run.blockIndex, verdict: verdict, actualText: actual)
        }
    }
}

/// The text an `output` block records for a run.
public enum RecordedText {
    /// What `run` printed, then its errors as `line:column: error: message`, the code's line and a
    /// caret, in the block's own lines (so that moving the block or its lesson changes nothing);
    /// every line ends with a newline, as every line of a fenced block does.
    public static func of(_ run: BlockRun, code: String) -> String {
        var text = run.output
        if !run.diagnostics.isEmpty {
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            let printer = DiagnosticPrinter(colored: false)
            for diagnostic in run.diagnostics {
                text += printer.format(diagnostic, fileName: nil, source: code) + "\n"
            }
        }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        return text
    }
}
