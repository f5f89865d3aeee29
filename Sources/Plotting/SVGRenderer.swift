/// The Okabe–Ito palette (colour-blind safe), in the order series take it; each is only the
/// fallback of a CSS custom property (`--plot-series-1`, …) that a page may override.
let seriesPalette = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442"]

/// A sequential scale (viridis, 9 steps) for heatmaps, again only as fallbacks of `--plot-heat-0` … `--plot-heat-8`.
let heatPalette = ["#440154", "#472D7B", "#3B528B", "#2C728E", "#21918C", "#28AE80", "#5EC962", "#ADDC30", "#FDE725"]

extension Figure {
    /// A self-contained SVG of the figure: `role="img"`, a `<title>`, a `<desc>` summarising the
    /// data, colours only through CSS custom properties (`--plot-series-1` …, `--plot-foreground`,
    /// `--plot-heat-0` …) with Okabe–Ito and viridis fallbacks. The same figure gives the same bytes.
    ///
    /// ```swift
    /// let svg = try plot({ x in x * x }, from: -1, to: 1, title: "x²").svg()
    /// ```
    public func svg(width: Int = 640, height: Int = 400) throws(PlotError) -> String {
        let figure = try validated()
        guard width >= 200, height >= 150 else {
            throw PlotError.invalidArgument(context: "svg", message: "needs at least 200 × 150, but got \(width) × \(height)")
        }
        var writer = SVGWriter(figure: figure, width: Double(width), height: Double(height))
        return writer.render()
    }
}

/// Builds one SVG document; internal, one per rendering.
struct SVGWriter {
    let figure: Figure
    let width: Double
    let height: Double
    var output = ""

    init(figure: Figure, width: Double, height: Double) {
        self.figure = figure
        self.width = width
        self.height = height
    }

    /// An estimate of a label's width in pixels at 12px (there are no font metrics here).
    static func textWidth(_ text: String, size: Double = 12) -> Double { Double(text.count) * size * 0.6 }

    mutating func render() -> String {
        let w = coordinate(width), h = coordinate(height)
        output += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mathbook-plot\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\">\n"
        output += "<title>\(escape(accessibleTitle))</title>\n"
        output += "<desc>\(escape(summary))</desc>\n"
        output += "<style>\(styleSheet)</style>\n"
        let legend = figure.legendEntries
        var top = 14.0
        if !figure.title.isEmpty {
            output += "<text class=\"title\" x=\"\(coordinate(width / 2))\" y=\"24\" text-anchor=\"middle\">\(escape(figure.title))</text>\n"
            top = 36
        }
        let legendY = top + 10
        if !legend.isEmpty { top += 24 }
        top += 8
        if let heat = figure.heatmapSeries {
            renderHeatmap(heat, top: top)
        } else {
            renderPlot(top: top, legendY: legendY, legend: legend)
        }
        output += "</svg>\n"
        return output
    }

    var accessibleTitle: String {
        if !figure.title.isEmpty { return figure.title }
        if !figure.yLabel.isEmpty && !figure.xLabel.isEmpty { return "\(figure.yLabel) against \(figure.xLabel)" }
        return "Plot"
    }

    var summary: String { figure.summary }

