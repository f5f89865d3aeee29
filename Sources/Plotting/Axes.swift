/// The scales of a figure without a heatmap: the ticks of each axis, or category labels for bars.
struct Axes {
    struct Scale {
        var lower: Double
        var upper: Double
        var ticks: [Double]
        var labels: [String]
        var isCategorical = false

        /// The position of `value` from 0 (lower) to 1 (upper).
        func fraction(_ value: Double) -> Double { (value - lower) / (upper - lower) }
    }

    var x: Scale
    var y: Scale

    init(for figure: Figure) {
        var xs = Extent(), ys = Extent()
        var categories: [String] = []
        for item in figure.series {
            switch item.kind {
            case let .line(pointXs, pointYs), let .points(pointXs, pointYs):
                xs.include(pointXs); ys.include(pointYs)
            case let .mark(x, y):
                xs.include([x]); ys.include([y])
            case let .verticalRule(x):
                xs.include([x])
            case let .horizontalRule(y):
                ys.include([y])
            case let .bars(labels, values):
                if labels.count > categories.count { categories = labels }
                ys.include(values + [0])
            case let .histogram(data, bins):
                let counts = HistogramBins(data: data, bins: bins)
                xs.include([counts.lower, counts.upper])
                ys.include([0, Double(counts.counts.max() ?? 0)])
            case .heatmap:
                break
            }
        }
        if categories.isEmpty {
            let scale = TickScale(covering: xs.lower ?? 0, xs.upper ?? 1)
            x = Scale(lower: scale.lower, upper: scale.upper, ticks: scale.values, labels: scale.labels)
        } else {
            let positions = categories.indices.map(Double.init)
            x = Scale(lower: -0.5, upper: Double(categories.count) - 0.5, ticks: positions, labels: categories, isCategorical: true)
        }
        let scale = TickScale(covering: ys.lower ?? 0, ys.upper ?? 1)
        y = Scale(lower: scale.lower, upper: scale.upper, ticks: scale.values, labels: scale.labels)
    }
}

/// The smallest and largest of the values seen so far.
struct Extent {
    var lower: Double?
    var upper: Double?

    mutating func include(_ values: [Double]) {
        for value in values {
            lower = min(lower ?? value, value)
            upper = max(upper ?? value, value)
        }
    }
}

/// A histogram's bins: `bins` equal widths from the data's minimum to its maximum (padded by
/// 0.5 either side when all values are equal); the last bin includes the maximum.
struct HistogramBins {
    var lower: Double
    var upper: Double
    var counts: [Int]

    var width: Double { (upper - lower) / Double(counts.count) }

    init(data: [Double], bins: Int) {
        var extent = Extent()
        extent.include(data)
        lower = extent.lower ?? 0
        upper = extent.upper ?? 1
        if lower == upper { lower -= 0.5; upper += 0.5 }
        let binCount = max(1, bins)
        var counts = [Int](repeating: 0, count: binCount)
        let lower = lower, width = (upper - lower) / Double(binCount)
        for value in data {
            let index = Int(((value - lower) / width).rounded(.down))
            counts[min(max(index, 0), binCount - 1)] += 1
        }
        self.counts = counts
    }
}

/// The minimum and maximum of a heatmap's values, and each value's level on a scale of `levels` steps.
struct HeatScale {
    var minimum: Double
    var maximum: Double

    init(_ values: [Double]) {
        minimum = values.min() ?? 0
        maximum = values.max() ?? 0
    }

    func level(_ value: Double, levels: Int) -> Int {
        guard maximum > minimum else { return levels / 2 }
        let fraction = (value - minimum) / (maximum - minimum)
        return min(levels - 1, max(0, Int((fraction * Double(levels)).rounded(.down))))
    }
}

extension Figure {
    /// The series that appear in the legend: labelled lines, points, bars and histograms
    /// (marks and rules carry their label beside them instead).
    var legendEntries: [(index: Int, series: Series, label: String)] {
        series.enumerated().compactMap { index, item in
            guard let label = item.label, !label.isEmpty else { return nil }
            switch item.kind {
            case .line, .points, .bars, .histogram: return (index, item, label)
            default: return nil
            }
        }
    }

    /// The first heatmap, if this is a heatmap figure.
    var heatmapSeries: (matrix: [[Double]], rowLabels: [String], columnLabels: [String])? {
        for item in series {
            if case let .heatmap(matrix, rowLabels, columnLabels) = item.kind {
                let rows = matrix.shape[0], columns = matrix.shape[1]
                let values = matrix.scalars
                return (
                    (0..<rows).map { row in Array(values[(row * columns)..<((row + 1) * columns)]) },
                    rowLabels ?? (0..<rows).map(String.init),
                    columnLabels ?? (0..<columns).map(String.init)
                )
            }
        }
        return nil
    }
}
