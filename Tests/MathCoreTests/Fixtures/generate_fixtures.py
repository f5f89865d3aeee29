#!/usr/bin/env python3
"""Writes numpy.json, the NumPy oracle for MathCore's tests (Tests/MathCoreTests/NumPyFixtureTests.swift
and RandomTests.swift).

Regenerate from the package root with

    python3 Tests/MathCoreTests/Fixtures/generate_fixtures.py

(python3 with numpy 2.x). The output is deterministic: every input is a literal written here or drawn
from `np.random.default_rng(SEED)`, and is stored in the JSON beside the value NumPy computes for it, so
the Swift tests never need Python. Floats are written with `repr`, which round-trips exactly; `inf`,
`-inf` and `nan` are written as those strings, which the Swift loader (Support/Fixtures.swift) reads back.

A tensor is `{"shape": [...], "data": [...]}` with the data flat in row-major order. Every case has a
`name` that the Swift tests print when it fails.

The random-number section is not NumPy: it is a pure-Python reimplementation of MathCore's documented
generator (SplitMix64 seeding, xoshiro256**, uniform = (next() >> 11) * 2^-53, Marsaglia's polar method
with fdlibm's log), written from the published algorithms, so that the Swift tests pin the
cross-platform determinism contract bit for bit.
"""

import json
import math
import os
import struct

import numpy as np

SEED = 20241125
PROBABILITY_FLOOR = 1e-12  # MathCore's `probabilityFloor`
rng = np.random.default_rng(SEED)


# ----------------------------------------------------------------------------------------------
# Encoding