    var styleSheet: String {
        var css = ".mathbook-plot text{font:12px sans-serif;fill:var(--plot-foreground,currentColor)}"
        css += ".mathbook-plot .title{font-size:15px;font-weight:600}"
        css += ".mathbook-plot .axis{fill:none;stroke:var(--plot-foreground,currentColor);stroke-width:1}"
        css += ".mathbook-plot .grid{fill:none;stroke:var(--plot-foreground,currentColor);stroke-opacity:0.12;stroke-width:1}"
        css += ".mathbook-plot .line{fill:none;stroke:currentColor;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}"
        css += ".mathbook-plot .rule{fill:none;stroke:currentColor;stroke-width:1.5;stroke-dasharray:6 4}"
        css += ".mathbook-plot .points,.mathbook-plot .mark,.mathbook-plot .bars{fill:currentColor}"
        css += ".mathbook-plot .mark circle{stroke:var(--plot-background,none);stroke-width:2}"
        var slots: [Int] = []
        for index in figure.series.indices where !slots.contains(index % seriesPalette.count) {
            slots.append(index % seriesPalette.count)
        }
        for slot in slots.sorted() {
            css += ".mathbook-plot .s\(slot + 1){color:var(--plot-series-\(slot + 1),\(seriesPalette[slot]))}"
        }
        if figure.heatmapSeries != nil {
            for (level, colour) in heatPalette.enumerated() {
                css += ".mathbook-plot .h\(level){fill:var(--plot-heat-\(level),\(colour))}"
            }
        }
        return css
    }

    func seriesClass(_ index: Int) -> String { "s\(index % seriesPalette.count + 1)" }

    // MARK: Plots with axes

