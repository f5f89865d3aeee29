// Element-wise functions, each returning a tensor of the input's shape. They sit beside the
// `Double` functions of the C library, so `exp(2.0)` and `exp(v)` both read naturally.

/// e raised to each element.
public func exp(_ x: consuming Tensor) -> Tensor { x.transformed { exp($0) } }
/// The natural logarithm of each element (`-inf` at 0 and `nan` below, as in NumPy).
public func log(_ x: consuming Tensor) -> Tensor { x.transformed { log($0) } }
/// The square root of each element (`nan` below 0, as in NumPy).
public func sqrt(_ x: consuming Tensor) -> Tensor { x.transformed { $0.squareRoot() } }
/// The absolute value of each element.
public func abs(_ x: consuming Tensor) -> Tensor { x.transformed { Swift.abs($0) } }
/// The hyperbolic tangent of each element.
public func tanh(_ x: consuming Tensor) -> Tensor { x.transformed { tanh($0) } }
/// The sine of each element (radians).
public func sin(_ x: consuming Tensor) -> Tensor { x.transformed { sin($0) } }
/// The cosine of each element (radians).
public func cos(_ x: consuming Tensor) -> Tensor { x.transformed { cos($0) } }
/// Each element raised to `exponent`: `pow(v, 2)` squares every element.
public func pow(_ x: consuming Tensor, _ exponent: Double) -> Tensor {
    if exponent == 2 { return x.transformed { $0 * $0 } }
    return x.transformed { pow($0, exponent) }
}
/// `base` raised to each element.
public func pow(_ base: Double, _ exponents: Tensor) -> Tensor { exponents.map { pow(base, $0) } }
/// Element-wise power with broadcasting.
public func pow(_ x: Tensor, _ exponents: Tensor) -> Tensor { orStop { try Throwing.pow(x, exponents) } }

extension Throwing {
    /// Throwing form of `pow(_:_:)` between tensors.
    public static func pow(_ x: Tensor, _ exponents: Tensor) throws(MathCoreError) -> Tensor {
        try Tensor.broadcast(x, exponents, "pow") { scalarPower($0, $1) }
    }
}

@inline(__always)
private func scalarPower(_ x: Double, _ y: Double) -> Double { pow(x, y) }
