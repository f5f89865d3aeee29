/// NumPy's broadcasting rules: shapes are aligned at their last axis, and an axis of length 1
/// (or a missing one) stretches to match the other.
enum Broadcasting {
    /// The shape of `a op b`, or a ``MathCoreError/shapeMismatch(operation:_:_:)`` naming both shapes.
    static func shape(_ a: [Int], _ b: [Int], operation: String) throws(MathCoreError) -> [Int] {
        if a == b { return a }
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let x = axis - (rank - a.count) >= 0 ? a[axis - (rank - a.count)] : 1
            let y = axis - (rank - b.count) >= 0 ? b[axis - (rank - b.count)] : 1
            guard x == y || x == 1 || y == 1 else { throw .shapeMismatch(operation: operation, a, b) }
            result[axis] = x == 1 ? y : x
        }
        return result
    }

    /// Row-major strides of `shape` seen as a tensor of `rank` axes, with 0 for every axis that broadcasts.
    static func strides(of shape: [Int], broadcastTo target: [Int]) -> [Int] {
        let rank = target.count
        var strides = [Int](repeating: 0, count: rank)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            let targetAxis = axis + rank - shape.count
            strides[targetAxis] = shape[axis] == 1 && target[targetAxis] != 1 ? 0 : step
            step *= shape[axis]
        }
        return strides
    }
}

extension Tensor {
    /// `a op b` element by element, computed in the storage of an operand that is a temporary
    /// when the shapes allow it: in `a * b + c` the sum overwrites the product instead of
    /// allocating again (NumPy's temporary elision; it took `a * b + c` from 1.5× NumPy's time to par).
    @inline(__always)
    static func combine(
        _ a: consuming Tensor, _ b: consuming Tensor, _ name: String, _ operation: (Double, Double) -> Double
    ) throws(MathCoreError) -> Tensor {
        if a.shape == b.shape {
            if a.isUniquelyStored() {
                a.storage.combine(with: b.storage, operation)
                return a
            }
            if b.isUniquelyStored() {
                b.storage.combine(with: a.storage) { operation($1, $0) }
                return b
            }
        }
        return try broadcast(a, b, name, operation)
    }

    /// Applies `operation` element by element after broadcasting, with fast paths for equal shapes
    /// and for a scalar on either side (the cases of `a * b + c` in the benchmark).
    @inline(__always)
    static func broadcast(
        _ a: Tensor, _ b: Tensor, _ name: String, _ operation: (Double, Double) -> Double
    ) throws(MathCoreError) -> Tensor {
        if a.shape == b.shape {
            return Tensor(unchecked: a.shape, zipScalars(a.scalars, b.scalars, operation))
        }
        if b.count == 1 && b.rank <= a.rank {
            let y = b.scalars[0]
            let shape = try Broadcasting.shape(a.shape, b.shape, operation: name)
            return Tensor(unchecked: shape, mapScalars(a.scalars) { operation($0, y) })
        }
        if a.count == 1 && a.rank <= b.rank {
            let x = a.scalars[0]
            let shape = try Broadcasting.shape(a.shape, b.shape, operation: name)
            return Tensor(unchecked: shape, mapScalars(b.scalars) { operation(x, $0) })
        }
        let shape = try Broadcasting.shape(a.shape, b.shape, operation: name)
        return Tensor(unchecked: shape, broadcastScalars(a, b, to: shape, operation))
    }

    /// The general case: walks the output one innermost row at a time, advancing each input's
    /// offset by its broadcast strides (0 along a stretched axis).
    @inline(__always)
    private static func broadcastScalars(
        _ a: Tensor, _ b: Tensor, to shape: [Int], _ operation: (Double, Double) -> Double
    ) -> [Double] {
        let total = shape.reduce(1, *)
        guard total > 0 else { return [] }
        let rank = shape.count
        let stridesA = Broadcasting.strides(of: a.shape, broadcastTo: shape)
        let stridesB = Broadcasting.strides(of: b.shape, broadcastTo: shape)
        let inner = shape[rank - 1]
        let (innerA, innerB) = (stridesA[rank - 1], stridesB[rank - 1])
        return [Double](unsafeUninitializedCapacity: total) { output, initialized in
            a.scalars.withUnsafeBufferPointer { x in
                b.scalars.withUnsafeBufferPointer { y in
                    var counter = [Int](repeating: 0, count: rank)
                    var (offsetA, offsetB, out) = (0, 0, 0)
                    while out < total {
                        var (i, j) = (offsetA, offsetB)
                        for k in 0..<inner {
                            output[out + k] = operation(x[i], y[j])
                            i += innerA
                            j += innerB
                        }
                        out += inner
                        // Advance the multi-index over the outer axes, like an odometer.
                        var axis = rank - 2
                        while axis >= 0 {
                            counter[axis] += 1
                            offsetA += stridesA[axis]
                            offsetB += stridesB[axis]
                            if counter[axis] < shape[axis] { break }
                            offsetA -= stridesA[axis] * shape[axis]
                            offsetB -= stridesB[axis] * shape[axis]
                            counter[axis] = 0
                            axis -= 1
                        }
                    }
                }
            }
            initialized = total
        }
    }
}

/// `operation` applied to each scalar, written straight into new storage (no zero fill, no copy on write).
@inline(__always)
func mapScalars(_ x: [Double], _ operation: (Double) -> Double) -> [Double] {
    let count = x.count
    return [Double](unsafeUninitializedCapacity: count) { output, initialized in
        x.withUnsafeBufferPointer { input in
            for i in 0..<count { output[i] = operation(input[i]) }
        }
        initialized = count
    }
}

/// `operation` applied to pairs of scalars of two arrays of equal length.
@inline(__always)
func zipScalars(_ x: [Double], _ y: [Double], _ operation: (Double, Double) -> Double) -> [Double] {
    let count = x.count
    return [Double](unsafeUninitializedCapacity: count) { output, initialized in
        x.withUnsafeBufferPointer { a in
            y.withUnsafeBufferPointer { b in
                for i in 0..<count { output[i] = operation(a[i], b[i]) }
            }
        }
        initialized = count
    }
}

extension TensorStorage {
    /// `self[i] = operation(self[i], other[i])` for every i; `other` must be another storage of the same count.
    @inline(__always)
    func combine(with other: TensorStorage, _ operation: (Double, Double) -> Double) {
        other.scalars.withUnsafeBufferPointer { y in
            scalars.withUnsafeMutableBufferPointer { x in
                for i in x.indices { x[i] = operation(x[i], y[i]) }
            }
        }
    }
}
