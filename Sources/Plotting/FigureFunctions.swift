import MathCore

// The one-series figures. Each free function shows its figure when called, as a notebook does:
// it prints the figure's text form (the interpreter records the figure itself for the page), and
// returns the figure for more series or a later `show()`. The static `Figure` factories beside
// them build the same figures without showing them.

extension Figure {
    /// Prints the figure's text form, as `print(figure)` does; code that runs in Mathbook also
    /// gets the figure itself on the lesson's page. Data that is not finite stops the program with
    /// the ``PlotError`` message.
    ///
    /// ```swift
    /// var figure = Figure(title: "loss")
    /// figure.line([1, 2, 3], [0.9, 0.4, 0.2])
    /// figure.show()
    /// ```
    public func show() {
        print(self)
    }

    /// A figure with one line through `(xs[i], ys[i])`, not shown.
    public static func line(_ xs: [Double], _ ys: [Double], title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
        var figure = Figure(title: title, xLabel: xLabel, yLabel: yLabel)
        figure.line(xs, ys)
        return figure
    }

    /// A figure with the graph of `f` over `from...to`, not shown.
    public static func line(
        _ f: (Double) -> Double, from start: Double, to end: Double, title: String = "", xLabel: String = "", yLabel: String = ""
    ) -> Figure {
        var figure = Figure(title: title, xLabel: xLabel, yLabel: yLabel)
        figure.line(f, from: start, to: end)
        return figure
    }

    /// A figure with unconnected points `(xs[i], ys[i])`, not shown.
    public static func points(_ xs: [Double], _ ys: [Double], title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
        var figure = Figure(title: title, xLabel: xLabel, yLabel: yLabel)
        figure.points(xs, ys)
        return figure
    }

    /// A figure with a histogram of `data` in `bins` equal-width bins, not shown.
    public static func histogram(_ data: [Double], bins: Int = 10, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
        var figure = Figure(title: title, xLabel: xLabel, yLabel: yLabel)
        figure.histogram(data, bins: bins)
        return figure
    }

    /// A figure with one bar per label, not shown.
    public static func bars(_ labels: [String], _ values: [Double], title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
        var figure = Figure(title: title, xLabel: xLabel, yLabel: yLabel)
        figure.bars(labels, values)
        return figure
    }

    /// A figure with a heatmap of a matrix (row 0 at the top), not shown.
    public static func heatmap(
        _ matrix: Tensor, rowLabels: [String]? = nil, columnLabels: [String]? = nil,
        title: String = "", xLabel: String = "", yLabel: String = ""
    ) -> Figure {
        var figure = Figure(title: title, xLabel: xLabel, yLabel: yLabel)
        figure.heatmap(matrix, rowLabels: rowLabels, columnLabels: columnLabels)
        return figure
    }

    /// A figure with one line through `(xs[i], ys[i])`, not shown.
    public static func line(_ xs: Tensor, _ ys: Tensor, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
        line(xs.scalars, ys.scalars, title: title, xLabel: xLabel, yLabel: yLabel)
    }

    /// A figure with unconnected points `(xs[i], ys[i])`, not shown.
    public static func points(_ xs: Tensor, _ ys: Tensor, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
        points(xs.scalars, ys.scalars, title: title, xLabel: xLabel, yLabel: yLabel)
    }

    /// A figure with a histogram of `data` in `bins` equal-width bins, not shown.
    public static func histogram(_ data: Tensor, bins: Int = 10, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
        histogram(data.scalars, bins: bins, title: title, xLabel: xLabel, yLabel: yLabel)
    }

    /// A figure with one bar per label, not shown.
    public static func bars(_ labels: [String], _ values: Tensor, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
        bars(labels, values.scalars, title: title, xLabel: xLabel, yLabel: yLabel)
    }

    /// Shows the figure and returns it.
    func shown() -> Figure {
        show()
        return self
    }
}

/// Shows a figure with one line through `(xs[i], ys[i])`.
///
/// ```swift
/// let xs = linspace(0, 6.28, count: 100)
/// plot(xs, sin(xs), title: "sine", xLabel: "x", yLabel: "sin x")
/// ```
@discardableResult
public func plot(_ xs: Tensor, _ ys: Tensor, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    Figure.line(xs.scalars, ys.scalars, title: title, xLabel: xLabel, yLabel: yLabel).shown()
}

/// Shows a figure with one line through `(xs[i], ys[i])`.
///
/// ```swift
/// plot([1, 2, 3, 4], [0.9, 0.5, 0.35, 0.3], title: "Loss", xLabel: "epoch")
/// ```
@discardableResult
public func plot(_ xs: [Double], _ ys: [Double], title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    Figure.line(xs, ys, title: title, xLabel: xLabel, yLabel: yLabel).shown()
}

/// Shows the graph of `f` over `from...to`, sampled adaptively: 65 even samples, then midpoints
/// added where the curve bends, at most 1,025 samples, the same ones on every run. `from` must be
/// below `to` and both finite, or the program stops with the ``PlotError`` message
/// (``Throwing/sample(_:from:to:)`` is the throwing form of the sampling).
///
/// ```swift
/// plot({ x in x * x * x - x }, from: -1.5, to: 1.5, title: "x³ − x")
/// ```
@discardableResult
public func plot(
    _ f: (Double) -> Double, from start: Double, to end: Double,
    title: String = "", xLabel: String = "", yLabel: String = ""
) -> Figure {
    Figure.line(f, from: start, to: end, title: title, xLabel: xLabel, yLabel: yLabel).shown()
}

