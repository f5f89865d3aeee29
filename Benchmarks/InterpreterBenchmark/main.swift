// `swift run -c release interpreter-benchmark`: Swift-math beside CPython, Lua 5.4 (where it is
// installed) and the same program compiled with `swiftc -O`, per workload, from one run.
//
// Every time is the best of 7 runs of a whole process (`mathbook run FILE`, `python3 FILE`,
// `lua5.4 FILE`, the compiled binary), minus the best of 7 runs of an empty program of the same
// runtime, measured in turn with it, so that start-up is not counted against any of them. Programs live in Benchmarks/Interpreter,
// one file per runtime, and print the same results. Build `mathbook` in release first:
// `swift build -c release --product mathbook`.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Interpreter")
let packageRoot = folder.deletingLastPathComponent().deletingLastPathComponent()
let workloads: [(name: String, file: String, kind: String)] = [
    ("fib(30), recursive", "fib", "scalar"),
    ("gradient descent, 2,000,000 steps", "gradient_descent", "scalar"),
    ("120×120 matmul, triple loops", "matrix_loops", "scalar"),
    ("tensor linear regression, 200 steps", "tensor_regression", "tensor"),
]
let runs = 7

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// Runs a command and returns its wall time and standard output, or nil if it could not run or failed.
/// Runs a program to its end and times it: the wall-clock seconds and what it printed, or nil if
/// it failed. Spawned and waited for with `posix_spawn` and `waitpid`: Foundation's `Process`
/// notices a child's end late on Linux, which added tens of milliseconds to some runs.
func timeProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) -> (Double, String)? {
    var pipe: [Int32] = [0, 0]
    guard Glibc.pipe(&pipe) == 0 else { return nil }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addclose(&actions, pipe[0])
    posix_spawn_file_actions_addclose(&actions, pipe[1])
    let argv = (["/usr/bin/env", executable] + arguments).map { strdup($0) } + [nil]
    let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for pointer in argv { free(pointer) }
        for pointer in env { free(pointer) }
    }
    var child: pid_t = 0
    let start = ContinuousClock.now
    guard posix_spawn(&child, "/usr/bin/env", &actions, nil, argv, env) == 0 else {
        close(pipe[0])
        close(pipe[1])
        return nil
    }
    close(pipe[1])
    var output = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = read(pipe[0], &buffer, buffer.count)
        if count <= 0 { break }
        output.append(contentsOf: buffer[0..<count])
    }
    close(pipe[0])
    var status: Int32 = 0
    while waitpid(child, &status, 0) == -1 && errno == EINTR {}
    let elapsed = seconds(ContinuousClock.now - start)
    // Exited normally with status 0.
    guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else { return nil }
    return (elapsed, String(decoding: output, as: UTF8.self))
}

/// A workload's time beyond its runtime's start-up: the best of `runs` of each, the two measured
/// in turn, so that both see the same moments of a shared machine (measured apart, a slow minute
/// on one side changed a ratio by half).
func beyondStartUp(_ workload: () -> (Double, String)?, baseline: () -> (Double, String)?) -> (Double, String)? {
    var bestWorkload: (Double, String)?
    var bestBaseline = Double.infinity
    for _ in 0..<runs {
        if let start = baseline() { bestBaseline = min(bestBaseline, start.0) }
        guard let run = workload() else { return nil }
        if bestWorkload == nil || run.0 < bestWorkload!.0 { bestWorkload = run }
    }
    guard let bestWorkload, bestBaseline.isFinite else { return bestWorkload }
    return (max(0, bestWorkload.0 - bestBaseline), bestWorkload.1)
}

func available(_ command: String) -> Bool {
    timeProcess("which", [command]) != nil
}

