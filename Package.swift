// swift-tools-version:6.0
import PackageDescription

// One target per stage of the pipeline (docs/architecture.md); imports point one way, down this list.
let package = Package(
    name: "Mathbook",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "MathCore", targets: ["MathCore"]),
        .executable(name: "mathcore-benchmark", targets: ["MathCoreBenchmark"]),
    ],
    targets: [
        // Numeric core: tensors, linear algebra, statistics, losses, calculus, autodiff, optimisers, randomness.
        .target(name: "MathCore", dependencies: ["COpenBLAS"]),

        // System libraries, each wrapped by exactly one Swift file of the target that uses it.
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]
        ),
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),

        // `swift run -c release mathcore-benchmark`: MathCore beside NumPy, one run, ratios per row.
        .executableTarget(name: "MathCoreBenchmark", dependencies: ["MathCore"], path: "Benchmarks/MathCoreBenchmark"),

        .testTarget(
            name: "MathCoreTests",
            dependencies: ["MathCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "CMarkTests", dependencies: ["CMark"]),
    ]
)
