import MathCore

/// A figure: a title, axis labels and a list of series, drawn by ``svg(width:height:)`` and
/// ``text(width:height:ascii:)``. A value: builder methods change this copy only.
///
/// ```swift
/// var figure = plot({ x in x * x }, from: -2, to: 2, title: "f(x) = x²")
/// figure.line({ x in 2 * x - 1 }, from: 0, to: 2, label: "tangent at 1")
/// figure.mark(x: 1, y: 1, label: "(1, 1)")
/// print(figure)   // the text form; figure.svg() is the web form
/// ```
public struct Figure: Equatable, Sendable {
    /// The title, drawn above the plot (and the SVG's `<title>`).
    public var title: String
    /// The label under the horizontal axis.
    public var xLabel: String
    /// The label beside the vertical axis.
    public var yLabel: String
    /// The series, drawn in this order (later ones on top).
    public var series: [Series]

    /// Creates a figure, empty unless `series` are given.
    ///
    /// ```swift
    /// var figure = Figure(title: "Loss", xLabel: "epoch", yLabel: "loss")
    /// figure.line([1, 2, 3], [0.9, 0.5, 0.3], label: "training")
    /// ```
    public init(title: String = "", xLabel: String = "", yLabel: String = "", series: [Series] = []) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    /// Adds a line through the points `(xs[i], ys[i])`, in order.
    ///
    /// ```swift
    /// figure.line(linspace(0, 1, count: 5), Tensor([0, 1, 4, 9, 16]), label: "squares")
    /// ```
    public mutating func line(_ xs: Tensor, _ ys: Tensor, label: String? = nil) {
        line(xs.scalars, ys.scalars, label: label)
    }

    /// Adds a line through the points `(xs[i], ys[i])`, in order.
    ///
    /// ```swift
    /// figure.line([0, 1, 2], [0, 1, 4], label: "squares")
    /// ```
    public mutating func line(_ xs: [Double], _ ys: [Double], label: String? = nil) {
        series.append(Series(.line(xs: xs, ys: ys), label: label))
    }

    /// Adds the graph of `f` over `from...to`, sampled adaptively (more samples where it bends).
    ///
    /// ```swift
    /// figure.line({ x in 2 * x - 1 }, from: 0, to: 2, label: "tangent")
    /// ```
    public mutating func line(_ f: (Double) -> Double, from start: Double, to end: Double, label: String? = nil) {
        let samples = orStop { () throws(PlotError) in try sampleFunction(f, from: start, to: end) }
        line(samples.xs, samples.ys, label: label)
    }

    /// Adds unconnected points `(xs[i], ys[i])` (a scatter plot).
    ///
    /// ```swift
    /// figure.points(Tensor([1, 2, 3]), Tensor([2, 1, 3]), label: "data")
    /// ```
    public mutating func points(_ xs: Tensor, _ ys: Tensor, label: String? = nil) {
        points(xs.scalars, ys.scalars, label: label)
    }

    /// Adds unconnected points `(xs[i], ys[i])` (a scatter plot).
    ///
    /// ```swift
    /// figure.points([1, 2, 3], [2, 1, 3], label: "data")
    /// ```
    public mutating func points(_ xs: [Double], _ ys: [Double], label: String? = nil) {
        series.append(Series(.points(xs: xs, ys: ys), label: label))
    }

    /// Marks one point with a dot and, when given, a label written beside it.
    ///
    /// ```swift
    /// figure.mark(x: 1, y: 1, label: "minimum")
    /// ```
    public mutating func mark(x: Double, y: Double, label: String? = nil) {
        series.append(Series(.mark(x: x, y: y), label: label))
    }

    /// Adds a vertical line across the plot at `x`, labelled at its top when a label is given.
    ///
    /// ```swift
    /// figure.verticalRule(at: 0.5, label: "threshold")
    /// ```
    public mutating func verticalRule(at x: Double, label: String? = nil) {
        series.append(Series(.verticalRule(x: x), label: label))
    }

    /// Adds a horizontal line across the plot at `y`, labelled at its right end when a label is given.
    ///
    /// ```swift
    /// figure.horizontalRule(at: 0, label: "zero")
    /// ```
    public mutating func horizontalRule(at y: Double, label: String? = nil) {
        series.append(Series(.horizontalRule(y: y), label: label))
    }

