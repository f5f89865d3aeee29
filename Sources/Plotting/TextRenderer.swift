extension Figure {
    /// A character plot for terminals and CI logs: the title, a legend line, the plot with the same
    /// round ticks as the SVG on a left and a bottom axis, and the x label; lines and points in
    /// Unicode braille (2 × 4 dots a character), bars in block characters, heatmaps shaded ` ░▒▓█`.
    /// `ascii: true` uses ASCII only (`*`, `+`, `#`, `.`, `o`, `|`, `-`). No line is longer than
    /// `width` characters and there are at most `height` lines.
    ///
    /// ```swift
    /// print(try plot({ x in x * x }, from: -1, to: 1, title: "x²").text(width: 60, height: 16))
    /// ```
    public func text(width: Int = 72, height: Int = 20, ascii: Bool = false) throws(PlotError) -> String {
        let figure = try validated()
        guard width >= 24, height >= 6 else {
            throw PlotError.invalidArgument(context: "text", message: "needs at least 24 × 6 characters, but got \(width) × \(height)")
        }
        var renderer = TextRenderer(figure: figure, width: width, height: height, ascii: ascii)
        return renderer.render()
    }
}

/// A grid of characters with a braille layer (one bit per dot) under a layer of glyphs.
struct CharacterCanvas {
    let columns: Int
    let rows: Int
    let ascii: Bool
    var dots: [UInt8]
    var glyphs: [Character?]

    /// Dots per character: 2 × 4 in braille, 1 × 1 in ASCII.
    var dotsAcross: Int { ascii ? columns : columns * 2 }
    var dotsDown: Int { ascii ? rows : rows * 4 }

    init(columns: Int, rows: Int, ascii: Bool) {
        self.columns = columns
        self.rows = rows
        self.ascii = ascii
        dots = [UInt8](repeating: 0, count: columns * rows)
        glyphs = [Character?](repeating: nil, count: columns * rows)
    }

    /// The braille bit of each dot, by column (0, 1) and row (0…3) inside a character (U+2800 + bits).
    private static let brailleBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    mutating func setDot(_ x: Int, _ y: Int, asciiGlyph: Character) {
        guard x >= 0, y >= 0, x < dotsAcross, y < dotsDown else { return }
        if ascii {
            glyphs[y * columns + x] = asciiGlyph
        } else {
            dots[(y / 4) * columns + x / 2] |= Self.brailleBits[x % 2][y % 4]
        }
    }

    mutating func setGlyph(_ column: Int, _ row: Int, _ glyph: Character) {
        guard column >= 0, row >= 0, column < columns, row < rows else { return }
        glyphs[row * columns + column] = glyph
    }

    /// Writes text from `column` on `row`, clipped to the canvas.
    mutating func write(_ text: String, column: Int, row: Int) {
        for (offset, character) in text.enumerated() { setGlyph(column + offset, row, character) }
    }

    /// A straight line between two dots (Bresenham), drawing only where `pattern` says so,
    /// counting steps along the line: this is how the text form tells lines apart without colour.
    mutating func drawLine(from start: (Int, Int), to end: (Int, Int), pattern: (Int) -> Bool, step: inout Int, asciiGlyph: Character) {
        var (x, y) = start
        let dx = abs(end.0 - x), dy = -abs(end.1 - y)
        let sx = x < end.0 ? 1 : -1, sy = y < end.1 ? 1 : -1
        var error = dx + dy
        // Cap the walk: coordinates are clamped to the canvas, so this is only a guard.
        for _ in 0...(dx - dy + 1) {
            if pattern(step) { setDot(x, y, asciiGlyph: asciiGlyph) }
            step += 1
            if x == end.0 && y == end.1 { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
        }
    }

    func line(_ row: Int) -> String {
        var text = ""
        for column in 0..<columns {
            let index = row * columns + column
            if let glyph = glyphs[index] {
                text.append(glyph)
            } else if dots[index] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(dots[index])) {
                text.append(Character(scalar))
            } else {
                text.append(" ")
            }
        }
        return text
    }
}

/// Lays out and draws the text form of one figure.
struct TextRenderer {
    let figure: Figure
    let width: Int
    let height: Int
    let ascii: Bool

    /// Line styles for successive line series in braille: solid, dashed, dotted, dash-dot.
    static let linePatterns: [@Sendable (Int) -> Bool] = [{ _ in true }, { $0 % 6 < 4 }, { $0 % 3 == 0 }, { $0 % 8 < 4 || $0 % 8 == 6 }]
    static let lineLegend = ["──", "╌╌", "┈┈", "─┈"]
    static let asciiSeriesGlyphs: [Character] = ["*", "+", "#", "."]

