import Foundation

/// A 64-bit FNV-1a hash of bytes, the same on every run and machine (Swift's `Hasher` is seeded
/// per process): the key of the build cache and the site's build version. Not cryptographic; it
/// only has to tell versions of the same lesson apart.
struct StableHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ data: Data) {
        data.withUnsafeBytes { combine(bytes: $0) }
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    private mutating func combine(bytes: UnsafeRawBufferPointer) {
        combineLength(bytes.count)
        var state = self.state
        for byte in bytes {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        self.state = state
    }

    /// Separates fields, so that ("ab", "c") and ("a", "bc") differ.
    private mutating func combineLength(_ count: Int) {
        var length = UInt64(count)
        for _ in 0..<8 {
            state = (state ^ (length & 0xFF)) &* 0x0000_0100_0000_01B3
            length >>= 8
        }
    }

    /// The hash as 16 hexadecimal digits.
    var hexDigest: String {
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
