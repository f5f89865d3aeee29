// swift-tools-version:6.0
import PackageDescription

// One target per stage of the pipeline (docs/architecture.md); imports point one way, down this list.
let package = Package(
    name: "Mathbook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mathbook", targets: ["mathbook"]),
        .library(name: "MathCore", targets: ["MathCore"]),
        .executable(name: "mathcore-benchmark", targets: ["MathCoreBenchmark"]),
        .executable(name: "interpreter-benchmark", targets: ["InterpreterBenchmark"]),
        .executable(name: "plotting-benchmark", targets: ["PlottingBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The executable: argument parsing and printing only.
        .executableTarget(
            name: "mathbook",
            dependencies: ["MathbookCLI", "Site", "Interpreter", "MathCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The commands (`run`, `check`, `build`, `serve`), testable without a process.
        .target(name: "MathbookCLI", dependencies: ["Site", "Lessons", "Interpreter"]),
        // The course site: pages from Mustache templates, highlighting, MathML, search, cache, atomic output.
        .target(
            name: "Site",
            dependencies: [
                "Lessons",
                "Interpreter",
                "Plotting",
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            resources: [.copy("Theme")]
        ),
        // Lessons: the model, cmark parsing, running blocks in a session, checking and updating outputs.
        .target(
            name: "Lessons",
            dependencies: ["CMark", "Interpreter", "Plotting", .product(name: "Yams", package: "Yams")]
        ),
        // Swift-math: parsing with swift-syntax, lowering to closures, the runtime, the MathCore bridge.
        .target(
            name: "Interpreter",
            dependencies: [
                "MathCore",
                "Plotting",
                "CAllocator",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
                .product(name: "SwiftOperators", package: "swift-syntax"),
                .product(name: "SwiftDiagnostics", package: "swift-syntax"),
            ],
            // The compiled form's closures read and write frames on every step; the checks of
            // exclusive access cost 4% of a call (measured on `fib(30)`). Debug builds, and so
            // the tests, keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // Numeric core: tensors, linear algebra, statistics, losses, calculus, autodiff, optimisers, randomness.
        .target(name: "MathCore", dependencies: ["COpenBLAS", "CAllocator"]),
        // The figure model and its SVG and text renderers.
        .target(name: "Plotting", dependencies: ["MathCore"]),

        // System libraries, each wrapped by exactly one Swift file of the target that uses it.
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]
        ),
        // glibc's `mallopt`, for MathCore's allocation tuning (a header only; nothing to link).
        .systemLibrary(name: "CAllocator"),
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),

        // `swift run -c release mathcore-benchmark`: MathCore beside NumPy, one run, ratios per row.
        .executableTarget(name: "MathCoreBenchmark", dependencies: ["MathCore"], path: "Benchmarks/MathCoreBenchmark"),
        // `swift run -c release plotting-benchmark`: render times of large figures, SVG and text.
        .executableTarget(name: "PlottingBenchmark", dependencies: ["Plotting", "MathCore"], path: "Benchmarks/PlottingBenchmark"),
        // `swift run -c release interpreter-benchmark`: Swift-math beside CPython, Lua and swiftc -O.
        .executableTarget(
            name: "InterpreterBenchmark", path: "Benchmarks/InterpreterBenchmark"
        ),

        .testTarget(
            name: "MathCoreTests",
            dependencies: ["MathCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "CMarkTests", dependencies: ["CMark"]),
        .testTarget(
            name: "InterpreterTests",
            dependencies: ["Interpreter", "MathbookCLI", "Lessons"],
            resources: [.copy("Corpus")]
        ),
        .testTarget(
            name: "LessonsTests",
            dependencies: ["Lessons", "MathbookCLI"],
            resources: [.copy("Lessons")]
        ),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Lessons", "MathbookCLI"], resources: [.copy("Course")]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"], resources: [.copy("Snapshots")]),
    ]
)
