import Interpreter

/// Why a lesson file cannot be read as a lesson: the file, the place, and what is wrong.
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var location: SourceLocation
    public var message: String

    public init(path: String, location: SourceLocation, message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    public init(path: String, line: Int, column: Int = 1, _ message: String) {
        self.init(path: path, location: SourceLocation(line: line, column: column), message: message)
    }

    /// `lessons/01.md:12:5: error: unknown block option 'hiden'`.
    public var description: String { "\(path):\(location): error: \(message)" }
}
