import Foundation
import MathCore
import Plotting
import SwiftDiagnostics
import SwiftOperators
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// A figure the code printed: the figure itself (for an SVG on the page) and where its text form
/// starts in the output.
public struct ShownFigure: Equatable, Sendable {
    public var figure: Figure
    /// The offset in `RunResult.output`, in UTF-8 bytes, where the figure's text form begins.
    public var outputOffset: Int
}

/// The result of running one piece of Swift-math code.
public struct RunResult: Equatable, Sendable {
    /// Everything the code printed, in order (kept in full when an error stopped it); a printed
    /// figure appears as its text form, as compiled Swift prints it.
    public var output: String
    /// The figures printed, in order.
    public var figures: [ShownFigure] = []
    /// The errors: syntax errors (all of them), or the one compile or runtime error that stopped the run.
    public var diagnostics: [Diagnostic]

    public var succeeded: Bool { diagnostics.isEmpty }
}

/// A notebook-like session: code run in it sees the variables, functions and structs of the code
/// run before it, and the state of the random generator, as the cells of a notebook do.
///
/// ```swift
/// let session = Session()
/// _ = session.run("let x = 6 * 7")
/// print(session.run("print(x)").output)   // 42
/// ```
public final class Session {
    public let limits: Limits
    /// The random generator behind `seed(_:)`, `randomUniform` and `randomNormal`; seeded with 0,
    /// as MathCore's own, so that code prints the same numbers here as compiled.
    var generator = RandomGenerator(seed: 0)
    /// The top-level names declared so far, and their slots in `globalFrame`.
    let globals = Scope()
    var globalSlotCount = 0
    var globalFrame: Frame?
    /// Whether top-level functions of numbers run as scalar kernels (off only in the tests that
    /// compare the two compiled forms).
    var usesKernels = true
    /// How many top-level loops of the last run were compiled to kernels (for the tests).
    var loopKernelsInLastRun = 0

    public init(limits: Limits = .standard) {
        self.limits = limits
    }

    /// Parses, checks and runs `source`. `origin` is where the code starts in its file, so that
    /// every diagnostic points into the file (a code block that starts on line 40 of a lesson).
    public func run(_ source: String, origin: SourceLocation = SourceLocation(line: 1, column: 1)) -> RunResult {
        var result = Self.onLargeStack { self.runHere(source) }
        result.diagnostics = result.diagnostics.map { diagnostic in
            var shifted = diagnostic
            shifted.location = diagnostic.location.shifted(by: origin)
            return shifted
        }
        return result
    }

    /// The session's state as it is now, to go back to later (`restore(_:)`): a notebook that
    /// re-runs from a changed cell. Nil when the state holds something a copy cannot capture: an
    /// autodiff `Variable` (a reference), or a closure that captured a function's local variables.
    public func snapshot() -> SessionSnapshot? {
        var slots: [Value] = []
        if let frame = globalFrame {
            slots.reserveCapacity(globalSlotCount)
            for index in 0..<min(globalSlotCount, frame.slotCount) {
                let value = frame.slots[index]
                guard Self.isCopyable(value, globalFrame: frame) else { return nil }
                slots.append(value)
            }
        }
        return SessionSnapshot(names: globals.names, uninitialised: globals.uninitialised,
                               slotCount: globalSlotCount, slots: slots, generator: generator)
    }

    /// Puts the session back as it was when `snapshot` was taken.
    public func restore(_ snapshot: SessionSnapshot) {
        globals.names = snapshot.names
        globals.uninitialised = snapshot.uninitialised
        globals.declaredInThisRun = []
        globalSlotCount = snapshot.slotCount
        generator = snapshot.generator
        guard let frame = globalFrame else { return }
        for index in 0..<frame.slotCount {
            frame.slots[index] = index < snapshot.slots.count ? snapshot.slots[index] : .void
        }
    }

    /// Whether a copy of `value` is a true snapshot of it: values all the way down, or functions
    /// whose only captured frame is the top level's (which `restore` rewrites in place).
    static func isCopyable(_ value: Value, globalFrame: Frame) -> Bool {
        switch value {
        case .variable:
            return false
        case let .function(function):
            return function.environment == nil || function.environment === globalFrame
        case let .array(items), let .tuple(items):
            return items.allSatisfy { isCopyable($0, globalFrame: globalFrame) }
        case let .dictionary(items):
            return items.values.allSatisfy { isCopyable($0, globalFrame: globalFrame) }
        case let .some(wrapped):
            return isCopyable(wrapped, globalFrame: globalFrame)
        default:
            return true
        }
    }

    /// Square brackets nested deeper than this are refused before parsing: swift-syntax's parser
    /// looks ahead on each `[` (array type or array literal?), and its time doubles with every
    /// level (measured: 22 levels 0.7 s, 24 levels 8.6 s). Tensor literals need a handful.
    static let maximumBracketDepth = 12

