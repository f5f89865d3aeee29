// Activation functions: the non-linear steps between the layers of a network.

/// The logistic function 1 / (1 + e^-x), squashing any number into (0, 1).
///
/// Computed in a form that never overflows: `sigmoid(-1000)` is `0.0`, not `nan`.
public func sigmoid(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e / (1 + e)
}

/// The logistic function applied to each element.
public func sigmoid(_ x: consuming Tensor) -> Tensor { x.transformed { sigmoid($0) } }

/// The rectified linear unit: `x` when positive, otherwise 0 (`nan` stays `nan`, as NumPy's `maximum`).
public func relu(_ x: Double) -> Double { x > 0 || x.isNaN ? x : 0 }

/// The rectified linear unit applied to each element.
public func relu(_ x: consuming Tensor) -> Tensor { x.transformed { relu($0) } }

/// Turns scores into probabilities along the last axis: each row becomes positive and sums to 1.
///
/// The row's maximum is subtracted before exponentiating, so huge scores stay finite:
/// ```swift
/// print(softmax([1000, 1001, 1002]))   // [0.09003057317038045, 0.2447284710547976, 0.6652409557748218]
/// ```
public func softmax(_ x: Tensor) -> Tensor {
    // A single number is certain of itself: e^(x - x) / e^(x - x) = 1, or nan for nan and ±inf.
    guard x.rank > 0, x.count > 0 else { return x.rank == 0 ? Tensor(unchecked: [], [x.scalars[0].isFinite ? 1 : .nan]) : x }
    let length = x.shape[x.rank - 1]
    guard length > 0 else { return x }
    let rows = x.count / length
    let result = [Double](unsafeUninitializedCapacity: x.count) { output, initialized in
        x.scalars.withUnsafeBufferPointer { input in
            for row in 0..<rows {
                let base = row * length
                // A `nan` in the row needs no special case: it makes the total `nan`, and with it
                // every probability of the row, as in NumPy.
                var largest = rowMaximum(UnsafeBufferPointer(rebasing: input[base..<(base + length)]))
                if !largest.isFinite { largest = largest == .infinity ? .infinity : 0 }
                let total = exponentiateAndSum(
                    UnsafeBufferPointer(rebasing: input[base..<(base + length)]), minus: largest,
                    into: UnsafeMutableBufferPointer(rebasing: output[base..<(base + length)]))
                let scale = 1 / total
                for i in base..<(base + length) { output[i] *= scale }
            }
        }
        initialized = x.count
    }
    return Tensor(unchecked: x.shape, result)
}