    mutating func renderPlot(top: Double, legendY: Double, legend: [(index: Int, series: Series, label: String)]) {
        let axes = Axes(for: figure)
        let labelWidth = axes.y.labels.map { Self.textWidth($0) }.max() ?? 0
        let left = 12 + (figure.yLabel.isEmpty ? 0 : 20) + labelWidth + 8
        let right = width - 20
        let bottom = height - (figure.xLabel.isEmpty ? 28 : 46)
        let px = { (x: Double) in left + axes.x.fraction(x) * (right - left) }
        let py = { (y: Double) in bottom - axes.y.fraction(y) * (bottom - top) }

        // Grid and axes.
        var grid = ""
        for tick in axes.y.ticks { grid += "M\(coordinate(left)) \(coordinate(py(tick)))H\(coordinate(right))" }
        if !axes.x.isCategorical {
            for tick in axes.x.ticks { grid += "M\(coordinate(px(tick))) \(coordinate(top))V\(coordinate(bottom))" }
        }
        output += "<path class=\"grid\" d=\"\(grid)\"/>\n"
        var axisPath = "M\(coordinate(left)) \(coordinate(top))V\(coordinate(bottom))H\(coordinate(right))"
        for tick in axes.y.ticks { axisPath += "M\(coordinate(left - 5)) \(coordinate(py(tick)))h5" }
        for tick in axes.x.ticks { axisPath += "M\(coordinate(px(tick))) \(coordinate(bottom))v5" }
        output += "<path class=\"axis\" d=\"\(axisPath)\"/>\n"
        output += "<g class=\"tick-labels\">"
        for (tick, label) in zip(axes.y.ticks, axes.y.labels) {
            output += "<text x=\"\(coordinate(left - 8))\" y=\"\(coordinate(py(tick) + 4))\" text-anchor=\"end\">\(escape(label))</text>"
        }
        for (tick, label) in zip(axes.x.ticks, axes.x.labels) {
            output += "<text x=\"\(coordinate(px(tick)))\" y=\"\(coordinate(bottom + 18))\" text-anchor=\"middle\">\(escape(label))</text>"
        }
        output += "</g>\n"
        renderAxisLabels(left: left, right: right, top: top, bottom: bottom)

        // Series, in order.
        let barSeries = figure.series.filter { if case .bars = $0.kind { true } else { false } }.count
        var barIndex = 0
        for (index, item) in figure.series.enumerated() {
            let cls = seriesClass(index)
            switch item.kind {
            case let .line(xs, ys):
                var d = ""
                d.reserveCapacity(xs.count * 12)
                var previous: (Int, Int)? = nil
                for (x, y) in zip(xs, ys) {
                    let sx = px(x), sy = py(y)
                    let key = (Int((sx * 10).rounded()), Int((sy * 10).rounded()))
                    if let previous, previous == key { continue }
                    d += previous == nil ? "M" : "L"
                    appendCoordinate(sx, to: &d)
                    d += " "
                    appendCoordinate(sy, to: &d)
                    previous = key
                }
                if !d.isEmpty { output += "<path class=\"line \(cls)\" d=\"\(d)\"/>\n" }
            case let .points(xs, ys):
                output += "<g class=\"points \(cls)\">"
                for (x, y) in zip(xs, ys) {
                    output += "<circle cx=\"\(coordinate(px(x)))\" cy=\"\(coordinate(py(y)))\" r=\"3\"/>"
                }
                output += "</g>\n"
            case let .mark(x, y):
                output += "<g class=\"mark \(cls)\"><circle cx=\"\(coordinate(px(x)))\" cy=\"\(coordinate(py(y)))\" r=\"5\"/>"
                if let label = item.label, !label.isEmpty {
                    let onRight = px(x) + 10 + Self.textWidth(label) <= right
                    let tx = onRight ? px(x) + 9 : px(x) - 9
                    output += "<text x=\"\(coordinate(tx))\" y=\"\(coordinate(max(top + 12, py(y) - 9)))\" text-anchor=\"\(onRight ? "start" : "end")\">\(escape(label))</text>"
                }
                output += "</g>\n"
            case let .verticalRule(x):
                output += "<g class=\"\(cls)\"><path class=\"rule\" d=\"M\(coordinate(px(x))) \(coordinate(top))V\(coordinate(bottom))\"/>"
                if let label = item.label, !label.isEmpty {
                    let onRight = px(x) + 6 + Self.textWidth(label) <= right
                    output += "<text x=\"\(coordinate(onRight ? px(x) + 5 : px(x) - 5))\" y=\"\(coordinate(top + 12))\" text-anchor=\"\(onRight ? "start" : "end")\">\(escape(label))</text>"
                }
                output += "</g>\n"
            case let .horizontalRule(y):
                output += "<g class=\"\(cls)\"><path class=\"rule\" d=\"M\(coordinate(left)) \(coordinate(py(y)))H\(coordinate(right))\"/>"
                if let label = item.label, !label.isEmpty {
                    output += "<text x=\"\(coordinate(right - 4))\" y=\"\(coordinate(py(y) - 5))\" text-anchor=\"end\">\(escape(label))</text>"
                }
                output += "</g>\n"
            case let .bars(_, values):
                let slot = 0.8 / Double(max(barSeries, 1))
                output += "<g class=\"bars \(cls)\">"
                for (position, value) in values.enumerated() {
                    let x0 = px(Double(position) - 0.4 + slot * Double(barIndex)), x1 = px(Double(position) - 0.4 + slot * Double(barIndex + 1))
                    let y0 = py(max(value, 0)), y1 = py(min(value, 0))
                    output += rect(x0, y0, x1 - x0, y1 - y0)
                }
                output += "</g>\n"
                barIndex += 1
            case let .histogram(data, bins):
                let counts = HistogramBins(data: data, bins: bins)
                output += "<g class=\"bars \(cls)\">"
                for (bin, count) in counts.counts.enumerated() where count > 0 {
                    let x0 = px(counts.lower + Double(bin) * counts.width), x1 = px(counts.lower + Double(bin + 1) * counts.width)
                    output += rect(x0 + 0.5, py(Double(count)), max(0.5, x1 - x0 - 1), py(0) - py(Double(count)))
                }
                output += "</g>\n"
            case .heatmap:
                break
            }
        }
        renderLegend(legend, left: left, y: legendY)
    }

    mutating func renderAxisLabels(left: Double, right: Double, top: Double, bottom: Double) {
        if !figure.xLabel.isEmpty {
            output += "<text class=\"axis-label\" x=\"\(coordinate((left + right) / 2))\" y=\"\(coordinate(height - 10))\" text-anchor=\"middle\">\(escape(figure.xLabel))</text>\n"
        }
        if !figure.yLabel.isEmpty {
            let cy = coordinate((top + bottom) / 2)
            output += "<text class=\"axis-label\" x=\"16\" y=\"\(cy)\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(cy))\">\(escape(figure.yLabel))</text>\n"
        }
    }

