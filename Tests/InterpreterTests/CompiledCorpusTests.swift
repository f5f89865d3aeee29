import Foundation
@testable import Lessons
import Testing

// The oracle side of the corpus: each program's `.expected` is what the real Swift compiler's
// build of it prints, checked here by compiling and running every program again. Nothing in this
// file uses the interpreter, so the expectations cannot drift towards it.
//
// `ChildProcess` is the Lessons target's (it runs `mathbook check --compiled` programs the same way).
// Tests/InterpreterTests/Corpus/record-expected.sh does the same steps in bash to write the
// `.expected` files; the two must use the same flags (see `CompiledOracle.compileArguments`).

@Suite("Compiled corpus")
struct CompiledCorpusTests {
    /// Compiles every program outside compile-errors/ with `swiftc`, runs it, and compares.
    ///
    /// About 20 s on the 2-core machine: MathCore is built once for swiftc (a debug build, 3.5 s;
    /// -O takes 7.5 s and the programs are too small for it to pay off), then each of the ~210
    /// programs is compiled on its own (0.15 to 0.3 s each) and run, on 2 workers.
    @Test(
        "Every program prints its .expected when compiled by swiftc, and traps only in runtime-errors/",
        .enabled(if: ChildProcess.find("swiftc") != nil, "swiftc is not on PATH: the compiled corpus needs the real Swift compiler"),
        .timeLimit(.minutes(10))
    )
    func compiledProgramsPrintTheirExpectedOutput() async throws {
        let programs = try Corpus.programs().filter { $0.kind != .rejected }
        try #require(!programs.isEmpty, "no programs found in \(Corpus.directory.path)")
        guard let stdbuf = ChildProcess.find("stdbuf") else {
            Issue.record("stdbuf (GNU coreutils) is not on PATH: it is needed to keep what a trapping program printed before its trap")
            return
        }
        let clock = ContinuousClock()
        let start = clock.now
        let oracle = try CompiledOracle.prepare(swiftc: ChildProcess.find("swiftc")!, stdbuf: stdbuf)
        defer { oracle.removeWorkFolder() }
        let built = clock.now
        let outcomes = await parallelMap(programs, workers: 2) { oracle.compileAndRun($0) }
        let finished = clock.now

        for (program, outcome) in zip(programs, outcomes) {
            check(program, outcome)
        }
        print("Compiled corpus: MathCore built in \(seconds(built - start)), \(programs.count) programs compiled and run in \(seconds(finished - built)) on 2 workers")
    }

    /// The corpus's own rules, checked without a compiler: directives where they belong and
    /// pointing inside their file, an `.expected` beside every program that runs.
    @Test("The corpus is well formed")
    func corpusIsWellFormed() throws {
        let programs = try Corpus.programs()
        #expect(programs.count >= 130, "the corpus should hold at least 130 programs, it has \(programs.count)")
        for program in programs {
            #expect(program.malformedDirectives.isEmpty, "\(program): malformed directive \(program.malformedDirectives)")
            switch program.kind {
            case .runs:
                #expect(program.expectedError == nil, "\(program): only runtime-errors/ and compile-errors/ programs may expect an error")
                #expect(program.expectedOutput() != nil, "\(program): no .expected file (run Corpus/record-expected.sh)")
            case .traps:
                #expect(program.expectedError != nil, "\(program): a runtime-errors/ program needs an expect-error directive")
                #expect(program.expectedOutput() != nil, "\(program): no .expected file (run Corpus/record-expected.sh)")
            case .rejected:
                #expect(program.expectedError != nil, "\(program): a compile-errors/ program needs an expect-error directive")
                #expect(program.expectedOutput() == nil, "\(program): a compile-errors/ program has no expected output")
            }
            if let error = program.expectedError {
                let lines = program.source.split(separator: "\n", omittingEmptySubsequences: false)
                let inside = error.line <= lines.count && error.column <= lines[error.line - 1].utf8.count
                #expect(inside, "\(program): expect-error \(error.line):\(error.column) points outside the file")
                if inside {
                    let rest = lines[error.line - 1].utf8.dropFirst(error.column - 1)
                    #expect(rest.first != UInt8(ascii: " "), "\(program): expect-error column \(error.column) points at a space")
                }
            }
        }
        let orphans = try Corpus.orphanedExpectations()
        #expect(orphans.isEmpty, "`.expected` files without a program: \(orphans)")
    }

