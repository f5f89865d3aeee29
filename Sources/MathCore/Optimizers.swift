// Optimisers: rules that move parameters against their gradients, one step per call.
//
// Each optimiser is a small struct; state that depends on the history of gradients (velocities,
// moments) is created lazily, one tensor per parameter position, on the first `update`. A
// position whose parameter changes shape starts again from zero state.

/// A rule that updates parameters from their gradients, one step per call.
///
/// ```swift
/// var optimizer = Adam(learningRate: 0.01)
/// for _ in 0..<100 {
///     let loss = meanSquaredError(x • w + b, y)
///     loss.backward()
///     optimizer.update([w, b])
/// }
/// ```
public protocol Optimizer {
    /// Takes one step: moves each parameter using the gradient at the same position.
    ///
    /// A count or shape mismatch stops the program; ``Throwing/update(_:_:gradients:)`` is the throwing form.
    mutating func update(_ parameters: inout [Tensor], gradients: [Tensor])
}

extension Optimizer {
    /// Takes one step on variables: reads each one's `gradient` (from the last `backward()`) and writes its `value`.
    ///
    /// ```swift
    /// loss.backward()
    /// optimizer.update([weights, bias])
    /// ```
    public mutating func update(_ variables: [Variable]) {
        var parameters = variables.map(\.value)
        update(&parameters, gradients: variables.map(\.gradient))
        for (variable, parameter) in zip(variables, parameters) { variable.value = parameter }
    }
}

/// Plain gradient descent: each parameter moves by `-learningRate · gradient`.
///
/// ```swift
/// var optimizer = GradientDescent(learningRate: 0.1)
/// optimizer.update([w])   // w.value -= 0.1 * w.gradient
/// ```
public struct GradientDescent: Optimizer {
    /// The size of each step relative to the gradient.
    public var learningRate: Double

    /// An optimiser taking steps of `learningRate` times the gradient.
    public init(learningRate: Double) {
        self.learningRate = learningRate
    }

    /// Takes one step: `p -= learningRate · g` for each parameter `p` and its gradient `g`.
    public mutating func update(_ parameters: inout [Tensor], gradients: [Tensor]) {
        orStop { try Throwing.checkOptimizerArguments(parameters, gradients) }
        let rate = learningRate
        for i in parameters.indices {
            parameters[i].updateEach(with: gradients[i]) { p, g in p - rate * g }
        }
    }
}

/// Gradient descent with momentum, in PyTorch's form: `v = μ·v + g`, then `p -= learningRate · v`.
///
/// The velocity `v` starts at zero, so the first step equals plain gradient descent; a steady
/// gradient makes the steps grow towards `learningRate · g / (1 − μ)`. (The other common form,
/// `v = μ·v − learningRate·g; p += v`, gives the same path while the learning rate is fixed.)
///
/// ```swift
/// var optimizer = Momentum(learningRate: 0.01)   // momentum 0.9
/// ```
public struct Momentum: Optimizer {
    /// The size of each step relative to the velocity.
    public var learningRate: Double
    /// The fraction μ of the previous velocity kept at each step.
    public var momentum: Double
    /// One velocity per parameter position, created on the first update.
    public private(set) var velocities: [Tensor] = []

    /// An optimiser with the given learning rate and momentum μ.
    public init(learningRate: Double, momentum: Double = 0.9) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    /// Takes one step: `v = μ·v + g; p -= learningRate · v` for each parameter.
    public mutating func update(_ parameters: inout [Tensor], gradients: [Tensor]) {
        orStop { try Throwing.checkOptimizerArguments(parameters, gradients) }
        prepareState(&velocities, for: parameters)
        let (rate, mu) = (learningRate, momentum)
        for i in parameters.indices {
            velocities[i].updateEach(with: gradients[i]) { v, g in mu * v + g }
            parameters[i].updateEach(with: velocities[i]) { p, v in p - rate * v }
        }
    }
}

