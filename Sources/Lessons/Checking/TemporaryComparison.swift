// Placeholder until OutputComparison.swift lands (removed then).
public struct OutputTolerance: Equatable, Sendable { public var relative: Double; public var absolute: Double = 0 }
enum OutputOptionError: Error, Equatable { case unknown(String); var message: String { "bad" } }
enum OutputComparison {
    static func matches(recorded: String, actual: String, tolerance: OutputTolerance?) -> Bool { recorded == actual }
    static func parseOptions(_ words: [Substring]) throws(OutputOptionError) -> OutputTolerance? { nil }
}
public enum UnifiedDiff { public static func make(expected: String, actual: String, expectedLabel: String, actualLabel: String, context: Int = 3) -> String { "--- \(expectedLabel)\n+++ \(actualLabel)\n" + expected + actual } }
public struct JUnitReport { public struct Case { public var name: String; public var className: String; public var file: String; public var line: Int; public var failure: Failure?; public var seconds: Double
  public init(name: String, className: String, file: String, line: Int, failure: Failure?, seconds: Double) { self.name = name; self.className = className; self.file = file; self.line = line; self.failure = failure; self.seconds = seconds } }
  public struct Failure { public var message: String; public var details: String; public init(message: String, details: String) { self.message = message; self.details = details } }
  public struct Suite { public var name: String; public var cases: [Case]; public init(name: String, cases: [Case]) { self.name = name; self.cases = cases } }
  public var suites: [Suite]; public init(suites: [Suite]) { self.suites = suites }; public func xml() -> String { "" } }
public enum GitHubAnnotation { public static func error(file: String, line: Int, title: String?, message: String) -> String { "::error file=\(file),line=\(line)::\(message)" } }
