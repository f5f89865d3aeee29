// Reductions over a whole tensor (returning `Double`) or along one axis (returning a tensor with
// that axis removed). Variance and standard deviation are the population forms, NumPy's defaults.

/// The sum of all elements (0 for an empty tensor).
public func sum(_ x: Tensor) -> Double { pairwiseSum(x.scalars) { $0 } }
/// The sums along `axis`: `sum(A, axis: 0)` adds the rows of a matrix, giving one sum per column.
public func sum(_ x: Tensor, axis: Int) -> Tensor { orStop { try Throwing.sum(x, axis: axis) } }

/// The arithmetic mean of all elements.
public func mean(_ x: Tensor) -> Double { orStop { try Throwing.mean(x) } }
/// The means along `axis`.
public func mean(_ x: Tensor, axis: Int) -> Tensor { orStop { try Throwing.mean(x, axis: axis) } }

/// The population variance of all elements: the mean squared distance from the mean.
public func variance(_ x: Tensor) -> Double { orStop { try Throwing.variance(x) } }
/// The population variances along `axis`.
public func variance(_ x: Tensor, axis: Int) -> Tensor { orStop { try Throwing.variance(x, axis: axis) } }

/// The population standard deviation of all elements: the square root of the variance.
public func standardDeviation(_ x: Tensor) -> Double { orStop { try Throwing.standardDeviation(x) } }
/// The population standard deviations along `axis`.
public func standardDeviation(_ x: Tensor, axis: Int) -> Tensor { orStop { try Throwing.standardDeviation(x, axis: axis) } }

/// The flat (row-major) index of the largest element; the first one on a tie, and the first `nan` if any.
public func argmax(_ x: Tensor) -> Int { orStop { try Throwing.argmax(x) } }

extension Tensor {
    /// The smallest element (`nan` if any element is `nan`, as NumPy's `min`).
    public func min() -> Double { orStop { try Throwing.min(self) } }
    /// The largest element (`nan` if any element is `nan`, as NumPy's `max`).
    public func max() -> Double { orStop { try Throwing.max(self) } }
}

extension Throwing {
    /// Throwing form of `sum(_:axis:)`.
    public static func sum(_ x: Tensor, axis: Int) throws(MathCoreError) -> Tensor {
        let (outer, length, inner, shape) = try AxisSplit.of(x.shape, axis: axis)
        return Tensor(unchecked: shape, sumAlongAxis(x.scalars, outer: outer, length: length, inner: inner))
    }

    /// Throwing form of `mean(_:)`.
    public static func mean(_ x: Tensor) throws(MathCoreError) -> Double {
        guard x.count > 0 else { throw .emptyReduction(operation: "mean") }
        return pairwiseSum(x.scalars) { $0 } / Double(x.count)
    }

    /// Throwing form of `mean(_:axis:)`.
    public static func mean(_ x: Tensor, axis: Int) throws(MathCoreError) -> Tensor {
        let (_, length, _, _) = try AxisSplit.of(x.shape, axis: axis)
        guard length > 0 else { throw .emptyReduction(operation: "mean") }
        var sums = try sum(x, axis: axis)
        sums /= Double(length)
        return sums
    }

    /// Throwing form of `variance(_:)`.
    public static func variance(_ x: Tensor) throws(MathCoreError) -> Double {
        guard x.count > 0 else { throw .emptyReduction(operation: "variance") }
        let m = pairwiseSum(x.scalars) { $0 } / Double(x.count)
        return pairwiseSum(x.scalars) { ($0 - m) * ($0 - m) } / Double(x.count)
    }

    /// Throwing form of `variance(_:axis:)`.
    public static func variance(_ x: Tensor, axis: Int) throws(MathCoreError) -> Tensor {
        let (outer, length, inner, shape) = try AxisSplit.of(x.shape, axis: axis)
        guard length > 0 else { throw .emptyReduction(operation: "variance") }
        let means = try mean(x, axis: axis)
        // The means again with the reduced axis kept as length 1, so they broadcast back over `x`.
        let deviations = try subtract(x, Tensor(unchecked: [outer, 1, inner], means.scalars).reshapedForBroadcast(x.shape, axis: axis))
        var squares = deviations
        squares.updateEach { $0 * $0 }
        return Tensor(unchecked: shape, sumAlongAxis(squares.scalars, outer: outer, length: length, inner: inner).map { $0 / Double(length) })
    }

    /// Throwing form of `standardDeviation(_:)`.
    public static func standardDeviation(_ x: Tensor) throws(MathCoreError) -> Double {
        guard x.count > 0 else { throw .emptyReduction(operation: "standardDeviation") }
        return try variance(x).squareRoot()
    }

    /// Throwing form of `standardDeviation(_:axis:)`.
    public static func standardDeviation(_ x: Tensor, axis: Int) throws(MathCoreError) -> Tensor {
        let (_, length, _, _) = try AxisSplit.of(x.shape, axis: axis)
        guard length > 0 else { throw .emptyReduction(operation: "standardDeviation") }
        var result = try variance(x, axis: axis)
        result.updateEach { $0.squareRoot() }
        return result
    }