    mutating func renderLegend(_ legend: [(index: Int, series: Series, label: String)], left: Double, y: Double) {
        guard !legend.isEmpty else { return }
        output += "<g class=\"legend\">"
        var x = left
        for entry in legend {
            let cls = seriesClass(entry.index)
            switch entry.series.kind {
            case .line:
                output += "<path class=\"line \(cls)\" d=\"M\(coordinate(x)) \(coordinate(y))h20\"/>"
            case .points:
                output += "<g class=\"points \(cls)\"><circle cx=\"\(coordinate(x + 10))\" cy=\"\(coordinate(y))\" r=\"3\"/></g>"
            default:
                output += "<g class=\"bars \(cls)\">\(rect(x + 4, y - 6, 12, 12))</g>"
            }
            output += "<text x=\"\(coordinate(x + 26))\" y=\"\(coordinate(y + 4))\">\(escape(entry.label))</text>"
            x += 26 + Self.textWidth(entry.label) + 18
        }
        output += "</g>\n"
    }

    func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> String {
        "<rect x=\"\(coordinate(x))\" y=\"\(coordinate(y))\" width=\"\(coordinate(w))\" height=\"\(coordinate(h))\"/>"
    }

    // MARK: Heatmaps

    mutating func renderHeatmap(_ heat: (matrix: [[Double]], rowLabels: [String], columnLabels: [String]), top: Double) {
        let rows = heat.matrix.count, columns = heat.matrix[0].count
        let scale = HeatScale(heat.matrix.flatMap { $0 })
        let labelWidth = heat.rowLabels.map { Self.textWidth($0) }.max() ?? 0
        let left = 12 + (figure.yLabel.isEmpty ? 0 : 20) + labelWidth + 8
        let scaleLabels = tickLabels(for: [scale.minimum, scale.maximum])
        let right = width - 40 - (scaleLabels.map { Self.textWidth($0) }.max() ?? 0)
        let bottom = height - (figure.xLabel.isEmpty ? 28 : 46)
        let cellWidth = (right - left) / Double(columns), cellHeight = (bottom - top) / Double(rows)
        output += "<g class=\"heatmap\">"
        for (row, values) in heat.matrix.enumerated() {
            for (column, value) in values.enumerated() {
                let x0 = left + Double(column) * cellWidth, y0 = top + Double(row) * cellHeight
                let x1 = left + Double(column + 1) * cellWidth, y1 = top + Double(row + 1) * cellHeight
                output += "<rect class=\"h\(scale.level(value, levels: heatPalette.count))\" x=\"\(coordinate(x0))\" y=\"\(coordinate(y0))\" width=\"\(coordinate(x1 - x0))\" height=\"\(coordinate(y1 - y0))\"/>"
            }
        }
        output += "</g>\n<g class=\"tick-labels\">"
        // Labels are thinned so that neighbours never overlap (every k-th is kept).
        let rowStep = max(1, Int((14 / cellHeight).rounded(.up)))
        for (row, label) in heat.rowLabels.enumerated() where row % rowStep == 0 {
            output += "<text x=\"\(coordinate(left - 6))\" y=\"\(coordinate(top + (Double(row) + 0.5) * cellHeight + 4))\" text-anchor=\"end\">\(escape(label))</text>"
        }
        let widest = (heat.columnLabels.map { Self.textWidth($0) }.max() ?? 0) + 6
        let columnStep = max(1, Int((widest / cellWidth).rounded(.up)))
        for (column, label) in heat.columnLabels.enumerated() where column % columnStep == 0 {
            output += "<text x=\"\(coordinate(left + (Double(column) + 0.5) * cellWidth))\" y=\"\(coordinate(bottom + 16))\" text-anchor=\"middle\">\(escape(label))</text>"
        }
        output += "</g>\n"
        // The colour scale: the nine steps from the minimum (bottom) to the maximum (top).
        let barLeft = right + 10, stepHeight = (bottom - top) / Double(heatPalette.count)
        output += "<g class=\"heat-scale\">"
        for level in heatPalette.indices {
            let y0 = bottom - Double(level + 1) * stepHeight
            output += "<rect class=\"h\(level)\" x=\"\(coordinate(barLeft))\" y=\"\(coordinate(y0))\" width=\"12\" height=\"\(coordinate(stepHeight))\"/>"
        }
        output += "<text x=\"\(coordinate(barLeft + 16))\" y=\"\(coordinate(top + 10))\">\(escape(scaleLabels[1]))</text>"
        output += "<text x=\"\(coordinate(barLeft + 16))\" y=\"\(coordinate(bottom))\">\(escape(scaleLabels[0]))</text>"
        output += "</g>\n"
        renderAxisLabels(left: left, right: right, top: top, bottom: bottom)
    }
}

