import Foundation

/// One cell of a compiled program: a code block of a lesson.
struct CompiledCell: Equatable, Sendable {
    /// Names the cell in the outcome (the block's index in its lesson, say).
    var id: Int
    /// The Swift code of the block, as written in the lesson.
    var code: String
    /// The name that diagnostics and traps give the cell's file, `lesson.md` or `lessons/01.md`.
    var fileName: String
    /// The line of the lesson file that holds the first line of `code`, from 1.
    var firstLine: Int
}

/// What became of a compiled program: rejected by swiftc, or run (to its end or not).
enum CompiledOutcome: Equatable, Sendable {
    /// What one cell printed to standard output.
    struct CellOutput: Equatable, Sendable {
        /// The ``CompiledCell/id`` of the cell.
        var id: Int
        /// Its standard output, exactly; a cell that printed nothing has "".
        var output: String
    }

    /// swiftc rejected the program; its diagnostics, `fileName:line:col` pointing into the lesson
    /// thanks to `#sourceLocation`.
    case compileFailed(diagnostics: String)
    /// The program ran; what each cell printed, in order. `failure` says how it ended if not
    /// normally (the trap message from standard error, a signal, an exit status, a timeout): the
    /// last entry is then the cell it stopped in, with what that cell printed before, and the
    /// cells after it have no entry.
    case ran(outputs: [CellOutput], failure: String?)
}

/// Lesson cells compiled together as one Swift program by the real `swiftc`, and run.
///
/// The cells are the top-level code of one main.swift, in order, so that names declared in one
/// cell are visible in the cells after it, as in a notebook. After each cell the program prints a
/// marker, which cuts standard output into what each cell printed.
enum CompiledProgram {
    /// Time allowed for swiftc to compile one program (a lesson takes 0.1 to 0.3 s here).
    static let compileTimeout: TimeInterval = 180

    /// The main.swift of `cells`: the libraries' imports, then each cell between `#sourceLocation`
    /// directives and followed by its marker.
    ///
    /// Swift-math imports Foundation, MathCore and Plotting implicitly, hence the imports here. A
    /// cell may still write `import MathCore` itself: in main.swift an import may follow other
    /// top-level code and may repeat one already made (checked with swiftc 6.3, in the Swift 5 and
    /// 6 modes, without a warning), so cells are kept as written and their line numbers stay true.
    ///
    /// The marker is printed with no newline before it, so a cell whose output does not end in a
    /// newline is still cut right, and through `Swift.print` so that a cell declaring its own
    /// `print` cannot take it over.
    static func source(for cells: [CompiledCell]) -> String {
        var source = "import Foundation\nimport MathCore\nimport Plotting\n"
        for cell in cells {
            source += "#sourceLocation(file: \"\(stringLiteralContent(cell.fileName))\", line: \(max(1, cell.firstLine)))\n"
            source += cell.code
            // A directive must start a line of its own.
            if !cell.code.hasSuffix("\n") { source += "\n" }
            source += "#sourceLocation()\n"
            source += #"Swift.print("\u{1}mathbook-cell-\#(cell.id)\u{1}", terminator: "")"# + "\n"
        }
        return source
    }