/// Shows a figure with unconnected points `(xs[i], ys[i])`.
///
/// ```swift
/// scatter(Tensor([1, 2, 3]), Tensor([2, 1, 3]), title: "data")
/// ```
@discardableResult
public func scatter(_ xs: Tensor, _ ys: Tensor, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    Figure.points(xs.scalars, ys.scalars, title: title, xLabel: xLabel, yLabel: yLabel).shown()
}

/// Shows a figure with unconnected points `(xs[i], ys[i])`.
@discardableResult
public func scatter(_ xs: [Double], _ ys: [Double], title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    Figure.points(xs, ys, title: title, xLabel: xLabel, yLabel: yLabel).shown()
}

/// Shows a histogram of `data` in `bins` equal-width bins.
///
/// ```swift
/// histogram(randomNormal(1000), bins: 20, title: "normal samples")
/// ```
@discardableResult
public func histogram(_ data: Tensor, bins: Int = 10, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    Figure.histogram(data.scalars, bins: bins, title: title, xLabel: xLabel, yLabel: yLabel).shown()
}

/// Shows a histogram of `data` in `bins` equal-width bins.
@discardableResult
public func histogram(_ data: [Double], bins: Int = 10, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    Figure.histogram(data, bins: bins, title: title, xLabel: xLabel, yLabel: yLabel).shown()
}

/// Shows one bar per label.
///
/// ```swift
/// bar(["mse", "hinge"], [0.25, 0.4], title: "losses")
/// ```
@discardableResult
public func bar(_ labels: [String], _ values: [Double], title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    Figure.bars(labels, values, title: title, xLabel: xLabel, yLabel: yLabel).shown()
}

/// Shows one bar per label.
@discardableResult
public func bar(_ labels: [String], _ values: Tensor, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    Figure.bars(labels, values.scalars, title: title, xLabel: xLabel, yLabel: yLabel).shown()
}

/// Shows a heatmap of a matrix (row 0 at the top), optionally labelling rows and columns.
///
/// ```swift
/// heatmap(Tensor([[1, 0.5], [0.5, 1]]), rowLabels: ["x", "y"], columnLabels: ["x", "y"], title: "correlation")
/// ```
@discardableResult
public func heatmap(
    _ matrix: Tensor, rowLabels: [String]? = nil, columnLabels: [String]? = nil,
    title: String = "", xLabel: String = "", yLabel: String = ""
) -> Figure {
    Figure.heatmap(matrix, rowLabels: rowLabels, columnLabels: columnLabels, title: title, xLabel: xLabel, yLabel: yLabel).shown()
}

extension Throwing {
    /// Throwing form of the sampling behind ``plot(_:from:to:title:xLabel:yLabel:)``: the samples
    /// `(xs, ys)` of `f` over `from...to`, or an error when the interval is empty or not finite.
    ///
    /// ```swift
    /// let (xs, ys) = try Throwing.sample({ x in x * x }, from: 0, to: 1)
    /// ```
    public static func sample(
        _ f: (Double) -> Double, from start: Double, to end: Double
    ) throws(PlotError) -> (xs: [Double], ys: [Double]) {
        try sampleFunction(f, from: start, to: end)
    }
}

/// Samples `f` over `start...end`: 65 even samples, then up to 6 rounds that insert the midpoint
/// of every interval whose midpoint is off the chord by more than 1/500 of the height of the
/// even samples (about one pixel of a 400-pixel plot). At most 1,025 samples; deterministic.
func sampleFunction(_ f: (Double) -> Double, from start: Double, to end: Double) throws(PlotError) -> (xs: [Double], ys: [Double]) {
    guard start.isFinite, end.isFinite, start < end else {
        throw PlotError.invalidArgument(
            context: "plot(_:from:to:)", message: "needs finite bounds with from < to, but got from \(start) to \(end)")
    }
    let initialCount = 65, maximumCount = 1025, rounds = 6
    var xs = (0..<initialCount).map { start + (end - start) * Double($0) / Double(initialCount - 1) }
    xs[initialCount - 1] = end
    var ys = xs.map(f)
    let finite = ys.filter(\.isFinite)
    let height = (finite.max() ?? 0) - (finite.min() ?? 0)
    let tolerance = height > 0 ? height / 500 : 0
    // Intervals still worth testing, by their left index; new points shift indexes, so rebuild each round.
    var candidates = Array(0..<(initialCount - 1))
    for _ in 0..<rounds where !candidates.isEmpty && tolerance > 0 {
        var newXs: [Double] = [], newYs: [Double] = [], next: [Int] = []
        var candidateIndex = 0
        for i in 0..<(xs.count - 1) {
            newXs.append(xs[i]); newYs.append(ys[i])
            guard candidateIndex < candidates.count, candidates[candidateIndex] == i else { continue }
            candidateIndex += 1
            guard xs.count + newXs.count - i <= maximumCount else { continue }
            let middle = (xs[i] + xs[i + 1]) / 2
            let value = f(middle)
            let chord = (ys[i] + ys[i + 1]) / 2
            if !(abs(value - chord) <= tolerance) && value.isFinite {
                next.append(newXs.count - 1)
                newXs.append(middle); newYs.append(value)
                next.append(newXs.count - 1)
            }
        }
        newXs.append(xs[xs.count - 1]); newYs.append(ys[ys.count - 1])
        xs = newXs; ys = newYs
        candidates = next
    }
    return (xs, ys)
}
