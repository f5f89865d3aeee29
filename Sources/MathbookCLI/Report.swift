import Interpreter
import Lessons

/// The text of what the lesson commands report: headers, errors and diffs, coloured or not.
enum Report {
    /// `── lessons/01.md:12 ──`, with the block's options when it has any.
    static func header(for block: CodeBlock, in lesson: Lesson, style: OutputStyle) -> String {
        let options = BlockOptions.named.filter { block.options.contains($0.option) }.map(\.word)
        let title = "\(lesson.path):\(block.fence.openingLine)" + (options.isEmpty ? "" : " (\(options.joined(separator: ", ")))")
        let line = "── \(title) " + String(repeating: "─", count: max(3, 60 - title.count))
        return (style.colored ? "\u{1B}[2m\(line)\u{1B}[0m" : line) + "\n"
    }

    /// A diagnostic of a block, pointing into the lesson file, with the file's line and a caret.
    static func diagnostic(_ diagnostic: Diagnostic, in block: CodeBlock, of lesson: Lesson, style: OutputStyle) -> String {
        var located = diagnostic
        located.location = block.fileLocation(of: diagnostic.location)
        return DiagnosticPrinter(colored: style.colored).format(located, fileName: lesson.path, source: lesson.source)
    }

    /// A lesson that could not be read, with its line and a caret.
    static func lessonError(_ error: LessonError, style: OutputStyle) -> String {
        let source = (try? String(contentsOfFile: error.path, encoding: .utf8)) ?? ""
        return DiagnosticPrinter(colored: style.colored).format(
            Diagnostic(.syntax, at: error.location, error.message), fileName: error.path, source: source)
    }

    /// `place: error: message`, in the style of the diagnostics.
    static func error(at place: String, _ message: String, style: OutputStyle) -> String {
        style.colored ? "\u{1B}[1m\(place):\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m \(message)" : "\(place): error: \(message)"
    }

    /// A unified diff, its removed lines red and its added lines green on a terminal.
    static func colorDiff(_ diff: String, style: OutputStyle) -> String {
        guard style.colored else { return diff }
        return diff.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("---") || line.hasPrefix("+++") { return "\u{1B}[1m\(line)\u{1B}[0m" }
            if line.hasPrefix("@@") { return "\u{1B}[36m\(line)\u{1B}[0m" }
            if line.hasPrefix("-") { return "\u{1B}[31m\(line)\u{1B}[0m" }
            if line.hasPrefix("+") { return "\u{1B}[32m\(line)\u{1B}[0m" }
            return String(line)
        }.joined(separator: "\n")
    }
}
