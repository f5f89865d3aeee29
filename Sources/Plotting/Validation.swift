extension Figure {
    /// This figure, unchanged, if every series can be drawn; otherwise the first problem found,
    /// in series order: a NaN or infinite number, lists of different lengths, fewer than one bin,
    /// a heatmap that is not a non-empty matrix or that shares the figure with other series.
    ///
    /// ```swift
    /// do {
    ///     let figure = try plot([0, 1], [0, .infinity]).validated()
    /// } catch {
    ///     print(error)   // series 1 (line): ys[1] is inf; a plot needs finite numbers
    /// }
    /// ```
    public func validated() throws(PlotError) -> Figure {
        for (index, item) in series.enumerated() {
            try item.validate(name: seriesName(index))
        }
        if series.count > 1, series.contains(where: { if case .heatmap = $0.kind { true } else { false } }) {
            throw PlotError.invalidArgument(
                context: "figure", message: "a heatmap fills the figure, so it must be the only series")
        }
        return self
    }

    /// How messages name a series: `series 2 (line "loss")`.
    func seriesName(_ index: Int) -> String {
        let item = series[index]
        let label = item.label.map { " \"\($0)\"" } ?? ""
        return "series \(index + 1) (\(item.kind.name)\(label))"
    }
}

extension Series {
    func validate(name: String) throws(PlotError) {
        switch kind {
        case let .line(xs, ys), let .points(xs, ys):
            try checkFinite(xs, field: "xs", name: name)
            try checkFinite(ys, field: "ys", name: name)
            if xs.count != ys.count {
                throw PlotError.mismatchedCounts(series: name, fields: ["xs", "ys"], counts: [xs.count, ys.count])
            }
        case let .mark(x, y):
            try checkFinite([x], field: "x", name: name)
            try checkFinite([y], field: "y", name: name)
        case let .verticalRule(x):
            try checkFinite([x], field: "x", name: name)
        case let .horizontalRule(y):
            try checkFinite([y], field: "y", name: name)
        case let .bars(labels, values):
            try checkFinite(values, field: "values", name: name)
            if labels.count != values.count {
                throw PlotError.mismatchedCounts(
                    series: name, fields: ["labels", "values"], counts: [labels.count, values.count])
            }
        case let .histogram(data, bins):
            try checkFinite(data, field: "data", name: name)
            if bins < 1 {
                throw PlotError.invalidArgument(context: name, message: "bins must be at least 1, not \(bins)")
            }
        case let .heatmap(matrix, rowLabels, columnLabels):
            guard matrix.rank == 2, matrix.count > 0 else {
                throw PlotError.invalidArgument(
                    context: name, message: "needs a non-empty matrix, but got a tensor of shape \(matrix.shape)")
            }
            try checkFinite(matrix.scalars, field: "values", name: name)
            if let rowLabels, rowLabels.count != matrix.shape[0] {
                throw PlotError.mismatchedCounts(
                    series: name, fields: ["row labels", "rows"], counts: [rowLabels.count, matrix.shape[0]])
            }
            if let columnLabels, columnLabels.count != matrix.shape[1] {
                throw PlotError.mismatchedCounts(
                    series: name, fields: ["column labels", "columns"], counts: [columnLabels.count, matrix.shape[1]])
            }
        }
    }

    private func checkFinite(_ values: [Double], field: String, name: String) throws(PlotError) {
        for (index, value) in values.enumerated() where !value.isFinite {
            throw PlotError.nonFiniteValue(series: name, field: field, index: index, value: nonFiniteName(value))
        }
    }
}
