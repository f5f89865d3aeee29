// A vectorised e^x for the hot loop of softmax, written with Swift's SIMD types so that it runs
// eight lanes at a time on any target (SSE2 on baseline x86-64) and gives the same bits everywhere.
//
// Method (Tang's table-driven reduction, as in glibc's exp): x = (64·m + j)·ln2/64 + r, with
// |r| ≤ ln2/128 and ln2/64 split into a high part whose products stay exact plus a low correction;
// then e^x = 2^m · 2^(j/64) · e^r, with 2^(j/64) from a table of correctly rounded values (made with
// mpmath at 200 bits) and e^r from its Taylor series to r^6 (truncation below 3e-20). The result is
// within 2 ulp of the correctly rounded value. Lanes outside [-700, 709], where 2^m would leave the
// normal range, fall back to the C library.
//
// Tuned on the benchmark's `softmax 1000x1000`: one libm call per element was most of softmax's
// time; a plain 13-term polynomial in two-lane SSE2 was no faster than libm, the table is.

/// 2^(j/64) for j = 0..<64, correctly rounded.
private let exp2Table: [Double] = [
0x1.0000000000000p+0, 0x1.02c9a3e778061p+0, 0x1.059b0d3158574p+0, 0x1.0874518759bc8p+0,
    0x1.0b5586cf9890fp+0, 0x1.0e3ec32d3d1a2p+0, 0x1.11301d0125b51p+0, 0x1.1429aaea92de0p+0,
    0x1.172b83c7d517bp+0, 0x1.1a35beb6fcb75p+0, 0x1.1d4873168b9aap+0, 0x1.2063b88628cd6p+0,
    0x1.2387a6e756238p+0, 0x1.26b4565e27cddp+0, 0x1.29e9df51fdee1p+0, 0x1.2d285a6e4030bp+0,
    0x1.306fe0a31b715p+0, 0x1.33c08b26416ffp+0, 0x1.371a7373aa9cbp+0, 0x1.3a7db34e59ff7p+0,
    0x1.3dea64c123422p+0, 0x1.4160a21f72e2ap+0, 0x1.44e086061892dp+0, 0x1.486a2b5c13cd0p+0,
    0x1.4bfdad5362a27p+0, 0x1.4f9b2769d2ca7p+0, 0x1.5342b569d4f82p+0, 0x1.56f4736b527dap+0,
    0x1.5ab07dd485429p+0, 0x1.5e76f15ad2148p+0, 0x1.6247eb03a5585p+0, 0x1.6623882552225p+0,
    0x1.6a09e667f3bcdp+0, 0x1.6dfb23c651a2fp+0, 0x1.71f75e8ec5f74p+0, 0x1.75feb564267c9p+0,
    0x1.7a11473eb0187p+0, 0x1.7e2f336cf4e62p+0, 0x1.82589994cce13p+0, 0x1.868d99b4492edp+0,
    0x1.8ace5422aa0dbp+0, 0x1.8f1ae99157736p+0, 0x1.93737b0cdc5e5p+0, 0x1.97d829fde4e50p+0,
    0x1.9c49182a3f090p+0, 0x1.a0c667b5de565p+0, 0x1.a5503b23e255dp+0, 0x1.a9e6b5579fdbfp+0,
    0x1.ae89f995ad3adp+0, 0x1.b33a2b84f15fbp+0, 0x1.b7f76f2fb5e47p+0, 0x1.bcc1e904bc1d2p+0,
    0x1.c199bdd85529cp+0, 0x1.c67f12e57d14bp+0, 0x1.cb720dcef9069p+0, 0x1.d072d4a07897cp+0,
    0x1.d5818dcfba487p+0, 0x1.da9e603db3285p+0, 0x1.dfc97337b9b5fp+0, 0x1.e502ee78b3ff6p+0,
    0x1.ea4afa2a490dap+0, 0x1.efa1bee615a27p+0, 0x1.f50765b6e4540p+0, 0x1.fa7c1819e90d8p+0
]