def num(x):
    """A JSON number for a finite float, or one of the strings "inf", "-inf", "nan"."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def ten(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": [int(n) for n in a.shape], "data": [num(v) for v in a.reshape(-1)]}


def shape_text(shape):
    return "(" + ",".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


def data(shape, low=-3.0, high=3.0, decimals=4):
    """Random inputs, rounded so the JSON stays small (the rounded values are the inputs)."""
    return np.round(rng.uniform(low, high, size=shape), decimals)


def away_from_zero(shape):
    """Random inputs of magnitude 0.5 to 2.5 and random sign, safe as divisors."""
    magnitude = np.round(rng.uniform(0.5, 2.5, size=shape), 4)
    sign = np.where(rng.uniform(size=shape) < 0.5, -1.0, 1.0)
    return magnitude * sign


# ----------------------------------------------------------------------------------------------
# Arithmetic and broadcasting

BINARY = {
    "+": np.add,
    "-": np.subtract,
    "*": np.multiply,
    "/": np.divide,
}

BROADCAST_PAIRS = [
    ((2, 3), (3,)),
    ((3,), (2, 3)),
    ((2, 1), (1, 3)),
    ((1, 3), (2, 1)),
    ((3, 1, 4), (2, 4)),
    ((2, 4), (3, 1, 4)),
    ((4,), ()),
    ((), (4,)),
    ((1,), (2, 2)),
    ((2, 2), (1,)),
    ((2, 3), (2, 3)),
    ((2, 3, 4), (2, 3, 4)),
    ((), ()),
    ((1, 1), (3,)),
    ((2, 2), (1, 1, 1)),
    ((), (1, 1)),
    ((2, 1, 3), (1, 4, 1)),
    ((5,), (1,)),
    ((0, 3), (3,)),
    ((4, 1), (0,)),
]


def binary_cases():
    cases = []
    for lhs, rhs in BROADCAST_PAIRS:
        for op, function in BINARY.items():
            a = data(lhs)
            b = away_from_zero(rhs) if op == "/" else data(rhs)
            cases.append({
                "name": f"{shape_text(lhs)} {op} {shape_text(rhs)}",
                "op": op, "a": ten(a), "b": ten(b), "expected": ten(function(a, b)),
            })
    # Division by zero gives inf and nan, as in NumPy.
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.array([1.0, -1.0, 0.0, 2.0])
        b = np.array([0.0, 0.0, 0.0, -0.0])
        cases.append({"name": "division by zero", "op": "/", "a": ten(a), "b": ten(b), "expected": ten(a / b)})
    # inf and nan flow through.
    a = np.array([np.inf, -np.inf, np.nan, 1.0])
    b = np.array([[np.inf], [1.0]])
    with np.errstate(invalid="ignore"):
        for op, function in BINARY.items():
            cases.append({"name": f"inf and nan {op}", "op": op, "a": ten(a), "b": ten(b), "expected": ten(function(a, b))})
    # pow between tensors, with broadcasting.
    with np.errstate(invalid="ignore", divide="ignore"):
        for lhs, rhs in [((2, 3), (3,)), ((2, 1), (1, 3)), ((4,), ()), ((3,), (3,))]:
            a = np.round(rng.uniform(0.1, 3.0, size=lhs), 4)
            b = data(rhs, -2, 3)
            cases.append({"name": f"pow {shape_text(lhs)} {shape_text(rhs)}", "op": "pow", "a": ten(a), "b": ten(b), "expected": ten(np.power(a, b))})
        a = np.array([-8.0, -2.0, 0.0, 0.0, 4.0, -1.0])
        b = np.array([1.0 / 3.0, 2.0, -1.0, 0.0, 0.5, 0.5])
        cases.append({"name": "pow edge cases", "op": "pow", "a": ten(a), "b": ten(b), "expected": ten(np.power(a, b))})
    return cases


def expression_cases():
    """Chained expressions, whose temporaries MathCore may overwrite in place; the Swift tests
    name the same expressions. `r` is a row that broadcasts over the (4, 3) operands."""
    a, b, c = data((4, 3)), data((4, 3)), away_from_zero((4, 3))
    r = data((3,))
    with np.errstate(all="ignore"):
        expressions = {
            "a * b + c": a * b + c,
            "(a - b) * (a + b)": (a - b) * (a + b),
            "a * a + a": a * a + a,
            "exp(a * b) - c / 2": np.exp(a * b) - c / 2,
            "-(a + b) * c": -(a + b) * c,
            "relu(a * b - c) + sigmoid(c)": np.maximum(a * b - c, 0) + sigmoid(c),
            "2 * a - a / c + 1": 2 * a - a / c + 1,
            "sqrt(abs(a * b)) / c": np.sqrt(np.abs(a * b)) / c,
            "pow(a + b, 2) - pow(a - b, 2)": (a + b) ** 2 - (a - b) ** 2,
            "a * r + r": a * r + r,
            "(a + r) * (b - r) + c": (a + r) * (b - r) + c,
            "tanh(sin(a) * cos(b)) + log(abs(c))": np.tanh(np.sin(a) * np.cos(b)) + np.log(np.abs(c)),
        }
    return [{"name": name, "a": ten(a), "b": ten(b), "c": ten(c), "r": ten(r), "expected": ten(value)}
            for name, value in expressions.items()]


def scalar_cases():
    """Tensor with Double on the right (`side: right`, t op s) and on the left (s op t)."""
    cases = []
    for shape in [(4,), (2, 3), (), (0,)]:
        for op, function in BINARY.items():
            t = away_from_zero(shape) if op == "/" else data(shape)
            s = float(np.round(rng.uniform(-5, 5), 3))
            cases.append({"name": f"{shape_text(shape)} {op} {s}", "op": op, "side": "right", "tensor": ten(t), "scalar": s, "expected": ten(function(t, s))})
            t = away_from_zero(shape) if op == "/" else data(shape)
            s = float(np.round(rng.uniform(-5, 5), 3))
            cases.append({"name": f"{s} {op} {shape_text(shape)}", "op": op, "side": "left", "tensor": ten(t), "scalar": s, "expected": ten(function(s, t))})
    return cases


# ----------------------------------------------------------------------------------------------
# Element-wise functions and activations

SPECIALS = np.array([0.0, -0.0, 1.0, -1.0, np.inf, -np.inf, np.nan])


def sigmoid(x):
    """The overflow-free form: 1/(1+e^-x) for x >= 0, e^x/(1+e^x) below."""
    x = np.asarray(x, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(x)
        return np.where(x >= 0, 1.0 / (1.0 + np.exp(-x)), e / (1.0 + e))


def softmax(x):
    """NumPy's stable softmax along the last axis."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def unary_cases():
    cases = []
    general = data((2, 5), -4, 4)
    positive = np.round(rng.uniform(0.01, 50, size=(7,)), 4)
    with np.errstate(all="ignore"):
        for name, function in [("exp", np.exp), ("log", np.log), ("sqrt", np.sqrt), ("abs", np.abs),
                               ("tanh", np.tanh), ("sin", np.sin), ("cos", np.cos), ("negate", np.negative),
                               ("sigmoid", sigmoid), ("relu", lambda x: np.maximum(x, 0.0))]:
            cases.append({"name": f"{name} of (2,5) in [-4, 4]", "function": name, "x": ten(general), "expected": ten(function(general))})
            cases.append({"name": f"{name} of positives", "function": name, "x": ten(positive), "expected": ten(function(positive))})
            specials = SPECIALS if name != "relu" else SPECIALS[:-1]  # relu(nan): see the relu test
            cases.append({"name": f"{name} of 0, -0, ±1, ±inf, nan", "function": name, "x": ten(specials), "expected": ten(function(specials))})
            scalar = np.array(0.75)
            cases.append({"name": f"{name} of a rank-0 tensor", "function": name, "x": ten(scalar), "expected": ten(function(scalar))})
            empty = np.zeros((0, 2))
            cases.append({"name": f"{name} of an empty tensor", "function": name, "x": ten(empty), "expected": ten(function(empty))})
        negatives = np.array([-1.0, -1e-300, -4.0, -np.inf])
        for name, function in [("log", np.log), ("sqrt", np.sqrt)]:
            cases.append({"name": f"{name} of negatives is nan", "function": name, "x": ten(negatives), "expected": ten(function(negatives))})
        wide = np.round(rng.uniform(-745, 709, size=48), 3)
        for name, function in [("exp", np.exp), ("log", np.log), ("sqrt", np.sqrt)]:
            x = wide if name == "exp" else np.exp(wide)
            cases.append({"name": f"{name} over the whole range", "function": name, "x": ten(x), "expected": ten(function(x))})
        large = np.array([-1000.0, -745.0, -710.0, -40.0, -1e-10, 1e-10, 40.0, 709.0, 710.0, 1000.0])
        for name, function in [("exp", np.exp), ("tanh", np.tanh), ("sigmoid", sigmoid)]:
            cases.append({"name": f"{name} of large magnitudes", "function": name, "x": ten(large), "expected": ten(function(large))})
        # sigmoid(±1000) is exactly 1 and 0: the overflow-free form never computes e^1000.
        cases.append({"name": "sigmoid of ±1000", "function": "sigmoid", "x": ten([1000.0, -1000.0]), "expected": ten([1.0, 0.0])})

        # softmax along the last axis.
        for shape in [(5,), (3, 4), (2, 3, 4), (1, 1), (4, 1)]:
            x = data(shape, -5, 5)
            cases.append({"name": f"softmax {shape_text(shape)}", "function": "softmax", "x": ten(x), "expected": ten(softmax(x))})
        # Rows of 8 or more run eight lanes at a time; lanes below e^-700 take another path.
        for shape, low, high in [((3, 20), -5, 5), ((37,), -30, 30), ((2, 16), -690, 0), ((2, 24), -900, 0)]:
            x = data(shape, low, high)
            cases.append({"name": f"softmax {shape_text(shape)} in [{low}, {high}]", "function": "softmax", "x": ten(x), "expected": ten(softmax(x))})
        long_rows = data((3, 17), -3, 3)
        long_rows[0, 9] = np.nan
        long_rows[1, 3] = -np.inf
        long_rows[2, 16] = np.inf
        cases.append({"name": "softmax long rows with nan, -inf and inf", "function": "softmax", "x": ten(long_rows), "expected": ten(softmax(long_rows))})
        huge = np.array([1000.0, 1001.0, 1002.0])
        cases.append({"name": "softmax stability [1000, 1001, 1002]", "function": "softmax", "x": ten(huge), "expected": ten(softmax(huge))})
        rows = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1001.0, -1002.0], [0.0, 0.0, 0.0], [-np.inf, 0.0, 1.0]])
        cases.append({"name": "softmax rows of huge, tiny, equal and -inf scores", "function": "softmax", "x": ten(rows), "expected": ten(softmax(rows))})
        nan_row = np.array([[1.0, np.nan, 2.0], [1.0, 2.0, 3.0]])
        cases.append({"name": "softmax row with nan", "function": "softmax", "x": ten(nan_row), "expected": ten(softmax(nan_row))})
        minus_inf = np.array([-np.inf, -np.inf])
        cases.append({"name": "softmax of all -inf is nan", "function": "softmax", "x": ten(minus_inf), "expected": ten(softmax(minus_inf))})
        cases.append({"name": "softmax of a rank-0 tensor", "function": "softmax", "x": ten(np.array(3.0)), "expected": ten(softmax(np.array(3.0)))})
    return cases


