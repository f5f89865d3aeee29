import Foundation
import Testing
@testable import Lessons

// `mathbook check --compiled`: lesson cells compiled as one program by the real swiftc against
// MathCore and Plotting. The tests that need swiftc share one build of the libraries (about 5 s
// on 2 cores), so they are one test that checks several programs.

@Suite("Compiled lesson programs")
struct CompiledProgramTests {
    /// The package root of this file (walking up from it, symlinks resolved).
    static let packageRoot = CompiledLibraries.findPackageRoot(
        startingAt: URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent())

    @Test("The program imports the libraries, maps each cell to its lesson line, and prints a marker after each cell")
    func sourceLayout() {
        let cells = [
            CompiledCell(id: 1, code: "let x = 1\n", fileName: "lesson.md", firstLine: 5),
            CompiledCell(id: 2, code: "print(x)", fileName: "lesson.md", firstLine: 9),
        ]
        let expected = #"""
            import Foundation
            import MathCore
            import Plotting
            #sourceLocation(file: "lesson.md", line: 5)
            let x = 1
            #sourceLocation()
            Swift.print("\u{1}mathbook-cell-1\u{1}", terminator: "")
            #sourceLocation(file: "lesson.md", line: 9)
            print(x)
            #sourceLocation()
            Swift.print("\u{1}mathbook-cell-2\u{1}", terminator: "")

            """#
        #expect(CompiledProgram.source(for: cells) == expected)
    }

    @Test("A file name with quotes or backslashes is escaped in #sourceLocation")
    func fileNameEscaping() {
        let source = CompiledProgram.source(for: [CompiledCell(id: 0, code: "", fileName: #"a"b\c.md"#, firstLine: 1)])
        #expect(source.contains(#"#sourceLocation(file: "a\"b\\c.md", line: 1)"#))
    }

    @Test("Standard output is cut at the markers, output without a final newline included")
    func splitting() {
        let cells = (1...3).map { CompiledCell(id: $0, code: "", fileName: "lesson.md", firstLine: $0) }
        let finished = "one\n" + CompiledProgram.marker(for: 1) + "x" + CompiledProgram.marker(for: 2) + CompiledProgram.marker(for: 3)
        let all = CompiledProgram.splitOutput(Data(finished.utf8), cells: cells)
        #expect(all.outputs == [.init(id: 1, output: "one\n"), .init(id: 2, output: "x"), .init(id: 3, output: "")])
        #expect(all.unfinishedCell == nil)

        let stopped = "one\n" + CompiledProgram.marker(for: 1) + "half"
        let some = CompiledProgram.splitOutput(Data(stopped.utf8), cells: cells)
        #expect(some.outputs == [.init(id: 1, output: "one\n"), .init(id: 2, output: "half")])
        #expect(some.unfinishedCell == 2)
    }

    @Test("The package root is found from a folder inside it, and not outside any package")
    func packageRootLookup() throws {
        let root = try #require(Self.packageRoot, "no package root above \(#filePath)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Sources/MathCore").path))
        let inside = root.appendingPathComponent("Sources/MathCore")
        #expect(CompiledLibraries.findPackageRoot(startingAt: inside)?.path == root.path)
        #expect(CompiledLibraries.findPackageRoot(startingAt: URL(fileURLWithPath: "/")) == nil)
    }

    @Test("Building from a folder without MathCore's sources is a typed error")
    func missingSources() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("compiled-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: CompiledError.missingSources(module: "MathCore", folder: empty.appendingPathComponent("Sources/MathCore").resolvingSymlinksInPath().path)) {
            _ = try CompiledLibraries.build(sources: empty, work: empty, swiftc: URL(fileURLWithPath: "/nonexistent/swiftc"))
        }
    }

    /// Builds MathCore and Plotting once, then compiles and runs several programs against them.
    @Test(
        "Cells compiled by swiftc share names, print per cell, call MathCore and Plotting, report compile errors and traps at lesson lines",
        .enabled(if: ChildProcess.find("swiftc") != nil, "swiftc is not on PATH: compiled lessons need the real Swift compiler"),
        .timeLimit(.minutes(5))
    )
    func compiledPrograms() throws {
        let swiftc = try #require(ChildProcess.find("swiftc"))
        let root = try #require(Self.packageRoot, "no package root above \(#filePath)")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("compiled-lessons-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        let clock = ContinuousClock()
        let start = clock.now
        let libraries = try CompiledLibraries.build(sources: root, work: work, swiftc: swiftc)
        let built = clock.now
        try checkCellsRunInOrder(libraries, swiftc)
        let ran = clock.now
        try checkCompileError(libraries, swiftc)
        try checkTrap(libraries, swiftc)
        try checkPreconditionNamesLessonLine(libraries, swiftc)
        try checkMathCoreTrap(libraries, swiftc)
        try checkTimeout(libraries, swiftc)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix("program-") }
        #expect(leftovers.isEmpty, "program folders left behind: \(leftovers)")
        print("Compiled lessons: libraries built in \(seconds(built - start)), a 6-cell program compiled and run in \(seconds(ran - built))")
    }

    // MARK: - The programs

    private func checkCellsRunInOrder(_ libraries: CompiledLibraries, _ swiftc: URL) throws {
        let cells = [
            cell(1, line: 3, "var total = 1\nprint(\"start\", total)"),
            cell(2, line: 8, "total += 2\nprint(total)\n"),
            // An import after code, repeating an implicit one, is accepted in main.swift.
            cell(3, line: 12, "import MathCore\nprint(total * 10)"),
            cell(4, line: 16, "print(\"x\", terminator: \"\")"),
            cell(5, line: 20, "let v: Tensor = [1, 2, 3]\nprint(sum(v))"),
            cell(6, line: 24, "plot([1, 2, 3], [1, 4, 9], title: \"squares\")"),
        ]
        let outcome = try CompiledProgram.run(cells, libraries: libraries, swiftc: swiftc, timeout: 60)
        guard case let .ran(outputs, failure) = outcome else {
            Issue.record("the program should run: \(outcome)")
            return
        }
        #expect(failure == nil)
        #expect(outputs.map(\.id) == [1, 2, 3, 4, 5, 6])
        #expect(Array(outputs.prefix(5)) == [
            .init(id: 1, output: "start 1\n"), .init(id: 2, output: "3\n"), .init(id: 3, output: "30\n"),
            .init(id: 4, output: "x"), .init(id: 5, output: "6.0\n"),
        ])
        let plot = outputs.last?.output ?? ""
        #expect(plot.contains("squares") && plot.hasSuffix("\n"), "the plot cell printed:\n\(plot)")
        #expect(plot.split(separator: "\n").count > 10, "a text plot is many lines:\n\(plot)")
    }

    private func checkCompileError(_ libraries: CompiledLibraries, _ swiftc: URL) throws {
        let cells = [
            cell(1, line: 3, "let a = 1"),
            cell(2, line: 12, "let b = a + 1\nlet c: String = b\n"),
        ]
        let outcome = try CompiledProgram.run(cells, libraries: libraries, swiftc: swiftc, timeout: 60)
        guard case let .compileFailed(diagnostics) = outcome else {
            Issue.record("the program should not compile: \(outcome)")
            return
        }
        #expect(diagnostics.contains("lesson.md:13:17: error: cannot convert value of type 'Int' to specified type 'String'"), "\(diagnostics)")
        // The offending line is quoted as the lesson has it, not the generated main.swift.
        #expect(diagnostics.contains("\nlet c: String = b\n"), "\(diagnostics)")
        #expect(!diagnostics.contains(libraries.work.path) && !diagnostics.contains("#sourceLocation"), "\(diagnostics)")
    }

    private func checkTrap(_ libraries: CompiledLibraries, _ swiftc: URL) throws {
        let cells = [
            cell(1, line: 3, "print(\"before\")"),
            cell(2, line: 7, "let xs = [1, 2, 3]\nprint(\"about to\")\nprint(xs[5])"),
            cell(3, line: 12, "print(\"never\")"),
        ]
        let outcome = try CompiledProgram.run(cells, libraries: libraries, swiftc: swiftc, timeout: 60)
        guard case let .ran(outputs, failure) = outcome else {
            Issue.record("the program should compile and trap: \(outcome)")
            return
        }
        #expect(outputs == [.init(id: 1, output: "before\n"), .init(id: 2, output: "about to\n")])
        // The standard library names its own file for this one, not the lesson's.
        #expect(failure?.hasSuffix("Fatal error: Index out of range") == true, "\(String(describing: failure))")
        #expect(failure?.contains("stack trace") == false, "\(String(describing: failure))")
    }

    private func checkPreconditionNamesLessonLine(_ libraries: CompiledLibraries, _ swiftc: URL) throws {
        let cells = [
            cell(1, line: 3, "let n = 3"),
            cell(2, line: 40, "print(n)\nprecondition(n > 5, \"n is too small\")"),
        ]
        let outcome = try CompiledProgram.run(cells, libraries: libraries, swiftc: swiftc, timeout: 60)
        #expect(outcome == .ran(
            outputs: [.init(id: 1, output: ""), .init(id: 2, output: "3\n")],
            failure: "Lesson/lesson.md:41: Precondition failed: n is too small"))
    }

    private func checkMathCoreTrap(_ libraries: CompiledLibraries, _ swiftc: URL) throws {
        let cells = [cell(1, line: 3, "let m: Matrix = [[1, 2], [3, 4]]\nprint(m[5, 0])")]
        let outcome = try CompiledProgram.run(cells, libraries: libraries, swiftc: swiftc, timeout: 60)
        guard case let .ran(outputs, failure) = outcome, let failure else {
            Issue.record("the program should trap: \(outcome)")
            return
        }
        #expect(outputs == [.init(id: 1, output: "")])
        // MathCore's own file, relative to the package root so that it reads the same on every machine.
        #expect(failure.hasPrefix("Sources/MathCore/"), "\(failure)")
        #expect(failure.hasSuffix("Fatal error: index [5, 0] is out of range for shape [2, 2]"), "\(failure)")
    }

    private func checkTimeout(_ libraries: CompiledLibraries, _ swiftc: URL) throws {
        let cells = [
            cell(1, line: 3, "print(\"spinning\")"),
            cell(2, line: 7, "var n = 0\nwhile n >= 0 { n = (n &+ 1) % 1000 }"),
        ]
        let outcome = try CompiledProgram.run(cells, libraries: libraries, swiftc: swiftc, timeout: 1)
        #expect(outcome == .ran(
            outputs: [.init(id: 1, output: "spinning\n"), .init(id: 2, output: "")],
            failure: "timed out after 1 s in cell 2"))
    }

    // MARK: - Helpers

    private func cell(_ id: Int, line: Int, _ code: String) -> CompiledCell {
        CompiledCell(id: id, code: code, fileName: "lesson.md", firstLine: line)
    }

    private func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        return String(format: "%.1f s", Double(whole) + Double(attoseconds) * 1e-18)
    }
}
