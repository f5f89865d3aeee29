// The only file that touches the C allocator's settings.
#if os(Linux)
import CAllocator

/// Keeps glibc from handing tensor-sized blocks back to the kernel after every operation.
///
/// By default glibc serves blocks above a threshold (128 KiB, raised as large blocks are freed)
/// with fresh `mmap`s and trims the heap when its free top grows past twice that, so a loop over
/// tensors of 100,000 elements pays for zeroed pages on every step: the interpreter benchmark's
/// 200-step linear regression, compiled, ran in 0.24 s as a process (two thirds of it in the
/// kernel) before, 0.09 s after. These values are the highest glibc's own dynamic thresholds reach
/// on 64-bit systems.
let allocatorIsTuned: Bool = {
    _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
    _ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
    return true
}()
#else
let allocatorIsTuned = true
#endif
