/// The bounds that keep any program from hanging, crashing or exhausting the host.
public struct Limits: Sendable, Equatable {
    /// Wall-clock time for one run.
    public var timeLimit: Duration
    /// Loop iterations and calls, counted together.
    public var maximumSteps: Int
    /// Nested calls: deep recursion is an error, never a stack overflow of the host.
    public var maximumCallDepth: Int
    /// Elements in one array or tensor.
    public var maximumElements: Int
    /// Bytes of printed output.
    public var maximumOutputBytes: Int
    /// Bytes of memory in use by the whole process (checked as the code runs, where the C
    /// allocator can tell; a bound on the total, beside `maximumElements` for one allocation).
    public var maximumMemoryBytes: Int

    public init(
        timeLimit: Duration = .seconds(5), maximumSteps: Int = 500_000_000, maximumCallDepth: Int = 2_000,
        maximumElements: Int = 50_000_000, maximumOutputBytes: Int = 10_000_000, maximumMemoryBytes: Int = 4 << 30
    ) {
        self.timeLimit = timeLimit
        self.maximumSteps = maximumSteps
        self.maximumCallDepth = maximumCallDepth
        self.maximumElements = maximumElements
        self.maximumOutputBytes = maximumOutputBytes
        self.maximumMemoryBytes = maximumMemoryBytes
    }

    /// Stops a collection from growing past ``maximumElements`` (elements, or bytes of a string).
    static func checkGrowth(to count: Int, in frame: Frame, at place: SourceLocation) throws {
        let limit = frame.context.limits.maximumElements
        if count > limit {
            throw RuntimeError(message: "a collection of \(count) elements exceeds the limit of \(limit) (the memory limit)", location: place)
        }
        // Growing by doubling: a total check every so often is enough.
        if count & 0xFFFF == 0 { try frame.context.checkMemory(at: place) }
    }

    /// The defaults: five seconds, two thousand nested calls, 50 million elements (400 MB) in one
    /// allocation, 4 GiB in all, 10 MB of output.
    public static let standard = Limits()
}
