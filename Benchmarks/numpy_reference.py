"""NumPy's side of `mathcore-benchmark`: times the same workloads, prints JSON {name: seconds}.

Run by the Swift benchmark as a subprocess; by hand: python3 Benchmarks/numpy_reference.py
Each time is the median of at least 5 runs and at least 0.3 s of runs, as the Swift side measures.
"""
import json
import statistics
import sys
import time

import numpy as np


def measure(fn, min_runs=5, min_seconds=0.3):
    times = []
    start = time.perf_counter()
    while len(times) < min_runs or time.perf_counter() - start < min_seconds:
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def main():
    rng = np.random.default_rng(0)
    results = {}
    for n in (256, 512, 1024):
        a = rng.standard_normal((n, n))
        b = rng.standard_normal((n, n))
        results[f"matmul {n}x{n}"] = measure(lambda: a @ b)
    a, b, c = (rng.standard_normal(1_000_000) for _ in range(3))
    results["a * b + c (1e6)"] = measure(lambda: a * b + c)
    results["sum (1e6)"] = measure(lambda: a.sum())
    results["mean (1e6)"] = measure(lambda: a.mean())
    results["variance (1e6)"] = measure(lambda: a.var())
    x = rng.standard_normal((1000, 1000)) * 10
    results["softmax 1000x1000"] = measure(lambda: softmax(x))
    json.dump({"numpy": np.__version__, "times": results}, sys.stdout)


if __name__ == "__main__":
    main()
