// `swift run -c release plotting-benchmark`: how long rendering figures takes, SVG and text.
//
// Each row is the median of at least 5 runs and at least 0.3 s of runs. The bar: a
// 10,000-point line well under 50 ms.
import Foundation
import MathCore
import Plotting

nonisolated(unsafe) var sink = 0

func median(_ body: () throws -> String) rethrows -> Double {
    var times: [Double] = []
    let clock = ContinuousClock()
    let start = clock.now
    while times.count < 5 || (clock.now - start) < .seconds(0.3) {
        let t = clock.now
        sink &+= try body().utf8.count
        let elapsed = clock.now - t
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    times.sort()
    return times[times.count / 2]
}

func milliseconds(_ seconds: Double) -> String { String(format: "%8.3f ms", seconds * 1000) }

let xs = linspace(0, 100, count: 10_000)
var line = Figure(title: "10,000 points", xLabel: "x", yLabel: "sin x")
line.line(xs, sin(xs), label: "sin x")
seed(0)
let samples = randomNormal(100_000).scalars
var histogramFigure = Figure(title: "100,000 normal samples")
histogramFigure.histogram(samples, bins: 40)
var heat = Figure(title: "100×100 heatmap")
heat.heatmap(randomUniform(100, 100))

print("Plotting: median render time")
print("| figure | SVG | text (72×20) | SVG size |")
print("| --- | ---: | ---: | ---: |")
for (name, figure) in [("line, 10,000 points", line), ("histogram, 100,000 samples", histogramFigure), ("heatmap, 100×100", heat)] {
    do {
        let svg = try median { try figure.svg() }
        let text = try median { try figure.text() }
        let size = try figure.svg().utf8.count
        print("| \(name) | \(milliseconds(svg)) | \(milliseconds(text)) | \(size / 1024) KiB |")
    } catch {
        print("| \(name) | error: \(error) | | |")
    }
}
