infix operator •: MultiplicationPrecedence

/// The dot product of two vectors of equal length: multiply matching elements, then add.
///
/// ```swift
/// dot([1, 2, 3], [4, 5, 6])   // 32.0
/// ```
public func dot(_ a: Tensor, _ b: Tensor) -> Double { orStop { try Throwing.dot(a, b) } }

/// The matrix product: matrix•matrix, matrix•vector or vector•matrix.
///
/// ```swift
/// let A: Matrix = [[1, 2], [3, 4]]
/// print(matmul(A, identity(2)) == A)   // true
/// ```
public func matmul(_ a: Tensor, _ b: Tensor) -> Tensor { orStop { try Throwing.matmul(a, b) } }

/// The matrix product as an operator: `W • x + b`.
public func • (lhs: Tensor, rhs: Tensor) -> Tensor { orStop { try Throwing.matmul(lhs, rhs) } }

/// The Euclidean (L2) length of a vector; for a matrix, the Frobenius norm.
public func norm(_ x: Tensor) -> Double { dotProduct(x.scalars, x.scalars).squareRoot() }

/// The cosine of the angle between two vectors: 1 for the same direction, 0 at right angles, -1 opposed.
public func cosineSimilarity(_ a: Tensor, _ b: Tensor) -> Double { orStop { try Throwing.cosineSimilarity(a, b) } }

extension Tensor {
    /// The tensor with its axes reversed: rows become columns. A vector is returned as it is.
    public func transposed() -> Tensor {
        guard rank >= 2 else { return self }
        if rank == 2 {
            let (rows, columns) = (shape[0], shape[1])
            let result = [Double](unsafeUninitializedCapacity: count) { output, initialized in
                scalars.withUnsafeBufferPointer { input in
                    // Blocked so that both the reads and the writes stay in cache on large matrices.
                    let block = 32
                    for i0 in stride(from: 0, to: rows, by: block) {
                        for j0 in stride(from: 0, to: columns, by: block) {
                            for i in i0..<Swift.min(i0 + block, rows) {
                                for j in j0..<Swift.min(j0 + block, columns) {
                                    output[j * rows + i] = input[i * columns + j]
                                }
                            }
                        }
                    }
                }
                initialized = count
            }
            return Tensor(unchecked: [columns, rows], result)
        }
        let newShape = Array(shape.reversed())
        let oldStrides = Tensor.strides(of: shape)
        var result = [Double](repeating: 0, count: count)
        var index = [Int](repeating: 0, count: rank)
        for flat in 0..<count {
            var offset = 0
            for axis in 0..<rank { offset += index[axis] * oldStrides[rank - 1 - axis] }
            result[flat] = scalars[offset]
            var axis = rank - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < newShape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        return Tensor(unchecked: newShape, result)
    }

    /// The same scalars in a new shape with the same element count; one length may be -1, to be inferred.
    ///
    /// ```swift
    /// print(Tensor([1, 2, 3, 4, 5, 6]).reshaped([2, -1]))   // [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    /// ```
    public func reshaped(_ newShape: [Int]) -> Tensor { orStop { try Throwing.reshaped(self, newShape) } }

    /// The same scalars in a new shape: `v.reshaped(2, 3)`.
    public func reshaped(_ newShape: Int...) -> Tensor { reshaped(newShape) }

    /// Row-major strides of a shape.
    static func strides(of shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = step
            step *= shape[axis]
        }
        return strides
    }
}

/// The sum of products of two equal-length arrays, with four accumulators so the loop vectorises.
func dotProduct(_ x: [Double], _ y: [Double]) -> Double {
    x.withUnsafeBufferPointer { a in
        y.withUnsafeBufferPointer { b in
            let count = Swift.min(a.count, b.count)
            var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
            var i = 0
            while i + 4 <= count {
                s0 += a[i] * b[i]
                s1 += a[i + 1] * b[i + 1]
                s2 += a[i + 2] * b[i + 2]
                s3 += a[i + 3] * b[i + 3]
                i += 4
            }
            while i < count {
                s0 += a[i] * b[i]
                i += 1
            }
            return (s0 + s1) + (s2 + s3)
        }
    }
}

extension Throwing {
    /// Throwing form of `dot(_:_:)`.
    public static func dot(_ a: Tensor, _ b: Tensor) throws(MathCoreError) -> Double {
        guard a.rank == 1, b.rank == 1 else {
            throw .wrongRank(operation: "dot", expected: "two vectors", shape: a.rank == 1 ? b.shape : a.shape)
        }
        guard a.count == b.count else { throw .shapeMismatch(operation: "dot", a.shape, b.shape) }
        return dotProduct(a.scalars, b.scalars)
    }

