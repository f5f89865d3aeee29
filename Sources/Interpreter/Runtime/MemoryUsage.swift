// The only file of the interpreter that asks the C allocator anything.
#if os(Linux)
import CAllocator
#endif

/// How much memory the process has allocated, for the total-memory limit.
enum MemoryUsage {
    /// Bytes allocated through `malloc` and not freed (heap and mapped blocks), or nil where the
    /// allocator cannot tell.
    static func bytesInUse() -> Int? {
        #if os(Linux)
        let info = mallinfo2()
        return Int(info.uordblks) + Int(info.hblkhd)
        #else
        return nil
        #endif
    }
}
