import Testing
@testable import MathCore

/// How far a computed number may be from the oracle's: |actual − expected| ≤ absolute + relative·|expected|.
/// `nan` matches only `nan`, and an infinity only the same infinity, whatever the tolerance.
struct Tolerance: Sendable, CustomStringConvertible {
    var relative: Double
    var absolute: Double

    /// Bit-for-bit (except that 0 and −0 match, as do any two `nan`s).
    static let exact = Tolerance(relative: 0, absolute: 0)
    /// A few rounding errors: element-wise functions from another math library, short sums in
    /// another order.
    static let tight = Tolerance(relative: 1e-12, absolute: 1e-15)
    /// Sums of products accumulated in a different order (BLAS, unrolled dot products) may cancel
    /// down to a result far smaller than their terms, so the absolute part is the terms' rounding.
    static let accumulated = Tolerance(relative: 1e-12, absolute: 1e-12)
    /// Central differences: about ten correct digits (see Calculus.swift).
    static let centralDifference = Tolerance(relative: 1e-8, absolute: 1e-9)

    func accepts(_ actual: Double, _ expected: Double) -> Bool {
        if expected.isNaN { return actual.isNaN }
        if expected.isInfinite || !actual.isFinite { return actual == expected }
        return Swift.abs(actual - expected) <= absolute + relative * Swift.abs(expected)
    }

    var description: String { "rtol \(relative), atol \(absolute)" }
}

/// Expects `actual` to have exactly `expected`'s shape and every element within `tolerance`,
/// naming the case and the first elements that differ.
func expectClose(
    _ actual: Tensor, _ expected: Tensor, _ name: String, tolerance: Tolerance = .tight,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.shape == expected.shape else {
        Issue.record("\(name): shape \(actual.shape), expected \(expected.shape)", sourceLocation: sourceLocation)
        return
    }
    let wrong = expected.scalars.indices.filter { !tolerance.accepts(actual.scalars[$0], expected.scalars[$0]) }
    guard !wrong.isEmpty else { return }
    let shown = wrong.prefix(5).map { flat in
        "at \(multiIndex(flat, shape: expected.shape)): \(actual.scalars[flat]), expected \(expected.scalars[flat])"
    }
    let message = "\(name): \(wrong.count) of \(expected.count) elements differ beyond \(tolerance)\n  " + shown.joined(separator: "\n  ")
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// Expects one number within `tolerance` of the oracle's, naming the case on failure.
func expectClose(
    _ actual: Double, _ expected: Double, _ name: String, tolerance: Tolerance = .tight,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if !tolerance.accepts(actual, expected) {
        Issue.record("\(name): \(actual), expected \(expected) (\(tolerance))", sourceLocation: sourceLocation)
    }
}

/// Expects the very same bits (so `nan` payloads and the sign of zero count too).
func expectIdentical(
    _ actual: Double, _ expected: Double, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    if actual.bitPattern != expected.bitPattern {
        Issue.record(
            "\(name): \(actual) (0x\(String(actual.bitPattern, radix: 16))), expected \(expected) (0x\(String(expected.bitPattern, radix: 16)))",
            sourceLocation: sourceLocation
        )
    }
}

/// How many representable doubles lie between `a` and `b` (0 when equal; 0 and −0 are equal).
func ulpDistance(_ a: Double, _ b: Double) -> UInt64 {
    func ordered(_ x: Double) -> Int64 {
        let bits = Int64(bitPattern: x.bitPattern)
        return bits < 0 ? Int64.min &- bits : bits
    }
    let (difference, overflow) = ordered(a).subtractingReportingOverflow(ordered(b))
    return overflow ? .max : difference.magnitude
}

/// The multi-index of a flat row-major offset, for messages.
func multiIndex(_ flat: Int, shape: [Int]) -> [Int] {
    var index = [Int](repeating: 0, count: shape.count)
    var rest = flat
    for axis in shape.indices.reversed() where shape[axis] > 0 {
        index[axis] = rest % shape[axis]
        rest /= shape[axis]
    }
    return index
}
