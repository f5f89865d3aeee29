import Synchronization

/// MathCore's documented random number generator: xoshiro256** seeded through SplitMix64.
///
/// Everything it produces is computed with integer arithmetic and correctly rounded IEEE
/// operations (plus ``portableLog(_:)``, written in Swift), so one seed gives the same numbers on
/// every platform, in compiled Swift and in the interpreter alike.
///
/// - `next()` is xoshiro256** (Blackman and Vigna, 2018) on a state filled by SplitMix64 from the seed.
/// - A uniform `Double` in [0, 1) is `Double(next() >> 11) * 0x1p-53`.
/// - A normal `Double` comes from Marsaglia's polar method, which uses a pair of uniforms per try
///   and keeps the second value of each accepted pair for the next call.
public struct RandomGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    private var spareNormal: Double?

    /// A generator whose numbers depend only on `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
        spareNormal = nil
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    /// A uniform number in [0, 1).
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A number from the standard normal distribution (mean 0, standard deviation 1).
    public mutating func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * nextUniform() - 1
            let v = 2 * nextUniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let scale = (-2 * portableLog(s) / s).squareRoot()
                spareNormal = v * scale
                return u * scale
            }
        }
    }

    private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// The generator behind `seed(_:)`, `randomUniform` and `randomNormal`; seeded with 0 at start.
private let sharedGenerator = Mutex(RandomGenerator(seed: 0))

/// Restarts the shared random numbers from `seed`, so that a program prints the same numbers on every run.
///
/// ```swift
/// seed(42)
/// let weights = randomNormal(2, 3)   // the same 2×3 matrix on every run and platform
/// ```
public func seed(_ value: Int) {
    sharedGenerator.withLock { $0 = RandomGenerator(seed: UInt64(bitPattern: Int64(value))) }
}

/// A tensor of numbers drawn uniformly from `[low, high)`, from the shared generator.
public func randomUniform(_ shape: Int..., low: Double = 0, high: Double = 1) -> Tensor {
    sharedGenerator.withLock { randomUniform(shape: shape, low: low, high: high, using: &$0) }
}

/// A tensor of normally distributed numbers, from the shared generator.
public func randomNormal(_ shape: Int..., mean: Double = 0, standardDeviation: Double = 1) -> Tensor {
    sharedGenerator.withLock { randomNormal(shape: shape, mean: mean, standardDeviation: standardDeviation, using: &$0) }
}

/// A tensor of numbers drawn uniformly from `[low, high)` using `generator`.
public func randomUniform(shape: [Int], low: Double = 0, high: Double = 1, using generator: inout RandomGenerator) -> Tensor {
    orStop { try Throwing.randomUniform(shape: shape, low: low, high: high, using: &generator) }
}

/// A tensor of normally distributed numbers using `generator`.
public func randomNormal(shape: [Int], mean: Double = 0, standardDeviation: Double = 1, using generator: inout RandomGenerator) -> Tensor {
    orStop { try Throwing.randomNormal(shape: shape, mean: mean, standardDeviation: standardDeviation, using: &generator) }
}

extension Throwing {
    /// Throwing form of `randomUniform(shape:low:high:using:)`: a negative length is an error.
    public static func randomUniform(shape: [Int], low: Double = 0, high: Double = 1, using generator: inout RandomGenerator) throws(MathCoreError) -> Tensor {
        try checkShape(shape, operation: "randomUniform")
        let count = shape.reduce(1, *)
        return Tensor(unchecked: shape, (0..<count).map { _ in low + (high - low) * generator.nextUniform() })
    }

    /// Throwing form of `randomNormal(shape:mean:standardDeviation:using:)`: a negative length is an error.
    public static func randomNormal(shape: [Int], mean: Double = 0, standardDeviation: Double = 1, using generator: inout RandomGenerator) throws(MathCoreError) -> Tensor {
        try checkShape(shape, operation: "randomNormal")
        let count = shape.reduce(1, *)
        return Tensor(unchecked: shape, (0..<count).map { _ in mean + standardDeviation * generator.nextNormal() })
    }
}

/// The natural logarithm computed in Swift with fdlibm's algorithm (`e_log.c`), accurate to
/// under 1 ulp and, unlike the C library's `log`, the same bits on every platform.
public func portableLog(_ x: Double) -> Double {
    let ln2High = 6.93147180369123816490e-01
    let ln2Low = 1.90821492927058770002e-10
    let lg1 = 6.666666666666735130e-01, lg2 = 3.999999999940941908e-01
    let lg3 = 2.857142874366239149e-01, lg4 = 2.222219843214978396e-01
    let lg5 = 1.818357216161805012e-01, lg6 = 1.531383769920937332e-01
    let lg7 = 1.479819860511658591e-01

    if x.isNaN || x == .infinity { return x + x }
    if x == 0 { return -.infinity }
    if x < 0 { return .nan }
    var value = x
    var k = 0
    if value < Double.leastNormalMagnitude {
        k -= 54
        value *= 0x1p54
    }
    var bits = value.bitPattern
    var high = Int32(truncatingIfNeeded: bits >> 32)
    k += Int((high >> 20) - 1023)
    high &= 0x000f_ffff
    let i = (high &+ 0x95f64) & 0x100000
    // Normalise the mantissa into [sqrt(2)/2, sqrt(2)).
    bits = (UInt64(UInt32(bitPattern: high | (i ^ 0x3ff00000))) << 32) | (bits & 0xffff_ffff)
    value = Double(bitPattern: bits)
    k += Int(i >> 20)
    let f = value - 1.0
    let dk = Double(k)
    if (0x000f_ffff & (2 &+ high)) < 3 {
        if f == 0 { return k == 0 ? 0 : dk * ln2High + dk * ln2Low }
        let r = f * f * (0.5 - 0.33333333333333333 * f)
        return k == 0 ? f - r : dk * ln2High - ((r - dk * ln2Low) - f)
    }
    let s = f / (2.0 + f)
    let z = s * s
    var j = high &- 0x6147a
    let w = z * z
    let t1 = w * (lg2 + w * (lg4 + w * lg6))
    let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
    let ii = 0x6b851 &- high
    j |= ii
    let r = t2 + t1
    if j > 0 {
        let hfsq = 0.5 * f * f
        if k == 0 { return f - (hfsq - s * (hfsq + r)) }
        return dk * ln2High - ((hfsq - (s * (hfsq + r) + dk * ln2Low)) - f)
    }
    if k == 0 { return f - s * (f - r) }
    return dk * ln2High - ((s * (f - r) - dk * ln2Low) - f)
}
