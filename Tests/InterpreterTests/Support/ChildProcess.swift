import Foundation

/// Runs a program to completion with a time limit, its standard output and error captured in files
/// (not pipes, so a chatty child can never block on a full pipe while we wait for it).
enum ChildProcess {
    /// How a child process ended and what it printed.
    struct Result: Sendable {
        /// The exit code, or the signal number when `signalled`.
        var status: Int32
        /// Whether the process was ended by a signal (a Swift trap is SIGILL on x86-64, SIGTRAP on arm64).
        var signalled: Bool
        /// Whether it was killed for running past its time limit.
        var timedOut: Bool
        var standardOutput: Data
        var standardError: Data

        var exitedNormally: Bool { !signalled && !timedOut && status == 0 }
        var standardErrorText: String { String(decoding: standardError, as: UTF8.self) }

        /// "exit status 1", "signal 4", "timed out".
        var summary: String {
            if timedOut { return "timed out" }
            return signalled ? "signal \(status)" : "exit status \(status)"
        }
    }

    /// Runs `executable` with `arguments`, in `directory`, with `environment` added to ours.
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:],
        in directory: URL, timeout: TimeInterval
    ) throws -> Result {
        let outputURL = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errorURL = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        let output = try FileHandle(forWritingTo: outputURL)
        let error = try FileHandle(forWritingTo: errorURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = error
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        try? output.close()
        try? error.close()

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
