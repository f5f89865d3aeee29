/// The variables of one running function (or of the top level), in slots numbered while lowering.
///
/// A function defined inside another keeps the frame it was defined in as `parent`, so a
/// closure reads and writes the very variables it captured (Swift captures by reference).
final class Frame {
    var slots: [Value]
    let parent: Frame?
    unowned var context: ExecutionContext

    init(slotCount: Int, parent: Frame?, context: ExecutionContext) {
        self.slots = [Value](repeating: .void, count: slotCount)
        self.parent = parent
        self.context = context
    }

    /// The frame `depth` levels out from this one (0 is this frame).
    @inline(__always)
    func ancestor(_ depth: Int) -> Frame {
        var frame = self
        for _ in 0..<depth { frame = frame.parent ?? frame }
        return frame
    }
}

/// A runtime error in the code being run: Swift would trap here.
struct RuntimeError: Error {
    var message: String
    var location: SourceLocation
}

/// How a statement finished, for the loop or function around it.
enum Flow {
    case normal
    case breakLoop(label: String?)
    case continueLoop(label: String?)
    case returned
}

/// What one run shares: the output written so far, the limits and what has been spent of them.
final class ExecutionContext {
    let limits: Limits
    /// Everything printed so far; kept when an error stops the run.
    var output = ""
    /// Loop iterations and calls so far.
    var steps = 0
    var callDepth = 0
    let deadline: ContinuousClock.Instant
    /// The value of the last `return`, read by the call that ran the function.
    var returnValue: Value = .void

    /// The session the run belongs to: its random generator lives across runs.
    let session: Session

    init(limits: Limits, session: Session) {
        self.limits = limits
        self.session = session
        self.deadline = ContinuousClock.now.advanced(by: limits.timeLimit)
    }

    /// Counts one step (a loop iteration or a call) and stops the run past the limits.
    @inline(__always)
    func step(at location: SourceLocation) throws {
        steps &+= 1
        if steps & 0xFFFF == 0 {
            if steps > limits.maximumSteps {
                throw RuntimeError(message: "execution stopped after \(limits.maximumSteps) steps (the step limit)", location: location)
            }
            if ContinuousClock.now > deadline {
                throw RuntimeError(message: "execution stopped after \(limits.timeLimit) (the time limit)", location: location)
            }
        }
    }

    func write(_ text: String) throws {
        output += text
        if output.utf8.count > limits.maximumOutputBytes {
            throw RuntimeError(message: "output exceeds \(limits.maximumOutputBytes) bytes (the output limit)", location: SourceLocation(line: 0, column: 0))
        }
    }
}
