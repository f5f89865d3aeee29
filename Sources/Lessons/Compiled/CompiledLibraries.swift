import Foundation

/// MathCore and Plotting built by the real `swiftc` into a work folder, for lesson programs to link against.
///
/// The steps are those of the compiled corpus (`CompiledOracle` in the interpreter's tests and
/// Corpus/record-expected.sh): each module is compiled straight from its sources with
/// `swiftc -emit-library -emit-module`, no SwiftPM, so it cannot contend with a package build.
struct CompiledLibraries: Sendable {
    /// The package root whose `Sources` the libraries were built from; the C module maps stay there.
    let sources: URL
    /// The folder holding the libraries, their modules, and a subfolder per program while it is compiled.
    let work: URL
    /// OpenBLAS's include flags, each after `-Xcc` so that they reach the Clang importer.
    let clangFlags: [String]

    #if os(macOS)
    /// How the platform names a shared library: `lib` + name + this.
    static let librarySuffix = ".dylib"
    #else
    /// How the platform names a shared library: `lib` + name + this.
    static let librarySuffix = ".so"
    #endif

    /// Time allowed for building one library (3.5 s for MathCore on a 2-core machine, far less than this).
    static let buildTimeout: TimeInterval = 600

    /// Builds libMathCore and libPlotting from `sources/Sources` into `work`, an existing empty folder.
    ///
    /// A debug build (no `-O`): 3.5 s for MathCore and 2 s for Plotting on 2 cores, where `-O`
    /// doubles that and lesson programs are too small for it to pay off.
    static func build(sources: URL, work: URL, swiftc: URL) throws(CompiledError) -> CompiledLibraries {
        let mathCoreFiles = try swiftFiles(of: "MathCore", in: sources)
        let plottingFiles = try swiftFiles(of: "Plotting", in: sources)
        // Without pkg-config, OpenBLAS is looked for where the toolchain looks by default.
        let cflags = pkgConfig(["--cflags", "openblas"], in: work) ?? []
        let libs = pkgConfig(["--libs", "openblas"], in: work) ?? ["-lopenblas"]
        let libraries = CompiledLibraries(sources: sources, work: work, clangFlags: cflags.flatMap { ["-Xcc", $0] })

        try libraries.buildModule("MathCore", files: mathCoreFiles, linking: libs, swiftc: swiftc)
        // Plotting's own rpath finds libMathCore even when a program does not link it directly.
        try libraries.buildModule(
            "Plotting", files: plottingFiles,
            linking: ["-L", work.path, "-lMathCore", "-Xlinker", "-rpath", "-Xlinker", work.path],
            swiftc: swiftc)
        return libraries
    }

    /// swiftc's arguments to compile `main` (a lesson program) against the libraries into `output`.
    ///
    /// `-module-name Lesson` is the name traps print (`Lesson/lesson.md:4: Fatal error: …`).
    /// `-diagnostic-style llvm` prints each diagnostic as `lesson.md:12:5: error: …` with the
    /// offending line and a caret; the default Swift style would quote the generated main.swift
    /// around it, `#sourceLocation` directives and numbering included, which means nothing to
    /// the lesson's author. `-lm`: a debug build of `x.squareRoot()` calls the C library's `sqrt`
    /// (see record-expected.sh). No `-swift-version`: swiftc's default, the Swift 5 language
    /// mode, as the corpus's expectations were recorded; in Swift 6 mode a program with global
    /// mutable state (a top-level `var` that a function changes) does not compile.
    func compileArguments(main: URL, output: URL) -> [String] {
        ["-module-name", "Lesson", "-diagnostic-style", "llvm", "-lm",
         "-I", work.path, "-L", work.path, "-lMathCore", "-lPlotting", "-Xlinker", "-rpath", "-Xlinker", work.path]
            + moduleMapFlags + clangFlags + [main.path, "-o", output.path]
    }

    /// The first of `folder` and its ancestors that holds `Package.swift` and `Sources/MathCore`.
    ///
    /// How `mathbook check --compiled` finds MathCore's sources when it is run inside the project.
    static func findPackageRoot(startingAt folder: URL) -> URL? {
        var candidate = folder.standardizedFileURL
        while true {
            var isFolder: ObjCBool = false
            let mathCore = candidate.appendingPathComponent("Sources/MathCore").path
            if FileManager.default.fileExists(atPath: mathCore, isDirectory: &isFolder), isFolder.boolValue,
               FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path) {
                return candidate
            }
            let parent = candidate.deletingLastPathComponent().standardizedFileURL
            // At the root, the parent of `/` is `/` again (or an empty path on some platforms).
            if parent.path == candidate.path || parent.path.isEmpty { return nil }
            candidate = parent
        }
    }

    // MARK: - Building

    /// The `-I` flags of the COpenBLAS and CAllocator module maps, which MathCore's module refers to.
    private var moduleMapFlags: [String] {
        ["-I", sources.appendingPathComponent("Sources/COpenBLAS").path,
         "-I", sources.appendingPathComponent("Sources/CAllocator").path]
    }

    /// Compiles `files` into `lib<module>` and `<module>.swiftmodule` in the work folder.
    private func buildModule(_ module: String, files: [String], linking: [String], swiftc: URL) throws(CompiledError) {
        let arguments = ["-emit-library", "-emit-module", "-parse-as-library", "-module-name", module, "-I", work.path]
            + moduleMapFlags + clangFlags + linking + files
            + ["-emit-module-path", work.appendingPathComponent("\(module).swiftmodule").path,
               "-o", work.appendingPathComponent("lib\(module)\(Self.librarySuffix)").path]
        let build = try ChildProcess.run(swiftc, arguments, in: work, timeout: Self.buildTimeout)
        guard build.exitedNormally else {
            throw .libraryBuildFailed(module: module, diagnostics: "(\(build.summary))\n\(build.standardErrorText)")
        }
    }

    /// The paths of the Swift files under `Sources/<module>`, sorted so that every build is the same.
    private static func swiftFiles(of module: String, in root: URL) throws(CompiledError) -> [String] {
        let folder = root.appendingPathComponent("Sources/\(module)").resolvingSymlinksInPath()
        var files: [String] = []
        if let walker = FileManager.default.enumerator(atPath: folder.path) {
            for case let path as String in walker where path.hasSuffix(".swift") {
                files.append(folder.appendingPathComponent(path).path)
            }
        }
        guard !files.isEmpty else { throw .missingSources(module: module, folder: folder.path) }
        return files.sorted()
    }

    /// `pkg-config ARGS`, split into flags; nil when pkg-config is missing or fails.
    private static func pkgConfig(_ arguments: [String], in folder: URL) -> [String]? {
        guard let pkgConfig = ChildProcess.find("pkg-config"),
              let result = try? ChildProcess.run(pkgConfig, arguments, in: folder, timeout: 30),
              result.exitedNormally
        else { return nil }
        return String(decoding: result.standardOutput, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
