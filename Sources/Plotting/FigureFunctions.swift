import MathCore

/// A figure with one line through `(xs[i], ys[i])`.
///
/// ```swift
/// let xs = linspace(0, 6.28, count: 100)
/// print(plot(xs, sin(xs), title: "sine", xLabel: "x", yLabel: "sin x"))
/// ```
public func plot(_ xs: Tensor, _ ys: Tensor, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    plot(xs.scalars, ys.scalars, title: title, xLabel: xLabel, yLabel: yLabel)
}

/// A figure with one line through `(xs[i], ys[i])`.
///
/// ```swift
/// print(plot([1, 2, 3, 4], [0.9, 0.5, 0.35, 0.3], title: "Loss", xLabel: "epoch"))
/// ```
public func plot(_ xs: [Double], _ ys: [Double], title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    var figure = Figure(title: title, xLabel: xLabel, yLabel: yLabel)
    figure.line(xs, ys)
    return figure
}

/// A figure with the graph of `f` over `from...to`, sampled adaptively: 65 even samples, then
/// midpoints added where the curve bends, at most 1,025 samples, the same ones on every run.
/// `from` must be below `to` and both finite, or the program stops with the ``PlotError`` message
/// (``Throwing/sample(_:from:to:)`` is the throwing form of the sampling).
///
/// ```swift
/// print(plot({ x in x * x * x - x }, from: -1.5, to: 1.5, title: "x³ − x"))
/// ```
public func plot(
    _ f: (Double) -> Double, from start: Double, to end: Double,
    title: String = "", xLabel: String = "", yLabel: String = ""
) -> Figure {
    var figure = Figure(title: title, xLabel: xLabel, yLabel: yLabel)
    figure.line(f, from: start, to: end)
    return figure
}

/// A figure with unconnected points `(xs[i], ys[i])`.
///
/// ```swift
/// print(scatter(Tensor([1, 2, 3]), Tensor([2, 1, 3]), title: "data"))
/// ```
public func scatter(_ xs: Tensor, _ ys: Tensor, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    scatter(xs.scalars, ys.scalars, title: title, xLabel: xLabel, yLabel: yLabel)
}

/// A figure with unconnected points `(xs[i], ys[i])`.
///
/// ```swift
/// print(scatter([1, 2, 3], [2, 1, 3], title: "data"))
/// ```
public func scatter(_ xs: [Double], _ ys: [Double], title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    var figure = Figure(title: title, xLabel: xLabel, yLabel: yLabel)
    figure.points(xs, ys)
    return figure
}

/// A figure with a histogram of `data` (all its scalars) in `bins` equal-width bins.
///
/// ```swift
/// seed(1)
/// print(histogram(randomNormal(1000), bins: 20, title: "1,000 normal samples"))
/// ```
public func histogram(_ data: Tensor, bins: Int = 10, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    histogram(data.scalars, bins: bins, title: title, xLabel: xLabel, yLabel: yLabel)
}

/// A figure with a histogram of `data` in `bins` equal-width bins.
///
/// ```swift
/// print(histogram([1, 2, 2, 3, 3, 3], bins: 3))
/// ```
public func histogram(_ data: [Double], bins: Int = 10, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    var figure = Figure(title: title, xLabel: xLabel, yLabel: yLabel)
    figure.histogram(data, bins: bins)
    return figure
}

/// A figure with one bar per label.
///
/// ```swift
/// print(bar(["cat", "dog", "bird"], [0.7, 0.2, 0.1], title: "softmax"))
/// ```
public func bar(_ labels: [String], _ values: [Double], title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    var figure = Figure(title: title, xLabel: xLabel, yLabel: yLabel)
    figure.bars(labels, values)
    return figure
}

/// A figure with one bar per label, the heights from a vector.
///
/// ```swift
/// print(bar(["cat", "dog", "bird"], softmax([2, 1, 0.1]), title: "softmax"))
/// ```
public func bar(_ labels: [String], _ values: Tensor, title: String = "", xLabel: String = "", yLabel: String = "") -> Figure {
    bar(labels, values.scalars, title: title, xLabel: xLabel, yLabel: yLabel)
}

/// A figure with a heatmap of a matrix (row 0 at the top), optionally labelling rows and columns.
///
/// ```swift
/// print(heatmap(Tensor([[1, 0.5], [0.5, 1]]), rowLabels: ["x", "y"], columnLabels: ["x", "y"], title: "correlation"))
/// ```
public func heatmap(
    _ matrix: Tensor, rowLabels: [String]? = nil, columnLabels: [String]? = nil,
    title: String = "", xLabel: String = "", yLabel: String = ""
) -> Figure {
    var figure = Figure(title: title, xLabel: xLabel, yLabel: yLabel)
    figure.heatmap(matrix, rowLabels: rowLabels, columnLabels: columnLabels)
    return figure
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
