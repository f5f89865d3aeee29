import Foundation
import Interpreter
@testable import Lessons
import Testing

@Suite("Lesson parser")
struct LessonParserTests {
    @Test func frontMatterBlocksOptionsAndRecordedOutputsAreRead() throws {
        let lesson = try FixtureLessons.parse("good/options.md")
        #expect(lesson.frontMatter == FrontMatter(title: "Every option", summary: "A lesson that uses each block option once.", order: 1))
        #expect(lesson.title == "Every option")
        #expect(lesson.headings == [Heading(level: 1, text: "Not the title", line: 7)])

        let swiftMath = lesson.blocks.filter { $0.language == .swiftMath }
        #expect(swiftMath.map(\.options) == [[], .hidden, .silent, [], .expectError, .noRun, .exercise, .solution, [], .reset])
        #expect(lesson.blocks.contains { $0.language == .swift && $0.code == "print(\"shown, not run\")\n" })
        #expect(lesson.runnableBlocks.count == 9)

        let first = try #require(swiftMath.first)
        #expect(first.fence.openingLine == 11 && first.fence.closingLine == 16 && first.firstCodeLine == 12)
        #expect(first.code.hasPrefix("let weights: [Double] = [0.5, -1.25, 2.0]\n"))
        #expect(first.recordedOutput?.text == "total: 1.25\n")
        #expect(first.recordedOutput?.fence.openingLine == 18)

        let tolerant = swiftMath[3]
        #expect(tolerant.recordedOutput?.tolerance == OutputTolerance(relative: 1e-12))
        #expect(tolerant.recordedOutput?.fence.info == "output tolerance=1e-12")
        #expect(swiftMath[2].recordedOutput == nil)
    }

    @Test func withoutFrontMatterTheTitleIsTheFirstLevelOneHeading() throws {
        let lesson = try LessonParser.parse(source: "Intro.\n\n## Second level\n\n# Vectors *and* `arrays`\n\n# Later\n", path: "a.md")
        #expect(lesson.frontMatter == FrontMatter())
        #expect(lesson.title == "Vectors and arrays")
        #expect(lesson.headings.map(\.line) == [3, 5, 7])
    }

    @Test func blocksInListsKnowTheColumnsTheirIndentationTakes() throws {
        let lesson = try FixtureLessons.parse("good/mapping.md")
        let block = lesson.blocks[1]
        #expect(block.options == .expectError)
        #expect(block.code == "let row = grid[1]\nprint(row)\nlet cell = row[7]\n")
        #expect(block.fence.indentation == "   ")
        #expect(block.fileLocation(of: SourceLocation(line: 3, column: 12)) == SourceLocation(line: 16, column: 15))
        #expect(block.recordedOutput?.text.hasPrefix("[3, 4]\n3:12: error: index out of range\n") == true)
    }

    @Test func theFrontMatterKeepsTheLineNumbersOfTheRest() throws {
        let lesson = try LessonParser.parse(source: "---\ntitle: T\n---\n```swift-math\nprint(1)\n```\n", path: "a.md")
        #expect(lesson.blocks.first?.fence.openingLine == 4)
        #expect(lesson.title == "T")
    }

    @Test func infoStringsOtherThanSwiftMathAreShownNeverRun() throws {
        let lesson = try LessonParser.parse(source: "```python\nprint(1)\n```\n\n```\nplain\n```\n\n    indented\n", path: "a.md")
        #expect(lesson.blocks.map(\.language) == [.other("python"), .other("")])
        #expect(lesson.runnableBlocks.isEmpty)
    }

    // MARK: - Bad input: each one a clear error naming the file, the line and the column

