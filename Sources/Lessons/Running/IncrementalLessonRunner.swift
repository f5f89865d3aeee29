import Foundation
import Interpreter

/// Runs lessons as a notebook re-runs its cells: it remembers each lesson's session and a
/// snapshot of it before every block, so that when block k changes, the blocks before it are not
/// run again; the session is put back as it was before block k, and only k and the blocks after
/// it run. For the dev server, where a lesson is edited and re-run again and again.
public final class IncrementalLessonRunner: @unchecked Sendable {
    /// What is remembered of one lesson.
    private struct Memory {
        var limits: Limits
        /// Each runnable block's code and options, in order.
        var signature: [BlockSignature]
        var runs: [BlockRun]
        /// Before each runnable block, the session it ran in and that session's state then (nil
        /// where the state could not be captured). A `reset` block starts another session.
        var snapshots: [Snapshot?]
        /// The session the last block ran in, as it was left.
        var lastSession: Session
    }

    private struct Snapshot {
        var session: Session
        var state: SessionSnapshot
    }

    private struct BlockSignature: Equatable {
        var code: String
        var options: BlockOptions
    }

    private var memories: [String: Memory] = [:]
    private let lock = NSLock()

    public init() {}

    /// Runs `lesson`, from the first block that changed since the last run of the same path.
    /// `resumedAt` is the position (among the runnable blocks) the run started from.
    public func run(_ lesson: Lesson, limits: Limits = .standard) -> (executed: ExecutedLesson, resumedAt: Int) {
        let indices = lesson.blocks.indices.filter { lesson.blocks[$0].isRunnable }
        let signature = indices.map { BlockSignature(code: lesson.blocks[$0].code, options: lesson.blocks[$0].options) }
        let previous = lock.withLock { memories[lesson.path] }

        var start = 0
        var session = Session(limits: limits)
        var runs: [BlockRun] = []
        var snapshots: [Snapshot?] = []
        if let previous, previous.limits == limits {
            let unchanged = min(zip(signature, previous.signature).prefix(while: { $0 == $1 }).count, previous.runs.count)
            if unchanged == signature.count && unchanged == previous.signature.count {
                // Only the prose changed: every block's run still holds.
                start = unchanged
                session = previous.lastSession
                runs = previous.runs
                snapshots = previous.snapshots
            } else if unchanged == previous.runs.count {
                // Blocks were only added at the end: go on in the session as it was left.
                start = unchanged
                session = previous.lastSession
                runs = previous.runs
                snapshots = previous.snapshots
            } else {
                // The latest snapshot at or before the first changed block.
                var resume = unchanged
                while resume > 0 && previous.snapshots[resume] == nil { resume -= 1 }
                if resume > 0, let snapshot = previous.snapshots[resume] {
                    start = resume
                    session = snapshot.session
                    session.restore(snapshot.state)
                    runs = Array(previous.runs.prefix(start))
                    snapshots = Array(previous.snapshots.prefix(start))
                }
            }
        }
        for position in start..<indices.count {
            let block = lesson.blocks[indices[position]]
            if block.options.contains(.reset) { session = Session(limits: limits) }
            snapshots.append(session.snapshot().map { Snapshot(session: session, state: $0) })
            runs.append(LessonRunner.run(block, at: indices[position], in: session))
        }
        // Earlier runs keep their output, but the blocks may have moved in the file.
        for position in runs.indices { runs[position].blockIndex = indices[position] }
        lock.withLock {
            memories[lesson.path] = Memory(limits: limits, signature: signature, runs: runs, snapshots: snapshots, lastSession: session)
        }
        return (ExecutedLesson(lesson: lesson, runs: runs), start)
    }
}
