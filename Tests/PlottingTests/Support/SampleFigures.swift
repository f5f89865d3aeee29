import MathCore
import Plotting

/// The figures the snapshot tests render: one of each kind, plus a multi-series one with a legend.
enum SampleFigures {
    static var line: Figure {
        let xs = linspace(0, 6.283185307179586, count: 50)
        return Figure.line(xs, sin(xs), title: "The sine wave", xLabel: "x", yLabel: "sin x")
    }

    static var tangent: Figure {
        var figure = Figure.line({ x in x * x }, from: -2, to: 2, title: "f(x) = x² and its tangent at 1", xLabel: "x", yLabel: "f(x)")
        figure.series[0].label = "f(x) = x²"
        figure.line({ x in 2 * x - 1 }, from: 0, to: 2.5, label: "tangent y = 2x − 1")
        figure.verticalRule(at: 1, label: "x = 1")
        figure.mark(x: 1, y: 1, label: "(1, 1)")
        return figure
    }

    static var scatterPlot: Figure {
        let xs = (0..<30).map { Double($0) / 3 }
        let ys = xs.enumerated().map { (index: Int, x: Double) -> Double in
            let noise = Double((index * 7) % 11 - 5) * 0.6
            return 2 * x + 1 + noise
        }
        return Figure.points(xs, ys, title: "Noisy line", xLabel: "hours studied", yLabel: "score")
    }

    static var histogramPlot: Figure {
        // A deterministic bell-shaped sample: sums of three evenly spread values.
        let data = (0..<400).map { (i: Int) -> Double in
            let digits = i % 10 + (i / 10) % 10 + (i * 7) % 10
            return Double(digits) / 3 - 4.5
        }
        return Figure.histogram(data, bins: 12, title: "Sums of three digits", xLabel: "value", yLabel: "count")
    }

    static var bars: Figure {
        Figure.bars(["cat", "dog", "bird", "fish"], [0.62, 0.23, 0.1, 0.05], title: "Predicted class", yLabel: "probability")
    }

    static var heatmapPlot: Figure {
        Figure.heatmap(
            Tensor([[1, 0.8, -0.2, 0.1], [0.8, 1, -0.4, 0.3], [-0.2, -0.4, 1, 0.5], [0.1, 0.3, 0.5, 1]]),
            rowLabels: ["height", "weight", "age", "income"], columnLabels: ["height", "weight", "age", "income"],
            title: "Correlation matrix")
    }

    static var legend: Figure {
        var figure = Figure(title: "Training and validation loss", xLabel: "epoch", yLabel: "loss")
        let epochs = (1...20).map(Double.init)
        figure.line(epochs, epochs.map { 1.2 / $0 + 0.05 }, label: "training")
        figure.line(epochs, epochs.map { 1.2 / $0 + 0.15 + 0.004 * $0 }, label: "validation")
        figure.points([5, 10, 15], [0.42, 0.3, 0.31], label: "checkpoints")
        figure.horizontalRule(at: 0.2, label: "target")
        return figure
    }

    static let all: [(name: String, figure: Figure)] = [
        ("line", line), ("tangent", tangent), ("scatter", scatterPlot), ("histogram", histogramPlot),
        ("bars", bars), ("heatmap", heatmapPlot), ("legend", legend),
    ]
}
