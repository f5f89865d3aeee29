// The one file of Plotting that calls C: `snprintf` gives `%g` exactly as C, Python and NumPy print it.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Formats a number as C's `%.<precision>g` (the C locale: a `.` decimal point), so that
/// labels are the same bytes on every platform: `0.5`, `-2`, `1e-06`, `2.5e+09`.
func formatG(_ value: Double, precision: Int = 6) -> String {
    if value == 0 { return "0" }  // also turns -0 into 0
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    var buffer = [CChar](repeating: 0, count: 64)
    let written = withVaList([Int32(precision), value]) { arguments in
        buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 64, "%.*g", arguments) }
    }
    let bytes = buffer.prefix(Int(max(0, min(written, 63)))).map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
}

/// Appends a coordinate rounded to 0.1 (`12.3`, `12`, `-0.5`) without going through `String(format:)`:
/// this runs once per vertex, so it is the hot path of a 10,000-point SVG.
func appendCoordinate(_ value: Double, to output: inout String) {
    let tenths = Int((value * 10).rounded())
    if tenths < 0 { output.append("-") }
    let magnitude = tenths.magnitude
    output.append(String(magnitude / 10))
    let fraction = magnitude % 10
    if fraction != 0 {
        output.append(".")
        output.append(String(fraction))
    }
}

/// A coordinate rounded to 0.1 as a string (see ``appendCoordinate(_:to:)``).
func coordinate(_ value: Double) -> String {
    var text = ""
    appendCoordinate(value, to: &text)
    return text
}

/// Describes a non-finite number for an error message: `nan`, `inf` or `-inf`.
func nonFiniteName(_ value: Double) -> String {
    value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
}
