// The functional face of autodiff: give a function of variables and a point, get the value and
// the exact gradient, without handling `Variable` or `backward()` by hand.

/// The value of a scalar function of a tensor at `x` and its exact gradient there.
///
/// ```swift
/// let (value, gradient) = valueWithGradient(at: [1, 2]) { x in sum(x * x) }
/// // value 5.0, gradient [2.0, 4.0]
/// ```
///
/// `f` must return a single-element variable, or the program stops;
/// ``Throwing/valueWithGradient(at:of:)`` is the throwing form.
public func valueWithGradient(at x: Tensor, of f: (Variable) -> Variable) -> (value: Double, gradient: Tensor) {
    orStop { try Throwing.valueWithGradient(at: x, of: f) }
}

/// The value of a scalar function of several tensors and its exact gradient with respect to each.
///
/// ```swift
/// let (loss, gradients) = valueWithGradients(at: [w, b]) { p in meanSquaredError(x • p[0] + p[1], y) }
/// ```
///
/// `f` gets one variable per tensor, in order, and must return a single-element variable.
public func valueWithGradients(at xs: [Tensor], of f: ([Variable]) -> Variable) -> (value: Double, gradients: [Tensor]) {
    orStop { try Throwing.valueWithGradients(at: xs, of: f) }
}

extension Throwing {
    /// Throwing form of `valueWithGradient(at:of:)`.
    public static func valueWithGradient(
        at x: Tensor, of f: (Variable) throws(MathCoreError) -> Variable
    ) throws(MathCoreError) -> (value: Double, gradient: Tensor) {
        let variable = Variable(x)
        let result = try f(variable)
        try backward(result)
        return (result.value.scalars[0], variable.gradient)
    }

    /// Throwing form of `valueWithGradients(at:of:)`.
    public static func valueWithGradients(
        at xs: [Tensor], of f: ([Variable]) throws(MathCoreError) -> Variable
    ) throws(MathCoreError) -> (value: Double, gradients: [Tensor]) {
        let variables = xs.map { Variable($0) }
        let result = try f(variables)
        try backward(result)
        return (result.value.scalars[0], variables.map(\.gradient))
    }
}