def pow_scalar_cases():
    """pow(tensor, Double) (`side: exponent`) and pow(Double, tensor) (`side: base`)."""
    cases = []
    x = np.array([-2.0, -0.5, 0.0, 0.5, 1.0, 3.0, np.inf, np.nan])
    positive = np.round(rng.uniform(0.01, 10, size=(2, 3)), 4)
    with np.errstate(all="ignore"):
        for exponent in [2.0, 3.0, 0.5, -1.0, 0.0, -2.5, 1.0 / 3.0]:
            cases.append({"name": f"pow(specials, {exponent})", "side": "exponent", "tensor": ten(x), "scalar": exponent, "expected": ten(np.power(x, exponent))})
            cases.append({"name": f"pow((2,3), {exponent})", "side": "exponent", "tensor": ten(positive), "scalar": exponent, "expected": ten(np.power(positive, exponent))})
        exponents = np.array([-2.0, -0.5, 0.0, 0.5, 1.0, 10.0, np.inf, -np.inf])
        for base in [2.0, 0.5, 10.0, 0.0, -2.0, 1.0]:
            cases.append({"name": f"pow({base}, exponents)", "side": "base", "tensor": ten(exponents), "scalar": base, "expected": ten(np.power(base, exponents))})
    return cases


# ----------------------------------------------------------------------------------------------
# Creation


def linspace_cases():
    cases = []
    for start, end, count in [(0, 1, 5), (0, 1, 0), (0, 1, 1), (3, 7, 1), (0, 1, 2), (-2.5, 4, 7), (1, 0, 11),
                              (0, 10, 50), (-1e3, 1e3, 33), (0.1, 0.7, 13), (5, 5, 4), (0, 1, 3)]:
        cases.append({"name": f"linspace({start}, {end}, count: {count})", "start": float(start), "end": float(end),
                      "count": count, "expected": ten(np.linspace(start, end, count))})
    return cases


def identity_cases():
    return [{"name": f"identity({n})", "n": n, "expected": ten(np.eye(n))} for n in [0, 1, 2, 3, 5]]


# ----------------------------------------------------------------------------------------------
# Linear algebra


def matmul_cases():
    cases = []
    for lhs, rhs in [((2, 3), (3, 4)), ((1, 5), (5, 3)), ((3, 1), (1, 4)), ((4, 4), (4, 4)), ((1, 1), (1, 1)),
                     ((1, 4), (4, 1)), ((17, 13), (13, 9)), ((2, 0), (0, 3)), ((0, 3), (3, 2)),
                     ((3, 4), (4,)), ((1, 6), (6,)), ((5, 1), (1,)), ((2, 0), (0,)),
                     ((4,), (4, 3)), ((3,), (3, 1)), ((1,), (1, 5)), ((0,), (0, 2))]:
        a, b = data(lhs), data(rhs)
        cases.append({"name": f"{shape_text(lhs)} • {shape_text(rhs)}", "a": ten(a), "b": ten(b), "expected": ten(np.matmul(a, b))})
    # Exact small integers: the product must be exact.
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    cases.append({"name": "[[1, 2], [3, 4]] • identity", "a": ten(a), "b": ten(np.eye(2)), "expected": ten(a)})
    cases.append({"name": "[[1, 2], [3, 4]] • [[5, 6], [7, 8]]", "a": ten(a), "b": ten([[5.0, 6.0], [7.0, 8.0]]),
                  "expected": ten([[19.0, 22.0], [43.0, 50.0]])})
    return cases


def dot_cases():
    cases = []
    for n in [0, 1, 3, 4, 7, 33]:
        a, b = data((n,)), data((n,))
        cases.append({"name": f"dot of length {n}", "a": ten(a), "b": ten(b), "expected": num(np.dot(a, b))})
    cases.append({"name": "dot([1, 2, 3], [4, 5, 6]) = 32", "a": ten([1.0, 2.0, 3.0]), "b": ten([4.0, 5.0, 6.0]), "expected": 32.0})
    return cases


