import Interpreter

/// A lesson: a Markdown file whose `swift-math` blocks run, in order, in one session.
///
/// ```swift
/// let lesson = try LessonParser.parse(contentsOf: url, displayPath: "lessons/01-models.md")
/// let executed = LessonRunner.run(lesson)
/// ```
public struct Lesson: Equatable, Sendable {
    /// The path used in messages (as the user gave it, or relative to the lessons folder).
    public var path: String
    /// The whole file, as text.
    public var source: String
    public var frontMatter: FrontMatter
    /// The front matter's title, or else the text of the first level-1 heading.
    public var title: String?
    /// Every fenced code block but the `output` blocks (which belong to the block before them).
    public var blocks: [CodeBlock]
    /// The headings, in order, for a table of contents.
    public var headings: [Heading]

    public init(path: String, source: String, frontMatter: FrontMatter, title: String?, blocks: [CodeBlock], headings: [Heading]) {
        self.path = path
        self.source = source
        self.frontMatter = frontMatter
        self.title = title
        self.blocks = blocks
        self.headings = headings
    }

    /// The blocks that run: `swift-math` blocks not marked `no-run`.
    public var runnableBlocks: [CodeBlock] { blocks.filter(\.isRunnable) }
}

/// What the YAML front matter says.
public struct FrontMatter: Equatable, Sendable {
    public var title: String?
    public var summary: String?
    /// The lesson's place in the course (lessons without one follow, by file name).
    public var order: Int?

    public init(title: String? = nil, summary: String? = nil, order: Int? = nil) {
        self.title = title
        self.summary = summary
        self.order = order
    }

    /// The keys a front matter may have.
    public static let keys = ["title", "summary", "order"]
}

/// A heading of the lesson.
public struct Heading: Equatable, Sendable {
    public var level: Int
    public var text: String
    public var line: Int
}

/// A fenced code block: its fences, its code, its options and the output recorded after it.
public struct CodeBlock: Equatable, Sendable {
    /// What the block's info string says it is.
    public enum Language: Equatable, Sendable {
        /// `swift-math`: code that runs.
        case swiftMath
        /// `swift`: shown, never run.
        case swift
        /// Anything else (or nothing): shown, never run.
        case other(String)
    }

    public var language: Language
    public var options: BlockOptions
    /// The code, as cmark reads it (the fence's indentation removed).
    public var code: String
    public var fence: Fence
    /// The output recorded for this block, if an `output` block follows it.
    public var recordedOutput: RecordedOutput?
    /// For each line of `code`, how many bytes of the file line come before it (the indentation
    /// cmark removed, or a list or quote marker), to point diagnostics at the file's column.
    public var columnOffsets: [Int]

    /// The line of the file on which the code starts.
    public var firstCodeLine: Int { fence.openingLine + 1 }

    /// Whether the block runs: a `swift-math` block not marked `no-run`.
    public var isRunnable: Bool { language == .swiftMath && !options.contains(.noRun) }

    /// Whether the block runs in a scope of its own: an exercise and its solution see the names
    /// declared before them but declare none for the blocks after them (so that the solution may
    /// redeclare what the exercise declared, in compiled Swift too).
    public var runsInOwnScope: Bool { options.contains(.exercise) || options.contains(.solution) }

    /// A location in the code (line and column from 1) as a location in the lesson file.
    public func fileLocation(of location: SourceLocation) -> SourceLocation {
        let offset = location.line >= 1 && location.line <= columnOffsets.count ? columnOffsets[location.line - 1] : 0
        return SourceLocation(line: location.line + firstCodeLine - 1, column: location.column + offset)
    }
}

/// The options of a `swift-math` block, written after the language in its info string.
public struct BlockOptions: OptionSet, Equatable, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Run it, show only its output.
    public static let hidden = BlockOptions(rawValue: 1 << 0)
    /// Run it, show only its code.
    public static let silent = BlockOptions(rawValue: 1 << 1)
    /// It must fail; its error is its output.
    public static let expectError = BlockOptions(rawValue: 1 << 2)
    /// Start a fresh session before it.
    public static let reset = BlockOptions(rawValue: 1 << 3)
    /// Show it, never run it.
    public static let noRun = BlockOptions(rawValue: 1 << 4)
    /// A starting point for the learner (it must run); a `solution` block follows it.
    public static let exercise = BlockOptions(rawValue: 1 << 5)
    /// The solution of the exercise before it: run and checked, shown folded.
    public static let solution = BlockOptions(rawValue: 1 << 6)

    /// Each option with the word that names it in an info string, in the order of the docs.
    public static let named: [(word: String, option: BlockOptions)] = [
        ("hidden", .hidden), ("silent", .silent), ("expect-error", .expectError), ("reset", .reset),
        ("no-run", .noRun), ("exercise", .exercise), ("solution", .solution),
    ]
}

/// Where a fenced block is in the file, and how its fences are written (for rewriting it).
public struct Fence: Equatable, Sendable {
    /// The line of the opening fence, from 1.
    public var openingLine: Int
    /// The line of the closing fence.
    public var closingLine: Int
    /// What comes before the fence on its line (spaces, or a list or quote marker's width in spaces).
    public var indentation: String
    /// "```" or "~~~", as long as written.
    public var marker: String
    /// The info string, as written after the opening fence.
    public var info: String

    /// A fence of `character` long enough that no run of it in `text` can close it.
    public static func marker(enclosing text: String, character: Character = "`", atLeast minimum: Int = 3) -> String {
        var longestRun = 0, run = 0
        for current in text {
            run = current == character ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        return String(repeating: character, count: max(minimum, longestRun + 1))
    }
}

/// The output recorded in an `output` block.
public struct RecordedOutput: Equatable, Sendable {
    /// The text, as written between the fences (each line ends with a newline).
    public var text: String
    /// `output tolerance=1e-9`: numbers compare within it, the rest exactly.
    public var tolerance: OutputTolerance?
    public var fence: Fence
}
