/// A position in a source file: line and column, both counted from 1 (columns in UTF-8 bytes,
/// as the Swift compiler counts them).
public struct SourceLocation: Equatable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// This location in a file where the code starts at `origin` (a code block inside a lesson):
    /// the first line is shifted by the block's line and column, the others by its line only.
    public func shifted(by origin: SourceLocation) -> SourceLocation {
        SourceLocation(line: line + origin.line - 1, column: line == 1 ? column + origin.column - 1 : column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}
