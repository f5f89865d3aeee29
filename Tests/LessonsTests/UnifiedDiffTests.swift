import Foundation
@testable import Lessons
import MathCore
import Testing

@Suite struct UnifiedDiffTests {
    /// The diff with the labels the expected strings below use.
    private func diff(_ expected: String, _ actual: String, context: Int = 3) -> String {
        UnifiedDiff.make(expected: expected, actual: actual, expectedLabel: "expected", actualLabel: "actual", context: context)
    }

    @Test func equalTextsGiveNothing() {
        #expect(diff("", "") == "")
        #expect(diff("a\nb\n", "a\nb\n") == "")
        #expect(diff("a\nb", "a\nb") == "")
    }

    @Test func oneChangedLineHasThreeLinesOfContext() {
        #expect(diff("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nD\ne\nf\ng\nh\n") == """
            --- expected
            +++ actual
            @@ -1,7 +1,7 @@
             a
             b
             c
            -d
            +D
             e
             f
             g

            """)
    }

    @Test func emptyRangesNameTheLineBefore() {
        #expect(diff("", "x\ny\n") == "--- expected\n+++ actual\n@@ -0,0 +1,2 @@\n+x\n+y\n")
        #expect(diff("x\ny\n", "") == "--- expected\n+++ actual\n@@ -1,2 +0,0 @@\n-x\n-y\n")
        #expect(diff("a\nb\nc\nd\n", "a\nB\nc\n", context: 0) == """
            --- expected
            +++ actual
            @@ -2 +2 @@
            -b
            +B
            @@ -4 +3,0 @@
            -d

            """)
    }

    @Test func contextOutsideItsRangeIsClamped() {
        #expect(diff("a\nb\nc\n", "a\nB\nc\n", context: .max) == "--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
        #expect(diff("a\nb\nc\n", "a\nB\nc\n", context: -1) == "--- expected\n+++ actual\n@@ -2 +2 @@\n-b\n+B\n")
    }

    @Test func singleLines() {
        #expect(diff("1\n", "2\n") == "--- expected\n+++ actual\n@@ -1 +1 @@\n-1\n+2\n")
        #expect(diff("a\nb\n", "c\nd\ne\n") == "--- expected\n+++ actual\n@@ -1,2 +1,3 @@\n-a\n-b\n+c\n+d\n+e\n")
    }

    @Test func missingFinalNewlineIsAChangeAndIsMarked() {
        let marker = "\\ No newline at end of file\n"
        #expect(diff("a\nb\nc", "a\nb\nc\n") == "--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n a\n b\n-c\n\(marker)+c\n")
        #expect(diff("a\nb\nc", "a\nb\nC") == "--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n a\n b\n-c\n\(marker)+C\n\(marker)")
        #expect(diff("a\nb\nc", "A\nb\nc") == "--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n\(marker)")
        #expect(diff("", "x") == "--- expected\n+++ actual\n@@ -0,0 +1 @@\n+x\n\(marker)")
    }

    @Test func hunksMergeWhenTheirContextsTouch() {
        let lines = (1...12).map { "\($0)\n" }
        var sixApart = lines
        sixApart[1] = "X\n"
        sixApart[8] = "Y\n"
        #expect(diff(lines.joined(), sixApart.joined()) == """
            --- expected
            +++ actual
            @@ -1,12 +1,12 @@
             1
            -2
            +X
             3
             4
             5
             6
             7
             8
            -9
            +Y
             10
             11
             12

            """)
        var sevenApart = lines
        sevenApart[1] = "X\n"
        sevenApart[9] = "Y\n"
        #expect(diff(lines.joined(), sevenApart.joined()) == """
            --- expected
            +++ actual
            @@ -1,5 +1,5 @@
             1
            -2
            +X
             3
             4
             5
            @@ -7,6 +7,6 @@
             7
             8
             9
            -10
            +Y
             11
             12

            """)
    }

    @Test func repeatedLinesChangeWhereGNUDiffChangesThem() {
        // GNU slides a run of changes as far down as equal lines allow.
        #expect(diff("a\nb\nb\nc\n", "a\nb\nc\n") == "--- expected\n+++ actual\n@@ -1,4 +1,3 @@\n a\n b\n-b\n c\n")
        // GNU sets aside the common head, then the common tail (each less the context's width), before
        // matching; the head is taken first, so this deletion lands at the end rather than mid-way.
        #expect(diff(String(repeating: "a\n", count: 7), String(repeating: "a\n", count: 6)) == "--- expected\n+++ actual\n@@ -4,4 +4,3 @@\n a\n a\n a\n-a\n")
        #expect(diff("x\ny\nx\ny\nx\ny\n", "x\ny\nx\ny\n") == "--- expected\n+++ actual\n@@ -2,5 +2,3 @@\n y\n x\n y\n-x\n-y\n")
        #expect(diff("func a() {\n}\n\nfunc b() {\n}\n", "func a() {\n}\n\nfunc c() {\n}\n\nfunc b() {\n}\n") == """
            --- expected
            +++ actual
            @@ -1,5 +1,8 @@
             func a() {
             }
             
            +func c() {
            +}
            +
             func b() {
             }

            """)
    }

    @Test func linesAreComparedAsBytes() {
        // Canonically equivalent to Swift's `==`, but different bytes, as diff sees them.
        #expect(diff("caf\u{E9}\n", "cafe\u{301}\n") == "--- expected\n+++ actual\n@@ -1 +1 @@\n-caf\u{E9}\n+cafe\u{301}\n")
        #expect(diff("a\r\nb\r\n", "a\nb\r\n") == "--- expected\n+++ actual\n@@ -1,2 +1,2 @@\n-a\r\n+a\n b\r\n")
    }

    @Test(.enabled(if: GNUDiff.isInstalled, "needs GNU diff as /usr/bin/diff"))
    func matchesGNUDiffOnGeneratedCases() throws {
        var random = RandomGenerator(seed: 20_240_601)
        var cases: [(expected: String, actual: String, context: Int)] = [
            ("", "a\n", 3), ("a\n", "", 3), ("a", "", 3), ("", "a", 3), ("a", "a\n", 3), ("a\n", "a", 3),
            ("a", "b", 3), ("a\nb\nc\n", "x\ny\nz\n", 3), ("a\nb\nc", "x\ny\nz", 0), ("\n\n\n", "\n\n", 3),
        ]
        for index in 0..<150 {
            let (expected, actual) = index % 3 == 2
                ? Self.confusingTexts(using: &random)
                : Self.editedTexts(unique: index % 3 == 1, using: &random)
            cases.append((expected, actual, [3, 3, 3, 0, 1, 2, 5].randomElement(using: &random) ?? 3))
        }
        let outputs = try GNUDiff.outputs(for: cases)
        for (index, (testCase, gnu)) in zip(cases, outputs).enumerated() {
            let ours = UnifiedDiff.make(
                expected: testCase.expected, actual: testCase.actual,
                expectedLabel: "OLD", actualLabel: "NEW", context: testCase.context
            )
            #expect(ours == gnu, "case \(index), -U\(testCase.context): \(testCase.expected.debugDescription) → \(testCase.actual.debugDescription)")
        }
    }

    @Test func tenThousandLinesTakeWellUnderASecond() {
        var random = RandomGenerator(seed: 7)
        let lines = (0..<10_000).map { "line \($0) of the output\n" }
        var edited = lines
        let changed = Set((0..<500).map { _ in Int.random(in: 0..<lines.count, using: &random) })
        for index in changed { edited[index] = "changed \(index)\n" }
        let clock = ContinuousClock()
        var output = ""
        let someChanged = clock.measure {
            output = UnifiedDiff.make(expected: lines.joined(), actual: edited.joined(), expectedLabel: "a", actualLabel: "b")
        }
        let deletions = output.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("--- ") }
        #expect(deletions.count == changed.count)
        let allChanged = clock.measure {
            output = UnifiedDiff.make(
                expected: lines.joined(), actual: lines.map { "new " + $0 }.joined(), expectedLabel: "a", actualLabel: "b"
            )
        }
        #expect(output.hasPrefix("--- a\n+++ b\n@@ -1,10000 +1,10000 @@\n-line 0 of the output\n"))
        #expect(someChanged < .seconds(1))
        #expect(allChanged < .seconds(1))
    }

    /// Lines drawn from a small or large alphabet (so with many or no repeats), then edited at random:
    /// deletions, insertions, replacements and runs of one new line; sometimes without a final newline.
    private static func editedTexts(unique: Bool, using random: inout RandomGenerator) -> (String, String) {
        let alphabet = Int.random(in: 1...8, using: &random)
        let count = Int.random(in: 0...Int.random(in: 1...80, using: &random), using: &random)
        var lines = unique
            ? (0..<(2 * count)).shuffled(using: &random).prefix(count).map { "u\($0)" }
            : (0..<count).map { _ in "l\(Int.random(in: 0..<alphabet, using: &random))" }
        var edited = lines
        for _ in 0..<Int.random(in: 0...Int.random(in: 1...20, using: &random), using: &random) {
            let line = unique ? "new\(Int.random(in: 0..<1_000_000, using: &random))" : "l\(Int.random(in: 0...alphabet, using: &random))"
            let position = Int.random(in: 0...edited.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where position < edited.count: edited.remove(at: position)
            case 1 where position < edited.count: edited[position] = line
            case 2: edited.insert(contentsOf: repeatElement(line, count: Int.random(in: 1...6, using: &random)), at: position)
            default: edited.insert(line, at: position)
            }
        }
        if Int.random(in: 0..<10, using: &random) == 0 { lines.shuffle(using: &random) }
        return (text(lines, using: &random), text(edited, using: &random))
    }

    /// Two texts of lines unique to each, mixed with a few frequent common lines: the case where GNU
    /// diff discards lines before matching, and its choices are hardest to reproduce.
    private static func confusingTexts(using random: inout RandomGenerator) -> (String, String) {
        let count = Int.random(in: 0...120, using: &random)
        let common = Int.random(in: 1...4, using: &random)
        let share = Double.random(in: 0.05...0.6, using: &random)
        func lines(_ tag: String) -> [String] {
            (0..<count).map { index in
                if Double.random(in: 0..<1, using: &random) < share { return "c\(Int.random(in: 0..<common, using: &random))" }
                if Int.random(in: 0..<3, using: &random) == 0 { return "s\(Int.random(in: 0..<20, using: &random))" }
                return "\(tag)\(index)"
            }
        }
        return (text(lines("a"), using: &random), text(lines("b"), using: &random))
    }

    /// The lines joined with newlines, one time in five without the last.
    private static func text(_ lines: [String], using random: inout RandomGenerator) -> String {
        var text = lines.map { $0 + "\n" }.joined()
        if Int.random(in: 0..<5, using: &random) == 0, !text.isEmpty { text.removeLast() }
        return text
    }
}

/// Runs GNU diff, the reference the unified diffs must match byte for byte.
private enum GNUDiff {
    /// Whether /usr/bin/diff is GNU's (macOS ships a BSD diff, whose choices differ).
    static let isInstalled: Bool = {
        guard let output = try? run("/usr/bin/diff --version", in: FileManager.default.temporaryDirectory) else {
            return false
        }
        return output.contains("GNU diffutils")
    }()

    /// `diff -U<context> --label OLD --label NEW` of each case, all run by one shell to spare process starts.
    static func outputs(for cases: [(expected: String, actual: String, context: Int)]) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("unified-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var script = ""
        for (index, testCase) in cases.enumerated() {
            try Data(testCase.expected.utf8).write(to: directory.appendingPathComponent("\(index).old"))
            try Data(testCase.actual.utf8).write(to: directory.appendingPathComponent("\(index).new"))
            script += "/usr/bin/diff -U\(testCase.context) --label OLD --label NEW \(index).old \(index).new > \(index).out\n"
        }
        try Data(script.utf8).write(to: directory.appendingPathComponent("run.sh"))
        _ = try run("/bin/sh run.sh", in: directory)
        return try cases.indices.map { index in
            String(decoding: try Data(contentsOf: directory.appendingPathComponent("\(index).out")), as: UTF8.self)
        }
    }

    /// The standard output of a shell command.
    private static func run(_ command: String, in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