    /// Throwing form of `matmul(_:_:)` and `•`.
    public static func matmul(_ a: Tensor, _ b: Tensor) throws(MathCoreError) -> Tensor {
        guard (1...2).contains(a.rank), (1...2).contains(b.rank), a.rank + b.rank >= 3 else {
            throw .invalidArgument(operation: "matmul", message: "expects matrix•matrix, matrix•vector or vector•matrix, but got shapes \(a.shape) and \(b.shape)")
        }
        // A vector on the left is a 1×k row; on the right, a k×1 column.
        let (m, k) = a.rank == 2 ? (a.shape[0], a.shape[1]) : (1, a.shape[0])
        let (k2, n) = b.rank == 2 ? (b.shape[0], b.shape[1]) : (b.shape[0], 1)
        guard k == k2 else { throw .shapeMismatch(operation: "matmul", a.shape, b.shape) }
        let resultShape = a.rank == 1 ? [n] : (b.rank == 1 ? [m] : [m, n])
        let result = [Double](unsafeUninitializedCapacity: m * n) { output, initialized in
            if k == 0 {
                output.initialize(repeating: 0)
            } else if m * n > 0 {
                a.scalars.withUnsafeBufferPointer { x in
                    b.scalars.withUnsafeBufferPointer { y in
                        BLAS.multiply(x, y, m: m, k: k, n: n, into: output)
                    }
                }
            }
            initialized = m * n
        }
        return Tensor(unchecked: resultShape, result)
    }

    /// Throwing form of `cosineSimilarity(_:_:)`: a zero vector has no direction, so it is an error.
    public static func cosineSimilarity(_ a: Tensor, _ b: Tensor) throws(MathCoreError) -> Double {
        _ = try dot(a, b)
        let largestA = a.scalars.reduce(0.0) { Swift.max($0, Swift.abs($1)) }
        let largestB = b.scalars.reduce(0.0) { Swift.max($0, Swift.abs($1)) }
        // nan or ±inf anywhere: the angle is undefined, as NumPy's nan says.
        guard largestA.isFinite, largestB.isFinite, !a.scalars.contains(where: \.isNaN), !b.scalars.contains(where: \.isNaN) else {
            return .nan
        }
        guard largestA > 0, largestB > 0 else {
            throw .invalidArgument(operation: "cosineSimilarity", message: "a zero vector has no direction")
        }
        // Scaling each vector by a power of two near its largest element is exact and leaves the
        // angle alone, but keeps the squared lengths far from overflow and underflow. One square
        // root of the product of squared lengths then makes a vector against itself exactly 1.
        let x = a * Double(sign: .plus, exponent: -largestA.exponent, significand: 1)
        let y = b * Double(sign: .plus, exponent: -largestB.exponent, significand: 1)
        let lengths = (dotProduct(x.scalars, x.scalars) * dotProduct(y.scalars, y.scalars)).squareRoot()
        // Clamped because rounding may step just outside [-1, 1].
        return Swift.min(1, Swift.max(-1, dotProduct(x.scalars, y.scalars) / lengths))
    }

    /// Throwing form of `tensor.reshaped(_:)`.
    public static func reshaped(_ tensor: Tensor, _ newShape: [Int]) throws(MathCoreError) -> Tensor {
        var shape = newShape
        let inferred = shape.indices.filter { shape[$0] == -1 }
        guard inferred.count <= 1, shape.allSatisfy({ $0 >= -1 }) else {
            throw .invalidArgument(operation: "reshaped", message: "invalid shape \(newShape)")
        }
        if let axis = inferred.first {
            let known = shape.enumerated().filter { $0.offset != axis }.reduce(1) { $0 * $1.element }
            guard known > 0, tensor.count % known == 0 else {
                throw .invalidArgument(operation: "reshaped", message: "cannot reshape a tensor of shape \(tensor.shape) into \(newShape)")
            }
            shape[axis] = tensor.count / known
        }
        guard shape.reduce(1, *) == tensor.count else {
            throw .invalidArgument(operation: "reshaped", message: "cannot reshape a tensor of shape \(tensor.shape) into \(newShape)")
        }
        return Tensor(unchecked: shape, tensor.scalars)
    }
}
