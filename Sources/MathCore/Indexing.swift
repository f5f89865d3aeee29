extension Tensor {
    /// The element at the given indexes, one per axis: `v[i]`, `A[i, j]`.
    ///
    /// An index out of range, or the wrong number of indexes, stops the program as an array index
    /// does; ``Throwing/element(_:at:)`` and ``Throwing/setElement(_:at:to:)`` are the throwing forms.
    public subscript(indices: Int...) -> Double {
        get { orStop { try Throwing.element(self, at: indices) } }
        set { orStop { try Throwing.setElement(&self, at: indices, to: newValue) } }
    }

    /// Row `i` of a matrix (or, for any rank, the sub-tensor at index `i` of the first axis).
    public func row(_ i: Int) -> Tensor {
        orStop { try Throwing.row(self, i) }
    }

    /// Column `j` of a matrix, as a vector.
    public func column(_ j: Int) -> Tensor {
        orStop { try Throwing.column(self, j) }
    }

    /// The flat, row-major offset of `indices`, after checking each against the shape.
    func offset(of indices: [Int]) throws(MathCoreError) -> Int {
        guard indices.count == shape.count else {
            throw .wrongIndexCount(given: indices.count, shape: shape)
        }
        var offset = 0
        for (index, length) in zip(indices, shape) {
            guard index >= 0, index < length else { throw .indexOutOfRange(index: indices, shape: shape) }
            offset = offset * length + index
        }
        return offset
    }
}

extension Throwing {
    /// Throwing form of `tensor[indices...]`.
    public static func element(_ tensor: Tensor, at indices: [Int]) throws(MathCoreError) -> Double {
        tensor.scalars[try tensor.offset(of: indices)]
    }

    /// Throwing form of `tensor[indices...] = value`.
    public static func setElement(_ tensor: inout Tensor, at indices: [Int], to value: Double) throws(MathCoreError) {
        let offset = try tensor.offset(of: indices)
        tensor.scalars[offset] = value
    }

    /// Throwing form of `tensor.row(i)`.
    public static func row(_ tensor: Tensor, _ i: Int) throws(MathCoreError) -> Tensor {
        guard tensor.rank >= 1 else { throw .wrongRank(operation: "row", expected: "a tensor of rank 1 or more", shape: tensor.shape) }
        guard i >= 0, i < tensor.shape[0] else { throw .indexOutOfRange(index: [i], shape: tensor.shape) }
        let inner = Array(tensor.shape.dropFirst())
        let size = inner.reduce(1, *)
        return Tensor(unchecked: inner, Array(tensor.scalars[(i * size)..<((i + 1) * size)]))
    }

    /// Throwing form of `matrix.column(j)`.
    public static func column(_ matrix: Tensor, _ j: Int) throws(MathCoreError) -> Tensor {
        guard matrix.rank == 2 else { throw .wrongRank(operation: "column", expected: "a matrix", shape: matrix.shape) }
        let (rows, columns) = (matrix.shape[0], matrix.shape[1])
        guard j >= 0, j < columns else { throw .indexOutOfRange(index: [0, j], shape: matrix.shape) }
        return Tensor(unchecked: [rows], (0..<rows).map { matrix.scalars[$0 * columns + j] })
    }
}
