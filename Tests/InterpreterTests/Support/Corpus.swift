import Foundation

/// The Swift-math corpus in `Tests/InterpreterTests/Corpus`: small programs, one folder per topic,
/// each beside the `.expected` standard output that the real Swift compiler's build of it prints.
///
/// - `runtime-errors/`: programs that print something and then trap; each names its error with
///   an `// expect-error: LINE:COLUMN: MESSAGE` directive, and its `.expected` holds what it printed
///   before the trap.
/// - `compile-errors/`: programs that Swift-math must reject before running anything; they have a
///   directive and no `.expected` (they are checked against the interpreter only).
/// - every other folder: programs that run to the end and exit normally.
///
/// `Corpus/README.md` gives the rules for the directives (how lines and columns are counted, the
/// wording of each message).
enum Corpus {
    /// `Tests/InterpreterTests/Corpus` in the source tree, found from this file's path.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Support
        .deletingLastPathComponent()   // InterpreterTests
        .appendingPathComponent("Corpus", isDirectory: true)

    /// The package's root folder (the one holding `Package.swift` and `Sources/`).
    static let packageRoot = directory
        .deletingLastPathComponent()   // InterpreterTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()

    /// The folder of programs that must trap.
    static let runtimeErrorsFolder = "runtime-errors"
    /// The folder of programs that must be rejected before they run.
    static let compileErrorsFolder = "compile-errors"

    /// Every program of the corpus, sorted by topic and name.
    static func programs() throws -> [CorpusProgram] {
        let manager = FileManager.default
        var programs: [CorpusProgram] = []
        let topics = try manager.contentsOfDirectory(atPath: directory.path)
            .filter { name in
                var isDirectory: ObjCBool = false
                return manager.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory) && isDirectory.boolValue
            }
            .sorted()
        for topic in topics {
            let folder = directory.appendingPathComponent(topic, isDirectory: true)
            for file in try manager.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".swift") {
                programs.append(try CorpusProgram(topic: topic, url: folder.appendingPathComponent(file)))
            }
        }
        return programs
    }

    /// `.expected` files with no program of the same name beside them (left behind by a rename).
    static func orphanedExpectations() throws -> [String] {
        let manager = FileManager.default
        var orphans: [String] = []
        guard let walker = manager.enumerator(atPath: directory.path) else { return [] }
        for case let path as String in walker where path.hasSuffix(".expected") {
            let program = String(path.dropLast(".expected".count)) + ".swift"
            if !manager.fileExists(atPath: directory.appendingPathComponent(program).path) { orphans.append(path) }
        }
        return orphans.sorted()
    }
}

/// One program of the corpus.
struct CorpusProgram: Sendable, CustomStringConvertible {
    /// What the program must do.
    enum Kind: Sendable {
        /// Run to the end and exit normally.
        case runs
        /// Print its `.expected` output, then trap with the error of its directive.
        case traps
        /// Be rejected before it runs, with the error of its directive.
        case rejected
    }

    /// An `// expect-error: LINE:COLUMN: MESSAGE` directive.
    struct ExpectedError: Sendable, Equatable, CustomStringConvertible {
        /// 1-based line, counting the directive lines themselves.
        var line: Int
        /// 1-based column, in UTF-8 bytes from the start of the line.
        var column: Int
        /// Swift-math's message.
        var message: String

        var description: String { "\(line):\(column): \(message)" }
    }

    /// The folder: `strings`, `runtime-errors`, …
    let topic: String
    /// The file name without `.swift`.
    let name: String
    /// The `.swift` file.
    let url: URL
    /// The program's text.
    let source: String
    /// The directive of a program that must fail (nil if it has none, or a malformed one).
    let expectedError: ExpectedError?
    /// Lines at the top of the file that start like a directive but do not parse.
    let malformedDirectives: [String]

    init(topic: String, url: URL) throws {
        self.topic = topic
        self.url = url
        self.name = url.deletingPathExtension().lastPathComponent
        self.source = try String(contentsOf: url, encoding: .utf8)
        var expectedError: ExpectedError?
        var malformed: [String] = []
        // Directives are comment lines at the top of the file.
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("//") else { break }
            guard line.hasPrefix("// expect-error:") else { continue }
            if let parsed = Self.parseDirective(line) { expectedError = parsed } else { malformed.append(String(line)) }
        }
        self.expectedError = expectedError
        self.malformedDirectives = malformed
    }

    /// `topic/name`, as the program is named in messages.
    var id: String { "\(topic)/\(name)" }
    var description: String { id }

    var kind: Kind {
        switch topic {
        case Corpus.runtimeErrorsFolder: .traps
        case Corpus.compileErrorsFolder: .rejected
        default: .runs
        }
    }

    /// The `.expected` file beside the program.
    var expectedOutputURL: URL { url.deletingPathExtension().appendingPathExtension("expected") }

    /// The standard output the program must print (nil when there is no `.expected` file).
    func expectedOutput() -> Data? { try? Data(contentsOf: expectedOutputURL) }

    /// `// expect-error: 12:7: index out of range` → (12, 7, "index out of range").
    static func parseDirective(_ line: Substring) -> ExpectedError? {
        let body = line.dropFirst("// expect-error:".count).drop { $0 == " " }
        let parts = body.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let row = Int(parts[0]), let column = Int(parts[1]), row > 0, column > 0 else { return nil }
        let message = parts[2].drop { $0 == " " }
        guard !message.isEmpty else { return nil }
        return ExpectedError(line: row, column: column, message: String(message))
    }
}
