import Foundation
import Interpreter

/// Reads a lesson file: front matter, code blocks with their options and recorded outputs, and
/// headings, every one with its place in the file. Bad input is a `LessonError` naming the line.
public enum LessonParser {
    /// Reads and parses the file at `url`; `path` is how messages name it.
    public static func parse(contentsOf url: URL, path: String) throws(LessonError) -> Lesson {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LessonError(path: path, line: 1, "cannot read the file")
        }
        return try parse(data: data, path: path)
    }

    /// Parses a lesson from the bytes of its file.
    public static func parse(data: Data, path: String) throws(LessonError) -> Lesson {
        guard let source = String(validating: data, as: UTF8.self) else {
            throw LessonError(path: path, location: firstInvalidUTF8(in: data), message: "the lesson is not valid UTF-8")
        }
        return try parse(source: source, path: path)
    }

    /// Parses a lesson from its text.
    public static func parse(source: String, path: String) throws(LessonError) -> Lesson {
        let lines = SourceLines(source)
        let (frontMatter, body) = try FrontMatterReader.read(lines: lines, path: path)
        var reader = BlockReader(lines: lines, path: path)
        for block in Markdown.blocks(in: body) {
            try reader.add(block)
        }
        try reader.checkExercises()
        let title = frontMatter.title ?? reader.headings.first(where: { $0.level == 1 })?.text
        return Lesson(path: path, source: source, frontMatter: frontMatter, title: title,
                      blocks: reader.codeBlocks, headings: reader.headings)
    }

    /// The line and column of the first byte that is not part of valid UTF-8.
    static func firstInvalidUTF8(in data: Data) -> SourceLocation {
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += UTF8.width(scalar)
                }
            case .emptyInput, .error:
                return SourceLocation(line: line, column: column)
            }
        }
    }
}

/// The lines of a file, without their line endings, for looking at fences as written.
struct SourceLines {
    let lines: [Substring]

    init(_ source: String) {
        // Split on the byte: in a Swift string "\r\n" is one character, which "\n" never equals.
        lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { bytes in
            let line = Substring(bytes)
            return line.utf8.last == UInt8(ascii: "\r") ? Substring(line.utf8.dropLast()) : line
        }
    }

    /// Line `number`, counted from 1 ("" past the end).
    subscript(number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    var count: Int { lines.count }
}

/// Turns cmark's blocks into code blocks and headings, checking each against the lesson format.
private struct BlockReader {
    let lines: SourceLines
    let path: String
    var codeBlocks: [CodeBlock] = []
    var headings: [Heading] = []
    /// For each Markdown block that became a code block, the code block's index.
    var codeBlockOfMarkdownBlock: [Int: Int] = [:]
    var markdownIndex = -1

    init(lines: SourceLines, path: String) {
        self.lines = lines
        self.path = path
    }

    mutating func add(_ block: MarkdownBlock) throws(LessonError) {
        markdownIndex += 1
        switch block.kind {
        case let .heading(level, text):
            headings.append(Heading(level: level, text: text, line: block.startLine))
        case let .fencedCode(info, literal):
            guard let fence = try fence(of: block, info: info) else { return }
            let words = info.split(whereSeparator: \.isWhitespace)
            if words.first == "output" {
                try attachOutput(literal, words: words.dropFirst(), fence: fence, previous: block.previousSibling)
            } else {
                try addCode(literal, words: words, fence: fence)
            }
        case .indentedCode, .other:
            break
        }
    }

    /// The fences of a fenced block as written, or nil for an indented code block; an opening
    /// fence that is never closed is an error.
    func fence(of block: MarkdownBlock, info: String) throws(LessonError) -> Fence? {
        let opening = lines[block.startLine]
        let start = opening.utf8.index(opening.utf8.startIndex, offsetBy: block.startColumn - 1, limitedBy: opening.utf8.endIndex) ?? opening.utf8.endIndex
        let rest = opening[start...]
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let marker = String(rest.prefix(while: { $0 == character }))
        guard marker.count >= 3 else { return nil }

        // cmark ends an unclosed block at the end of its container; its last line is then not a fence.
        let closing = lines[block.endLine]
        let trimmed = closing.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()
        let run = trimmed.reversed().prefix(while: { $0 == character }).count
        let before = trimmed.dropLast(run)
        let closes = block.endLine > block.startLine && run >= marker.count
            && before.allSatisfy { $0 == " " || $0 == "\t" || $0 == ">" }
        guard closes else {
            throw LessonError(path: path, line: block.startLine, column: block.startColumn,
                              "the code fence opened here is never closed (a closing \(marker) is missing)")
        }
        return Fence(openingLine: block.startLine, closingLine: block.endLine, indentation: String(before),
                     marker: marker, info: info)
    }

