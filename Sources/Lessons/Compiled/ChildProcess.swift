import Foundation

/// Runs a program to completion with a time limit, its standard output and error captured in files
/// (not pipes, so a chatty child can never block on a full pipe while we wait for it).
///
/// The same steps as the test helper of the compiled corpus (Tests/InterpreterTests/Support),
/// with typed errors, for `mathbook check --compiled`.
enum ChildProcess {
    /// How a child process ended and what it printed.
    struct Result: Equatable, Sendable {
        /// The exit code, or the signal number when `signalled`.
        var status: Int32
        /// Whether the process was ended by a signal (a Swift trap is SIGILL on x86-64, SIGTRAP on arm64).
        var signalled: Bool
        /// Whether it was killed for running past its time limit.
        var timedOut: Bool
        /// Everything the process wrote to standard output.
        var standardOutput: Data
        /// Everything the process wrote to standard error.
        var standardError: Data

        /// Whether the process ended by itself with status 0.
        var exitedNormally: Bool { !signalled && !timedOut && status == 0 }

        /// Standard error as text (invalid UTF-8 repaired, never rejected).
        var standardErrorText: String { String(decoding: standardError, as: UTF8.self) }

        /// "exit status 1", "signal 4", "timed out".
        var summary: String {
            if timedOut { return "timed out" }
            return signalled ? "signal \(status)" : "exit status \(status)"
        }
    }

    /// Runs `executable` with `arguments`, in `directory`, with `environment` added to ours.
    ///
    /// The capture files are made in `directory` and removed before returning. Past `timeout`
    /// the child is asked to terminate (SIGTERM), then killed (SIGKILL) if it is still there 5 s later.
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:],
        in directory: URL, timeout: TimeInterval
    ) throws(CompiledError) -> Result {
        let outputURL = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errorURL = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        guard FileManager.default.createFile(atPath: outputURL.path, contents: nil),
              FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        else {
            throw .couldNotWrite(path: directory.path, reason: "cannot create the files that capture a child process's output")
        }
        let outputHandle: FileHandle
        let errorHandle: FileHandle
        do {
            outputHandle = try FileHandle(forWritingTo: outputURL)
            errorHandle = try FileHandle(forWritingTo: errorURL)
        } catch {
            throw .couldNotWrite(path: directory.path, reason: error.localizedDescription)
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try withSignalsUnblocked { try process.run() }
        } catch {
            try? outputHandle.close()
            try? errorHandle.close()
            throw .couldNotLaunch(program: executable.path, reason: error.localizedDescription)
        }
        // The child holds its own copies of the descriptors; ours are not needed any more.
        try? outputHandle.close()
        try? errorHandle.close()

        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        return Result(
            status: process.terminationStatus,
            signalled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut,
            standardOutput: (try? Data(contentsOf: outputURL)) ?? Data(),
            standardError: (try? Data(contentsOf: errorURL)) ?? Data())
    }

    /// Runs `body` (which starts a child) with no signal blocked on this thread, then restores the mask.
    ///
    /// The child inherits the signal mask of the thread that starts it, and the threads of
    /// Dispatch and of Swift concurrency block most signals, SIGTERM among them: a child started
    /// from one would ignore `terminate()` and only die of the SIGKILL 5 s later (seen in tests).
    /// Foundation learns of the child's end through a socket, not SIGCHLD, so the moment without
    /// a mask takes nothing from it.
    private static func withSignalsUnblocked<T>(_ body: () throws -> T) rethrows -> T {
        // A zeroed sigset_t is the empty set on Linux and on Darwin alike.
        var none = sigset_t()
        var previous = sigset_t()
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    /// The first executable called `name` in the folders of `PATH`.
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