private let sixtyFourOverLn2 = 0x1.71547652b82fep+6
/// ln 2 / 64 in two parts: the high part has 32 significant bits, so k · high is exact for |k| < 2^21.
private let ln2OverSixtyFourHigh = 6.93147180369123816490e-01 / 64
private let ln2OverSixtyFourLow = 1.90821492927058770002e-10 / 64
/// Adding 1.5·2^52 rounds a double below 2^51 to an integer held in the low mantissa bits.
private let roundingShift = 6755399441055744.0

/// e^x for eight lanes at once; every lane must lie in [-700, 709].
@inline(__always)
func vectorExp(_ x: SIMD8<Double>) -> SIMD8<Double> {
    let shifted = x * sixtyFourOverLn2 + roundingShift
    let k = shifted - roundingShift
    let r = (x - k * ln2OverSixtyFourHigh) - k * ln2OverSixtyFourLow
    // e^r − 1 = r + r²·(1/2 + r·(1/6 + r·(1/24 + r·(1/120 + r/720)))).
    var p = r * (1.0 / 720) + (1.0 / 120)
    p = p * r + (1.0 / 24)
    p = p * r + (1.0 / 6)
    p = p * r + 0.5
    p = p * (r * r) + r
    // k sits in the low bits of `shifted`: j = k mod 64 picks the table entry, m = k / 64 the exponent.
    let kBits = unsafeBitCast(shifted, to: SIMD8<Int64>.self) &- unsafeBitCast(SIMD8<Double>(repeating: roundingShift), to: SIMD8<Int64>.self)
    let j = kBits & 63
    var t = SIMD8<Double>()
    exp2Table.withUnsafeBufferPointer { table in
        for lane in 0..<8 { t[lane] = table[Int(j[lane])] }
    }
    let mantissa = t + t * p
    // Adding m to the exponent field multiplies by 2^m (the product stays normal in this range).
    let scaled = unsafeBitCast(mantissa, to: SIMD8<Int64>.self) &+ ((kBits &>> 6) &<< 52)
    return unsafeBitCast(scaled, to: SIMD8<Double>.self)
}

/// Writes e^(input[i] − offset) into `output` and returns their sum (softmax's numerator and denominator).
@inline(__always)
func exponentiateAndSum(_ input: UnsafeBufferPointer<Double>, minus offset: Double, into output: UnsafeMutableBufferPointer<Double>) -> Double {
    let count = input.count
    var totals = SIMD8<Double>()
    var i = 0
    if let source = input.baseAddress, let destination = output.baseAddress {
        let low = SIMD8<Double>(repeating: -700), high = SIMD8<Double>(repeating: 709)
        while i + 8 <= count {
            let lanes = UnsafeRawPointer(source + i).loadUnaligned(as: SIMD8<Double>.self) - offset
            var e: SIMD8<Double>
            if any((lanes .< low) .| (lanes .> high)) {
                e = SIMD8<Double>()
                for lane in 0..<8 { e[lane] = exp(lanes[lane]) }
            } else {
                e = vectorExp(lanes)
            }
            UnsafeMutableRawPointer(destination + i).storeBytes(of: e, as: SIMD8<Double>.self)
            totals += e
            i += 8
        }
    }
    var total = totals.sum()
    while i < count {
        let e = exp(input[i] - offset)
        output[i] = e
        total += e
        i += 1
    }
    return total
}

/// The largest element of a non-empty row, eight lanes at a time (`nan`s are passed over).
@inline(__always)
func rowMaximum(_ row: UnsafeBufferPointer<Double>) -> Double {
    var largest = -Double.infinity
    var i = 0
    if let source = row.baseAddress, row.count >= 8 {
        var lanes = SIMD8<Double>(repeating: -.infinity)
        while i + 8 <= row.count {
            lanes = pointwiseMax(lanes, UnsafeRawPointer(source + i).loadUnaligned(as: SIMD8<Double>.self))
            i += 8
        }
        largest = lanes.max()
    }
    while i < row.count {
        if row[i] > largest { largest = row[i] }
        i += 1
    }
    return largest
}