def transposed_cases():
    cases = []
    for shape in [(2, 3), (1, 4), (5, 1), (35, 3), (3, 35), (0, 3), (2, 3, 4), (2, 1, 3, 2), (4,), ()]:
        x = data(shape, decimals=2)
        cases.append({"name": f"transposed {shape_text(shape)}", "x": ten(x), "expected": ten(x.T)})
    return cases


def reshaped_cases():
    cases = []
    for shape, new in [((2, 3), (3, 2)), ((6,), (2, -1)), ((2, 3, 4), (-1, 4)), ((24,), (2, -1, 3)), ((2, 3), (6,)),
                       ((2, 3), (-1,)), ((), (1,)), ((1,), ()), ((1, 1), ()), ((0, 3), (-1,)), ((0, 3), (3, -1)),
                       ((2, 3), (1, 6, 1)), ((4,), (2, 2))]:
        x = data(shape)
        cases.append({"name": f"{shape_text(shape)} reshaped {list(new)}", "x": ten(x), "shape": list(new), "expected": ten(x.reshape(new))})
    return cases


def norm_cases():
    cases = []
    for shape in [(3,), (2, 3), (2, 2, 2), (0,), (1,)]:
        x = data(shape)
        cases.append({"name": f"norm {shape_text(shape)}", "x": ten(x), "expected": num(np.linalg.norm(x))})
    cases.append({"name": "norm([3, 4]) = 5", "x": ten([3.0, 4.0]), "expected": 5.0})
    with np.errstate(over="ignore"):
        big = np.array([3e200, 4e200])
        # NumPy's norm squares first, as MathCore does, so both overflow.
        cases.append({"name": "norm overflows like NumPy's", "x": ten(big), "expected": num(np.sqrt(np.dot(big, big)))})
    return cases


def cosine_cases():
    cases = []
    for n in [2, 3, 10]:
        a, b = data((n,)), data((n,))
        expected = np.clip(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)), -1.0, 1.0)
        cases.append({"name": f"random of length {n}", "a": ten(a), "b": ten(b), "expected": num(expected)})
    for name, a, b, expected in [("parallel", [1.0, 2.0, 3.0], [2.0, 4.0, 6.0], 1.0),
                                 ("opposite", [1.0, -2.0], [-3.0, 6.0], -1.0),
                                 ("orthogonal", [1.0, 0.0], [0.0, 5.0], 0.0),
                                 ("45 degrees", [1.0, 0.0], [1.0, 1.0], math.sqrt(0.5))]:
        cases.append({"name": name, "a": ten(a), "b": ten(b), "expected": expected})
    # Far from 1 in size: NumPy's dot / (norm · norm) stays finite where |a|²·|b|² leaves the range of Double.
    for name, scale in [("lengths near 1e100", 1e100), ("lengths near 1e80", 1e80), ("lengths near 1e-100", 1e-100),
                        ("lengths near 1e-150", 1e-150)]:
        a, b = np.array([1.0, 2.0, -0.5]) * scale, np.array([3.0, 1.0, 2.0]) * scale
        expected = np.clip(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)), -1.0, 1.0)
        cases.append({"name": name, "a": ten(a), "b": ten(b), "expected": num(expected)})
    # nan and inf give nan (np.clip keeps nan), never a clamped ±1.
    with np.errstate(invalid="ignore"):
        for name, a in [("nan element", [np.nan, 1.0]), ("inf element", [np.inf, 1.0])]:
            a, b = np.array(a), np.array([1.0, 1.0])
            expected = np.clip(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)), -1.0, 1.0)
            cases.append({"name": name, "a": ten(a), "b": ten(b), "expected": num(expected)})
    return cases


# ----------------------------------------------------------------------------------------------
# Reductions

REDUCTIONS = {
    "sum": np.sum,
    "mean": np.mean,
    "variance": np.var,
    "standardDeviation": np.std,
}


def reduction_cases():
    """One case per input tensor, with the result of every reduction along every axis (None: all)."""
    cases = []
    inputs = {
        "(2,3,4)": data((2, 3, 4), -10, 10),
        "(3,5)": data((3, 5), -10, 10),
        "(7,)": data((7,), -10, 10),
        "(1,)": data((1,)),
        "()": np.array(2.5),
        "(300,)": np.round(rng.normal(size=300), 4),  # long enough for the pairwise blocks
        "(2,140)": np.round(rng.normal(size=(2, 140)), 4),
        "(130,2)": np.round(rng.normal(size=(130, 2)), 4),
        # A large common offset: the two-pass variance must not cancel it away.
        "offset by 1e8": 1e8 + data((2, 5)),
        # nan and inf propagate.
        "with nan and inf": np.array([[1.0, np.nan, 3.0], [np.inf, 2.0, 1.0]]),
    }
    with np.errstate(invalid="ignore"):
        for label, x in inputs.items():
            results = []
            for function_name, function in REDUCTIONS.items():
                # Every axis, negative ones too, for the small inputs; the long ones are for the sums.
                axes = list(range(-x.ndim, x.ndim)) if x.size < 100 else [int(np.argmax(x.shape))]
                for axis in [None] + axes:
                    results.append({"function": function_name, "axis": axis, "expected": ten(function(x, axis=axis))})
            cases.append({"name": label, "x": ten(x), "results": results})
    # Sums over nothing are 0, in NumPy and MathCore (the other reductions of nothing are errors).
    for shape, axes in [((0,), [None, 0]), ((2, 0), [None, 0, 1]), ((0, 3), [None, 0, 1])]:
        x = np.zeros(shape)
        cases.append({"name": f"empty {shape_text(shape)}", "x": ten(x),
                      "results": [{"function": "sum", "axis": axis, "expected": ten(np.sum(x, axis=axis))} for axis in axes]})
    return cases


