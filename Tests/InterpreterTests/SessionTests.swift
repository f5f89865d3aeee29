import Foundation
import Interpreter
import MathbookCLI
import Testing

@Suite("Session")
struct SessionTests {
    @Test func laterCodeSeesEarlierDeclarations() {
        let session = Session()
        #expect(session.run("let x = 6\nfunc double(_ n: Int) -> Int { 2 * n }").succeeded)
        #expect(session.run("var total = double(x)").succeeded)
        let result = session.run("total += 1\nprint(total)")
        #expect(result.output == "13\n")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func aRejectedCellDeclaresNothingAndRunsNothing() {
        let session = Session()
        let rejected = session.run("print(\"not printed\")\nlet y = 1\ny = 2")
        #expect(rejected.output.isEmpty)
        #expect(rejected.diagnostics.map(\.description) == ["3:1: error: cannot assign to value: 'y' is a 'let' constant"])
        #expect(session.run("let y = 5\nprint(y)").output == "5\n")
    }

    @Test func theRandomGeneratorCarriesAcrossCellsAndStartsAsMathCoresDoes() {
        let session = Session()
        _ = session.run("seed(3)")
        let first = session.run("print(randomNormal(2))").output
        let again = Session()
        let both = again.run("seed(3)\nprint(randomNormal(2))").output
        #expect(first == both)
        #expect(!first.isEmpty)
    }

    @Test func diagnosticsPointIntoTheFileWhereTheCodeStarts() {
        let result = Session().run("let a = [1]\nprint(a[3])", origin: SourceLocation(line: 40, column: 5))
        #expect(result.diagnostics.map(\.description) == ["41:7: error: index out of range"])
        let firstLine = Session().run("print(a)", origin: SourceLocation(line: 10, column: 5))
        #expect(firstLine.diagnostics.map(\.description) == ["10:11: error: cannot find 'a' in scope"])
    }

    @Test func tensorTemporariesAreReusedButVariablesNeverChange() {
        let source = """
        let xs: Tensor = [1, 2, 3]
        let a = xs * 2.0
        let b = a + 1.0
        let c = (a * 3.0 + 1.0) - xs
        var d = xs
        d += 1.0
        let e = 10.0 - (d * 2.0)
        print(xs, a, b, c, d, e)
        """
        #expect(Session().run(source).output
            == "[1.0, 2.0, 3.0] [2.0, 4.0, 6.0] [3.0, 5.0, 7.0] [ 6.0, 11.0, 16.0] [2.0, 3.0, 4.0] [6.0, 4.0, 2.0]\n")
    }

    @Test func syntaxErrorsAreAllReported() {
        let result = Session().run("let x = (1\nlet = 2\n")
        #expect(result.diagnostics.count >= 2)
        #expect(result.diagnostics.allSatisfy { $0.phase == .syntax })
        #expect(result.diagnostics.first?.location.line == 1)
    }

    @Test func outputBeforeARuntimeErrorIsKept() {
        let result = Session().run("print(1)\nprint(2)\nlet xs: [Int] = []\nprint(xs[0])\nprint(3)")
        #expect(result.output == "1\n2\n")
        #expect(result.diagnostics.map(\.description) == ["4:7: error: index out of range"])
    }
}

@Suite("Limits")
struct LimitsTests {
    @Test func anEndlessLoopStopsAtTheTimeLimit() {
        let limits = Limits(timeLimit: .milliseconds(200))
        let start = ContinuousClock.now
        let result = Session(limits: limits).run("var i = 0\nwhile true { i += 1 }")
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(result.diagnostics.map(\.message) == ["execution stopped after 0.2 seconds (the time limit)"])
        #expect(result.diagnostics.first?.location == SourceLocation(line: 2, column: 1))
    }

    @Test func stepsAreLimitedToo() {
        let result = Session(limits: Limits(maximumSteps: 100_000)).run("var n = 0\nfor i in 0..<10_000_000 { n += i }")
        #expect(result.diagnostics.first?.message == "execution stopped after 100000 steps (the step limit)")
    }

    @Test func deepRecursionIsAnErrorNotACrash() {
        let result = Session().run("func down(_ n: Int) -> Int { down(n + 1) + 1 }\nprint(down(0))")
        #expect(result.diagnostics.map(\.description) == ["1:30: error: call depth exceeds 2000 (the recursion limit)"])
        let deeper = Session(limits: Limits(maximumCallDepth: 20_000)).run("func down(_ n: Int) -> Int { n == 0 ? 0 : down(n - 1) + 1 }\nprint(down(19_000))")
        #expect(deeper.output == "19000\n")
    }

    @Test func oneHugeAllocationIsRefused() {
        let array = Session().run("let a = Array(repeating: 0, count: 1_000_000_000)")
        #expect(array.diagnostics.map(\.description) == ["1:9: error: an array of 1000000000 elements exceeds the limit of 50000000"])
        let tensor = Session().run("let t = zeros(100_000, 100_000)")
        #expect(tensor.diagnostics.first?.message == "allocation: a tensor of shape [100000, 100000] exceeds the limit of 50000000 elements")
    }

    @Test func growingACollectionWithoutBoundIsStopped() {
        let result = Session(limits: Limits(maximumElements: 1_000)).run("var xs: [Int] = []\nwhile true { xs.append(1) }")
        #expect(result.diagnostics.map(\.description) == ["2:14: error: a collection of 1001 elements exceeds the limit of 1000 (the memory limit)"])
        let text = Session(limits: Limits(maximumElements: 1_000)).run("var s = \"\"\nwhile true { s += \"ab\" }")
        #expect(text.diagnostics.first?.message == "a collection of 1002 elements exceeds the limit of 1000 (the memory limit)")
    }