/// Escapes text for SVG/XML content and attributes.
func escape(_ text: String) -> String {
    var result = ""
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&apos;"
        default: result.append(character)
        }
    }
    return result
}

extension Figure {
    /// A one-paragraph summary of the data (kinds, counts, ranges), for `<desc>` and screen readers.
    var summary: String {
        func number(_ value: Double) -> String { formatG(value, precision: 4) }
        func range(_ values: [Double]) -> String {
            guard let low = values.min(), let high = values.max() else { return "no values" }
            return low == high ? "\(number(low))" : "from \(number(low)) to \(number(high))"
        }
        var parts: [String] = []
        for item in series {
            let name = item.label.map { " \"\($0)\"" } ?? ""
            switch item.kind {
            case let .line(xs, ys):
                parts.append("a line\(name) of \(xs.count) point\(xs.count == 1 ? "" : "s"), x \(range(xs)), y \(range(ys))")
            case let .points(xs, ys):
                parts.append("\(xs.count) point\(xs.count == 1 ? "" : "s")\(name), x \(range(xs)), y \(range(ys))")
            case let .mark(x, y):
                parts.append("a marked point\(name) at (\(number(x)), \(number(y)))")
            case let .verticalRule(x):
                parts.append("a vertical rule\(name) at x = \(number(x))")
            case let .horizontalRule(y):
                parts.append("a horizontal rule\(name) at y = \(number(y))")
            case let .bars(labels, values):
                let pairs = zip(labels, values).map { "\($0) \(number($1))" }.joined(separator: ", ")
                parts.append("\(values.count) bar\(values.count == 1 ? "" : "s")\(name): \(pairs)")
            case let .histogram(data, bins):
                let counts = HistogramBins(data: data, bins: bins)
                parts.append("a histogram\(name) of \(data.count) value\(data.count == 1 ? "" : "s") in \(counts.counts.count) bins from \(number(counts.lower)) to \(number(counts.upper)), counts \(counts.counts.map(String.init).joined(separator: " "))")
            case let .heatmap(matrix, _, _):
                let rows = matrix.shape.first ?? 0, columns = matrix.shape.count > 1 ? matrix.shape[1] : 0
                let mean = matrix.scalars.reduce(0, +) / Double(max(matrix.count, 1))
                parts.append("a heatmap of \(rows) × \(columns) values \(range(matrix.scalars)), mean \(number(mean))")
            }
        }
        var text = parts.isEmpty ? "An empty plot" : parts.joined(separator: "; ")
        text = text.prefix(1).uppercased() + text.dropFirst()
        if !xLabel.isEmpty || !yLabel.isEmpty {
            text += ". Axes: x \(xLabel.isEmpty ? "unlabelled" : xLabel), y \(yLabel.isEmpty ? "unlabelled" : yLabel)"
        }
        return text + "."
    }
}
