import Testing
@testable import MathCore

/// The distance between two doubles in units in the last place.
private func ulps(_ a: Double, _ b: Double) -> Double {
    abs(a - b) / b.ulp
}

@Suite struct VectorExponentialTests {
    /// softmax's vectorised e^x against the C library's `exp` (itself within 1 ulp) over its whole
    /// range and at the points where the table index and the exponent change.
    @Test func staysWithinTwoUlpsOfTheCLibrary() {
        var inputs: [Double] = []
        var x = -700.0
        while x <= 709 {
            inputs.append(x)
            x += 0.0137
        }
        for k in -64...64 { inputs += [Double(k) * 0.6931471805599453 / 64, Double(k) * 0.6931471805599453 / 64 + 1e-12] }
        inputs += [0, -0.0, 1e-300, -1e-300, 1, -1, 700, -700, 709, 708.9999]
        while inputs.count % 8 != 0 { inputs.append(0.5) }
        var worst = 0.0
        for start in stride(from: 0, to: inputs.count, by: 8) {
            let lanes = SIMD8<Double>(inputs[start..<(start + 8)])
            let result = vectorExp(lanes)
            for lane in 0..<8 {
                worst = max(worst, ulps(result[lane], exp(lanes[lane])))
            }
        }
        #expect(worst <= 2, "worst difference \(worst) ulp")
    }

    /// Lanes outside the vector range fall back to the C library, including infinities and nan.
    @Test func softmaxRowsWithExtremeScoresStayExact() {
        let row = Tensor([0, -800, -1e308, 5, -.infinity, 3, 2, 1, 0.5])
        let probabilities = softmax(row)
        let expected = row.scalars.map { exp($0 - 5) }
        let total = expected.reduce(0, +)
        for (actual, reference) in zip(probabilities.scalars, expected.map { $0 / total }) {
            #expect(abs(actual - reference) <= 4 * max(reference.ulp, Double.leastNonzeroMagnitude))
        }
        let withNaN = softmax(Tensor([1, .nan, 2, 3, 4, 5, 6, 7, 8]))
        #expect(withNaN.scalars.allSatisfy { $0.isNaN })
    }
}
