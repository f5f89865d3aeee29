/// One error found in Swift-math code, before or while it runs.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    /// When the error was found.
    public enum Phase: Equatable, Sendable {
        /// The code is not valid Swift (reported with swift-syntax's own messages).
        case syntax
        /// The code is valid Swift, but wrong (a type error, an unknown name) or outside Swift-math.
        case compile
        /// The code trapped while running, as compiled Swift would (or hit one of the limits).
        case runtime
    }

    public var phase: Phase
    /// Where the error is, in the coordinates of the file that holds the code.
    public var location: SourceLocation
    /// The message, in Swift's words where Swift has them: `index out of range`.
    public var message: String

    public init(_ phase: Phase, at location: SourceLocation, _ message: String) {
        self.phase = phase
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): error: \(message)" }
}

/// Prints diagnostics as compilers do: `file:line:column: error: message`, the source line, and a
/// caret under the column. The one place where diagnostics become text.
public struct DiagnosticPrinter: Sendable {
    /// Whether to colour the output with ANSI escapes.
    public var colored: Bool

    public init(colored: Bool) {
        self.colored = colored
    }

    /// The diagnostic with its file name (or none), the line of `source` it points at, and a caret.
    public func format(_ diagnostic: Diagnostic, fileName: String?, source: String) -> String {
        let place = (fileName.map { "\($0):" } ?? "") + "\(diagnostic.location):"
        let label = colored ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
        var text = colored ? "\u{1B}[1m\(place)\u{1B}[0m \(label) \(diagnostic.message)" : "\(place) \(label) \(diagnostic.message)"
        // Split on the byte: in a Swift string "\r\n" is one character, which "\n" never equals.
        let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let index = diagnostic.location.line - 1
        if index >= 0, index < lines.count {
            var line = String(Substring(lines[index]))
            if line.utf8.last == UInt8(ascii: "\r") { line = String(Substring(line.utf8.dropLast())) }
            text += "\n" + line
            // The caret goes under the column, counted in UTF-8 bytes; tabs are kept for alignment.
            let prefix = line.utf8.prefix(max(0, diagnostic.location.column - 1))
            let padding = String(decoding: prefix, as: UTF8.self).map { $0 == "\t" ? "\t" : " " }.joined()
            text += "\n" + padding + (colored ? "\u{1B}[1;32m^\u{1B}[0m" : "^")
        }
        return text
    }
}