def exact_sum_cases():
    """MathCore follows NumPy's pairwise blocking, so these whole-tensor results agree to the last bit."""
    cases = []
    for n in [7, 8, 9, 127, 128, 129, 257, 400]:
        x = np.array([float(f"{v:.5g}") for v in rng.normal(size=n) * 10.0 ** rng.integers(-3, 4, size=n)])
        cases.append({"name": f"length {n}", "x": ten(x), "sum": num(np.sum(x)), "mean": num(np.mean(x)),
                      "variance": num(np.var(x))})
    return cases


def argmax_cases():
    cases = []
    for name, x in [("ties take the first", [1.0, 3.0, 3.0, 2.0]),
                    ("first nan wins", [1.0, np.nan, 3.0, np.nan]),
                    ("nan first", [np.nan, 5.0]),
                    ("nan last", [1.0, 9.0, np.nan]),
                    ("all equal", [2.0, 2.0, 2.0]),
                    ("negative", [-5.0, -1.0, -3.0]),
                    ("infinities", [-np.inf, np.inf, 1.0, np.inf]),
                    ("all -inf", [-np.inf, -np.inf]),
                    ("one element", [4.0]),
                    ("rank 0", np.array(4.0)),
                    ("matrix gives the flat index", [[1.0, 2.0, 9.0], [9.0, 0.0, 3.0]]),
                    ("random (3,4,5)", data((3, 4, 5)))]:
        x = np.asarray(x, dtype=np.float64)
        cases.append({"name": name, "x": ten(x), "expected": int(np.argmax(x))})
    return cases


def min_max_cases():
    cases = []
    for name, x in [("vector", [3.0, -1.0, 4.0, 1.5]),
                    ("nan propagates", [1.0, np.nan, -5.0]),
                    ("nan first", [np.nan, 1.0]),
                    ("nan last", [1.0, -2.0, np.nan]),
                    ("infinities", [-np.inf, 0.0, np.inf]),
                    ("one element", [-7.0]),
                    ("rank 0", np.array(-7.0)),
                    ("random (4,6)", data((4, 6))),
                    ("random (2,3,4)", data((2, 3, 4)))]:
        x = np.asarray(x, dtype=np.float64)
        cases.append({"name": name, "x": ten(x), "min": num(np.min(x)), "max": num(np.max(x))})
    return cases


# ----------------------------------------------------------------------------------------------
# Losses: the formulas of Losses.swift, written again in NumPy.


def mean_squared_error(p, t):
    return np.mean((p - t) ** 2)


def cross_entropy(p, t):
    """−Σ t·log(max(p, floor)), with 0·log p = 0; a matrix is the mean over its rows."""
    terms = np.where(t == 0, 0.0, -t * np.log(np.maximum(p, PROBABILITY_FLOOR)))
    examples = p.shape[0] if p.ndim == 2 else 1
    return np.sum(terms) / examples


def binary_cross_entropy(p, y):
    clipped = np.clip(p, PROBABILITY_FLOOR, 1 - PROBABILITY_FLOOR)
    return np.mean(-(y * np.log(clipped) + (1 - y) * np.log(1 - clipped)))


def hinge_loss(s, y):
    return np.mean(np.maximum(0.0, 1 - y * s))


LOSSES = {
    "meanSquaredError": mean_squared_error,
    "crossEntropy": cross_entropy,
    "binaryCrossEntropy": binary_cross_entropy,
    "hingeLoss": hinge_loss,
}