/// Adam (Kingma and Ba, 2015): steps scaled by running averages of the gradient and its square.
///
/// At step t (counting from 1), for each parameter `p` with gradient `g`:
/// ```
/// m = β₁·m + (1 − β₁)·g          v = β₂·v + (1 − β₂)·g²
/// m̂ = m / (1 − β₁ᵗ)              v̂ = v / (1 − β₂ᵗ)          (bias correction: m and v start at 0)
/// p -= learningRate · m̂ / (√v̂ + ε)
/// ```
/// So the first step moves each element by about `learningRate` against the sign of its gradient.
///
/// ```swift
/// var optimizer = Adam(learningRate: 0.01)
/// ```
public struct Adam: Optimizer {
    /// The largest typical step size.
    public var learningRate: Double
    /// The decay β₁ of the running average of gradients.
    public var beta1: Double
    /// The decay β₂ of the running average of squared gradients.
    public var beta2: Double
    /// A small number added to the denominator so that a zero gradient does not divide by zero.
    public var epsilon: Double
    /// The number of steps taken so far: t in the bias correction.
    public private(set) var step = 0
    /// The running averages m of the gradients, one per parameter position.
    public private(set) var firstMoments: [Tensor] = []
    /// The running averages v of the squared gradients, one per parameter position.
    public private(set) var secondMoments: [Tensor] = []

    /// An optimiser with Kingma and Ba's default settings unless given others.
    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// Takes one step of Adam with bias correction for each parameter.
    public mutating func update(_ parameters: inout [Tensor], gradients: [Tensor]) {
        orStop { try Throwing.checkOptimizerArguments(parameters, gradients) }
        prepareState(&firstMoments, for: parameters)
        prepareState(&secondMoments, for: parameters)
        step += 1
        let (rate, b1, b2, eps) = (learningRate, beta1, beta2, epsilon)
        let correction1 = 1 - pow(b1, Double(step))
        let correction2 = 1 - pow(b2, Double(step))
        for i in parameters.indices {
            firstMoments[i].updateEach(with: gradients[i]) { m, g in b1 * m + (1 - b1) * g }
            secondMoments[i].updateEach(with: gradients[i]) { v, g in b2 * v + (1 - b2) * g * g }
            let (m, v) = (firstMoments[i].scalars, secondMoments[i].scalars)
            parameters[i].scalars.withUnsafeMutableBufferPointer { p in
                for j in p.indices {
                    p[j] -= rate * (m[j] / correction1) / ((v[j] / correction2).squareRoot() + eps)
                }
            }
        }
    }
}

extension Throwing {
    /// Throwing form of `optimizer.update(&parameters, gradients:)`: a different number of
    /// parameters and gradients, or a gradient of another shape than its parameter, is an error.
    public static func update(
        _ optimizer: inout some Optimizer, _ parameters: inout [Tensor], gradients: [Tensor]
    ) throws(MathCoreError) {
        try checkOptimizerArguments(parameters, gradients)
        optimizer.update(&parameters, gradients: gradients)
    }

    /// Checks that there is one gradient of the same shape for each parameter.
    static func checkOptimizerArguments(_ parameters: [Tensor], _ gradients: [Tensor]) throws(MathCoreError) {
        guard parameters.count == gradients.count else {
            throw .invalidArgument(operation: "update", message: "\(parameters.count) parameters but \(gradients.count) gradients")
        }
        for (parameter, gradient) in zip(parameters, gradients) where parameter.shape != gradient.shape {
            throw .shapeMismatch(operation: "update", parameter.shape, gradient.shape)
        }
    }
}

/// Makes `state` hold one tensor per parameter, of its shape: zeros for a new position, or for
/// a position whose parameter changed shape.
private func prepareState(_ state: inout [Tensor], for parameters: [Tensor]) {
    for (i, parameter) in parameters.enumerated() {
        let zeros = Tensor(unchecked: parameter.shape, [Double](repeating: 0, count: parameter.count))
        if i == state.count {
            state.append(zeros)
        } else if state[i].shape != parameter.shape {
            state[i] = zeros
        }
    }
}

extension Tensor {
    /// Replaces each element `x` with `combine(x, y)` for the element `y` of `other`, which has the same count.
    fileprivate mutating func updateEach(with other: Tensor, _ combine: (Double, Double) -> Double) {
        other.scalars.withUnsafeBufferPointer { y in
            scalars.withUnsafeMutableBufferPointer { x in
                for i in x.indices { x[i] = combine(x[i], y[i]) }
            }
        }
    }
}
