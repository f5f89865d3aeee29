#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Substring search over UTF-8 bytes (memchr for the first byte, memcmp for the rest), for the
// renderer's passes over whole pages. Foundation's `range(of:)` goes through NSString and UTF-16
// on Linux, which made a no-op build of the course take 1.5 s instead of tens of milliseconds.

extension Substring {
    /// The first occurrence of `needle`, compared byte for byte (no Unicode equivalence: the
    /// needles are markup), or nil.
    public func firstRange(ofBytes needle: String) -> Range<String.Index>? {
        var needle = needle
        let length = needle.utf8.count
        guard length > 0 else { return startIndex..<startIndex }
        // `withUTF8` makes the text contiguous first if it is not (it always is on Linux).
        var text = self
        let offset = text.withUTF8 { haystack -> Int? in
            guard haystack.count >= length, let base = haystack.baseAddress else { return nil }
            return needle.withUTF8 { pattern -> Int? in
                let first = Int32(pattern[0])
                let last = haystack.count - length
                var position = 0
                while position <= last {
                    guard let hit = memchr(base + position, first, last - position + 1) else { return nil }
                    let found = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + found, pattern.baseAddress!, length) == 0 { return found }
                    position = found + 1
                }
                return nil
            }
        }
        guard let offset else { return nil }
        let start = utf8.index(startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: length)
    }

    /// The text with every occurrence of `needle` replaced by `replacement`, in one pass.
    public func replacingAll(bytes needle: String, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var rest = self
        while let range = rest.firstRange(ofBytes: needle) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}

extension String {
    /// The first occurrence of `needle`, compared byte for byte, or nil.
    public func firstRange(ofBytes needle: String) -> Range<String.Index>? {
        self[...].firstRange(ofBytes: needle)
    }

    /// The text with every occurrence of `needle` replaced by `replacement`, in one pass.
    public func replacingAll(bytes needle: String, with replacement: String) -> String {
        self[...].replacingAll(bytes: needle, with: replacement)
    }
}
