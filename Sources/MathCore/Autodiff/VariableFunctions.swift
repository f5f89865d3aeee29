// Functions of variables: element-wise functions and activations, reductions, softmax and
// changes of shape. Each computes its value with the Tensor function of the same name, so a
// variable's value is always exactly what the Tensor code would give.

/// e raised to each element.
///
/// ```swift
/// let (value, gradient) = valueWithGradient(at: [0, 1]) { x in sum(exp(x)) }
/// // value 1 + e, gradient [1.0, e]: exp is its own derivative
/// ```
public func exp(_ x: Variable) -> Variable {
    x.elementwise(exp(x.value)) { _, y in y }
}

/// The natural logarithm of each element.
public func log(_ x: Variable) -> Variable {
    x.elementwise(log(x.value)) { x, _ in 1 / x }
}

/// The square root of each element.
public func sqrt(_ x: Variable) -> Variable {
    x.elementwise(sqrt(x.value)) { _, y in 0.5 / y }
}

/// The hyperbolic tangent of each element.
public func tanh(_ x: Variable) -> Variable {
    x.elementwise(tanh(x.value)) { _, y in 1 - y * y }
}

/// The logistic function 1 / (1 + e^-x) of each element.
public func sigmoid(_ x: Variable) -> Variable {
    x.elementwise(sigmoid(x.value)) { _, y in y * (1 - y) }
}

/// The rectified linear unit of each element: `x` when positive, otherwise 0 (whose slope at 0 is taken as 0).
public func relu(_ x: Variable) -> Variable {
    x.elementwise(relu(x.value)) { x, _ in x > 0 ? 1 : 0 }
}

/// Each element raised to `exponent`: `pow(x, 2)` squares every element.
public func pow(_ x: Variable, _ exponent: Double) -> Variable {
    // The slope of x⁰ is 0 everywhere, also at x = 0, where the general formula gives 0·∞.
    x.elementwise(pow(x.value, exponent)) { x, _ in
        exponent == 0 ? 0 : exponent == 2 ? 2 * x : exponent * pow(x, exponent - 1)
    }
}

/// The sum of all elements, as a single-element (rank-0) variable.
///
/// ```swift
/// let loss = sum(pow(w, 2))   // the squared length of w
/// ```
public func sum(_ x: Variable) -> Variable {
    let shape = x.value.shape
    return Variable(Tensor(scalar: sum(x.value)), inputs: [x]) { gradient, inputs in
        inputs[0].accumulate { Tensor(repeating: gradient.scalars[0], shape: shape) }
    }
}

/// The sums along `axis`, which is removed from the shape.
public func sum(_ x: Variable, axis: Int) -> Variable { orStop { try Throwing.sum(x, axis: axis) } }

/// The arithmetic mean of all elements, as a single-element (rank-0) variable.
public func mean(_ x: Variable) -> Variable { orStop { try Throwing.mean(x) } }

/// The means along `axis`, which is removed from the shape.
public func mean(_ x: Variable, axis: Int) -> Variable { orStop { try Throwing.mean(x, axis: axis) } }

/// Turns scores into probabilities along the last axis, stably (the row's maximum is subtracted first).
///
/// ```swift
/// let probabilities = softmax(x • w)   // each row sums to 1
/// ```
public func softmax(_ x: Variable) -> Variable {
    let y = softmax(x.value)
    return Variable(y, inputs: [x]) { gradient, inputs in
        // For one row, dx = y ⊙ (g − (g·y)): the Jacobian diag(y) − y yᵀ applied to g.
        inputs[0].accumulate {
            guard y.rank > 0, let length = y.shape.last, length > 0 else { return Variable.zeros(like: y) }
            var result = Variable.zeros(like: y)
            for start in stride(from: 0, to: y.count, by: length) {
                var dot = 0.0
                for i in start..<(start + length) { dot += gradient.scalars[i] * y.scalars[i] }
                for i in start..<(start + length) { result.scalars[i] = y.scalars[i] * (gradient.scalars[i] - dot) }
            }
            return result
        }
    }
}