    /// Compiles `cells` as one program against `libraries` and runs it, for at most `timeout` seconds.
    ///
    /// Everything happens in a new subfolder of the libraries' work folder, removed afterwards.
    /// The program runs under `stdbuf -o0` when stdbuf is on PATH, so that what it printed before
    /// a trap is not lost in a stdio buffer, and with Swift's backtracer off (its report is slow
    /// and long; the runtime's one-line message is what the failure shows).
    static func run(
        _ cells: [CompiledCell], libraries: CompiledLibraries, swiftc: URL, timeout: TimeInterval
    ) throws(CompiledError) -> CompiledOutcome {
        let folder = libraries.work.appendingPathComponent("program-\(UUID().uuidString)", isDirectory: true)
        let main = folder.appendingPathComponent("main.swift")
        let binary = folder.appendingPathComponent("lesson")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            try Data(source(for: cells).utf8).write(to: main)
        } catch {
            throw .couldNotWrite(path: folder.path, reason: error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = LocalPaths(folders: [folder, libraries.work, libraries.sources])

        let compile = try ChildProcess.run(
            swiftc, libraries.compileArguments(main: main, output: binary), in: folder, timeout: compileTimeout)
        guard compile.exitedNormally else {
            return .compileFailed(diagnostics: compileFailure(compile, paths: paths))
        }

        let stdbuf = ChildProcess.find("stdbuf")
        let run = try ChildProcess.run(
            stdbuf ?? binary, stdbuf == nil ? [] : ["-o0", binary.path],
            environment: ["SWIFT_BACKTRACE": "enable=no"], in: folder, timeout: timeout)
        let split = splitOutput(run.standardOutput, cells: cells)
        return .ran(outputs: split.outputs, failure: failure(of: run, unfinishedCell: split.unfinishedCell, timeout: timeout, paths: paths))
    }

    // MARK: - Reading what the program printed

    /// The marker printed after the cell `id`: control characters that ordinary output does not hold.
    static func marker(for id: Int) -> String {
        "\u{1}mathbook-cell-\(id)\u{1}"
    }

    /// Standard output cut at the cells' markers: what each cell printed, in order, up to the
    /// first cell whose marker is missing (`unfinishedCell`), which gets what was printed after
    /// the previous marker.
    ///
    /// Anything printed after the last marker (by an `atexit` handler, say) goes to the last cell.
    static func splitOutput(_ output: Data, cells: [CompiledCell]) -> (outputs: [CompiledOutcome.CellOutput], unfinishedCell: Int?) {
        let bytes = [UInt8](output)
        var rest = bytes[...]
        var outputs: [CompiledOutcome.CellOutput] = []
        for cell in cells {
            guard let found = rest.firstRange(of: Array(marker(for: cell.id).utf8)) else {
                outputs.append(.init(id: cell.id, output: String(decoding: rest, as: UTF8.self)))
                return (outputs, cell.id)
            }
            outputs.append(.init(id: cell.id, output: String(decoding: rest[..<found.lowerBound], as: UTF8.self)))
            rest = rest[found.upperBound...]
        }
        if !rest.isEmpty, let last = outputs.indices.last {
            outputs[last].output += String(decoding: rest, as: UTF8.self)
        }
        return (outputs, nil)
    }

    /// How a run ended when not normally; nil when it exited with status 0 after every cell.
    private static func failure(of run: ChildProcess.Result, unfinishedCell: Int?, timeout: TimeInterval, paths: LocalPaths) -> String? {
        let message = trapMessage(run.standardErrorText, paths: paths)
        if run.timedOut {
            return "timed out after \(String(format: "%g", timeout)) s" + (unfinishedCell.map { " in cell \($0)" } ?? "")
        }
        if run.signalled {
            return message.isEmpty ? "stopped by signal \(run.status) without a message (as an arithmetic overflow does)" : message
        }
        if run.status != 0 {
            return "exited with status \(run.status)" + (message.isEmpty ? "" : ": \(message)")
        }
        if let cell = unfinishedCell {
            // `exit(0)` in a cell.
            return "exited with status 0 before the end of cell \(cell)"
        }
        return nil
    }

    /// The runtime's message from standard error (`Lesson/lesson.md:12: Fatal error: …`), without
    /// the stack trace the runtime prints after it even with the backtracer off.
    private static func trapMessage(_ standardError: String, paths: LocalPaths) -> String {
        var message = Substring(standardError)
        if let trace = message.range(of: "Current stack trace:") {
            message = message[..<trace.lowerBound]
        }
        return paths.strip(String(message)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// swiftc's diagnostics as it printed them, temporary paths removed; a summary when it printed none.
    private static func compileFailure(_ compile: ChildProcess.Result, paths: LocalPaths) -> String {
        let diagnostics = paths.strip(compile.standardErrorText).trimmingCharacters(in: .newlines)
        if compile.timedOut {
            return "swiftc did not finish within \(String(format: "%g", compileTimeout)) s" + (diagnostics.isEmpty ? "" : "\n\(diagnostics)")
        }
        return diagnostics.isEmpty ? "swiftc failed (\(compile.summary)) and printed no diagnostics" : diagnostics
    }

    /// The text of a Swift string literal holding `text` (for the file name of `#sourceLocation`).
    private static func stringLiteralContent(_ text: String) -> String {
        var literal = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            // A directive is one line; a file name with a line break in it gets a space.
            case "\n", "\r": literal += " "
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal
    }
}

/// The folders of this machine to take out of what swiftc and the program print: the program's
/// temporary folder, the work folder, the package root.
///
/// A diagnostic outside every cell (an unclosed `{` is reported at the end of main.swift) would
/// otherwise name a random folder, and a trap in MathCore the checkout's place on this machine;
/// `main.swift:14:1` and `Sources/MathCore/Indexing.swift:7` are the same on every machine.
private struct LocalPaths {
    /// Each folder's path with a final `/`, symlinks both kept and resolved (`/tmp` is
    /// `/private/tmp` on macOS), longest first so that a subfolder goes before its parent.
    let prefixes: [String]

    /// The paths to take out: `folders`, as given and with symlinks resolved.
    init(folders: [URL]) {
        let paths = folders.flatMap { [$0.standardizedFileURL.path, $0.resolvingSymlinksInPath().path] }
        prefixes = Set(paths.filter { $0 != "/" && !$0.isEmpty }.map { $0 + "/" })
            .sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// `text` with every prefix removed.
    func strip(_ text: String) -> String {
        prefixes.reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
    }
}