    private func runHere(_ source: String) -> RunResult {
        if let tooDeep = Self.firstBracketTooDeep(in: source) {
            return RunResult(output: "", diagnostics: [Diagnostic(.syntax, at: tooDeep,
                "brackets nested more than \(Self.maximumBracketDepth) deep are not supported in Swift-math")])
        }
        let tree = Parser.parse(source: source)
        let converter = SourceLocationConverter(fileName: "", tree: tree)
        let syntaxErrors = ParseDiagnosticsGenerator.diagnostics(for: tree)
        if !syntaxErrors.isEmpty {
            return RunResult(output: "", diagnostics: syntaxErrors.map { diagnostic in
                let place = diagnostic.location(converter: converter)
                return Diagnostic(.syntax, at: SourceLocation(line: place.line, column: place.column), diagnostic.message)
            })
        }
        let folded: SourceFileSyntax
        do {
            var table = OperatorTable.standardOperators
            try table.addSourceFile(Parser.parse(source: "infix operator •: MultiplicationPrecedence"))
            guard let result = try table.foldAll(tree).as(SourceFileSyntax.self) else {
                return RunResult(output: "", diagnostics: [Diagnostic(.syntax, at: SourceLocation(line: 1, column: 1), "could not read the operators")])
            }
            folded = result
        } catch let error as OperatorError {
            let diagnostic = error.asDiagnostic
            let place = diagnostic.location(converter: converter)
            return RunResult(output: "", diagnostics: [Diagnostic(.syntax, at: SourceLocation(line: place.line, column: place.column), diagnostic.message)])
        } catch {
            return RunResult(output: "", diagnostics: [Diagnostic(.syntax, at: SourceLocation(line: 1, column: 1), "\(error)")])
        }
        let foldedConverter = SourceLocationConverter(fileName: "", tree: folded)
        // Lower everything before running anything: a compile error means nothing runs.
        let lowerer = Lowerer(converter: foldedConverter, globals: globals, globalSlotCount: globalSlotCount)
        lowerer.usesKernels = usesKernels
        defer { loopKernelsInLastRun = lowerer.loopKernelCount }
        let snapshot = globals.names
        globals.declaredInThisRun = []
        let code: StatementCode
        do {
            code = try lowerer.lowerStatements(folded.statements)
        } catch let diagnostic as Diagnostic {
            globals.names = snapshot
            return RunResult(output: "", diagnostics: [diagnostic])
        } catch {
            globals.names = snapshot
            return RunResult(output: "", diagnostics: [Diagnostic(.compile, at: SourceLocation(line: 1, column: 1), "\(error)")])
        }
        globalSlotCount = lowerer.functions[0].slotCount
        let context = ExecutionContext(limits: limits, generator: generator)
        defer { generator = context.generator }
        let frame: Frame
        if let existing = globalFrame {
            frame = existing
            frame.context = context
            frame.grow(to: globalSlotCount)
        } else {
            frame = Frame(slotCount: globalSlotCount, parent: nil, context: context)
            globalFrame = frame
        }
        do {
            _ = try code(frame)
            return RunResult(output: context.output, figures: context.figures, diagnostics: [])
        } catch let error as RuntimeError {
            return RunResult(output: context.output, figures: context.figures, diagnostics: [Diagnostic(.runtime, at: error.location, error.message)])
        } catch {
            return RunResult(output: context.output, diagnostics: [Diagnostic(.runtime, at: SourceLocation(line: 1, column: 1), "\(error)")])
        }
    }

    /// Where `[` first opens a level deeper than the maximum, outside strings and comments.
    static func firstBracketTooDeep(in source: String) -> SourceLocation? {
        var depth = 0
        var line = 1, column = 1
        var inString = false, inLineComment = false, blockComments = 0
        var previous: UInt8 = 0
        for byte in source.utf8 {
            defer {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                    inLineComment = false
                } else {
                    column += 1
                }
                previous = byte
            }
            if inLineComment { continue }
            if blockComments > 0 {
                if previous == UInt8(ascii: "*") && byte == UInt8(ascii: "/") { blockComments -= 1 }
                else if previous == UInt8(ascii: "/") && byte == UInt8(ascii: "*") { blockComments += 1 }
                continue
            }
            if inString {
                if byte == UInt8(ascii: "\"") && previous != UInt8(ascii: "\\") { inString = false }
                if byte == UInt8(ascii: "\n") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "/") where previous == UInt8(ascii: "/"): inLineComment = true
            case UInt8(ascii: "*") where previous == UInt8(ascii: "/"): blockComments += 1
            case UInt8(ascii: "["):
                depth += 1
                if depth > maximumBracketDepth { return SourceLocation(line: line, column: column) }
            case UInt8(ascii: "]"): depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// Runs `body` on a thread with a large stack, so that the call-depth limit, not the host's
    /// stack, is what stops deep recursion.
    static func onLargeStack<T>(_ body: @escaping () -> T) -> T {
        let box = LargeStackBox(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = box.body()
            done.signal()
        }
        thread.stackSize = 512 << 20
        thread.start()
        done.wait()
        guard let value = box.value else { preconditionFailure("the worker thread ended without a result") }
        return value
    }
}

/// A session's state at one moment (see `Session.snapshot()`): its names, the values of its
/// top-level variables, and its random generator.
public struct SessionSnapshot: @unchecked Sendable {
    // Values are copies (Swift's copy-on-write collections and tensors); functions in them point
    // at the top-level frame, which `restore` rewrites rather than replaces.
    let names: [String: Binding]
    let uninitialised: Set<String>
    let slotCount: Int
    let slots: [Value]
    let generator: RandomGenerator
}

/// Carries a body to the large-stack thread and its result back.
private final class LargeStackBox<T>: @unchecked Sendable {
    // Written by the worker thread before it signals, read by the caller after it waits.
    var value: T?
    let body: () -> T

    init(_ body: @escaping () -> T) {
        self.body = body
    }
}
