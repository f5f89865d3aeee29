import Dispatch
import Foundation

/// What compiling a lesson with `swiftc` showed.
public enum CompiledLessonResult: Equatable, Sendable {
    /// swiftc rejected the code; `line` is the first line its diagnostics point at in the lesson.
    case rejected(line: Int, diagnostics: String)
    /// The program ran; how each block compared with the interpreter's run.
    case checked([CompiledBlockResult])
}

/// One block of a compiled lesson beside its run in the interpreter.
public struct CompiledBlockResult: Equatable, Sendable {
    public enum Verdict: Equatable, Sendable {
        /// It printed exactly what the interpreter printed.
        case matches
        /// It printed this instead.
        case differs(compiledOutput: String)
        /// The program trapped, or timed out, in this block.
        case stopped(reason: String)
        /// The program trapped or timed out before the block ran.
        case notReached(reason: String)
    }

    public var blockIndex: Int
    public var verdict: Verdict
}

/// `mathbook check --compiled`: each lesson's runnable blocks, in order, compiled as one Swift
/// program against MathCore and Plotting, and what each block prints compared with the
/// interpreter's output. `expect-error` blocks are left out; `reset` starts a new program.
public struct CompiledCheck: Sendable {
    let libraries: CompiledLibraries
    let swiftc: URL
    let work: URL
    /// How long one lesson's program may run.
    var timeout: TimeInterval = 120

    /// Why the compiled check cannot start.
    public struct SetupError: Error, Equatable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Finds swiftc and MathCore's sources (`sourcesRoot`, or the package around the current
    /// folder or around this executable), and builds MathCore and Plotting for the programs.
    public static func prepare(sourcesRoot: URL?) -> Result<CompiledCheck, SetupError> {
        guard let swiftc = ChildProcess.find("swiftc") else {
            return .failure(SetupError(description: "--compiled needs the Swift compiler, and swiftc is not on PATH"))
        }
        let candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                          URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()]
        guard let root = sourcesRoot ?? candidates.lazy.compactMap({ CompiledLibraries.findPackageRoot(startingAt: $0) }).first else {
            return .failure(SetupError(description: "--compiled needs MathCore's sources: run it inside the Mathbook package, or name the package with --sources"))
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("mathbook-compiled-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let libraries = try CompiledLibraries.build(sources: root, work: work, swiftc: swiftc)
            return .success(CompiledCheck(libraries: libraries, swiftc: swiftc, work: work))
        } catch {
            try? FileManager.default.removeItem(at: work)
            return .failure(SetupError(description: "building MathCore for --compiled failed: \(error)"))
        }
    }

    /// Compiles and runs every lesson (on all cores), in the order given.
    public func check(_ lessons: [ExecutedLesson]) -> [CompiledLessonResult?] {
        concurrentMap(lessons.count) { check(lessons[$0]) }
    }

    /// Compiles and runs one lesson's programs; nil when it has no block to compile.
    public func check(_ executed: ExecutedLesson) -> CompiledLessonResult? {
        let lesson = executed.lesson
        var programs: [[CompiledCell]] = [[]]
        for run in executed.runs {
            let block = lesson.blocks[run.blockIndex]
            if block.options.contains(.reset) && !(programs.last ?? []).isEmpty { programs.append([]) }
            guard !block.options.contains(.expectError) else { continue }
            let fileName = (lesson.path as NSString).lastPathComponent
            let cell = block.runsInOwnScope
                ? CompiledCell(id: run.blockIndex, code: "do {\n" + block.code + "\n}", fileName: fileName, firstLine: block.firstCodeLine - 1)
                : CompiledCell(id: run.blockIndex, code: block.code, fileName: fileName, firstLine: block.firstCodeLine)
            programs[programs.count - 1].append(cell)
        }
        var blocks: [CompiledBlockResult] = []
        for cells in programs where !cells.isEmpty {
            let outcome: CompiledOutcome
            do {
                outcome = try CompiledProgram.run(cells, libraries: libraries, swiftc: swiftc, timeout: timeout)
            } catch {
                return .rejected(line: cells[0].firstLine, diagnostics: "the program could not be compiled and run: \(error)")
            }
            switch outcome {
            case let .compileFailed(diagnostics):
                let line = Self.firstLine(in: diagnostics, fileName: cells[0].fileName) ?? cells[0].firstLine
                return .rejected(line: line, diagnostics: diagnostics)
            case let .ran(outputs, failure):
                for cell in cells {
                    guard let printed = outputs.first(where: { $0.id == cell.id })?.output else {
                        blocks.append(CompiledBlockResult(blockIndex: cell.id, verdict: .notReached(reason: failure ?? "it ended early")))
                        continue
                    }
                    // The block the program stopped in: what it printed before is not the point.
                    if let failure, cell.id == outputs.last?.id {
                        blocks.append(CompiledBlockResult(blockIndex: cell.id, verdict: .stopped(reason: failure)))
                        continue
                    }
                    let interpreted = executed.run(ofBlock: cell.id)?.output ?? ""
                    blocks.append(CompiledBlockResult(blockIndex: cell.id, verdict: printed == interpreted ? .matches : .differs(compiledOutput: printed)))
                }
            }
        }
        return blocks.isEmpty ? nil : .checked(blocks)
    }

    /// Removes the temporary folder of the libraries and programs.
    public func removeWorkFolder() {
        try? FileManager.default.removeItem(at: work)
    }

    /// The line of the first `fileName:LINE:` in swiftc's diagnostics.
    static func firstLine(in diagnostics: String, fileName: String) -> Int? {
        guard let range = diagnostics.range(of: fileName + ":") else { return nil }
        return Int(diagnostics[range.upperBound...].prefix(while: \.isNumber))
    }
}
