#include <cblas.h>

// OpenBLAS's pthreads build starts its worker threads when it is loaded, and they busy-wait for
// work for about 0.1 s before they sleep. `blas_thread_shutdown_` stops them; the next product
// that wants more than one thread starts them again. Weak, for builds of OpenBLAS without it.
extern int blas_thread_shutdown_(void) __attribute__((weak));

// Leaves OpenBLAS on one thread with no workers. The thread count goes to 1 first: setting it
// later would start the workers again.
static inline void mathcore_stop_blas_threads(void) {
    openblas_set_num_threads(1);
    if (blas_thread_shutdown_) {
        blas_thread_shutdown_();
    }
}
