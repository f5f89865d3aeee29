/// The results of checking lessons as a JUnit XML document, the format CI services show as test results.
public struct JUnitReport: Equatable, Sendable {
    /// One checked block.
    public struct Case: Equatable, Sendable {
        public var name: String
        public var className: String
        /// The lesson file, as CI services link it.
        public var file: String
        /// The 1-based line of the block in `file`.
        public var line: Int
        /// Why the block failed, or nil when it passed.
        public var failure: Failure?
        public var seconds: Double

        /// A case; `failure` is nil when the block passed.
        public init(name: String, className: String, file: String, line: Int, failure: Failure?, seconds: Double) {
            self.name = name
            self.className = className
            self.file = file
            self.line = line
            self.failure = failure
            self.seconds = seconds
        }
    }

    /// Why a case failed: a one-line message and the details (a diff, an error).
    public struct Failure: Equatable, Sendable {
        public var message: String
        public var details: String

        /// A failure with its message and details.
        public init(message: String, details: String) {
            self.message = message
            self.details = details
        }
    }

    /// The cases of one lesson.
    public struct Suite: Equatable, Sendable {
        public var name: String
        public var cases: [Case]

        /// A suite of cases, in the order they are reported.
        public init(name: String, cases: [Case]) {
            self.name = name
            self.cases = cases
        }
    }

    public var suites: [Suite]

    /// A report of suites, in the order they are reported.
    public init(suites: [Suite]) {
        self.suites = suites
    }

    /// The document, the same bytes for the same report.
    public func xml() -> String {
        let allCases = suites.flatMap(\.cases)
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites tests="\#(allCases.count)" failures="\#(Self.failureCount(allCases))">"#,
        ]
        for suite in suites {
            let seconds = suite.cases.reduce(0) { $0 + Self.clamped($1.seconds) }
            lines.append(
                #"  <testsuite name="\#(Self.escaped(suite.name, inAttribute: true))" tests="\#(suite.cases.count)""#
                    + #" failures="\#(Self.failureCount(suite.cases))" errors="0" skipped="0""#
                    + #" time="\#(Self.formatted(seconds))">"#
            )
            for testCase in suite.cases {
                let attributes = #"name="\#(Self.escaped(testCase.name, inAttribute: true))""#
                    + #" classname="\#(Self.escaped(testCase.className, inAttribute: true))""#
                    + #" file="\#(Self.escaped(testCase.file, inAttribute: true))" line="\#(testCase.line)""#
                    + #" time="\#(Self.formatted(testCase.seconds))""#
                guard let failure = testCase.failure else {
                    lines.append("    <testcase \(attributes)/>")
                    continue
                }
                lines.append("    <testcase \(attributes)>")
                lines.append(
                    #"      <failure message="\#(Self.escaped(failure.message, inAttribute: true))">"#
                        + Self.escaped(failure.details, inAttribute: false) + "</failure>"
                )
                lines.append("    </testcase>")
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The number of failed cases.
    private static func failureCount(_ cases: [Case]) -> Int {
        cases.filter { $0.failure != nil }.count
    }

    /// Seconds as a time attribute can hold them: negative, infinite and NaN times become 0.
    private static func clamped(_ seconds: Double) -> Double {
        seconds.isFinite && seconds > 0 ? min(seconds, 1e12) : 0
    }

    /// Seconds with three decimals and a `.`, whatever the locale (Foundation's formatting follows it).
    private static func formatted(_ seconds: Double) -> String {
        let milliseconds = Int((clamped(seconds) * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Text made safe for XML 1.0: markup characters as entities, and the characters XML 1.0 cannot
    /// hold at all (controls such as the ESC of ANSI colours) spelled out as `\u{1B}` so that a report
    /// of coloured output still parses and still shows what was there.
    private static func escaped(_ text: String, inAttribute: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            // Parsers turn a literal CR into LF everywhere, and tabs and newlines in attributes into
            // spaces; character references keep them.
            case "\r": result += "&#13;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}":
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