def loss_cases():
    hand = [
        # (1 + 9) / 2 = 5
        ("meanSquaredError", "([2, 4], [1, 1]) = 5", [2.0, 4.0], [1.0, 1.0], 5.0),
        # (0.25 + 0 + 4) / 3 = 1.4166666666666667
        ("meanSquaredError", "matrix = 17/12", [[0.5, 1.0, 3.0]], [[0.0, 1.0, 1.0]], 17.0 / 12.0),
        # -log 0.75 = 0.2876820724517809
        ("crossEntropy", "one-hot vector = -log 0.75", [0.25, 0.75], [0.0, 1.0], -math.log(0.75)),
        # (log 2 - log 0.9) / 2 = (0.6931471805599453 + 0.10536051565782628) / 2 = 0.3992538481088858
        ("crossEntropy", "mean over two rows", [[0.5, 0.5], [0.9, 0.1]], [[1.0, 0.0], [1.0, 0.0]],
         (math.log(2) - math.log(0.9)) / 2),
        # p = 0 is clipped to 1e-12: -log 1e-12 = 27.631021115928547
        ("crossEntropy", "zero probability clipped", [0.0, 1.0], [1.0, 0.0], -math.log(1e-12)),
        # soft targets: -(0.5 log 0.5 + 0.5 log 0.5) = log 2 = 0.6931471805599453
        ("crossEntropy", "soft targets = log 2", [0.5, 0.5], [0.5, 0.5], math.log(2)),
        # -log 0.5 = log 2 = 0.6931471805599453
        ("binaryCrossEntropy", "(0.5, 1) = log 2", [0.5], [1.0], math.log(2)),
        # (-log 0.8 - log(1 - 0.3)) / 2 = (0.2231435513142097 + 0.35667494393873245) / 2 = 0.2899092476264711
        ("binaryCrossEntropy", "two examples", [0.8, 0.3], [1.0, 0.0], (-math.log(0.8) - math.log(0.7)) / 2),
        # p = 1 with y = 0 is clipped to 1 − 1e-12, p = 0 with y = 1 to 1e-12: each term is about
        # −log 1e-12 = 27.631021115928547 (the first is −log(1.000088900582341e-12), as 1 − (1 − 1e-12) rounds so)
        ("binaryCrossEntropy", "confident and wrong clipped", [1.0, 0.0], [0.0, 1.0],
         (-math.log(1 - (1 - 1e-12)) - math.log(1e-12)) / 2),
        # (0 + 0.5 + 2) / 3 = 0.8333333333333334
        ("hingeLoss", "([2, 0.5, -1], [1, 1, 1]) = 5/6", [2.0, 0.5, -1.0], [1.0, 1.0, 1.0], 2.5 / 3),
        # (max(0, 1 - 3) + max(0, 1 - 0.5)) / 2 = 0.25
        ("hingeLoss", "negative labels = 0.25", [-3.0, -0.5], [-1.0, -1.0], 0.25),
    ]
    cases = []
    for loss, name, p, t, hand_value in hand:
        p, t = np.asarray(p), np.asarray(t)
        expected = float(LOSSES[loss](p, t))
        assert math.isclose(expected, hand_value, rel_tol=1e-9), (loss, name, expected, hand_value)
        cases.append({"name": f"{loss} {name}", "loss": loss, "predictions": ten(p), "targets": ten(t), "expected": num(expected)})
    # NumPy-computed random cases.
    for shape in [(6,), (4, 3), (1, 5)]:
        p, t = data(shape), data(shape)
        cases.append({"name": f"meanSquaredError random {shape_text(shape)}", "loss": "meanSquaredError", "predictions": ten(p),
                      "targets": ten(t), "expected": num(mean_squared_error(p, t))})
        scores = rng.uniform(-3, 3, size=shape)
        probabilities = softmax(scores)
        classes = rng.integers(0, shape[-1], size=shape[:-1])
        one_hot = np.eye(shape[-1])[classes]
        cases.append({"name": f"crossEntropy random one-hot {shape_text(shape)}", "loss": "crossEntropy",
                      "predictions": ten(probabilities), "targets": ten(one_hot), "expected": num(cross_entropy(probabilities, one_hot))})
        soft = softmax(rng.uniform(-3, 3, size=shape))
        cases.append({"name": f"crossEntropy random soft {shape_text(shape)}", "loss": "crossEntropy",
                      "predictions": ten(probabilities), "targets": ten(soft), "expected": num(cross_entropy(probabilities, soft))})
        p = rng.uniform(0, 1, size=shape)
        y = (rng.uniform(size=shape) < 0.5).astype(np.float64)
        cases.append({"name": f"binaryCrossEntropy random {shape_text(shape)}", "loss": "binaryCrossEntropy", "predictions": ten(p),
                      "targets": ten(y), "expected": num(binary_cross_entropy(p, y))})
        labels = np.where(rng.uniform(size=shape) < 0.5, -1.0, 1.0)
        cases.append({"name": f"hingeLoss random {shape_text(shape)}", "loss": "hingeLoss", "predictions": ten(scores),
                      "targets": ten(labels), "expected": num(hinge_loss(scores, labels))})
    # nan in the predictions propagates to the loss, as in NumPy (np.maximum and np.clip keep nan).
    nan_p = np.array([0.5, np.nan])
    for loss, targets in [("meanSquaredError", [1.0, 0.0]), ("crossEntropy", [0.5, 0.5]),
                          ("binaryCrossEntropy", [1.0, 0.0]), ("hingeLoss", [1.0, -1.0])]:
        targets = np.array(targets)
        with np.errstate(invalid="ignore"):
            expected = LOSSES[loss](nan_p, targets)
        cases.append({"name": f"{loss} of a nan prediction is nan", "loss": loss, "predictions": ten(nan_p), "targets": ten(targets),
                      "expected": num(expected)})
    # Probabilities at and beyond the floor.
    p = np.array([0.0, 1e-13, 1e-12, 1.0, 1 - 1e-13])
    y = np.array([0.0, 1.0, 1.0, 0.0, 1.0])
    cases.append({"name": "binaryCrossEntropy clipping", "loss": "binaryCrossEntropy", "predictions": ten(p), "targets": ten(y),
                  "expected": num(binary_cross_entropy(p, y))})
    t = np.array([0.0, 0.5, 0.5, 0.0, 0.0])
    cases.append({"name": "crossEntropy clipping", "loss": "crossEntropy", "predictions": ten(p), "targets": ten(t),
                  "expected": num(cross_entropy(p, t))})
    return cases


# ----------------------------------------------------------------------------------------------
# Calculus: the exact derivatives of known functions (the Swift side names the same functions).


def derivative_cases():
    exact = {
        "sin": np.cos,
        "cos": lambda x: -np.sin(x),
        "exp": np.exp,
        "log": lambda x: 1 / x,
        "cube": lambda x: 3 * x * x,
        "tanh": lambda x: 1 - np.tanh(x) ** 2,
        "sigmoid": lambda x: sigmoid(x) * (1 - sigmoid(x)),
        "sqrt": lambda x: 0.5 / np.sqrt(x),
        "reciprocal": lambda x: -1 / (x * x),
        "polynomial": lambda x: 8 * x ** 3 - 6 * x + 1,  # of 2x⁴ − 3x² + x − 5
    }
    points = {
        "sin": [0.0, 0.7, -2.0, math.pi / 2, 10.0],
        "cos": [0.0, 0.7, -2.0, 3.0, 8.0],
        "exp": [0.0, 1.0, -3.0, 5.0, 10.0],
        "log": [0.1, 0.5, 1.0, 2.0, 100.0, 1e4],
        "cube": [0.0, 1.0, -2.0, 0.3, 1e3],
        "tanh": [0.0, 0.5, -1.5, 3.0],
        "sigmoid": [0.0, 2.0, -4.0, 10.0],
        "sqrt": [0.25, 1.0, 9.0, 1e4],
        "reciprocal": [0.5, 1.0, -2.0, 10.0],
        "polynomial": [0.0, 1.0, -1.5, 2.5, 40.0],
    }
    return [{"name": f"{name}' at {x}", "function": name, "x": x, "expected": num(exact[name](np.float64(x)))}
            for name in exact for x in points[name]]