    /// Adds one bar per label with the given heights (a categorical horizontal axis: bar `i` is at `x = i`).
    ///
    /// ```swift
    /// figure.bars(["cat", "dog", "bird"], [0.7, 0.2, 0.1], label: "p")
    /// ```
    public mutating func bars(_ labels: [String], _ values: [Double], label: String? = nil) {
        series.append(Series(.bars(labels: labels, values: values), label: label))
    }

    /// Adds a histogram of `data`: `bins` equal-width bins from its minimum to its maximum.
    ///
    /// ```swift
    /// figure.histogram([1, 2, 2, 3, 3, 3], bins: 3, label: "samples")
    /// ```
    public mutating func histogram(_ data: [Double], bins: Int = 10, label: String? = nil) {
        series.append(Series(.histogram(data: data, bins: bins), label: label))
    }

    /// Adds a heatmap of a matrix: row 0 at the top, column 0 at the left, darker for larger values.
    /// A heatmap fills the whole figure, so it must be the figure's only series.
    ///
    /// ```swift
    /// figure.heatmap(Tensor([[1, 0], [0, 1]]), rowLabels: ["a", "b"], columnLabels: ["a", "b"])
    /// ```
    public mutating func heatmap(_ matrix: Tensor, rowLabels: [String]? = nil, columnLabels: [String]? = nil) {
        series.append(Series(.heatmap(matrix, rowLabels: rowLabels, columnLabels: columnLabels), label: nil))
    }
}

/// One thing drawn on a figure: its kind with its data, and an optional label for the legend.
///
/// ```swift
/// let s = Series(.line(xs: [0, 1], ys: [1, 0]), label: "falling")
/// let figure = Figure(title: "One line", series: [s])
/// ```
public struct Series: Equatable, Sendable {
    /// What is drawn, with its data.
    public var kind: Kind
    /// The name shown in the legend (and beside a mark or a rule); nil for none.
    public var label: String?

    /// Creates a series of a kind, with an optional legend label.
    ///
    /// ```swift
    /// let rule = Series(.horizontalRule(y: 0), label: "zero")
    /// ```
    public init(_ kind: Kind, label: String? = nil) {
        self.kind = kind
        self.label = label
    }

    /// The kinds of series and their data.
    ///
    /// ```swift
    /// let kind = Series.Kind.points(xs: [1, 2], ys: [3, 4])
    /// ```
    public enum Kind: Equatable, Sendable {
        /// A polyline through `(xs[i], ys[i])` in order.
        case line(xs: [Double], ys: [Double])
        /// Unconnected dots at `(xs[i], ys[i])`.
        case points(xs: [Double], ys: [Double])
        /// One emphasised dot, with the series label written beside it.
        case mark(x: Double, y: Double)
        /// A vertical line at `x` across the whole plot.
        case verticalRule(x: Double)
        /// A horizontal line at `y` across the whole plot.
        case horizontalRule(y: Double)
        /// One bar per label; bar `i` stands at `x = i`.
        case bars(labels: [String], values: [Double])
        /// Counts of `data` in `bins` equal-width bins from its minimum to its maximum.
        case histogram(data: [Double], bins: Int)
        /// A matrix drawn as coloured cells, with optional labels for its rows and columns.
        case heatmap(Tensor, rowLabels: [String]?, columnLabels: [String]?)

        /// The kind's name in messages and descriptions: `line`, `points`, `mark`, …
        ///
        /// ```swift
        /// print(Series.Kind.histogram(data: [1], bins: 1).name)   // histogram
        /// ```
        public var name: String {
            switch self {
            case .line: return "line"
            case .points: return "points"
            case .mark: return "mark"
            case .verticalRule: return "vertical rule"
            case .horizontalRule: return "horizontal rule"
            case .bars: return "bars"
            case .histogram: return "histogram"
            case .heatmap: return "heatmap"
            }
        }
    }
}

extension Figure: CustomStringConvertible {
    /// The text form, ``text(width:height:ascii:)`` with its defaults, so `print(figure)` draws it.
    /// Data that cannot be plotted (NaN, infinity, mismatched counts) stops with the ``PlotError`` message.
    ///
    /// ```swift
    /// print(plot([0, 1, 2], [0, 1, 4], title: "Squares"))
    /// ```
    public var description: String {
        orStop { () throws(PlotError) in try text() }
    }
}