    // MARK: - Checking one program

    private func check(_ program: CorpusProgram, _ outcome: CompiledOracle.Outcome) {
        let result: ChildProcess.Result
        switch outcome {
        case let .failedToCompile(diagnostics):
            Issue.record("\(program): swiftc rejects it:\n\(diagnostics)")
            return
        case let .failedToRun(error):
            Issue.record("\(program): could not be run: \(error)")
            return
        case let .ran(ran):
            result = ran
        }
        guard let expected = program.expectedOutput() else {
            Issue.record("\(program): no .expected file; swiftc's build printed:\n\(String(decoding: result.standardOutput, as: UTF8.self))")
            return
        }
        #expect(!result.timedOut, "\(program): timed out")
        #expect(
            result.standardOutput == expected,
            "\(program): standard output differs from \(program.name).expected\n\(describeDifference(expected: expected, actual: result.standardOutput))")
        switch program.kind {
        case .runs:
            #expect(result.exitedNormally, "\(program): should exit with status 0, ended with \(result.summary)\n\(result.standardErrorText)")
        case .traps:
            #expect(result.signalled && !result.timedOut, "\(program): should trap, ended with \(result.summary)")
            if let error = program.expectedError, result.signalled {
                checkTrapMessage(program, error, stderr: result.standardErrorText)
            }
        case .rejected:
            break
        }
    }

    /// Checks the expect-error message against what Swift printed when it trapped.
    ///
    /// Swift-math's message is Swift's own with its first letter lowercased (`Fatal error: Index out
    /// of range` → `index out of range`; `Precondition failed: m` → `precondition failed: m`), and a
    /// MathCore message is printed by Swift after `Fatal error: `. An integer overflow traps without
    /// any message in Swift; Swift-math calls it `arithmetic overflow`. When Swift names the line
    /// of the program (`fatalError`, `precondition`, `!`), it must be the directive's line.
    private func checkTrapMessage(_ program: CorpusProgram, _ error: CorpusProgram.ExpectedError, stderr: String) {
        let message = error.message
        if message == "arithmetic overflow" {
            #expect(
                !stderr.contains("Fatal error") && !stderr.contains("failed"),
                "\(program): Swift reported a message for what the directive calls an overflow:\n\(stderr)")
        } else {
            let swiftWording: [String]
            if message == "fatal error" || message.hasPrefix("fatal error: ") {
                swiftWording = ["Fatal error" + message.dropFirst("fatal error".count)]
            } else if message == "precondition failed" || message.hasPrefix("precondition failed: ") {
                swiftWording = ["Precondition failed" + message.dropFirst("precondition failed".count)]
            } else {
                swiftWording = ["Fatal error: " + message, "Fatal error: " + message.prefix(1).uppercased() + message.dropFirst()]
            }
            #expect(
                swiftWording.contains { stderr.contains($0) },
                "\(program): Swift's trap does not say \"\(swiftWording[0])\" (directive: \(message)):\n\(stderr)")
        }
        // "Program/fatal-error.swift:4: Fatal error: something went wrong"
        let marker = "\(program.name).swift:"
        if let range = stderr.range(of: marker) {
            let digits = stderr[range.upperBound...].prefix { $0.isNumber }
            #expect(Int(digits) == error.line, "\(program): Swift traps on line \(digits), the directive says \(error.line)")
        }
    }

    private func describeDifference(expected: Data, actual: Data) -> String {
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let e = index < expectedLines.count ? String(expectedLines[index]) : "<end of output>"
            let a = index < actualLines.count ? String(actualLines[index]) : "<end of output>"
            if e != a {
                return "first difference on line \(index + 1):\n  expected: \(e.debugDescription)\n  actual:   \(a.debugDescription)"
            }
        }
        return "the bytes differ (\(expected.count) expected, \(actual.count) printed)"
    }

    private func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        return String(format: "%.1f s", Double(whole) + Double(attoseconds) * 1e-18)
    }
}

// MARK: - The compiled oracle

/// MathCore built for swiftc in a temporary folder, and the steps to compile and run one program
/// against it: the same as Corpus/record-expected.sh.
struct CompiledOracle: Sendable {
    enum Outcome: Sendable {
        case failedToCompile(String)
        case failedToRun(String)
        case ran(ChildProcess.Result)
    }