    @Test func printingWithoutBoundIsStopped() {
        let result = Session(limits: Limits(maximumOutputBytes: 100)).run("while true { print(\"hello\") }")
        #expect(result.diagnostics.first?.message == "output exceeds 100 bytes (the output limit)")
        #expect(result.output.utf8.count <= 106)
    }
}

@Suite("mathbook run")
struct RunCommandTests {
    func file(_ name: String, _ contents: Data) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mathbook-run-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }

    @Test func aCleanRunPrintsItsOutputAndExitsZero() throws {
        let path = try file("ok.swift", Data("print(1 + 1)\n".utf8))
        let result = RunCommand.run(path: path, style: OutputStyle(colored: false))
        #expect(result == CommandResult(standardOutput: "2\n", standardError: "", exitCode: 0))
    }

    @Test func anErrorInTheCodeExitsOneWithTheDiagnosticOnStandardError() throws {
        let path = try file("bad.swift", Data("print(\"before\")\nlet xs = [1, 2]\nprint(xs[2])\n".utf8))
        let result = RunCommand.run(path: path, style: OutputStyle(colored: false))
        #expect(result.exitCode == 1)
        #expect(result.standardOutput == "before\n")
        #expect(result.standardError == "\(path):3:7: error: index out of range\nprint(xs[2])\n      ^\n")
    }

    @Test func colourIsOnlyUsedWhenAsked() throws {
        let path = try file("bad.swift", Data("print(y)\n".utf8))
        let colored = RunCommand.run(path: path, style: OutputStyle(colored: true))
        #expect(colored.standardError.contains("\u{1B}["))
        let plain = RunCommand.run(path: path, style: OutputStyle(colored: false))
        #expect(!plain.standardError.contains("\u{1B}["))
        #expect(OutputStyle.detect(environment: ["NO_COLOR": "1"]).colored == false)
    }

    @Test func aMissingFileOrAnotherKindOfFileIsAUsageError() throws {
        #expect(RunCommand.run(path: "/nonexistent/x.swift", style: OutputStyle(colored: false)).exitCode == 2)
        let notSwift = try file("notes.txt", Data("hello".utf8))
        #expect(RunCommand.run(path: notSwift, style: OutputStyle(colored: false)).exitCode == 2)
    }

    @Test func aFileThatIsNotUTF8IsAClearError() throws {
        let path = try file("latin1.swift", Data([0x70, 0x72, 0x69, 0x6E, 0x74, 0x28, 0xE9, 0x29]))
        let result = RunCommand.run(path: path, style: OutputStyle(colored: false))
        #expect(result.exitCode == 1)
        #expect(result.standardError == "error: \(path): the file is not valid UTF-8\n")
    }
}

@Suite("Memory limit")
struct MemoryLimitTests {
    @Test func totalMemoryIsBounded() {
        // Each tensor is within the per-allocation limit; together they pass the total.
        let limits = Limits(maximumMemoryBytes: 64 << 20)
        let result = Session(limits: limits).run("var kept: [Tensor] = []\nfor _ in 0..<100 { kept.append(zeros(1_000_000)) }")
        #expect(result.diagnostics.first?.message.hasPrefix("allocation: a tensor of shape [1000000] would take memory in use past 64 MiB") == true)
    }
}

@Suite("Parser guards")
struct ParserGuardTests {
    @Test func deeplyNestedBracketsAreRefusedBeforeParsing() {
        let source = "let x = " + String(repeating: "[", count: 30) + "1" + String(repeating: "]", count: 30)
        let result = Session().run(source)
        #expect(result.diagnostics.map(\.description) == ["1:21: error: brackets nested more than 12 deep are not supported in Swift-math"])
        // Brackets in strings and comments do not count; a rank-5 tensor literal is fine.
        let fine = Session().run("// [[[[[[[[[[[[[[\nprint(\"[[[[[[[[[[[[[[[[\")\nlet t: Tensor = [[[[[1]]]]]\nprint(t.shape)")
        #expect(fine.diagnostics.isEmpty)
        #expect(fine.output == "[[[[[[[[[[[[[[[[\n[1, 1, 1, 1, 1]\n")
    }
}

@Suite("Figures")
struct FigureTests {
    @Test func printedFiguresAreKeptWithTheirPlaceInTheOutput() throws {
        let result = Session().run("print(\"loss\")\nplot([1, 2, 3], [3, 1, 2], title: \"t\")\nprint(\"done\")")
        #expect(result.diagnostics.isEmpty)
        let figure = try #require(result.figures.first?.figure)
        #expect(result.figures.count == 1)
        #expect(result.figures.first?.outputOffset == "loss\n".utf8.count)
        let text = try figure.text()
        #expect(result.output == "loss\n" + text + "\ndone\n")
        #expect(figure.title == "t")
    }

    @Test func aFigureIsAValueBuiltInPlace() {
        let result = Session().run("""
        var f = Figure(title: "lines")
        f.line([0, 1], [0, 1], label: "up")
        let g = f
        f.line({ x in 1 - x }, from: 0, to: 1, label: "down")
        f.verticalRule(at: 0.5)
        g.show()
        print(f)
        let h = plot([0, 1], [1, 0])
        """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.figures.map(\.figure.series.count) == [1, 3, 1])
    }
}

@Suite("Large programs")
struct LargeProgramTests {
    /// A 20,000-term sum is a 20,000-deep left spine of operators: lowering it once took time
    /// quadratic in its length (each operator's position walked the spine). It must simply run.
    @Test func aLongSumIsLoweredInLinearTime() {
        let source = "let x = " + Array(repeating: "1", count: 20_000).joined(separator: " + ") + "\nprint(x)"
        let result = Session().run(source)
        #expect(result.diagnostics.isEmpty)
        #expect(result.output == "20000\n")
    }
}
