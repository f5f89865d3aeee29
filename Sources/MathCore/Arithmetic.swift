// Element-wise arithmetic with NumPy broadcasting, between tensors and with `Double` on either side.
// A shape mismatch stops the program; `Throwing.add` and its siblings are the throwing forms.

extension Tensor {
    /// Element-wise sum with broadcasting: `[[1, 2], [3, 4]] + [10, 20]` is `[[11, 22], [13, 24]]`.
    public static func + (lhs: consuming Tensor, rhs: consuming Tensor) -> Tensor {
        do { return try Throwing.add(consume lhs, consume rhs) } catch { stop(error) }
    }
    /// Element-wise difference with broadcasting.
    public static func - (lhs: consuming Tensor, rhs: consuming Tensor) -> Tensor {
        do { return try Throwing.subtract(consume lhs, consume rhs) } catch { stop(error) }
    }
    /// Element-wise (Hadamard) product with broadcasting; `•` is the matrix product.
    public static func * (lhs: consuming Tensor, rhs: consuming Tensor) -> Tensor {
        do { return try Throwing.multiply(consume lhs, consume rhs) } catch { stop(error) }
    }
    /// Element-wise quotient with broadcasting (dividing by zero gives `inf` or `nan`, as in NumPy).
    public static func / (lhs: consuming Tensor, rhs: consuming Tensor) -> Tensor {
        do { return try Throwing.divide(consume lhs, consume rhs) } catch { stop(error) }
    }

    /// Adds `rhs` to every element.
    public static func + (lhs: consuming Tensor, rhs: Double) -> Tensor { lhs.transformed { $0 + rhs } }
    /// Subtracts `rhs` from every element.
    public static func - (lhs: consuming Tensor, rhs: Double) -> Tensor { lhs.transformed { $0 - rhs } }
    /// Multiplies every element by `rhs`.
    public static func * (lhs: consuming Tensor, rhs: Double) -> Tensor { lhs.transformed { $0 * rhs } }
    /// Divides every element by `rhs`.
    public static func / (lhs: consuming Tensor, rhs: Double) -> Tensor { lhs.transformed { $0 / rhs } }
    /// Adds every element to `lhs`.
    public static func + (lhs: Double, rhs: consuming Tensor) -> Tensor { rhs.transformed { lhs + $0 } }
    /// Subtracts every element from `lhs`: `1.0 - p`.
    public static func - (lhs: Double, rhs: consuming Tensor) -> Tensor { rhs.transformed { lhs - $0 } }
    /// Multiplies `lhs` by every element: `2 * v`.
    public static func * (lhs: Double, rhs: consuming Tensor) -> Tensor { rhs.transformed { lhs * $0 } }
    /// Divides `lhs` by every element.
    public static func / (lhs: Double, rhs: consuming Tensor) -> Tensor { rhs.transformed { lhs / $0 } }

    /// Negates every element.
    public static prefix func - (operand: consuming Tensor) -> Tensor { operand.transformed { -$0 } }

    /// Adds `rhs` in place; `rhs` must broadcast to `lhs`'s shape.
    public static func += (lhs: inout Tensor, rhs: Tensor) { orStop { try Throwing.updateInPlace(&lhs, rhs, "+=", +) } }
    /// Subtracts `rhs` in place: `w -= learningRate * gradient`.
    public static func -= (lhs: inout Tensor, rhs: Tensor) { orStop { try Throwing.updateInPlace(&lhs, rhs, "-=", -) } }
    /// Multiplies by `rhs` in place.
    public static func *= (lhs: inout Tensor, rhs: Tensor) { orStop { try Throwing.updateInPlace(&lhs, rhs, "*=", *) } }
    /// Divides by `rhs` in place.
    public static func /= (lhs: inout Tensor, rhs: Tensor) { orStop { try Throwing.updateInPlace(&lhs, rhs, "/=", /) } }
    /// Adds `rhs` to every element in place.
    public static func += (lhs: inout Tensor, rhs: Double) { lhs.updateEach { $0 + rhs } }
    /// Subtracts `rhs` from every element in place.
    public static func -= (lhs: inout Tensor, rhs: Double) { lhs.updateEach { $0 - rhs } }
    /// Multiplies every element by `rhs` in place.
    public static func *= (lhs: inout Tensor, rhs: Double) { lhs.updateEach { $0 * rhs } }
    /// Divides every element by `rhs` in place.
    public static func /= (lhs: inout Tensor, rhs: Double) { lhs.updateEach { $0 / rhs } }

    /// A tensor of the same shape with `transform` applied to every element.
    ///
    /// ```swift
    /// let squares = Tensor([1, 2, 3]).map { $0 * $0 }   // [1.0, 4.0, 9.0]
    /// ```
    @inlinable
    public func map(_ transform: (Double) throws -> Double) rethrows -> Tensor {
        let count = scalars.count
        let result = try [Double](unsafeUninitializedCapacity: count) { output, initialized in
            try scalars.withUnsafeBufferPointer { input in
                for i in 0..<count { output[i] = try transform(input[i]) }
            }
            initialized = count
        }
        return Tensor(unchecked: shape, result)
    }

    /// `transform` applied to every element, written over this tensor's own storage when no other
    /// tensor shares it (a temporary such as `a * b` in `exp(a * b)`), as NumPy elides temporaries.
    @inline(__always)
    consuming func transformed(_ transform: (Double) -> Double) -> Tensor {
        if isUniquelyStored() {
            updateEach(transform)
            return self
        }
        return map(transform)
    }

    /// Replaces every element in place, without allocating.
    @inline(__always)
    mutating func updateEach(_ transform: (Double) -> Double) {
        scalars.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices { buffer[i] = transform(buffer[i]) }
        }
    }
}

extension Throwing {
    /// Throwing form of `lhs + rhs`.
    public static func add(_ lhs: consuming Tensor, _ rhs: consuming Tensor) throws(MathCoreError) -> Tensor { try Tensor.combine(consume lhs, consume rhs, "+", +) }
    /// Throwing form of `lhs - rhs`.
    public static func subtract(_ lhs: consuming Tensor, _ rhs: consuming Tensor) throws(MathCoreError) -> Tensor { try Tensor.combine(consume lhs, consume rhs, "-", -) }
    /// Throwing form of `lhs * rhs`.
    public static func multiply(_ lhs: consuming Tensor, _ rhs: consuming Tensor) throws(MathCoreError) -> Tensor { try Tensor.combine(consume lhs, consume rhs, "*", *) }
    /// Throwing form of `lhs / rhs`.
    public static func divide(_ lhs: consuming Tensor, _ rhs: consuming Tensor) throws(MathCoreError) -> Tensor { try Tensor.combine(consume lhs, consume rhs, "/", /) }

    /// Throwing form of the compound assignments `+=`, `-=`, `*=`, `/=` between tensors:
    /// the result must keep `lhs`'s shape, as NumPy's in-place operators require.
    public static func updateInPlace(
        _ lhs: inout Tensor, _ rhs: Tensor, _ name: String, _ operation: (Double, Double) -> Double
    ) throws(MathCoreError) {
        if lhs.shape == rhs.shape {
            rhs.scalars.withUnsafeBufferPointer { y in
                lhs.scalars.withUnsafeMutableBufferPointer { x in
                    for i in x.indices { x[i] = operation(x[i], y[i]) }
                }
            }
            return
        }
        let result = try Tensor.broadcast(lhs, rhs, name, operation)
        guard result.shape == lhs.shape else { throw .shapeMismatch(operation: name, lhs.shape, rhs.shape) }
        lhs = result
    }
}

