/// Round tick positions for an axis covering `lower...upper`: multiples of 1, 2 or 5 × 10ⁿ,
/// between 4 and 8 of them, the first at or below `lower` and the last at or above `upper`.
///
/// ```swift
/// print(roundTicks(from: 0.3, to: 9.2))   // [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
/// print(roundTicks(from: 5, to: 5))       // a constant is padded: [4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6]
/// ```
///
/// The bounds may come in either order and must be finite. An empty or nearly empty range
/// (narrower than 10⁻¹² of its magnitude) is padded by 10% of its magnitude, or to `-1...1` at zero.
public func roundTicks(from lower: Double, to upper: Double) -> [Double] {
    TickScale(covering: lower, upper).values
}

/// Labels for ticks from ``roundTicks(from:to:)``, compact and the same on every platform.
///
/// ```swift
/// print(tickLabels(for: [0, 0.5, 1]))          // ["0", "0.5", "1"]
/// print(tickLabels(for: [0, 1e-6, 2e-6]))      // ["0", "1e-06", "2e-06"]
/// print(tickLabels(for: [0, 2.5e9, 5e9]))      // ["0", "2.5e+09", "5e+09"]
/// ```
///
/// The rule is C's `%g`: at least 6 significant digits, more when the step between ticks needs
/// them to keep neighbouring labels apart; trailing zeros dropped; scientific notation (`1e-06`,
/// `2.5e+09`) below 10⁻⁴ or from 10⁶ (10^precision) up; `-0` printed as `0`.
public func tickLabels(for ticks: [Double]) -> [String] {
    guard ticks.count >= 2 else { return ticks.map { formatG($0) } }
    let step = abs(ticks[1] - ticks[0])
    return labels(for: ticks, stepExponent: step > 0 ? decimalExponent(of: step) : 0)
}

/// The ticks of one axis: positions, the decimal exponent of their step, and the axis range they span.
struct TickScale: Equatable {
    var values: [Double]
    var stepExponent: Int

    var lower: Double { values.first ?? 0 }
    var upper: Double { values.last ?? 1 }
    var labels: [String] { Plotting.labels(for: values, stepExponent: stepExponent) }

    init(covering a: Double, _ b: Double) {
        var low = min(a, b), high = max(a, b)
        let magnitude = max(abs(low), abs(high))
        if !(high - low > magnitude * 1e-12) || !(high - low >= Double.leastNormalMagnitude) {
            if magnitude == 0 {
                low = -1; high = 1
            } else {
                low -= magnitude * 0.1; high += magnitude * 0.1
            }
        }
        let span = high - low
        // Start a hundred steps below the span, where there are always more than 8 ticks,
        // and take the first step that needs at most 8: the step below it needs more than 8,
        // so the span is at least 2.4 steps of this one and there are at least 4 ticks.
        var exponent = decimalExponent(of: span) - 2
        while true {
            for multiple in [1, 2, 5] {
                if let ticks = Self.ticks(low, high, multiple: multiple, exponent: exponent), ticks.count <= 8 {
                    values = ticks
                    stepExponent = exponent
                    return
                }
            }
            exponent += 1
        }
    }

    /// The multiples of `multiple × 10^exponent` from the last one at or below `low` to the first
    /// at or above `high`, or nil when there would be too many to be worth listing.
    private static func ticks(_ low: Double, _ high: Double, multiple: Int, exponent: Int) -> [Double]? {
        let step = Double(multiple) * power10(exponent)
        let firstGuess = (low / step).rounded(.down), lastGuess = (high / step).rounded(.up)
        guard lastGuess - firstGuess <= 64 else { return nil }
        var first = Int(firstGuess), last = Int(lastGuess)
        // Computing i × m / 10^k (not i × 0.1) keeps 0.3 exactly the double nearest 0.3.
        func value(_ index: Int) -> Double {
            exponent >= 0 ? Double(index * multiple) * power10(exponent) : Double(index * multiple) / power10(-exponent)
        }
        while value(first) > low { first -= 1 }
        while value(first + 1) <= low { first += 1 }
        while value(last) < high { last += 1 }
        while value(last - 1) >= high { last -= 1 }
        return (first...last).map(value)
    }
}

/// Labels for ticks whose step is `m × 10^stepExponent` (see ``tickLabels(for:)`` for the rule).
func labels(for ticks: [Double], stepExponent: Int) -> [String] {
    let largest = ticks.map(abs).max() ?? 0
    let leading = largest > 0 ? decimalExponent(of: largest) : 0
    let precision = min(17, max(6, leading - stepExponent + 1))
    return ticks.map { formatG($0, precision: precision) }
}

/// 10^exponent, exact up to 10²² (products of exact powers beyond).
func power10(_ exponent: Int) -> Double {
    var result = 1.0
    var remaining = abs(exponent)
    while remaining > 0 {
        let chunk = min(remaining, 22)
        result *= exactPowersOf10[chunk]
        remaining -= chunk
    }
    return exponent >= 0 ? result : 1 / result
}

private let exactPowersOf10: [Double] = {
    var powers = [1.0]
    for _ in 1...22 { powers.append(powers[powers.count - 1] * 10) }
    return powers
}()

/// ⌊log₁₀ value⌋ for a positive finite value, exact at powers of ten (`decimalExponent(of: 1000) == 3`).
func decimalExponent(of value: Double) -> Int {
    var whole = Int((Double(value.exponent) * 0.30102999566398120).rounded(.down))
    while power10(whole + 1) <= value { whole += 1 }
    while power10(whole) > value { whole -= 1 }
    return whole
}