// MathCore for the compiled programs, built once with -O.
let work = FileManager.default.temporaryDirectory.appendingPathComponent("interpreter-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
let mathCoreSources = (FileManager.default.enumerator(atPath: packageRoot.appendingPathComponent("Sources/MathCore").path)?.allObjects as? [String] ?? [])
    .filter { $0.hasSuffix(".swift") }.sorted().map { packageRoot.appendingPathComponent("Sources/MathCore/\($0)").path }
let blasFlags = (timeProcess("pkg-config", ["--cflags", "openblas"])?.1 ?? "").split(whereSeparator: \.isWhitespace).flatMap { ["-Xcc", String($0)] }
let blasLibraries = (timeProcess("pkg-config", ["--libs", "openblas"])?.1 ?? "-lopenblas").split(whereSeparator: \.isWhitespace).map(String.init)
let builtMathCore = timeProcess("swiftc", ["-O", "-whole-module-optimization", "-emit-library", "-emit-module", "-parse-as-library", "-module-name", "MathCore",
                                           "-I", packageRoot.appendingPathComponent("Sources/COpenBLAS").path,
                                           "-I", packageRoot.appendingPathComponent("Sources/CAllocator").path] + blasFlags + blasLibraries + mathCoreSources
                                 + ["-emit-module-path", work.appendingPathComponent("MathCore.swiftmodule").path, "-o", work.appendingPathComponent("libMathCore.so").path]) != nil
nonisolated(unsafe) var libraryEnvironment = ProcessInfo.processInfo.environment
libraryEnvironment["LD_LIBRARY_PATH"] = work.path + ":" + (libraryEnvironment["LD_LIBRARY_PATH"] ?? "")
// OpenBLAS starts a pool of threads that spin for a while when loaded; these workloads make no BLAS
// call, so the compiled programs run without the pool, which would otherwise compete for the cores.
libraryEnvironment["OPENBLAS_NUM_THREADS"] = "1"

func compiled(_ file: String) -> String? {
    let binary = work.appendingPathComponent(file).path
    let arguments = ["-O", "-I", work.path, "-I", packageRoot.appendingPathComponent("Sources/COpenBLAS").path,
                                           "-I", packageRoot.appendingPathComponent("Sources/CAllocator").path] + blasFlags
        + ["-L", work.path, "-lMathCore", "-lm", "-o", binary, folder.appendingPathComponent("\(file).swift").path]
    return timeProcess("swiftc", arguments) == nil ? nil : binary
}

// Start-up baselines: an empty program, and for the tensor workload one that loads MathCore and
// OpenBLAS (whose start-up alone is a good part of a short run).
func baseline(_ name: String, _ source: String) -> () -> (Double, String)? {
    let file = work.appendingPathComponent("\(name).swift")
    guard (try? Data(source.utf8).write(to: file)) != nil else { return { nil } }
    let binary = work.appendingPathComponent(name).path
    let arguments = ["-O", "-I", work.path, "-I", packageRoot.appendingPathComponent("Sources/COpenBLAS").path,
                                           "-I", packageRoot.appendingPathComponent("Sources/CAllocator").path] + blasFlags
        + ["-L", work.path, "-lMathCore", "-lm", "-o", binary, file.path]
    guard timeProcess("swiftc", arguments) != nil else { return { nil } }
    return { timeProcess(binary, [], environment: libraryEnvironment) }
}
let swiftBaseline = baseline("empty", "print(0)\n")
let mathCoreBaseline = builtMathCore ? baseline("empty_mathcore", "import MathCore\nprint(zeros(1) • zeros(1, 1))\n") : { nil }
let mathbook = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mathbook").path
guard FileManager.default.isExecutableFile(atPath: mathbook) else {
    print("mathbook is not built beside this benchmark: run `swift build -c release --product mathbook` first.")
    exit(1)
}
func mathbookBaseline(_ name: String, _ source: String) -> () -> (Double, String)? {
    let file = work.appendingPathComponent("\(name).swift")
    guard (try? Data(source.utf8).write(to: file)) != nil else { return { nil } }
    return { timeProcess(mathbook, ["run", file.path], environment: libraryEnvironment) }
}
let swiftMathBaseline = mathbookBaseline("empty_swiftmath", "print(0)\n")
// The tensor workload's baseline makes the same first tiny product as the compiled one's, so that
// both leave out OpenBLAS's first call.
let swiftMathTensorBaseline = mathbookBaseline("empty_swiftmath_mathcore", "print(zeros(1) • zeros(1, 1))\n")
let pythonBaseline = { timeProcess("python3", ["-c", "pass"]) }
/// NumPy's import alone takes a tenth of a second: the tensor workload's baseline includes it.
let numpyBaseline = { timeProcess("python3", ["-c", "import numpy"]) }
let hasLua = available("lua5.4")
let luaBaseline = { timeProcess("lua5.4", ["-e", ""]) }

func format(_ value: Double?) -> String { value.map { $0 < 0.001 ? "< 0.001 s" : String(format: "%.3f s", $0) } ?? "–" }
func ratio(_ a: Double?, _ b: Double?) -> String {
    guard let a, let b else { return "–" }
    guard b >= 0.001 else { return String(format: "> %.0f", a / 0.001) }
    return String(format: "%.2f", a / b)
}

print("Swift-math (mathbook run) beside CPython, Lua 5.4 and swiftc -O; best of \(runs) runs; ratio = Swift-math / other")
print("| workload | Swift-math | CPython | Lua 5.4 | swiftc -O | ÷ CPython | ÷ Lua | ÷ swiftc -O |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
var mismatches: [String] = []
for workload in workloads {
    let source = try String(contentsOf: folder.appendingPathComponent("\(workload.file).swift"), encoding: .utf8)
    _ = source
    let isTensor = workload.kind == "tensor"
    let ours = beyondStartUp({ timeProcess(mathbook, ["run", folder.appendingPathComponent("\(workload.file).swift").path], environment: libraryEnvironment) },
                             baseline: isTensor ? swiftMathTensorBaseline : swiftMathBaseline)
    let python = beyondStartUp({ timeProcess("python3", [folder.appendingPathComponent("\(workload.file).py").path]) },
                               baseline: isTensor ? numpyBaseline : pythonBaseline)
    let luaFile = folder.appendingPathComponent("\(workload.file).lua").path
    let lua = hasLua && FileManager.default.fileExists(atPath: luaFile) ? beyondStartUp({ timeProcess("lua5.4", [luaFile]) }, baseline: luaBaseline) : nil
    let binary = builtMathCore ? compiled(workload.file) : nil
    let native = binary.flatMap { path in
        beyondStartUp({ timeProcess(path, [], environment: libraryEnvironment) }, baseline: isTensor ? mathCoreBaseline : swiftBaseline)
    }
    if let ours, let native, ours.1 != native.1 { mismatches.append("\(workload.name): Swift-math printed \(ours.1.debugDescription), swiftc \(native.1.debugDescription)") }
    let (oursTime, pythonTime, luaTime, nativeTime) = (ours?.0, python?.0, lua?.0, native?.0)
    print("| \(workload.name) | \(format(oursTime)) | \(format(pythonTime)) | \(format(luaTime)) | \(format(nativeTime)) | \(ratio(oursTime, pythonTime)) | \(ratio(oursTime, luaTime)) | \(ratio(oursTime, nativeTime)) |")
}
if !hasLua { print("\nlua5.4 was not found; install it (`apt-get install lua5.4`) to add its column.") }
if !builtMathCore { print("\nswiftc could not build MathCore, so the compiled column is empty.") }
for mismatch in mismatches { print("\nOUTPUT DIFFERS: \(mismatch)") }