def gradient_cases():
    cases = []

    def add(name, function, x, expected, parameter=None):
        case = {"name": name, "function": function, "x": ten(x), "expected": ten(expected)}
        if parameter is not None:
            case["parameter"] = ten(parameter)
        cases.append(case)

    for shape in [(3,), (2, 3)]:
        x = data(shape, -2, 2)
        add(f"sum of squares {shape_text(shape)}", "sumOfSquares", x, 2 * x)
        add(f"sum of exp {shape_text(shape)}", "sumOfExp", x, np.exp(x))
        w = data(shape)
        add(f"sum of w * x {shape_text(shape)}", "sumOfProductWith", x, w, parameter=w)
        t = data(shape)
        add(f"mean squared error {shape_text(shape)}", "meanSquaredErrorTo", x, 2 * (x - t) / x.size, parameter=t)
    x = data((4,), -2, 2)
    add("log-sum-exp (4,)", "logSumExp", x, softmax(x))
    a = data((3, 3))
    x = data((3,))
    add("quadratic form xᵀAx", "quadraticForm", x, (a + a.T) @ x, parameter=a)
    x = data((3,), 0.5, 2)
    add("product of sines", "productOfSines", x, np.array([np.cos(x[i]) * np.prod(np.sin(np.delete(x, i))) for i in range(3)]))
    return cases


# ----------------------------------------------------------------------------------------------
# Random numbers: a pure-Python MathCore generator, and fdlibm's log.

MASK64 = (1 << 64) - 1


def splitmix64_states(seed):
    state = seed & MASK64
    out = []
    for _ in range(4):
        state = (state + 0x9E3779B97F4A7C15) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        out.append(z ^ (z >> 31))
    return out


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK64


class Xoshiro256StarStar:
    """xoshiro256** 1.0 (Blackman and Vigna), seeded by four SplitMix64 outputs, with MathCore's
    uniform and polar-normal draws."""

    def __init__(self, seed):
        self.s = splitmix64_states(seed)
        self.spare = None

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK64, 7) * 9) & MASK64
        t = (s[1] << 17) & MASK64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return float(self.next() >> 11) * 2.0 ** -53

    def normal(self):
        if self.spare is not None:
            spare, self.spare = self.spare, None
            return spare
        while True:
            u = 2.0 * self.uniform() - 1.0
            v = 2.0 * self.uniform() - 1.0
            s = u * u + v * v
            if 0.0 < s < 1.0:
                scale = math.sqrt(-2.0 * fdlibm_log(s) / s)
                self.spare = v * scale
                return u * scale


def bits_of(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b & MASK64))[0]


def fdlibm_log(x):
    """fdlibm 5.3's __ieee754_log (e_log.c), transcribed; every step is one IEEE operation."""
    ln2_hi, ln2_lo = 6.93147180369123816490e-01, 1.90821492927058770002e-10
    two54 = 1.80143985094819840000e+16
    Lg1, Lg2, Lg3 = 6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01
    Lg4, Lg5, Lg6 = 2.222219843214978396e-01, 1.818357216161805012e-01, 1.531383769920937332e-01
    Lg7 = 1.479819860511658591e-01
    if math.isnan(x) or x == math.inf:
        return x + x
    if x == 0:
        return -math.inf
    if x < 0:
        return math.nan
    k = 0
    if x < 2.2250738585072014e-308:  # subnormal: scale up by 2^54
        k -= 54
        x *= two54
    bits = bits_of(x)
    hx = bits >> 32
    lx = bits & 0xFFFFFFFF
    k += (hx >> 20) - 1023
    hx &= 0x000FFFFF
    i = (hx + 0x95F64) & 0x100000
    x = from_bits(((hx | (i ^ 0x3FF00000)) << 32) | lx)  # normalize x or x/2
    k += i >> 20
    f = x - 1.0
    if (0x000FFFFF & (2 + hx)) < 3:  # -2^-20 <= f < 2^-20
        if f == 0.0:
            if k == 0:
                return 0.0
            dk = float(k)
            return dk * ln2_hi + dk * ln2_lo
        R = f * f * (0.5 - 0.33333333333333333 * f)
        if k == 0:
            return f - R
        dk = float(k)
        return dk * ln2_hi - ((R - dk * ln2_lo) - f)
    s = f / (2.0 + f)
    dk = float(k)
    z = s * s
    i = hx - 0x6147A
    w = z * z
    j = 0x6B851 - hx
    t1 = w * (Lg2 + w * (Lg4 + w * Lg6))
    t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)))
    i |= j
    R = t2 + t1
    if i > 0:
        hfsq = 0.5 * f * f
        if k == 0:
            return f - (hfsq - s * (hfsq + R))
        return dk * ln2_hi - ((hfsq - (s * (hfsq + R) + dk * ln2_lo)) - f)
    if k == 0:
        return f - s * (f - R)
    return dk * ln2_hi - ((s * (f - R) - dk * ln2_lo) - f)


