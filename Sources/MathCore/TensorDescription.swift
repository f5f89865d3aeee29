extension Tensor: CustomStringConvertible {
    /// Tensors longer than this print only their first and last ``summaryEdgeItems`` along each axis.
    public static let summaryThreshold = 1000
    /// How many items at each end of an axis a summarised tensor shows.
    public static let summaryEdgeItems = 3

    /// The tensor as NumPy prints an array, with each number as Swift prints a `Double`.
    ///
    /// Every number is right-aligned to the widest one, a matrix prints one row a line, and blocks
    /// of higher rank are separated by blank lines. A tensor of more than 1000 elements shows the
    /// first and last three items of each long axis around `...`:
    /// ```
    /// [3.0, 1.0, 4.0]
    ///
    /// [[ 1.0, -2.5],
    ///  [30.0,  4.0]]
    ///
    /// [[[1.0, 2.0],
    ///   [3.0, 4.0]],
    ///
    ///  [[5.0, 6.0],
    ///   [7.0, 8.0]]]
    /// ```
    /// A rank-0 tensor prints as its number; an empty tensor of any shape as `[]`, as NumPy does.
    public var description: String {
        if rank == 0 { return scalars[0].description }
        // NumPy prints every empty array, whatever its shape, as `[]`.
        if count == 0 { return "[]" }
        let summarise = count > Tensor.summaryThreshold
        let strides = Tensor.strides(of: shape)
        // The indexes shown along each axis; `nil` marks the `...` of a summarised axis.
        let shown: [[Int?]] = shape.map { length in
            let edge = Tensor.summaryEdgeItems
            guard summarise, length > 2 * edge else { return Array(0..<length) }
            return Array(0..<edge) + [nil] + Array((length - edge)..<length)
        }
        var width = 0
        forEachShown(shown, strides: strides, axis: 0, offset: 0) { width = Swift.max(width, scalars[$0].description.count) }
        var text = ""
        write(into: &text, shown: shown, strides: strides, axis: 0, offset: 0, width: width)
        return text
    }

    private func forEachShown(_ shown: [[Int?]], strides: [Int], axis: Int, offset: Int, _ body: (Int) -> Void) {
        for index in shown[axis] {
            guard let index else { continue }
            let position = offset + index * strides[axis]
            if axis == rank - 1 { body(position) } else { forEachShown(shown, strides: strides, axis: axis + 1, offset: position, body) }
        }
    }

    private func write(into text: inout String, shown: [[Int?]], strides: [Int], axis: Int, offset: Int, width: Int) {
        text += "["
        let separator = axis == rank - 1
            ? ", "
            : "," + String(repeating: "\n", count: rank - 1 - axis) + String(repeating: " ", count: axis + 1)
        for (n, index) in shown[axis].enumerated() {
            if n > 0 { text += separator }
            guard let index else {
                text += "..."
                continue
            }
            let position = offset + index * strides[axis]
            if axis == rank - 1 {
                let number = scalars[position].description
                text += String(repeating: " ", count: width - number.count) + number
            } else {
                write(into: &text, shown: shown, strides: strides, axis: axis + 1, offset: position, width: width)
            }
        }
        text += "]"
    }
}