    /// A code block (`swift-math` with its options, `swift`, or another language).
    mutating func addCode(_ code: String, words: [Substring], fence: Fence) throws(LessonError) {
        let language: CodeBlock.Language
        var options: BlockOptions = []
        switch words.first {
        case "swift-math":
            language = .swiftMath
            for (position, word) in words.enumerated().dropFirst() {
                guard let option = BlockOptions.named.first(where: { $0.word == word })?.option else {
                    let known = BlockOptions.named.map(\.word).joined(separator: ", ")
                    throw error(at: fence, word: position, "unknown block option '\(word)' (known: \(known))")
                }
                if options.contains(option) {
                    throw error(at: fence, word: position, "the option '\(word)' is given twice")
                }
                options.insert(option)
            }
            try checkCombination(options, fence: fence)
        case "swift":
            language = .swift
        default:
            language = .other(words.first.map(String.init) ?? "")
        }
        let codeLines = code.split(separator: "\n", omittingEmptySubsequences: false)
        let offsets = codeLines.indices.map { index -> Int in
            let fileLine = lines[fence.openingLine + 1 + index]
            return max(0, fileLine.utf8.count - codeLines[index].utf8.count)
        }
        codeBlockOfMarkdownBlock[markdownIndex] = codeBlocks.count
        codeBlocks.append(CodeBlock(language: language, options: options, code: code, fence: fence,
                                    recordedOutput: nil, columnOffsets: offsets))
    }

    /// Options that contradict each other are an error, not a guess.
    func checkCombination(_ options: BlockOptions, fence: Fence) throws(LessonError) {
        let exclusive: [(BlockOptions, BlockOptions)] = [
            (.hidden, .silent), (.exercise, .solution), (.expectError, .exercise), (.expectError, .solution),
            (.noRun, .hidden), (.noRun, .silent), (.noRun, .expectError), (.noRun, .reset), (.noRun, .exercise), (.noRun, .solution),
        ]
        for (first, second) in exclusive where options.isSuperset(of: first.union(second)) {
            let names = [first, second].map { option in BlockOptions.named.first(where: { $0.option == option })?.word ?? "" }
            throw LessonError(path: path, line: fence.openingLine, column: column(of: fence),
                              "the options '\(names[0])' and '\(names[1])' cannot be combined")
        }
    }

    /// An `output` block: the recorded output of the `swift-math` block just before it.
    mutating func attachOutput(_ text: String, words: ArraySlice<Substring>, fence: Fence, previous: Int?) throws(LessonError) {
        guard let previous, let index = codeBlockOfMarkdownBlock[previous] else {
            throw LessonError(path: path, line: fence.openingLine, column: column(of: fence),
                              "an output block must come directly after a swift-math code block")
        }
        let owner = codeBlocks[index]
        guard owner.isRunnable else {
            let what = owner.language == .swiftMath ? "a no-run block, which never runs" : "a block that never runs (only swift-math blocks run)"
            throw LessonError(path: path, line: fence.openingLine, column: column(of: fence),
                              "this output block follows \(what)")
        }
        if let existing = owner.recordedOutput {
            throw LessonError(path: path, line: fence.openingLine, column: column(of: fence),
                              "the block already has an output block (on line \(existing.fence.openingLine))")
        }
        let tolerance: OutputTolerance?
        do {
            tolerance = try OutputComparison.parseOptions(Array(words))
        } catch {
            throw LessonError(path: path, line: fence.openingLine, column: column(of: fence), error.message)
        }
        codeBlocks[index].recordedOutput = RecordedOutput(text: text, tolerance: tolerance, fence: fence)
    }

    /// Every exercise is followed by its solution, and every solution follows an exercise.
    func checkExercises() throws(LessonError) {
        let runnable = codeBlocks.filter { $0.language == .swiftMath }
        for (index, block) in runnable.enumerated() {
            let next = index + 1 < runnable.count ? runnable[index + 1] : nil
            let previous = index > 0 ? runnable[index - 1] : nil
            if block.options.contains(.exercise), next?.options.contains(.solution) != true {
                throw LessonError(path: path, line: block.fence.openingLine, column: column(of: block.fence),
                                  "an exercise block must be followed by its solution block (swift-math solution)")
            }
            if block.options.contains(.solution), previous?.options.contains(.exercise) != true {
                throw LessonError(path: path, line: block.fence.openingLine, column: column(of: block.fence),
                                  "a solution block must come right after its exercise block (swift-math exercise)")
            }
        }
    }

    /// The column of a fence's first character.
    func column(of fence: Fence) -> Int {
        let line = lines[fence.openingLine]
        guard let range = line.range(of: fence.marker) else { return 1 }
        return line.utf8.distance(from: line.utf8.startIndex, to: range.lowerBound) + 1
    }

    /// An error pointing at word number `word` (from 0) of the info string of `fence`.
    func error(at fence: Fence, word: Int, _ message: String) -> LessonError {
        let line = lines[fence.openingLine]
        let info = line[(line.range(of: fence.marker)?.upperBound ?? line.startIndex)...]
        var column = 1
        var index = 0
        var position = info.startIndex
        while position < info.endIndex {
            guard let start = info[position...].firstIndex(where: { $0 != " " && $0 != "\t" }) else { break }
            if index == word {
                column = line.utf8.distance(from: line.utf8.startIndex, to: start) + 1
                break
            }
            position = info[start...].firstIndex(where: { $0 == " " || $0 == "\t" }) ?? info.endIndex
            index += 1
        }
        return LessonError(path: path, line: fence.openingLine, column: column, message)
    }
}
