// `swift run -c release mathcore-benchmark`: MathCore beside NumPy on the same machine, in one run.
//
// Each row is the median time of at least 5 runs and at least 0.3 s of runs, on both sides; the
// ratio is MathCore's time over NumPy's (below 1 is faster than NumPy). NumPy's side is
// Benchmarks/numpy_reference.py, run as a subprocess with the OpenBLAS tuning variables of this
// machine removed so that NumPy picks its own best kernels.
import Foundation
import MathCore

/// Keeps results alive so the optimiser cannot drop the work being timed.
nonisolated(unsafe) var sink = 0.0

func measure(minRuns: Int = 5, minSeconds: Double = 0.3, _ body: () -> Double) -> Double {
    var times: [Double] = []
    let clock = ContinuousClock()
    let start = clock.now
    while times.count < minRuns || (clock.now - start) < .seconds(minSeconds) {
        let t = clock.now
        sink += body()
        let elapsed = clock.now - t
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    times.sort()
    return times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
}

func mathCoreTimes() -> [(String, Double)] {
    var rows: [(String, Double)] = []
    seed(0)
    for n in [256, 512, 1024] {
        let a = randomNormal(n, n), b = randomNormal(n, n)
        rows.append(("matmul \(n)x\(n)", measure { (a • b).scalars[0] }))
    }
    let a = randomNormal(1_000_000), b = randomNormal(1_000_000), c = randomNormal(1_000_000)
    rows.append(("a * b + c (1e6)", measure { (a * b + c).scalars[0] }))
    rows.append(("sum (1e6)", measure { sum(a) }))
    rows.append(("mean (1e6)", measure { mean(a) }))
    rows.append(("variance (1e6)", measure { variance(a) }))
    let x = randomNormal(1000, 1000) * 10
    rows.append(("softmax 1000x1000", measure { softmax(x).scalars[0] }))
    return rows
}

/// Runs the NumPy script, or explains how to enable the comparison when NumPy is missing.
func numpyTimes() -> (version: String, times: [String: Double])? {
    let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("numpy_reference.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path]
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_CORETYPE"] = nil
    environment["OPENBLAS_L2_SIZE"] = nil
    process.environment = environment
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    _ = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
          let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let version = json["numpy"] as? String,
          let times = json["times"] as? [String: Double]
    else { return nil }
    return (version, times)
}

func milliseconds(_ seconds: Double) -> String { String(format: "%9.3f ms", seconds * 1000) }

func printThreadComparison() {
    let defaultThreads = BLAS.threadCount
    print("\nBLAS threads for matmul (MathCore uses 1 below 512³ multiply-adds, up to \(defaultThreads) from there):")
    seed(1)
    for n in [512, 1024] {
        let a = randomNormal(n, n), b = randomNormal(n, n)
        var cells: [String] = []
        for threads in [1, 2] {
            BLAS.threadCount = threads
            cells.append("\(threads) thread\(threads == 1 ? "" : "s"): \(milliseconds(measure { (a • b).scalars[0] }))")
        }
        print("  matmul \(n)x\(n)".padding(toLength: 22, withPad: " ", startingAt: 0) + cells.joined(separator: "   "))
    }
    BLAS.threadCount = defaultThreads
}

let ours = mathCoreTimes()
let reference = numpyTimes()
print("MathCore vs NumPy \(reference?.version ?? "(not available)"), median times, ratio = MathCore / NumPy (goal ≤ 1.2)")
print("| workload | MathCore | NumPy | ratio |")
print("| --- | ---: | ---: | ---: |")
for (name, time) in ours {
    if let numpy = reference?.times[name] {
        print("| \(name) | \(milliseconds(time)) | \(milliseconds(numpy)) | \(String(format: "%.2f", time / numpy)) |")
    } else {
        print("| \(name) | \(milliseconds(time)) | – | – |")
    }
}
if reference == nil {
    print("\nNumPy was not found, so only MathCore's times are shown. To compare, install it (`python3 -m pip install numpy`) and run again.")
}
printThreadComparison()
if let coreType = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] {
    print("\nOPENBLAS_CORETYPE=\(coreType) is set, which fixes MathCore's OpenBLAS kernels (NumPy's side runs without it).")
}