    /// Throwing form of `argmax(_:)`.
    public static func argmax(_ x: Tensor) throws(MathCoreError) -> Int {
        guard x.count > 0 else { throw .emptyReduction(operation: "argmax") }
        return x.scalars.withUnsafeBufferPointer { buffer in
            var best = 0
            for i in 1..<buffer.count where !(buffer[best].isNaN) {
                if buffer[i] > buffer[best] || buffer[i].isNaN { best = i }
            }
            return best
        }
    }

    /// Throwing form of `tensor.min()`.
    public static func min(_ x: Tensor) throws(MathCoreError) -> Double {
        guard x.count > 0 else { throw .emptyReduction(operation: "min") }
        return x.scalars.withUnsafeBufferPointer { buffer in
            var result = buffer[0]
            for value in buffer {
                if value.isNaN { return value }
                if value < result { result = value }
            }
            return result
        }
    }

    /// Throwing form of `tensor.max()`.
    public static func max(_ x: Tensor) throws(MathCoreError) -> Double {
        guard x.count > 0 else { throw .emptyReduction(operation: "max") }
        return x.scalars.withUnsafeBufferPointer { buffer in
            var result = buffer[0]
            for value in buffer {
                if value.isNaN { return value }
                if value > result { result = value }
            }
            return result
        }
    }
}

/// A shape seen as `outer × length × inner` around one axis, and the shape with that axis removed.
enum AxisSplit {
    static func of(_ shape: [Int], axis: Int) throws(MathCoreError) -> (outer: Int, length: Int, inner: Int, reduced: [Int]) {
        let resolved = axis < 0 ? axis + shape.count : axis
        guard resolved >= 0, resolved < shape.count else { throw .axisOutOfRange(axis: axis, rank: shape.count) }
        var reduced = shape
        reduced.remove(at: resolved)
        return (shape[..<resolved].reduce(1, *), shape[resolved], shape[(resolved + 1)...].reduce(1, *), reduced)
    }
}

extension Tensor {
    /// This tensor of shape `[outer, 1, inner]` viewed as `full` with the axis at `axis` of length 1.
    fileprivate func reshapedForBroadcast(_ full: [Int], axis: Int) -> Tensor {
        var shape = full
        shape[axis < 0 ? axis + full.count : axis] = 1
        return Tensor(unchecked: shape, scalars)
    }
}

/// Sums along the middle axis of an `outer × length × inner` layout: pairwise per row when the
/// axis is the last one (as NumPy does), otherwise whole rows added in order into the output.
func sumAlongAxis(_ x: [Double], outer: Int, length: Int, inner: Int) -> [Double] {
    var result = [Double](repeating: 0, count: outer * inner)
    x.withUnsafeBufferPointer { input in
        result.withUnsafeMutableBufferPointer { output in
            for o in 0..<outer {
                let base = o * length * inner
                if inner == 1 {
                    output[o] = pairwiseSum(UnsafeBufferPointer(rebasing: input[base..<(base + length)])) { $0 }
                    continue
                }
                let row = o * inner
                for i in 0..<length {
                    let from = base + i * inner
                    for j in 0..<inner { output[row + j] += input[from + j] }
                }
            }
        }
    }
    return result
}

/// NumPy's pairwise summation of `transform(x[i])`: blocks of up to 128 summed with 8
/// accumulators, halves added recursively. Its error grows as O(log n) rather than O(n), and
/// following NumPy's blocking exactly makes `sum` agree with NumPy to the last bit.
@inline(__always)
func pairwiseSum(_ x: [Double], _ transform: (Double) -> Double) -> Double {
    x.withUnsafeBufferPointer { pairwiseSum($0, transform) }
}

func pairwiseSum(_ x: UnsafeBufferPointer<Double>, _ transform: (Double) -> Double) -> Double {
    let n = x.count
    if n < 8 {
        var sum = 0.0
        for i in 0..<n { sum += transform(x[i]) }
        return sum
    }
    if n <= 128 {
        var r0 = transform(x[0]), r1 = transform(x[1]), r2 = transform(x[2]), r3 = transform(x[3])
        var r4 = transform(x[4]), r5 = transform(x[5]), r6 = transform(x[6]), r7 = transform(x[7])
        var i = 8
        while i < n - (n % 8) {
            r0 += transform(x[i]); r1 += transform(x[i + 1]); r2 += transform(x[i + 2]); r3 += transform(x[i + 3])
            r4 += transform(x[i + 4]); r5 += transform(x[i + 5]); r6 += transform(x[i + 6]); r7 += transform(x[i + 7])
            i += 8
        }
        var sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while i < n {
            sum += transform(x[i])
            i += 1
        }
        return sum
    }
    var half = n / 2
    half -= half % 8
    return pairwiseSum(UnsafeBufferPointer(rebasing: x[..<half]), transform)
        + pairwiseSum(UnsafeBufferPointer(rebasing: x[half...]), transform)
}
