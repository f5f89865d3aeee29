// Numeric derivatives by central differences: (f(x + h) − f(x − h)) / 2h.
//
// The step is h = ∛ε · max(1, |x|) ≈ 6.06e-6 · max(1, |x|), where ε is `Double.ulpOfOne`. It
// balances the method's truncation error (∝ h²) against the rounding error of the subtraction
// (∝ ε/h), which gives about 10 correct digits for a smooth function of moderate size.

/// The relative step of the central differences: the cube root of `Double.ulpOfOne`.
public let centralDifferenceStep = 6.055454452393343e-06

/// The step of the central difference at `x`, rounded so that `x + h` and `x - h` are exact.
@inline(__always)
func differenceStep(at x: Double) -> Double {
    let h = centralDifferenceStep * Swift.max(1, Swift.abs(x))
    // (x + h) − x is h up to rounding; using that difference makes the denominator exact.
    return (x + h) - x
}

/// The slope of `f` at `x`, by central differences.
///
/// ```swift
/// derivative(of: { x in x * x }, at: 3)   // ≈ 6.0
/// ```
///
/// It rethrows, so an interpreter can pass a function that fails and get its error back.
public func derivative(of f: (Double) throws -> Double, at x: Double) rethrows -> Double {
    let h = differenceStep(at: x)
    return (try f(x + h) - f(x - h)) / (2 * h)
}

/// The gradient of a scalar function of a tensor at `x`: one central difference per element,
/// so it costs 2·n calls of `f`. For exact gradients, use ``Variable`` and ``valueWithGradient(at:of:)``.
public func gradient(of f: (Tensor) throws -> Double, at x: Tensor) rethrows -> Tensor {
    var probe = x
    var result = Tensor(unchecked: x.shape, [Double](repeating: 0, count: x.count))
    for i in 0..<x.count {
        let original = x.scalars[i]
        let h = differenceStep(at: original)
        probe.scalars[i] = original + h
        let forward = try f(probe)
        probe.scalars[i] = original - h
        let backward = try f(probe)
        probe.scalars[i] = original
        result.scalars[i] = (forward - backward) / (2 * h)
    }
    return result
}
