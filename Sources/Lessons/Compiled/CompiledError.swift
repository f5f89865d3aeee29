/// Why lessons could not be checked with `swiftc` at all.
///
/// A lesson that does not compile, or traps, is not an error here: that is a ``CompiledOutcome``.
/// These are the problems of the machinery around it (sources missing, a library that does not
/// build, a program that cannot be started, a folder that cannot be written).
enum CompiledError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `folder` (a module's sources, `Sources/MathCore` say) holds no Swift files.
    case missingSources(module: String, folder: String)
    /// `swiftc` could not build MathCore or Plotting; `diagnostics` is what it printed.
    case libraryBuildFailed(module: String, diagnostics: String)
    /// A program (swiftc, pkg-config, a compiled lesson) could not be started.
    case couldNotLaunch(program: String, reason: String)
    /// A file or folder under `path` could not be created or written.
    case couldNotWrite(path: String, reason: String)

    /// One readable sentence, then swiftc's own text when there is some.
    var description: String {
        switch self {
        case let .missingSources(module, folder):
            return "no Swift sources of \(module) in \(folder)"
        case let .libraryBuildFailed(module, diagnostics):
            return "swiftc could not build \(module):\n\(diagnostics)"
        case let .couldNotLaunch(program, reason):
            return "could not start \(program): \(reason)"
        case let .couldNotWrite(path, reason):
            return "could not write \(path): \(reason)"
        }
    }
}
