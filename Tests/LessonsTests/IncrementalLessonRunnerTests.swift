import Foundation
import Interpreter
@testable import Lessons
import Testing

@Suite("Incremental runs")
struct IncrementalLessonRunnerTests {
    /// A lesson of `blocks`, each a swift-math block.
    func lesson(_ blocks: [String], prose: String = "Text.") -> Lesson {
        let source = "# L\n\n" + prose + "\n\n" + blocks.map { "```swift-math\n\($0)\n```\n" }.joined(separator: "\nMore text.\n\n")
        return try! LessonParser.parse(source: source, path: "l.md")
    }

    /// The outputs of a run from scratch, for comparison.
    func fresh(_ lesson: Lesson) -> [String] {
        LessonRunner.run(lesson).runs.map(\.output)
    }

    @Test func editingBlockKResumesFromTheSnapshotBeforeIt() {
        let runner = IncrementalLessonRunner()
        // The first block counts its own runs in a top-level variable: if it ran again, the count would show it.
        let blocks = ["var runs = 0\nruns += 1\nvar total = 10", "total += 5\nprint(total, runs)", "func twice(_ x: Int) -> Int { 2 * x }\nprint(twice(total))"]
        let first = runner.run(lesson(blocks))
        #expect(first.resumedAt == 0)
        #expect(first.executed.runs.map(\.output) == ["", "15 1\n", "30\n"])

        var edited = blocks
        edited[2] = "func twice(_ x: Int) -> Int { 2 * x }\nprint(twice(total) + runs)"
        let second = runner.run(lesson(edited))
        #expect(second.resumedAt == 2)
        #expect(second.executed.runs.map(\.output) == ["", "15 1\n", "31\n"])
        #expect(second.executed.runs.map(\.output) == fresh(lesson(edited)))

        edited[1] = "total += 100\nprint(total, runs)"
        let third = runner.run(lesson(edited))
        #expect(third.resumedAt == 1)
        #expect(third.executed.runs.map(\.output) == ["", "110 1\n", "221\n"])
        #expect(third.executed.runs.map(\.output) == fresh(lesson(edited)))
    }

    @Test func proseEditsRunNothingAndAddedBlocksContinueTheSession() {
        let runner = IncrementalLessonRunner()
        let blocks = ["var n = 1", "n *= 3\nprint(n)"]
        _ = runner.run(lesson(blocks))
        let prose = runner.run(lesson(blocks, prose: "Other words, and a new paragraph.\n\nHere."))
        #expect(prose.resumedAt == 2)
        #expect(prose.executed.runs.map(\.output) == ["", "3\n"])
        #expect(prose.executed.runs.map(\.blockIndex) == [0, 1])

        let added = runner.run(lesson(blocks + ["n += 1\nprint(n)"]))
        #expect(added.resumedAt == 2)
        #expect(added.executed.runs.map(\.output) == ["", "3\n", "4\n"])
        let removed = runner.run(lesson(["var n = 1", "print(n)"]))
        #expect(removed.resumedAt == 1)
        #expect(removed.executed.runs.map(\.output) == ["", "1\n"])
    }

    @Test func aSessionHoldingReferencesRunsAgainFromWhereItCanBeCaptured() {
        let runner = IncrementalLessonRunner()
        // After block 1 the session holds a Variable (a reference): no snapshot there.
        let blocks = ["var a = 2.0", "let w = Variable(a)", "print(w.value * a)"]
        _ = runner.run(lesson(blocks))
        var edited = blocks
        edited[2] = "print(w.value + a)"
        let second = runner.run(lesson(edited))
        #expect(second.resumedAt == 1)
        #expect(second.executed.runs.map(\.output) == fresh(lesson(edited)))
    }

    @Test func theRandomGeneratorIsPartOfTheSnapshot() {
        let runner = IncrementalLessonRunner()
        let blocks = ["seed(7)\nlet a = randomNormal(2)", "print(randomNormal(2))"]
        _ = runner.run(lesson(blocks))
        var edited = blocks
        edited[1] = "print(randomNormal(2), 1)"
        let second = runner.run(lesson(edited))
        #expect(second.resumedAt == 1)
        #expect(second.executed.runs.map(\.output) == fresh(lesson(edited)))
    }
}
