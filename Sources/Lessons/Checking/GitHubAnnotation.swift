/// GitHub Actions workflow commands that mark a line of a file in the run's summary and the pull request.
public enum GitHubAnnotation {
    /// An `::error` command for `line` of `file`, without a trailing newline.
    public static func error(file: String, line: Int, title: String?, message: String) -> String {
        var properties = "file=\(escapedProperty(file)),line=\(line)"
        if let title { properties += ",title=\(escapedProperty(title))" }
        return "::error \(properties)::\(escapedData(message))"
    }

    /// The message escaped as @actions/core's `escapeData` does: a raw newline would end the command.
    static func escapedData(_ text: String) -> String {
        escaped(text, alsoEscaping: false)
    }

    /// A property value escaped as @actions/core's `escapeProperty` does: `:` and `,` also delimit.
    static func escapedProperty(_ text: String) -> String {
        escaped(text, alsoEscaping: true)
    }

    /// `%`, CR and LF percent-encoded, and `:` and `,` too for properties.
    private static func escaped(_ text: String, alsoEscaping delimiters: Bool) -> String {
        var result = ""
        // Scalars, not Characters: "\r\n" is one Character, and both halves need encoding.
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":" where delimiters: result += "%3A"
            case "," where delimiters: result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