def random_cases():
    cases = []
    for seed in [0, 1, 42, 2024, 0x0123456789ABCDEF, MASK64]:
        g = Xoshiro256StarStar(seed)
        nexts = [str(g.next()) for _ in range(8)]
        g = Xoshiro256StarStar(seed)
        uniforms = [g.uniform() for _ in range(8)]
        g = Xoshiro256StarStar(seed)
        normals = [g.normal() for _ in range(9)]
        # randomUniform(shape: [2, 3], low: -2, high: 3) then randomNormal(shape: [5], mean: 1,
        # standardDeviation: 2) from one generator: low + (high - low)·u and mean + sd·n.
        g = Xoshiro256StarStar(seed)
        tensor_uniform = [-2.0 + (3.0 - -2.0) * g.uniform() for _ in range(6)]
        tensor_normal = [1.0 + 2.0 * g.normal() for _ in range(5)]
        cases.append({"name": f"seed {seed}", "seed": str(seed), "next": nexts, "uniform": uniforms, "normal": normals,
                      "tensorUniform": ten(np.array(tensor_uniform).reshape(2, 3)), "tensorNormal": ten(tensor_normal)})
    return cases


def log_cases():
    """portableLog's inputs, with math.log (glibc's, correctly rounded in practice) and fdlibm's value."""
    xs = [
        5e-324, 1e-323, 2.5e-320, 1e-310, 2.2250738585072009e-308, 2.2250738585072014e-308, 2.2250738585072019e-308,
        1e-300, 1e-200, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.1, 0.25, 0.5, 0.7071067811865476, 0.75, 0.9, 0.99, 0.999999,
        1.0, math.nextafter(1.0, 0.0), math.nextafter(1.0, 2.0), 1.0 - 2.0 ** -30, 1.0 + 2.0 ** -30, 1.0 - 2.0 ** -21,
        1.0 + 2.0 ** -21, 1.0 - 2.0 ** -20, 1.0 + 2.0 ** -20, 1.0 + 1e-10, 1.0 - 1e-10, 1.0 + 1e-15, 1.00001, 1.01, 1.1,
        1.4142135623730951, 1.5, 2.0, math.e, 3.0, 4.0, 10.0, 100.0, 1024.0, 1e5, 1e10, 1e20, 1e100, 1e200, 1e300,
        1.7976931348623157e308, 8.98846567431158e307,
    ]
    # Near 1 on both sides, where log(x) ≈ x − 1 must lose no digits.
    xs += [1.0 + d for d in rng.uniform(-0.05, 0.05, size=30)]
    xs += [1.0 + float(d) * 2.0 ** -40 for d in rng.integers(-1000, 1000, size=10)]
    # Every binade, with random mantissas, including subnormals.
    xs += [float(m) * 2.0 ** int(e) for m, e in zip(rng.uniform(1, 2, size=60), rng.integers(-1074, 1024, size=60))]
    xs += [float(m) for m in rng.uniform(0, 10, size=25)]
    xs += [from_bits(int(b)) for b in rng.integers(1, 0x7FEFFFFFFFFFFFFF, size=30, dtype=np.int64)]
    xs = [x for x in xs if x > 0 and math.isfinite(x)]
    return [{"x": x, "libm": math.log(x), "fdlibm": fdlibm_log(x)} for x in xs]


def log_special_cases():
    return [{"x": num(x), "fdlibm": num(fdlibm_log(x))} for x in [0.0, -0.0, -1.0, -5e-324, math.inf, -math.inf, math.nan]]


def round_trip_cases():
    """Checks the loader: each number with its IEEE bits in hex."""
    values = [0.1, 1.0 / 3.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -0.0, 123456789.123456789,
              9007199254740993.0, 0.30000000000000004, 1e-7, 6.02214076e23]
    return [{"value": v, "bits": f"{bits_of(v):016x}"} for v in values]


def main():
    fixtures = {
        "generator": "Tests/MathCoreTests/Fixtures/generate_fixtures.py",
        "numpyVersion": np.__version__,
        "seed": SEED,
        "roundTrip": round_trip_cases(),
        "binary": binary_cases(),
        "scalarBinary": scalar_cases(),
        "expressions": expression_cases(),
        "unary": unary_cases(),
        "powScalar": pow_scalar_cases(),
        "linspace": linspace_cases(),
        "identity": identity_cases(),
        "matmul": matmul_cases(),
        "dot": dot_cases(),
        "transposed": transposed_cases(),
        "reshaped": reshaped_cases(),
        "norm": norm_cases(),
        "cosineSimilarity": cosine_cases(),
        "reductions": reduction_cases(),
        "exactSums": exact_sum_cases(),
        "argmax": argmax_cases(),
        "minMax": min_max_cases(),
        "losses": loss_cases(),
        "derivatives": derivative_cases(),
        "gradients": gradient_cases(),
        "random": random_cases(),
        "logs": log_cases(),
        "logSpecials": log_special_cases(),
    }
    # The generator's own checks of the reference it writes.
    for case in fixtures["logs"]:
        assert abs(bits_of(case["libm"]) - bits_of(case["fdlibm"])) <= 1 or case["libm"] == case["fdlibm"], case
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "numpy.json")
    # One case a line, so that a regenerated file reads well in a diff.
    lines = []
    for key, value in fixtures.items():
        if isinstance(value, list):
            items = ",\n".join(json.dumps(item, separators=(",", ":"), allow_nan=False) for item in value)
            lines.append(f"{json.dumps(key)}:[\n{items}\n]")
        else:
            lines.append(f"{json.dumps(key)}:{json.dumps(value, allow_nan=False)}")
    text = "{\n" + ",\n".join(lines) + "\n}\n"
    json.loads(text)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)
    print(f"wrote {path} ({len(text)} bytes)")


if __name__ == "__main__":
    main()