    @Test(arguments: [
        ("bad/unclosed-fence.md", "bad/unclosed-fence.md:9:1: error: the code fence opened here is never closed (a closing ```` is missing)"),
        ("bad/unknown-option.md", "bad/unknown-option.md:3:22: error: unknown block option 'hiden' (known: hidden, silent, expect-error, reset, no-run, exercise, solution)"),
        ("bad/orphan-output.md", "bad/orphan-output.md:5:1: error: an output block must come directly after a swift-math code block"),
        ("bad/unknown-front-matter-key.md", "bad/unknown-front-matter-key.md:3:1: error: unknown front matter key 'sumary' (known: title, summary, order)"),
    ])
    func badLessonsAreErrorsAtTheirLine(file: String, message: String) throws {
        #expect(throws: Never.self) { try FixtureLessons.data(file) }
        do {
            _ = try FixtureLessons.parse(file)
            Issue.record("\(file) parsed without an error")
        } catch let error as LessonError {
            #expect(error.description == message)
        } catch {
            Issue.record("\(file): \(error)")
        }
    }

    @Test func aLessonThatIsNotUTF8IsAnErrorAtTheFirstBadByte() {
        var data = Data("# Title\n\nCaf".utf8)
        data.append(contentsOf: [0xE9, 0x20])
        data.append(contentsOf: Data(" au lait\n".utf8))
        #expect(throws: LessonError(path: "x.md", line: 3, column: 4, "the lesson is not valid UTF-8")) {
            try LessonParser.parse(data: data, path: "x.md")
        }
    }

    @Test(arguments: [
        ("```swift-math hidden silent\nx\n```\n", "a.md:1:1: error: the options 'hidden' and 'silent' cannot be combined"),
        ("```swift-math reset reset\nx\n```\n", "a.md:1:21: error: the option 'reset' is given twice"),
        ("```swift-math exercise\nx\n```\n", "a.md:1:1: error: an exercise block must be followed by its solution block (swift-math solution)"),
        ("```swift-math\nx\n```\n\n```swift-math solution\ny\n```\n", "a.md:5:1: error: a solution block must come right after its exercise block (swift-math exercise)"),
        ("```swift\nx\n```\n\n```output\n1\n```\n", "a.md:5:1: error: this output block follows a block that never runs (only swift-math blocks run)"),
        ("```swift-math no-run\nx\n```\n\n```output\n1\n```\n", "a.md:5:1: error: this output block follows a no-run block, which never runs"),
        ("```swift-math\nx\n```\n```output\n1\n```\n```output\n1\n```\n", "a.md:7:1: error: an output block must come directly after a swift-math code block"),
        ("```swift-math\nx\n```\n\n```output tolerance=big\n1\n```\n", "a.md:5:1: error: "),
        ("---\ntitle: [a, b]\n---\n", "a.md:2:8: error: 'title' must be a single value, not a list or a mapping"),
        ("---\norder: first\n---\n", "a.md:2:8: error: 'order' must be a whole number, not 'first'"),
        ("---\ntitle: T\n", "a.md:1:1: error: the front matter opened on line 1 is never closed (a line '---' is missing)"),
        ("---\ntitle: \"T\n---\n", "a.md:2:10: error: the front matter is not valid YAML: found unexpected end of stream"),
        ("- a\n\n  ```swift-math\n  x\n", "a.md:3:3: error: the code fence opened here is never closed (a closing ``` is missing)"),
    ])
    func malformedLessonsAreErrors(source: String, message: String) {
        do {
            _ = try LessonParser.parse(source: source, path: "a.md")
            Issue.record("parsed without an error:\n\(source)")
        } catch {
            #expect(error.description.hasPrefix(message), "got: \(error.description)")
        }
    }
}

/// The lessons under Tests/LessonsTests/Lessons.
enum FixtureLessons {
    static var folder: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Lessons", withExtension: nil))
        }
    }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    static func parse(_ name: String) throws -> Lesson {
        try LessonParser.parse(data: data(name), path: name)
    }

    /// A copy of the fixture lessons in a new temporary folder (for the commands that write).
    static func copy() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.copyItem(at: folder, to: target)
        return target
    }
}
