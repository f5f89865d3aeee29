import MathCore
import Plotting

/// The variables of one running function (or of the top level), in slots numbered while lowering.
///
/// A function defined inside another keeps the frame it was defined in as `parent`, so a
/// closure reads and writes the very variables it captured (Swift captures by reference).
final class Frame {
    /// The slots, allocated with the frame: no bounds or copy-on-write checks on the hot path
    /// (lowering gives every slot index below `slotCount`).
    private(set) var slots: UnsafeMutablePointer<Value>
    private(set) var slotCount: Int
    private(set) var parent: Frame?
    /// The run this frame belongs to. Strong (an unowned reference cost a check on every call);
    /// the context holds no frame, so there is no cycle.
    var context: ExecutionContext

    init(slotCount: Int, parent: Frame?, context: ExecutionContext) {
        self.slotCount = slotCount
        self.slots = UnsafeMutablePointer<Value>.allocate(capacity: max(slotCount, 1))
        self.slots.initialize(repeating: .void, count: max(slotCount, 1))
        self.parent = parent
        self.context = context
    }

    deinit {
        slots.deinitialize(count: max(slotCount, 1))
        slots.deallocate()
    }

    /// Prepares a finished frame for another call of the same function (see `FunctionInfo.spareFrames`).
    @inline(__always)
    func reuse(parent: Frame?, context: ExecutionContext) {
        if self.parent !== parent { self.parent = parent }
        if self.context !== context { self.context = context }
    }

    /// Releases what the slots hold, so a spare frame keeps nothing alive.
    @inline(__always)
    func clearSlots() {
        for index in 0..<slotCount { slots[index] = .void }
    }

    /// Makes room for more slots (the top-level frame grows as later cells declare globals).
    func grow(to count: Int) {
        guard count > slotCount else { return }
        let larger = UnsafeMutablePointer<Value>.allocate(capacity: count)
        larger.moveInitialize(from: slots, count: max(slotCount, 1))
        if slotCount == 0 { larger.deinitialize(count: 1) }
        (larger + slotCount).initialize(repeating: .void, count: count - slotCount)
        slots.deallocate()
        slots = larger
        slotCount = count
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
    /// The figures printed so far, each with the offset in `output` (UTF-8 bytes) where it starts.
    var figures: [ShownFigure] = []
    /// The registers of kernel calls, made by the first one (see `kernelStack`).
    var kernelStackStorage: KernelStack?

    /// The random generator behind `seed(_:)`, `randomUniform` and `randomNormal`: taken from the
    /// session at the start of a run and given back at its end.
    var generator: RandomGenerator

    init(limits: Limits, generator: RandomGenerator) {
        self.limits = limits
        self.generator = generator
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
            try checkMemory(at: location)
        }
    }

    /// Stops the run when the process uses more memory than the limit allows.
    func checkMemory(at location: SourceLocation) throws {
        if let used = MemoryUsage.bytesInUse(), used > limits.maximumMemoryBytes {
            throw RuntimeError(message: "memory in use exceeds \(limits.maximumMemoryBytes >> 20) MiB (the memory limit)", location: location)
        }
    }

    /// Shows a figure: its text form into the output, the figure itself into `figures`.
    func show(_ figure: Figure, at place: SourceLocation) throws {
        let text: String
        do { text = try figure.text() } catch { throw RuntimeError(message: String(describing: error), location: place) }
        figures.append(ShownFigure(figure: figure, outputOffset: output.utf8.count))
        try write(text + "\n")
    }

    func write(_ text: String) throws {
        output += text
        if output.utf8.count > limits.maximumOutputBytes {
            throw RuntimeError(message: "output exceeds \(limits.maximumOutputBytes) bytes (the output limit)", location: SourceLocation(line: 0, column: 0))
        }
    }
}