    let swiftc: URL
    let stdbuf: URL
    /// The temporary folder holding libMathCore, its module, and the programs' binaries.
    let work: URL
    /// OpenBLAS's include flags, passed to the Clang importer.
    let clangFlags: [String]

    #if os(macOS)
    static let libraryPathVariable = "DYLD_LIBRARY_PATH"
    #else
    static let libraryPathVariable = "LD_LIBRARY_PATH"
    #endif

    /// Builds MathCore and Plotting into a new temporary folder, as `mathbook check --compiled` does.
    static func prepare(swiftc: URL, stdbuf: URL) throws -> CompiledOracle {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("compiled-corpus-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        do {
            let libraries = try CompiledLibraries.build(sources: Corpus.packageRoot.resolvingSymlinksInPath(), work: work, swiftc: swiftc)
            return CompiledOracle(swiftc: swiftc, stdbuf: stdbuf, work: work, clangFlags: libraries.clangFlags)
        } catch {
            try? FileManager.default.removeItem(at: work)
            throw OracleError(description: "building MathCore and Plotting with swiftc failed: \(error)")
        }
    }

    /// The folder of COpenBLAS's module map, which MathCore's module refers to.
    var openBLASModuleMap: String { Corpus.packageRoot.appendingPathComponent("Sources/COpenBLAS").path }
    /// The folder of CAllocator's module map, which MathCore's module refers to as well.
    var allocatorModuleMap: String { Corpus.packageRoot.appendingPathComponent("Sources/CAllocator").path }

    /// swiftc's arguments for one program (record-expected.sh passes the same).
    ///
    /// `-lm`: a debug build of `x.squareRoot()` calls the C library's `sqrt`, and a program that
    /// imports neither Foundation nor MathCore does not link libm by itself (undefined reference to
    /// `sqrt`); a package that depends on MathCore gets it through MathCore. `-module-name Program`
    /// keeps the name that traps print (`Program/name.swift:4: Fatal error: …`) the same for all.
    func compileArguments(_ program: CorpusProgram, output: URL) -> [String] {
        ["-module-name", "Program", "-lm",
         "-I", work.path, "-L", work.path, "-lMathCore", "-lPlotting", "-Xlinker", "-rpath", "-Xlinker", work.path,
         "-I", openBLASModuleMap, "-I", allocatorModuleMap] + clangFlags + [program.url.path, "-o", output.path]
    }

    /// Compiles `program` and runs it with standard output unbuffered, so that what it printed
    /// before a trap is not lost in a stdio buffer.
    func compileAndRun(_ program: CorpusProgram) -> Outcome {
        let binary = work.appendingPathComponent("\(program.topic)__\(program.name)")
        do {
            let compile = try ChildProcess.run(swiftc, compileArguments(program, output: binary), in: work, timeout: 180)
            guard compile.exitedNormally else {
                return .failedToCompile("(\(compile.summary))\n\(compile.standardErrorText)")
            }
            let run = try ChildProcess.run(
                stdbuf, ["-o0", binary.path],
                environment: [Self.libraryPathVariable: work.path, "SWIFT_BACKTRACE": "enable=no"],
                in: work, timeout: 60)
            try? FileManager.default.removeItem(at: binary)
            return .ran(run)
        } catch {
            return .failedToRun(String(describing: error))
        }
    }

    func removeWorkFolder() {
        try? FileManager.default.removeItem(at: work)
    }
}

struct OracleError: Error, CustomStringConvertible {
    var description: String
}

/// `body` applied to every item on `workers` threads of their own (child processes are waited
/// for synchronously, which must not tie up Swift's cooperative threads), results in order.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], workers: Int, _ body: @escaping @Sendable (T) -> R) async -> [R] {
    let state = ParallelMapState<R>(count: items.count)
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let group = DispatchGroup()
        for _ in 0..<max(1, workers) {
            group.enter()
            Thread.detachNewThread {
                while let index = state.claim() {
                    state.store(body(items[index]), at: index)
                }
                group.leave()
            }
        }
        group.notify(queue: .global()) { continuation.resume() }
    }
    return state.results()
}

/// The shared state of `parallelMap`: the next index to take and the results so far, under a lock.
private final class ParallelMapState<R: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var next = 0
    private var slots: [R?]

    init(count: Int) {
        self.count = count
        self.slots = Array(repeating: nil, count: count)
    }

    func claim() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ result: R, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    func results() -> [R] {
        lock.withLock { slots.map { $0! } }
    }
}
