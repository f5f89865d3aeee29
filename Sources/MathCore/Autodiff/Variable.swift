// The node of reverse-mode automatic differentiation and its backward pass (micrograd's engine).
//
// Each operation on variables makes a new node that remembers its inputs and a backward step:
// a closure that, given the node's gradient, adds each input's share into that input's gradient.
// `backward()` orders the graph so that every node comes after its inputs, then runs the steps
// from the last node to the first, so a node's gradient is complete before its step runs.
//
// Invariant: a backward step never captures a `Variable`; it receives the node's inputs as an
// argument. So the only strong references between nodes are `inputs`, which lets `deinit`
// free a long chain without recursion.

/// A tensor that remembers how it was computed, so that `backward()` can find the exact gradient
/// of a result with respect to every variable it came from.
///
/// ```swift
/// let w = Variable([1, 2])
/// let loss = sum(w * w)          // 1 + 4
/// loss.backward()
/// print(w.gradient)              // [2.0, 4.0]
/// ```
///
/// A class on purpose: a node of the graph has identity, and a variable used twice is one node.
public final class Variable {
    /// The current value. Assigning a value of another shape resets ``gradient`` to zeros of that shape.
    public var value: Tensor {
        didSet {
            if value.shape != gradient.shape { gradient = Variable.zeros(like: value) }
        }
    }

    /// The gradient of the last result `backward()` was called on with respect to this value;
    /// zeros of the value's shape until then.
    public internal(set) var gradient: Tensor

    /// The nodes this one was computed from; empty for a leaf.
    fileprivate(set) var inputs: [Variable]

    /// Adds each input's share of `gradient` (this node's gradient) into that input's gradient.
    typealias BackwardStep = (_ gradient: Tensor, _ inputs: [Variable]) -> Void

    /// This node's backward step; `nil` for a leaf.
    fileprivate let backwardStep: BackwardStep?

    /// Whether any gradient has to reach this node: true for variables the user made and for
    /// results computed from them, false for tensors wrapped as constants (`x • w` with `x` a tensor).
    let requiresGradient: Bool

    /// A leaf variable holding `value`, with a gradient of zeros.
    ///
    /// ```swift
    /// let weights = Variable(randomNormal(2, 3))
    /// ```
    public init(_ value: Tensor) {
        self.value = value
        self.gradient = Variable.zeros(like: value)
        self.inputs = []
        self.backwardStep = nil
        self.requiresGradient = true
    }

    /// A leaf variable holding one number (a rank-0 tensor): `Variable(2.0)`.
    public convenience init(_ scalar: Double) {
        self.init(Tensor(scalar: scalar))
    }

    /// A constant: a tensor taking part in an operation on variables, whose gradient nobody reads.
    init(constant value: Tensor) {
        self.value = value
        self.gradient = Variable.zeros(like: value)
        self.inputs = []
        self.backwardStep = nil
        self.requiresGradient = false
    }

    /// A constant for operations on variables: a tensor that takes part but gets no gradient,
    /// as the tensor operands of `w • x` and `p - y` do.
    ///
    /// ```swift
    /// let y = Variable.constant([1, 0])
    /// ```
    public static func constant(_ value: Tensor) -> Variable {
        Variable(constant: value)
    }

    /// The result of an operation on `inputs`, with the step that sends its gradient back to them.
    init(_ value: Tensor, inputs: [Variable], backward: @escaping BackwardStep) {
        self.value = value
        self.gradient = Variable.zeros(like: value)
        self.inputs = inputs
        self.backwardStep = backward
        self.requiresGradient = inputs.contains { $0.requiresGradient }
    }

