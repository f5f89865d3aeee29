/// An error in a figure's data, naming the series and the index that caused it.
///
/// ```swift
/// let figure = plot([0, 1, 2], [1, .nan, 3])
/// do { _ = try figure.svg() } catch { print(error) }
/// // series 1 (line): ys[1] is nan; a plot needs finite numbers
/// ```
///
/// The throwing forms (``Figure/validated()``, ``Figure/svg(width:height:)``,
/// ``Figure/text(width:height:ascii:)``) throw one of these; the convenience forms
/// (`print(figure)`, ``plot(_:from:to:title:xLabel:yLabel:)``) stop with the same message.
public enum PlotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A NaN or infinite number in a series: `series` names it (`series 2 (line "loss")`),
    /// `field` the list (`xs`, `ys`, `values`, `data`, `x`, `y`), `index` its position
    /// (row-major for a heatmap) and `value` is `nan`, `inf` or `-inf`.
    case nonFiniteValue(series: String, field: String, index: Int, value: String)
    /// Two lists of a series that must have the same length do not, e.g. `xs` and `ys`.
    case mismatchedCounts(series: String, fields: [String], counts: [Int])
    /// Any other invalid argument; `context` names the series or the call, `message` says what was wrong.
    case invalidArgument(context: String, message: String)

    /// The message printed when a convenience form stops.
    ///
    /// ```swift
    /// print(PlotError.mismatchedCounts(series: "series 1 (line)", fields: ["xs", "ys"], counts: [3, 2]))
    /// // series 1 (line): 3 xs but 2 ys; they must have the same count
    /// ```
    public var description: String {
        switch self {
        case let .nonFiniteValue(series, field, index, value):
            return "\(series): \(field)[\(index)] is \(value); a plot needs finite numbers"
        case let .mismatchedCounts(series, fields, counts):
            let parts = zip(counts, fields).map { "\($0) \($1)" }
            return "\(series): \(parts.joined(separator: " but ")); they must have the same count"
        case let .invalidArgument(context, message):
            return "\(context): \(message)"
        }
    }
}

/// Runs a throwing form and stops the program with its message if it fails, as MathCore's
/// convenience forms do: in compiled Swift bad plot data stops the program with a clear message.
@inline(__always)
func orStop<T>(_ body: () throws(PlotError) -> T, file: StaticString = #file, line: UInt = #line) -> T {
    do {
        return try body()
    } catch {
        fatalError(error.description, file: file, line: line)
    }
}
