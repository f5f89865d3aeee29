import Interpreter
import Lessons

/// Collects what `mathbook check` found: the text for the terminal, GitHub annotations, the JUnit
/// report, and the counts of passed and failed blocks.
struct CheckReport {
    let style: OutputStyle
    let githubActions: Bool
    private(set) var text = ""
    private(set) var passed = 0
    private(set) var failed = 0
    private(set) var junit = JUnitReport(suites: [])

    init(style: OutputStyle, githubActions: Bool) {
        self.style = style
        self.githubActions = githubActions
    }

    /// A lesson that could not be read counts as one failed block.
    mutating func lessonFailed(_ error: LessonError) {
        failed += 1
        text += Report.lessonError(error, style: style) + "\n"
        annotate(file: error.path, line: error.location.line, title: "Lesson error", message: error.message)
        junit.suites.append(JUnitReport.Suite(name: error.path, cases: [
            JUnitReport.Case(name: "lesson", className: className(error.path), file: error.path, line: error.location.line,
                             failure: JUnitReport.Failure(message: error.message, details: error.description), seconds: 0),
        ]))
    }

    /// The verdicts of one lesson's blocks; `outputsRewritten` when `--update` has just recorded
    /// the actual outputs (a differing output is then not a failure).
    mutating func add(_ check: LessonCheck, compiled: CompiledLessonResult?, outputsRewritten: Bool) {
        let lesson = check.lesson
        var cases: [JUnitReport.Case] = []
        // A lesson swiftc rejects fails at the block its first diagnostic points into.
        var rejection: (blockIndex: Int, line: Int, diagnostics: String)?
        if case let .rejected(line, diagnostics) = compiled {
            let blockIndex = check.blocks.first(where: { blockCheck in
                let fence = lesson.blocks[blockCheck.blockIndex].fence
                return (fence.openingLine...fence.closingLine).contains(line)
            })?.blockIndex ?? check.blocks.first?.blockIndex ?? 0
            rejection = (blockIndex, line, diagnostics)
        }
        for blockCheck in check.blocks {
            let block = lesson.blocks[blockCheck.blockIndex]
            let run = check.executed.run(ofBlock: blockCheck.blockIndex)
            var failure: (line: Int, title: String, printed: String, details: String)?
            switch blockCheck.verdict {
            case .passed:
                break
            case .outputDiffers where outputsRewritten:
                break
            case .unexpectedError:
                let diagnostics = (run?.diagnostics ?? []).map { Report.diagnostic($0, in: block, of: lesson, style: style) }
                let plain = (run?.diagnostics ?? []).map { Report.diagnostic($0, in: block, of: lesson, style: OutputStyle(colored: false)) }
                let line = run?.diagnostics.first.map { block.fileLocation(of: $0.location).line } ?? block.fence.openingLine
                failure = (line, "Error in a block", diagnostics.joined(separator: "\n"), plain.joined(separator: "\n"))
            case .missingError:
                let message = "the block is marked expect-error, but it ran without an error"
                failure = (block.fence.openingLine, "No error", Report.error(at: "\(lesson.path):\(block.fence.openingLine)", message, style: style), message)
            case .outputDiffers:
                let recorded = block.recordedOutput
                let line = recorded?.fence.openingLine ?? block.fence.openingLine
                let diff = UnifiedDiff.make(expected: recorded?.text ?? "", actual: blockCheck.actualText,
                                            expectedLabel: "recorded (\(lesson.path):\(line))", actualLabel: "actual")
                let message = "the output differs from the one recorded (update it with `mathbook check --update`)"
                failure = (line, "Output differs",
                           Report.error(at: "\(lesson.path):\(line)", message, style: style) + "\n" + Report.colorDiff(diff, style: style).trimmingTrailingNewline,
                           message + "\n" + diff)
            }
            if failure == nil, let rejection, rejection.blockIndex == blockCheck.blockIndex {
                let message = "swiftc rejects the lesson's code"
                let diagnostics = rejection.diagnostics.trimmingTrailingNewline
                failure = (rejection.line, "Compiled lesson",
                           Report.error(at: "\(lesson.path):\(rejection.line)", message, style: style) + "\n" + diagnostics,
                           message + "\n" + diagnostics)
            }
            if failure == nil, case let .checked(results)? = compiled,
               let result = results.first(where: { $0.blockIndex == blockCheck.blockIndex }) {
                switch result.verdict {
                case .matches:
                    break
                case let .differs(compiledOutput):
                    let diff = UnifiedDiff.make(expected: run?.output ?? "", actual: compiledOutput,
                                                expectedLabel: "Swift-math (\(lesson.path):\(block.fence.openingLine))", actualLabel: "swiftc")
                    let message = "compiled by swiftc, the block prints something else"
                    failure = (block.fence.openingLine, "Compiled output differs",
                               Report.error(at: "\(lesson.path):\(block.fence.openingLine)", message, style: style) + "\n" + Report.colorDiff(diff, style: style).trimmingTrailingNewline,
                               message + "\n" + diff)
                case let .stopped(reason):
                    let message = "compiled by swiftc, the program stops in this block: \(reason)"
                    failure = (block.fence.openingLine, "Compiled program stopped",
                               Report.error(at: "\(lesson.path):\(block.fence.openingLine)", message, style: style), message)
                case let .notReached(reason):
                    let message = "compiled by swiftc, the program stopped before this block: \(reason)"
                    failure = (block.fence.openingLine, "Compiled program stopped",
                               Report.error(at: "\(lesson.path):\(block.fence.openingLine)", message, style: style), message)
                }
            }
            let name = "block at line \(block.fence.openingLine)"
            if let failure {
                failed += 1
                text += failure.printed + "\n"
                annotate(file: lesson.path, line: failure.line, title: failure.title, message: failure.details)
                cases.append(JUnitReport.Case(name: name, className: className(lesson.path), file: lesson.path, line: failure.line,
                                              failure: JUnitReport.Failure(message: failure.title, details: failure.details), seconds: 0))
            } else {
                passed += 1
                cases.append(JUnitReport.Case(name: name, className: className(lesson.path), file: lesson.path,
                                              line: block.fence.openingLine, failure: nil, seconds: 0))
            }
        }
        junit.suites.append(JUnitReport.Suite(name: lesson.path, cases: cases))
    }

    /// A `::error …::` line for GitHub Actions, when running there.
    private mutating func annotate(file: String, line: Int, title: String, message: String) {
        guard githubActions else { return }
        text += GitHubAnnotation.error(file: file, line: line, title: title, message: message) + "\n"
    }

    /// `lessons/01-models.md` → `lessons.01-models`, as JUnit readers group cases.
    private func className(_ path: String) -> String {
        let withoutExtension = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
        return withoutExtension.split(separator: "/").filter { $0 != "." }.joined(separator: ".")
    }
}

extension String {
    /// The text without its final newline, if it has one.
    var trimmingTrailingNewline: String {
        hasSuffix("\n") ? String(dropLast()) : self
    }
}
