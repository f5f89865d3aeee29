// The only file that touches OpenBLAS: MathCore's matrix products go through `cblas_dgemm`.
import COpenBLAS
import Synchronization

/// Settings for the BLAS library behind matrix products.
public enum BLAS {
    /// The most threads a large matrix product may use; products smaller than
    /// ``parallelThreshold`` always run on one thread.
    ///
    /// The default is the number of cores, at most 2. Measured on a 2-core machine: with both
    /// cores free, 2 threads halve a 512² or 1024² product; with the other core busy, a 2-thread
    /// 256² product stalls from 0.34 ms to 4 ms while a 1-thread one is unaffected, and a 1024²
    /// product costs the same either way. Hence one thread for small products, more for large.
    public static var threadCount: Int {
        get { state.withLock { $0.maximumThreads } }
        set { state.withLock { $0.maximumThreads = Swift.max(1, newValue) } }
    }

    /// Stops OpenBLAS's worker threads until a product needs them again.
    ///
    /// OpenBLAS starts them as the program loads, and they busy-wait for work for about 0.1 s:
    /// a short program that makes no large product loses a core to them (measured: a no-op
    /// `mathbook build` of the course went from 60 ms to 45 ms). The next product that may use
    /// several threads starts them again.
    public static func stopIdleThreads() {
        state.withLock { state in
            mathcore_stop_blas_threads()
            state.activeThreads = 1
        }
    }

    /// Products of at least this many multiply-adds (m·k·n) may use ``threadCount`` threads: 512³.
    public static let parallelThreshold = 1 << 27

    private struct State {
        var maximumThreads: Int
        /// What OpenBLAS is set to now; 0 before the first product.
        var activeThreads = 0
    }

    private static let state = Mutex(State(maximumThreads: Swift.max(1, Swift.min(2, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))))

    /// `C = A·B` for row-major `A` (m×k) and `B` (k×n).
    ///
    /// OpenBLAS's thread count is a process-wide setting, so it is changed and used under one lock:
    /// a product never runs while another caller switches the count under it.
    static func multiply(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, m: Int, k: Int, n: Int, into c: UnsafeMutableBufferPointer<Double>) {
        let work = m.multipliedReportingOverflow(by: k).partialValue.multipliedReportingOverflow(by: n)
        state.withLock { state in
            let threads = (work.overflow || work.partialValue >= parallelThreshold) ? state.maximumThreads : 1
            if threads != state.activeThreads {
                openblas_set_num_threads(Int32(threads))
                state.activeThreads = threads
            }
            if n == 1 {
                cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(m), Int32(k), 1, a.baseAddress, Int32(Swift.max(k, 1)), b.baseAddress, 1, 0, c.baseAddress, 1)
            } else {
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                            1, a.baseAddress, Int32(Swift.max(k, 1)), b.baseAddress, Int32(Swift.max(n, 1)), 0, c.baseAddress, Int32(Swift.max(n, 1)))
            }
        }
    }
}