    deinit {
        // Releasing a chain of thousands of nodes one `deinit` inside another would overflow the
        // stack; instead, take over the inputs of every node that dies with this one.
        var pending = inputs
        inputs = []
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) {
                pending.append(contentsOf: node.inputs)
                node.inputs = []
            }
        }
    }

    /// Computes the gradient of this single-element result with respect to every variable it
    /// was computed from, and stores it in each one's ``gradient``.
    ///
    /// ```swift
    /// let x = Variable(3.0)
    /// let y = x * x + 2 * x
    /// y.backward()
    /// print(x.gradient)   // 8.0
    /// ```
    ///
    /// Every gradient in the graph is first set to zero, so gradients never accumulate across
    /// calls: after `a.backward()` and then `b.backward()`, a shared variable holds the gradient
    /// of `b` alone. A result with more than one element stops the program;
    /// ``Throwing/backward(_:)`` is the throwing form.
    public func backward() {
        orStop { try Throwing.backward(self) }
    }

    /// Every node reachable from this one, each after all of its inputs (a depth-first
    /// post-order, kept on an explicit stack so that deep graphs cannot overflow the call stack).
    func topologicalOrder() -> [Variable] {
        var order: [Variable] = []
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(self)]
        var stack: [(node: Variable, nextInput: Int)] = [(self, 0)]
        while let (node, nextInput) = stack.last {
            if nextInput < node.inputs.count {
                stack[stack.count - 1].nextInput += 1
                let input = node.inputs[nextInput]
                if visited.insert(ObjectIdentifier(input)).inserted { stack.append((input, 0)) }
            } else {
                order.append(node)
                stack.removeLast()
            }
        }
        return order
    }

    /// Adds `contribution()` into this node's gradient, first summing it over the axes along which
    /// this node's value was broadcast. The contribution is not computed if no gradient is needed here.
    func accumulate(_ contribution: () -> Tensor) {
        guard requiresGradient else { return }
        let share = orStop { try Variable.sum(contribution(), toShape: gradient.shape) }
        gradient.scalars.withUnsafeMutableBufferPointer { total in
            share.scalars.withUnsafeBufferPointer { part in
                for i in total.indices { total[i] += part[i] }
            }
        }
    }

    /// Sums `gradient` over the axes that broadcasting stretched, so it takes the input's `shape`
    /// again: the leading axes the input lacked, and every axis where the input had length 1.
    static func sum(_ gradient: Tensor, toShape shape: [Int]) throws(MathCoreError) -> Tensor {
        if gradient.shape == shape { return gradient }
        let extra = gradient.rank - shape.count
        guard extra >= 0 else { throw .shapeMismatch(operation: "backward", gradient.shape, shape) }
        var result = gradient
        if extra > 0 {
            let remaining = Array(gradient.shape[extra...])
            let leading = gradient.shape[..<extra].reduce(1, *)
            result = Tensor(unchecked: remaining, sumAlongAxis(result.scalars, outer: 1, length: leading, inner: remaining.reduce(1, *)))
        }
        for axis in shape.indices where shape[axis] != result.shape[axis] {
            guard shape[axis] == 1 else { throw .shapeMismatch(operation: "backward", gradient.shape, shape) }
            let outer = result.shape[..<axis].reduce(1, *)
            let inner = result.shape[(axis + 1)...].reduce(1, *)
            var reduced = result.shape
            reduced[axis] = 1
            result = Tensor(unchecked: reduced, sumAlongAxis(result.scalars, outer: outer, length: result.shape[axis], inner: inner))
        }
        return result
    }

    /// A tensor of zeros with the shape of `tensor`.
    static func zeros(like tensor: Tensor) -> Tensor {
        Tensor(unchecked: tensor.shape, [Double](repeating: 0, count: tensor.count))
    }
}

extension Variable: CustomStringConvertible {
    /// The value and the gradient: `Variable([1.0, 2.0], gradient: [0.0, 0.0])`.
    public var description: String {
        "Variable(\(value), gradient: \(gradient))"
    }
}

extension Throwing {
    /// Throwing form of `variable.backward()`: a result of more than one element is a
    /// ``MathCoreError/invalidArgument(operation:message:)``, since only a single number has a gradient.
    public static func backward(_ variable: Variable) throws(MathCoreError) {
        guard variable.value.count == 1 else {
            throw .invalidArgument(operation: "backward", message: "needs a single-element result, but got a tensor of shape \(variable.value.shape)")
        }
        let order = variable.topologicalOrder()
        for node in order { node.gradient = Variable.zeros(like: node.value) }
        variable.gradient = Tensor(unchecked: variable.value.shape, [1])
        for node in order.reversed() where node.requiresGradient {
            node.backwardStep?(node.gradient, node.inputs)
        }
    }
}
