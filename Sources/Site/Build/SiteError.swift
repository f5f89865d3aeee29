/// Why the site cannot be built: the file (a lesson, a template, the configuration), the place,
/// and what is wrong.
public struct SiteError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// Line and column, from 1 (0 when the error is about the whole file).
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int = 0, column: Int = 0, _ message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `lessons/02-vectors.md:14:3: error: unsupported TeX command \foo`.
    public var description: String {
        if path.isEmpty { return message }
        let place = line > 0 ? (column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)") : path
        return "\(place): error: \(message)"
    }
}
