import MathCore
@testable import Plotting
import Testing

extension RandomGenerator {
    /// A uniform number in [0, 1), for the property tests (MathCore's generator: the same
    /// sequence for a seed on every platform, no seed from the environment).
    mutating func unit() -> Double { nextUniform() }
}

/// Ranges across magnitudes 1e-9 … 1e12, positive, negative and straddling zero, some degenerate.
func sampleRanges(count: Int) -> [(Double, Double)] {
    var random = RandomGenerator(seed: 2024)
    var ranges: [(Double, Double)] = []
    for index in 0..<count {
        let scale = power10(Int(random.unit() * 22) - 9)
        let a = (random.unit() * 2 - 1) * scale * 10
        var b = a + random.unit() * scale * 10 * (index % 7 == 0 ? 1e-3 : 1)
        if index % 13 == 0 { b = a }
        ranges.append(index % 2 == 0 ? (a, b) : (b, a))
    }
    return ranges
}

@Suite struct TickTests {
    @Test func ticksAreRoundIncreasingCoveringAndFourToEight() {
        for (a, b) in sampleRanges(count: 5000) {
            let ticks = roundTicks(from: a, to: b)
            #expect((4...8).contains(ticks.count), "\(ticks.count) ticks for \(a)...\(b): \(ticks)")
            #expect(ticks.first! <= min(a, b) && ticks.last! >= max(a, b), "\(ticks) does not cover \(a)...\(b)")
            #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0 < $1 }, "\(ticks) not strictly increasing")
            let step = ticks[1] - ticks[0]
            let exponent = decimalExponent(of: step * (1 + 1e-9))
            let mantissa = step / power10(exponent)
            #expect([1.0, 2.0, 5.0].contains { abs(mantissa - $0) < 1e-6 }, "step \(step) is not 1, 2 or 5 × 10ⁿ")
            for tick in ticks {
                let multiple = tick / step
                #expect(abs(multiple - multiple.rounded()) < 1e-6 * max(1, abs(multiple)), "\(tick) is not a multiple of \(step)")
            }
            #expect(roundTicks(from: a, to: b) == ticks, "not deterministic")
            let labels = tickLabels(for: ticks)
            #expect(Set(labels).count == labels.count, "labels \(labels) repeat for \(a)...\(b)")
        }
    }

    @Test func typicalRanges() {
        #expect(roundTicks(from: 0, to: 1) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(roundTicks(from: 0.3, to: 9.2) == [0, 2, 4, 6, 8, 10])
        #expect(roundTicks(from: -1, to: 1) == [-1, -0.5, 0, 0.5, 1])
        #expect(roundTicks(from: -7.5, to: -2.1) == [-8, -7, -6, -5, -4, -3, -2])
        #expect(roundTicks(from: 1, to: 0) == roundTicks(from: 0, to: 1))
    }

    @Test func constantAndSinglePointArePadded() {
        #expect(roundTicks(from: 5, to: 5) == [4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6])
        #expect(roundTicks(from: 0, to: 0) == [-1, -0.5, 0, 0.5, 1])
        #expect(roundTicks(from: -3, to: -3) == [-3.3, -3.2, -3.1, -3, -2.9, -2.8, -2.7])
    }

    @Test func hugeAndTinyMagnitudes() {
        #expect(roundTicks(from: 1e-9, to: 3e-9) == [1e-9, 1.5e-9, 2e-9, 2.5e-9, 3e-9])
        #expect(tickLabels(for: roundTicks(from: 1e-9, to: 3e-9)) == ["1e-09", "1.5e-09", "2e-09", "2.5e-09", "3e-09"])
        #expect(roundTicks(from: 0, to: 1e12) == [0, 2e11, 4e11, 6e11, 8e11, 1e12])
        #expect(tickLabels(for: roundTicks(from: 0, to: 1e12)) == ["0", "2e+11", "4e+11", "6e+11", "8e+11", "1e+12"])
        #expect(tickLabels(for: roundTicks(from: 1e12, to: 1e12)) == ["9e+11", "9.5e+11", "1e+12", "1.05e+12", "1.1e+12"])
    }

    @Test func labelsAreCompact() {
        #expect(tickLabels(for: [0, 0.5, 1]) == ["0", "0.5", "1"])
        #expect(tickLabels(for: [-4, -2, 0]) == ["-4", "-2", "0"])
        #expect(tickLabels(for: [0, 1e-6, 2e-6]) == ["0", "1e-06", "2e-06"])
        #expect(tickLabels(for: [0, 2.5e9, 5e9]) == ["0", "2.5e+09", "5e+09"])
        #expect(tickLabels(for: [0, 1e5, 2e5]) == ["0", "100000", "200000"])
        #expect(tickLabels(for: [1_000_000, 1_000_000.2, 1_000_000.4]) == ["1000000", "1000000.2", "1000000.4"])
        #expect(tickLabels(for: [-0.0, 1]) == ["0", "1"])
    }
}
