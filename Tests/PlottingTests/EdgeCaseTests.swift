import MathCore
import Plotting
import Testing

@Suite struct EdgeCaseTests {
    @Test func nanIsAnErrorNamingSeriesAndIndex() {
        var figure = Figure.line([0, 1, 2], [1, 2, 3])
        figure.line([0, 1, 2], [1, .nan, 3], label: "loss")
        #expect(throws: PlotError.nonFiniteValue(series: "series 2 (line \"loss\")", field: "ys", index: 1, value: "nan")) {
            try figure.svg()
        }
        #expect(throws: PlotError.nonFiniteValue(series: "series 2 (line \"loss\")", field: "ys", index: 1, value: "nan")) {
            try figure.text()
        }
        let error = PlotError.nonFiniteValue(series: "series 2 (line \"loss\")", field: "ys", index: 1, value: "nan")
        #expect(error.description == "series 2 (line \"loss\"): ys[1] is nan; a plot needs finite numbers")
    }

    @Test func infinitiesAreErrors() {
        #expect(throws: PlotError.nonFiniteValue(series: "series 1 (points)", field: "xs", index: 2, value: "inf")) {
            try Figure.points([0, 1, .infinity], [1, 2, 3]).validated()
        }
        #expect(throws: PlotError.nonFiniteValue(series: "series 1 (histogram)", field: "data", index: 0, value: "-inf")) {
            try Figure.histogram([-.infinity, 1]).validated()
        }
        var figure = Figure()
        figure.mark(x: 0, y: .nan, label: "here")
        #expect(throws: PlotError.nonFiniteValue(series: "series 1 (mark \"here\")", field: "y", index: 0, value: "nan")) {
            try figure.validated()
        }
        #expect(throws: PlotError.nonFiniteValue(series: "series 1 (heatmap)", field: "values", index: 3, value: "nan")) {
            try Figure.heatmap(Tensor([[0, 1], [2, .nan]])).svg()
        }
    }

    @Test func otherInvalidData() {
        #expect(throws: PlotError.mismatchedCounts(series: "series 1 (line)", fields: ["xs", "ys"], counts: [3, 2])) {
            try Figure.line([0, 1, 2], [1, 2]).svg()
        }
        #expect(PlotError.mismatchedCounts(series: "series 1 (line)", fields: ["xs", "ys"], counts: [3, 2]).description
            == "series 1 (line): 3 xs but 2 ys; they must have the same count")
        #expect(throws: PlotError.mismatchedCounts(series: "series 1 (bars)", fields: ["labels", "values"], counts: [2, 1])) {
            try Figure.bars(["a", "b"], [1]).text()
        }
        #expect(throws: PlotError.invalidArgument(context: "series 1 (histogram)", message: "bins must be at least 1, not 0")) {
            try Figure.histogram([1, 2], bins: 0).svg()
        }
        #expect(throws: PlotError.invalidArgument(context: "series 1 (heatmap)", message: "needs a non-empty matrix, but got a tensor of shape [3]")) {
            try Figure.heatmap(Tensor([1, 2, 3])).svg()
        }
        #expect(throws: PlotError.invalidArgument(context: "plot(_:from:to:)", message: "needs finite bounds with from < to, but got from 1.0 to 0.0")) {
            try Throwing.sample({ $0 }, from: 1, to: 0)
        }
    }

    @Test func constantSeriesAndSinglePointRender() throws {
        for figure in [Figure.line([0, 1, 2, 3], [5, 5, 5, 5]), Figure.points([2], [3]), Figure.line([Double](), [Double]()), Figure()] {
            let svg = try figure.svg()
            #expect(svg.hasPrefix("<svg"))
            let text = try figure.text(width: 40, height: 10)
            #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count <= 10)
        }
        let text = try Figure.line([0, 1, 2, 3], [5, 5, 5, 5]).text(width: 40, height: 10)
        #expect(text.contains("5┤"))
    }

    @Test func negativeRangesAndExtremeMagnitudes() throws {
        let negative = try Figure.line([-10, -5, -1], [-3, -7, -2]).text(width: 50, height: 12)
        #expect(negative.contains("-7┤") && negative.contains("-10"))
        let tiny = try Figure.line([0, 1e-9, 2e-9], [1e-9, 3e-9, 2e-9]).text(width: 60, height: 12)
        #expect(tiny.contains("1e-09") && tiny.contains("3e-09"))
        let huge = try Figure.line([0, 1, 2], [1e12, 5e11, 0]).svg()
        #expect(huge.contains(">1e+12</text>"))
    }

    @Test func adaptiveSamplingRefinesBendsAndIsBounded() throws {
        let straight = try Throwing.sample({ 3 * $0 + 1 }, from: 0, to: 1)
        #expect(straight.xs.count == 65)
        let bent = try Throwing.sample({ 1 / (1 + 400 * $0 * $0) }, from: -1, to: 1)
        #expect(bent.xs.count > 65 && bent.xs.count <= 1025)
        #expect(zip(bent.xs, bent.xs.dropFirst()).allSatisfy { $0 < $1 })
        #expect(bent.xs.first == -1 && bent.xs.last == 1)
        let wild = try Throwing.sample({ sin(1 / max(abs($0), 1e-3)) }, from: -1, to: 1)
        #expect(wild.xs.count <= 1025)
        #expect(try Throwing.sample({ 1 / (1 + 400 * $0 * $0) }, from: -1, to: 1).xs == bent.xs)
    }
}

private func sin(_ x: Double) -> Double { MathCore.sin(Tensor([x])).scalars[0] }
