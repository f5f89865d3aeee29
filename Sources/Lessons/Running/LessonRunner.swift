import Dispatch
import Foundation
import Interpreter
import Plotting

/// What one `swift-math` block did when it ran.
public struct BlockRun: Equatable, Sendable {
    /// The block's index in `Lesson.blocks`.
    public var blockIndex: Int
    /// What the block printed (figures as their text form), kept in full when an error stopped it.
    public var output: String
    /// The figures the block showed, with their offsets in `output`.
    public var figures: [ShownFigure]
    /// The errors, located in the block's own code (line 1 is the block's first line).
    public var diagnostics: [Diagnostic]

    public var succeeded: Bool { diagnostics.isEmpty }
}

/// A lesson after running: each runnable block's run, in order.
public struct ExecutedLesson: Equatable, Sendable {
    public var lesson: Lesson
    public var runs: [BlockRun]

    /// The run of block `index` of `lesson.blocks`, if it ran.
    public func run(ofBlock index: Int) -> BlockRun? {
        runs.first { $0.blockIndex == index }
    }
}

/// Runs a lesson's blocks in order in one session, as the cells of a notebook.
public enum LessonRunner {
    /// Runs every runnable block of `lesson`: all in one session, but a `reset` block starts a
    /// fresh one, and an exercise or solution block runs in a scope of its own.
    public static func run(_ lesson: Lesson, limits: Limits = .standard) -> ExecutedLesson {
        var session = Session(limits: limits)
        var runs: [BlockRun] = []
        for (index, block) in lesson.blocks.enumerated() where block.isRunnable {
            if block.options.contains(.reset) { session = Session(limits: limits) }
            runs.append(run(block, at: index, in: session))
        }
        return ExecutedLesson(lesson: lesson, runs: runs)
    }

    /// Runs many lessons on all cores; the results come back in the order of `lessons`.
    public static func run(_ lessons: [Lesson], limits: Limits = .standard) -> [ExecutedLesson] {
        concurrentMap(lessons.count) { run(lessons[$0], limits: limits) }
    }

    /// Runs one block in `session`.
    static func run(_ block: CodeBlock, at index: Int, in session: Session) -> BlockRun {
        guard block.runsInOwnScope else {
            let result = session.run(block.code)
            return BlockRun(blockIndex: index, output: result.output, figures: result.figures, diagnostics: result.diagnostics)
        }
        // `do { … }` gives the block a scope of its own, as `check --compiled` does in Swift; the
        // diagnostics are moved back by the line the wrapper adds.
        let result = session.run("do {\n" + block.code + "\n}\n")
        let lineCount = max(1, block.code.split(separator: "\n", omittingEmptySubsequences: false).count)
        let diagnostics = result.diagnostics.map { diagnostic in
            var moved = diagnostic
            let line = diagnostic.location.line - 1
            moved.location = line < 1 ? SourceLocation(line: 1, column: 1)
                : line > lineCount ? SourceLocation(line: lineCount, column: 1)
                : SourceLocation(line: line, column: diagnostic.location.column)
            return moved
        }
        return BlockRun(blockIndex: index, output: result.output, figures: result.figures, diagnostics: diagnostics)
    }
}

/// `transform` of every index in `0..<count`, computed on all cores, returned in index order.
/// Each index is computed exactly once; `transform` must not share mutable state between indexes.
public func concurrentMap<Element>(_ count: Int, _ transform: (Int) -> Element) -> [Element] {
    let slots = ResultSlots<Element>(count: count)
    withoutActuallyEscaping(transform) { transform in
        nonisolated(unsafe) let work = transform
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots[index] = work(index)
        }
    }
    return slots.values
}

/// Slots filled by concurrent workers, each slot by exactly one of them.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    /// The values, once every slot is filled.
    var values: [Value] {
        lock.withLock { slots.compactMap { $0 } }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double` (for progress lines and reports).
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