    init(figure: Figure, width: Int, height: Int, ascii: Bool) {
        self.figure = figure
        self.width = width
        self.height = height
        self.ascii = ascii
    }

    mutating func render() -> String {
        // Optional lines are dropped, y label first and x label last, when the plot would get fewer than 2 rows.
        var showTitle = !figure.title.isEmpty, showYLabel = !figure.yLabel.isEmpty, showXLabel = !figure.xLabel.isEmpty
        let legend = legendLine()
        var showLegend = !legend.isEmpty
        func overhead() -> Int { [showTitle, showLegend, showYLabel, showXLabel].filter { $0 }.count + 2 }
        if height - overhead() < 2 { showYLabel = false }
        if height - overhead() < 2 { showLegend = false }
        if height - overhead() < 2 { showTitle = false }
        if height - overhead() < 2 { showXLabel = false }
        var lines: [String] = []
        if showTitle { lines.append(centred(figure.title)) }
        if showLegend { lines.append(legend) }
        if showYLabel { lines.append(figure.yLabel) }
        let rows = max(2, height - overhead())
        if let heat = figure.heatmapSeries {
            lines += heatmapLines(heat, rows: rows)
        } else {
            lines += plotLines(rows: rows)
        }
        if showXLabel { lines.append(centred(figure.xLabel)) }
        return lines.map { fitted(ascii ? asciiOnly($0) : $0) }.joined(separator: "\n")
    }