extension Variable {
    /// The variable with its axes reversed: rows become columns. A vector is returned as it is.
    public func transposed() -> Variable {
        Variable(value.transposed(), inputs: [self]) { gradient, inputs in
            inputs[0].accumulate { gradient.transposed() }
        }
    }

    /// The same elements in a new shape with the same element count; one length may be -1, to be inferred.
    ///
    /// ```swift
    /// let column = Variable([1, 2, 3]).reshaped([3, 1])
    /// ```
    public func reshaped(_ newShape: [Int]) -> Variable { orStop { try Throwing.reshaped(self, newShape) } }

    /// The same elements in a new shape: `x.reshaped(2, 3)`.
    public func reshaped(_ newShape: Int...) -> Variable { reshaped(newShape) }

    /// An element-wise function of this variable with value `result`, whose slope at each element
    /// is `slope(input, output)`.
    func elementwise(_ result: Tensor, slope: @escaping (_ input: Double, _ output: Double) -> Double) -> Variable {
        let input = value
        return Variable(result, inputs: [self]) { gradient, inputs in
            inputs[0].accumulate {
                let count = gradient.count
                let scalars = [Double](unsafeUninitializedCapacity: count) { output, initialized in
                    for i in 0..<count {
                        output[i] = gradient.scalars[i] * slope(input.scalars[i], result.scalars[i])
                    }
                    initialized = count
                }
                return Tensor(unchecked: gradient.shape, scalars)
            }
        }
    }
}

extension Throwing {
    /// Throwing form of `sum(_:axis:)` on a variable.
    public static func sum(_ x: Variable, axis: Int) throws(MathCoreError) -> Variable {
        let (outer, length, inner, _) = try AxisSplit.of(x.value.shape, axis: axis)
        let shape = x.value.shape
        return Variable(try sum(x.value, axis: axis), inputs: [x]) { gradient, inputs in
            inputs[0].accumulate { Variable.spread(gradient, outer: outer, length: length, inner: inner, to: shape) }
        }
    }

    /// Throwing form of `mean(_:)` on a variable: an empty variable has no mean.
    public static func mean(_ x: Variable) throws(MathCoreError) -> Variable {
        let result = try mean(x.value)
        let (count, shape) = (Double(x.value.count), x.value.shape)
        return Variable(Tensor(scalar: result), inputs: [x]) { gradient, inputs in
            inputs[0].accumulate { Tensor(repeating: gradient.scalars[0] / count, shape: shape) }
        }
    }

    /// Throwing form of `mean(_:axis:)` on a variable.
    public static func mean(_ x: Variable, axis: Int) throws(MathCoreError) -> Variable {
        let (outer, length, inner, _) = try AxisSplit.of(x.value.shape, axis: axis)
        let shape = x.value.shape
        return Variable(try mean(x.value, axis: axis), inputs: [x]) { gradient, inputs in
            inputs[0].accumulate {
                var spread = Variable.spread(gradient, outer: outer, length: length, inner: inner, to: shape)
                spread /= Double(length)
                return spread
            }
        }
    }

    /// Throwing form of `variable.reshaped(_:)`.
    public static func reshaped(_ x: Variable, _ newShape: [Int]) throws(MathCoreError) -> Variable {
        let shape = x.value.shape
        return Variable(try reshaped(x.value, newShape), inputs: [x]) { gradient, inputs in
            inputs[0].accumulate { Tensor(unchecked: shape, gradient.scalars) }
        }
    }
}

extension Variable {
    /// The gradient of a sum along one axis, copied back along that axis: element (o, i, j) of
    /// the `outer × length × inner` result is element (o, j) of `gradient`.
    static func spread(_ gradient: Tensor, outer: Int, length: Int, inner: Int, to shape: [Int]) -> Tensor {
        var result = [Double](repeating: 0, count: outer * length * inner)
        for o in 0..<outer {
            for i in 0..<length {
                for j in 0..<inner { result[(o * length + i) * inner + j] = gradient.scalars[o * inner + j] }
            }
        }
        return Tensor(unchecked: shape, result)
    }
}
