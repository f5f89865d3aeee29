// The only file that touches OpenBLAS: MathCore's matrix products go through `cblas_dgemm`.
import COpenBLAS
import Synchronization

/// Settings for the BLAS library behind matrix products.
public enum BLAS {
    /// How many threads a matrix product may use.
    ///
    /// The default is 1, the fastest measured on a shared 2-core machine: a 2-thread product stalls
    /// whenever the other core is busy (see the benchmark section of the README).
    public static var threadCount: Int {
        get { configuredThreads.withLock { $0 } }
        set {
            let count = max(1, newValue)
            configuredThreads.withLock { $0 = count }
            openblas_set_num_threads(Int32(count))
        }
    }

    private static let configuredThreads = Mutex(0)

    /// Applies the default thread count once, before the first product.
    static func prepare() {
        configuredThreads.withLock { threads in
            if threads == 0 {
                threads = defaultThreadCount
                openblas_set_num_threads(Int32(threads))
            }
        }
    }

    static let defaultThreadCount = 1

    /// `C = A·B` for row-major `A` (m×k) and `B` (k×n).
    static func multiply(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, m: Int, k: Int, n: Int, into c: UnsafeMutableBufferPointer<Double>) {
        prepare()
        if n == 1 {
            cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(m), Int32(k), 1, a.baseAddress, Int32(max(k, 1)), b.baseAddress, 1, 0, c.baseAddress, 1)
        } else {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                        1, a.baseAddress, Int32(max(k, 1)), b.baseAddress, Int32(max(n, 1)), 0, c.baseAddress, Int32(max(n, 1)))
        }
    }
}