    /// Clips to the width and drops trailing spaces.
    func fitted(_ line: String) -> String {
        var text = String(line.prefix(width))
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Spells labels in ASCII for `ascii: true`: a few common symbols by name, anything else as `?`.
    func asciiOnly(_ line: String) -> String {
        let spellings: [Character: String] = ["²": "^2", "³": "^3", "−": "-", "–": "-", "—": "-", "×": "x", "·": ".", "≤": "<=", "≥": ">=", "π": "pi"]
        var result = ""
        for character in line {
            if character.isASCII { result.append(character) } else { result += spellings[character] ?? "?" }
        }
        return result
    }

    func centred(_ text: String) -> String {
        let clipped = String(text.prefix(width))
        return String(repeating: " ", count: max(0, (width - clipped.count) / 2)) + clipped
    }

    func legendLine() -> String {
        if let heat = figure.heatmapSeries {
            let scale = HeatScale(heat.matrix.flatMap { $0 })
            let labels = tickLabels(for: [scale.minimum, scale.maximum])
            return "\(labels[0]) \(ascii ? "[ .+*#]" : "[ ░▒▓█]") \(labels[1])"
        }
        var entries: [String] = []
        var lineNumber = 0
        for (index, item) in figure.series.enumerated() {
            let isLine = { if case .line = item.kind { true } else { false } }()
            defer { if isLine { lineNumber += 1 } }
            guard let entry = figure.legendEntries.first(where: { $0.index == index }) else { continue }
            let glyph: String
            switch item.kind {
            case .line:
                glyph = ascii ? String(repeating: Self.asciiSeriesGlyphs[index % 4], count: 2) : Self.lineLegend[lineNumber % Self.lineLegend.count]
            case .points:
                glyph = ascii ? String(Self.asciiSeriesGlyphs[index % 4]) : "⠶"
            default:
                glyph = ascii ? "#" : "█"
            }
            entries.append("\(glyph) \(entry.label)")
        }
        return entries.joined(separator: "   ")
    }

    // MARK: Plots with axes

    func plotLines(rows: Int) -> [String] {
        let axes = Axes(for: figure)
        let gutter = axes.y.labels.map(\.count).max() ?? 1
        let columns = max(4, width - gutter - 1)
        var canvas = CharacterCanvas(columns: columns, rows: rows, ascii: ascii)
        let maxX = Double(canvas.dotsAcross - 1), maxY = Double(canvas.dotsDown - 1)
        let dx = { (x: Double) in Int((axes.x.fraction(x) * maxX).rounded()) }
        let dy = { (y: Double) in Int(((1 - axes.y.fraction(y)) * maxY).rounded()) }
        let dotsPerColumn = ascii ? 1 : 2, dotsPerRow = ascii ? 1 : 4

        var lineNumber = 0
        let barSeries = figure.series.filter { if case .bars = $0.kind { true } else { false } }.count
        var barIndex = 0
        var labels: [(text: String, column: Int, row: Int)] = []
        for (index, item) in figure.series.enumerated() {
            let glyph = Self.asciiSeriesGlyphs[index % 4]
            switch item.kind {
            case let .line(xs, ys):
                let pattern = Self.linePatterns[lineNumber % Self.linePatterns.count]
                lineNumber += 1
                var step = 0
                var previous: (Int, Int)? = nil
                for (x, y) in zip(xs, ys) {
                    let point = (dx(x), dy(y))
                    if let previous {
                        step -= 1  // the shared endpoint is not counted twice
                        canvas.drawLine(from: previous, to: point, pattern: pattern, step: &step, asciiGlyph: glyph)
                    } else {
                        canvas.setDot(point.0, point.1, asciiGlyph: glyph)
                    }
                    previous = point
                }
            case let .points(xs, ys):
                for (x, y) in zip(xs, ys) {
                    let px = dx(x), py = dy(y)
                    canvas.setDot(px, py, asciiGlyph: glyph)
                    if !ascii {  // a 2 × 2 block of dots, visible where a single dot is not
                        canvas.setDot(px + (px % 2 == 0 ? 1 : -1), py, asciiGlyph: glyph)
                        canvas.setDot(px, py + 1 < canvas.dotsDown ? py + 1 : py - 1, asciiGlyph: glyph)
                        canvas.setDot(px + (px % 2 == 0 ? 1 : -1), py + 1 < canvas.dotsDown ? py + 1 : py - 1, asciiGlyph: glyph)
                    }
                }
            case let .mark(x, y):
                let column = dx(x) / dotsPerColumn, row = dy(y) / dotsPerRow
                canvas.setGlyph(column, row, ascii ? "o" : "●")
                if let label = item.label, !label.isEmpty {
                    let start = column + 2 + label.count <= columns ? column + 2 : max(0, column - 1 - label.count)
                    labels.append((label, start, row))
                }
            case let .verticalRule(x):
                let px = dx(x)
                for py in 0..<canvas.dotsDown where ascii || py % 2 == 0 {
                    if ascii { canvas.setGlyph(px, py, "|") } else { canvas.setDot(px, py, asciiGlyph: "|") }
                }
                if let label = item.label, !label.isEmpty {
                    let column = px / dotsPerColumn
                    let start = column + 2 + label.count <= columns ? column + 2 : max(0, column - 1 - label.count)
                    labels.append((label, start, 0))
                }
            case let .horizontalRule(y):
                let py = dy(y)
                for px in 0..<canvas.dotsAcross where ascii || px % 2 == 0 {
                    if ascii { canvas.setGlyph(px, py, "-") } else { canvas.setDot(px, py, asciiGlyph: "-") }
                }
                if let label = item.label, !label.isEmpty {
                    let row = py / dotsPerRow
                    labels.append((label, max(0, columns - label.count), row > 0 ? row - 1 : row + 1))
                }
            case let .bars(_, values):
                let slot = 0.8 / Double(max(barSeries, 1))
                for (position, value) in values.enumerated() {
                    let low = Double(position) - 0.4 + slot * Double(barIndex)
                    let first = Int((axes.x.fraction(low) * Double(columns)).rounded())
                    let last = Int((axes.x.fraction(low + slot) * Double(columns)).rounded()) - 1
                    fillColumns(&canvas, from: first, through: max(first, last), value: value, axes: axes)
                }
                barIndex += 1
            case let .histogram(data, bins):
                let counts = HistogramBins(data: data, bins: bins)
                for column in 0..<columns {
                    let x = axes.x.lower + (Double(column) + 0.5) / Double(columns) * (axes.x.upper - axes.x.lower)
                    guard x >= counts.lower, x <= counts.upper else { continue }
                    let bin = min(counts.counts.count - 1, Int(((x - counts.lower) / counts.width).rounded(.down)))
                    fillColumns(&canvas, from: column, through: column, value: Double(counts.counts[bin]), axes: axes)
                }
            case .heatmap:
                break
            }
        }
        for label in labels { canvas.write(label.text, column: label.column, row: label.row) }

        // The left axis: labels right-aligned at their tick's row.
        var tickRows: [Int: String] = [:]
        for (tick, label) in zip(axes.y.ticks, axes.y.labels) { tickRows[dy(tick) / dotsPerRow] = label }
        var lines: [String] = []
        for row in 0..<rows {
            let label = tickRows[row] ?? ""
            let axis = tickRows[row] == nil ? (ascii ? "|" : "│") : (ascii ? "+" : "┤")
            lines.append(String(repeating: " ", count: gutter - label.count) + label + axis + canvas.line(row))
        }
        // The bottom axis and its labels, each centred on its tick and skipped if it would overlap.
        var axisLine = Array(repeating: Character(ascii ? "-" : "─"), count: columns)
        var labelLine = Array(repeating: Character(" "), count: gutter + 1 + columns)
        var nextFree = 0
        for (tick, label) in zip(axes.x.ticks, axes.x.labels) {
            let column = min(columns - 1, max(0, dx(tick) / dotsPerColumn))
            axisLine[column] = ascii ? "+" : "┬"
            let text = axes.x.isCategorical ? String(label.prefix(max(1, columns / max(1, axes.x.ticks.count) - 1))) : label
            var start = gutter + 1 + column - text.count / 2
            start = min(max(start, 0), labelLine.count - text.count)
            guard start >= nextFree, start >= 0 else { continue }
            for (offset, character) in text.enumerated() { labelLine[start + offset] = character }
            nextFree = start + text.count + 1
        }
        lines.append(String(repeating: " ", count: gutter) + (ascii ? "+" : "└") + String(axisLine))
        lines.append(String(labelLine))
        return lines
    }

    /// Fills character columns from the zero line to `value`, with eighth blocks at the top of positive bars.
    func fillColumns(_ canvas: inout CharacterCanvas, from first: Int, through last: Int, value: Double, axes: Axes) {
        let rows = canvas.rows
        let eighths = { (y: Double) in Int((axes.y.fraction(y) * Double(rows * 8)).rounded()) }
        let base = (eighths(min(max(0, axes.y.lower), axes.y.upper)) + 4) / 8 * 8
        let top = eighths(value)
        let partial: [Character] = ascii ? ["#", "#", "#", "#", "#", "#", "#", "#"] : ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        for column in first...last {
            if top >= base {
                var level = base
                while level < top {
                    let row = rows - 1 - level / 8
                    let filled = min(8, top - level)
                    if ascii && filled < 4 { break }
                    canvas.setGlyph(column, row, partial[filled - 1])
                    level += 8
                }
            } else {
                var level = base - 8
                while level >= top - 4 {
                    canvas.setGlyph(column, rows - 1 - level / 8, ascii ? "#" : "█")
                    level -= 8
                }
            }
        }
    }

    // MARK: Heatmaps

    func heatmapLines(_ heat: (matrix: [[Double]], rowLabels: [String], columnLabels: [String]), rows: Int) -> [String] {
        let scale = HeatScale(heat.matrix.flatMap { $0 })
        let shades: [Character] = ascii ? [" ", ".", "+", "*", "#"] : [" ", "░", "▒", "▓", "█"]
        let matrixRows = heat.matrix.count, matrixColumns = heat.matrix[0].count
        let gutter = min(width / 3, heat.rowLabels.map(\.count).max() ?? 1)
        let columns = max(4, width - gutter - 1)
        // Whole characters per matrix cell when they fit, so every cell has the same size.
        let cellWidth = max(1, columns / matrixColumns), cellHeight = max(1, rows / matrixRows)
        let usedColumns = min(columns, cellWidth * matrixColumns), usedRows = min(rows, cellHeight * matrixRows)
        var lines: [String] = []
        var labelledRows: [Int: String] = [:]
        for row in 0..<matrixRows {
            let canvasRow = matrixRows <= usedRows ? row * cellHeight + (cellHeight - 1) / 2 : row * usedRows / matrixRows
            if labelledRows[canvasRow] == nil { labelledRows[canvasRow] = String(heat.rowLabels[row].prefix(gutter)) }
        }
        for canvasRow in 0..<usedRows {
            let row = min(matrixRows - 1, canvasRow * matrixRows / usedRows)
            var text = ""
            for canvasColumn in 0..<usedColumns {
                let column = min(matrixColumns - 1, canvasColumn * matrixColumns / usedColumns)
                text.append(shades[scale.level(heat.matrix[row][column], levels: shades.count)])
            }
            let label = labelledRows[canvasRow] ?? ""
            lines.append(String(repeating: " ", count: gutter - label.count) + label + (ascii ? "|" : "│") + text)
        }
        lines.append(String(repeating: " ", count: gutter) + (ascii ? "+" : "└") + String(repeating: ascii ? "-" : "─", count: usedColumns))
        var labelLine = Array(repeating: Character(" "), count: gutter + 1 + usedColumns)
        var nextFree = 0
        for (column, label) in heat.columnLabels.enumerated() {
            let centre = gutter + 1 + (column * usedColumns + usedColumns / 2) / matrixColumns
            let text = String(label.prefix(max(1, labelLine.count - gutter - 1)))
            let start = min(max(centre - text.count / 2, 0), labelLine.count - text.count)
            guard start >= nextFree, start >= 0 else { continue }
            for (offset, character) in text.enumerated() { labelLine[start + offset] = character }
            nextFree = start + text.count + 1
        }
        lines.append(String(labelLine))
        return lines
    }
}
