// Arithmetic on variables: `+ - * /` with NumPy broadcasting, negation and the matrix product `•`.
// Each operator has forms for Variable/Variable, Variable/Tensor, Tensor/Variable, Variable/Double
// and Double/Variable; a tensor or number beside a variable is a constant, which gets no gradient.
// Broadcasting is undone in the backward pass by `Variable.accumulate`, which sums each input's
// share over the stretched axes. A shape mismatch stops the program; `Throwing.add` and its
// siblings are the throwing forms.

extension Variable {
    /// Element-wise sum with broadcasting: `x • w + b` adds the bias row `b` to every row.
    public static func + (lhs: Variable, rhs: Variable) -> Variable { orStop { try Throwing.add(lhs, rhs) } }
    /// Element-wise sum of a variable and a constant tensor, with broadcasting.
    public static func + (lhs: Variable, rhs: Tensor) -> Variable { orStop { try Throwing.add(lhs, rhs) } }
    /// Element-wise sum of a constant tensor and a variable, with broadcasting.
    public static func + (lhs: Tensor, rhs: Variable) -> Variable { orStop { try Throwing.add(lhs, rhs) } }
    /// Adds `rhs` to every element.
    public static func + (lhs: Variable, rhs: Double) -> Variable { scalarOperation(lhs, rhs, Throwing.add) }
    /// Adds every element to `lhs`.
    public static func + (lhs: Double, rhs: Variable) -> Variable { scalarOperation(lhs, rhs, Throwing.add) }

    /// Element-wise difference with broadcasting.
    public static func - (lhs: Variable, rhs: Variable) -> Variable { orStop { try Throwing.subtract(lhs, rhs) } }
    /// Element-wise difference of a variable and a constant tensor: `predictions - targets`.
    public static func - (lhs: Variable, rhs: Tensor) -> Variable { orStop { try Throwing.subtract(lhs, rhs) } }
    /// Element-wise difference of a constant tensor and a variable.
    public static func - (lhs: Tensor, rhs: Variable) -> Variable { orStop { try Throwing.subtract(lhs, rhs) } }
    /// Subtracts `rhs` from every element.
    public static func - (lhs: Variable, rhs: Double) -> Variable { scalarOperation(lhs, rhs, Throwing.subtract) }
    /// Subtracts every element from `lhs`: `1.0 - p`.
    public static func - (lhs: Double, rhs: Variable) -> Variable { scalarOperation(lhs, rhs, Throwing.subtract) }

    /// Element-wise (Hadamard) product with broadcasting; `•` is the matrix product.
    public static func * (lhs: Variable, rhs: Variable) -> Variable { orStop { try Throwing.multiply(lhs, rhs) } }
    /// Element-wise product of a variable and a constant tensor, with broadcasting.
    public static func * (lhs: Variable, rhs: Tensor) -> Variable { orStop { try Throwing.multiply(lhs, rhs) } }
    /// Element-wise product of a constant tensor and a variable, with broadcasting.
    public static func * (lhs: Tensor, rhs: Variable) -> Variable { orStop { try Throwing.multiply(lhs, rhs) } }
    /// Multiplies every element by `rhs`.
    public static func * (lhs: Variable, rhs: Double) -> Variable { scalarOperation(lhs, rhs, Throwing.multiply) }
    /// Multiplies `lhs` by every element: `2 * x`.
    public static func * (lhs: Double, rhs: Variable) -> Variable { scalarOperation(lhs, rhs, Throwing.multiply) }

    /// Element-wise quotient with broadcasting.
    public static func / (lhs: Variable, rhs: Variable) -> Variable { orStop { try Throwing.divide(lhs, rhs) } }
    /// Element-wise quotient of a variable and a constant tensor, with broadcasting.
    public static func / (lhs: Variable, rhs: Tensor) -> Variable { orStop { try Throwing.divide(lhs, rhs) } }
    /// Element-wise quotient of a constant tensor and a variable, with broadcasting.
    public static func / (lhs: Tensor, rhs: Variable) -> Variable { orStop { try Throwing.divide(lhs, rhs) } }
    /// Divides every element by `rhs`.
    public static func / (lhs: Variable, rhs: Double) -> Variable { scalarOperation(lhs, rhs, Throwing.divide) }
    /// Divides `lhs` by every element.
    public static func / (lhs: Double, rhs: Variable) -> Variable { scalarOperation(lhs, rhs, Throwing.divide) }

    /// Negates every element.
    public static prefix func - (operand: Variable) -> Variable {
        Variable(-operand.value, inputs: [operand]) { gradient, inputs in
            inputs[0].accumulate { -gradient }
        }
    }

    /// The matrix product of two variables: matrix•matrix, matrix•vector or vector•matrix.
    ///
    /// ```swift
    /// let w = Variable(randomNormal(2, 1))
    /// let predictions = Tensor([[1, 2], [3, 4]]) • w   // a 2×1 variable
    /// ```
    public static func • (lhs: Variable, rhs: Variable) -> Variable { orStop { try Throwing.matmul(lhs, rhs) } }
    /// The matrix product of a variable and a constant tensor.
    public static func • (lhs: Variable, rhs: Tensor) -> Variable { orStop { try Throwing.matmul(lhs, rhs) } }
    /// The matrix product of a constant tensor and a variable: `inputs • weights`.
    public static func • (lhs: Tensor, rhs: Variable) -> Variable { orStop { try Throwing.matmul(lhs, rhs) } }

    /// `operation` between a variable and a number, which broadcasts to any shape and so cannot fail.
    private static func scalarOperation(
        _ lhs: Variable, _ rhs: Double, _ operation: (Variable, Variable) throws(MathCoreError) -> Variable
    ) -> Variable {
        orStop { try operation(lhs, Variable(constant: Tensor(scalar: rhs))) }
    }

    /// `operation` between a number and a variable.
    private static func scalarOperation(
        _ lhs: Double, _ rhs: Variable, _ operation: (Variable, Variable) throws(MathCoreError) -> Variable
    ) -> Variable {
        orStop { try operation(Variable(constant: Tensor(scalar: lhs)), rhs) }
    }
}

extension Throwing {
    /// Throwing form of `lhs + rhs` between variables.
    public static func add(_ lhs: Variable, _ rhs: Variable) throws(MathCoreError) -> Variable {
        let result = try add(lhs.value, rhs.value)
        return Variable(result, inputs: [lhs, rhs]) { gradient, inputs in
            inputs[0].accumulate { gradient }
            inputs[1].accumulate { gradient }
        }
    }

    /// Throwing form of `lhs - rhs` between variables.
    public static func subtract(_ lhs: Variable, _ rhs: Variable) throws(MathCoreError) -> Variable {
        let result = try subtract(lhs.value, rhs.value)
        return Variable(result, inputs: [lhs, rhs]) { gradient, inputs in
            inputs[0].accumulate { gradient }
            inputs[1].accumulate { -gradient }
        }
    }

    /// Throwing form of `lhs * rhs` between variables.
    public static func multiply(_ lhs: Variable, _ rhs: Variable) throws(MathCoreError) -> Variable {
        let (x, y) = (lhs.value, rhs.value)
        let result = try multiply(x, y)
        return Variable(result, inputs: [lhs, rhs]) { gradient, inputs in
            // d(xy)/dx = y and d(xy)/dy = x, broadcast to the result's shape.
            inputs[0].accumulate { orStop { try multiply(gradient, y) } }
            inputs[1].accumulate { orStop { try multiply(gradient, x) } }
        }
    }

    /// Throwing form of `lhs / rhs` between variables.
    public static func divide(_ lhs: Variable, _ rhs: Variable) throws(MathCoreError) -> Variable {
        let (x, y) = (lhs.value, rhs.value)
        let result = try divide(x, y)
        return Variable(result, inputs: [lhs, rhs]) { gradient, inputs in
            // d(x/y)/dx = 1/y and d(x/y)/dy = -x/y² = -(x/y)/y.
            inputs[0].accumulate { orStop { try divide(gradient, y) } }
            inputs[1].accumulate { orStop { try divide(multiply(gradient, -result), y) } }
        }
    }

    /// Throwing form of `lhs • rhs` between variables: matrix•matrix, matrix•vector or vector•matrix.
    public static func matmul(_ lhs: Variable, _ rhs: Variable) throws(MathCoreError) -> Variable {
        let (a, b) = (lhs.value, rhs.value)
        let result = try matmul(a, b)
        // Seen as matrices (a vector on the left is a 1×k row, on the right a k×1 column), the
        // product is C = A·B, so dA = G·Bᵀ and dB = Aᵀ·G, reshaped back to each input's shape.
        let (m, k) = a.rank == 2 ? (a.shape[0], a.shape[1]) : (1, a.shape[0])
        let n = b.rank == 2 ? b.shape[1] : 1
        let matrixA = Tensor(unchecked: [m, k], a.scalars)
        let matrixB = Tensor(unchecked: [k, n], b.scalars)
        return Variable(result, inputs: [lhs, rhs]) { gradient, inputs in
            let matrixGradient = Tensor(unchecked: [m, n], gradient.scalars)
            inputs[0].accumulate {
                Tensor(unchecked: a.shape, orStop { try matmul(matrixGradient, matrixB.transposed()) }.scalars)
            }
            inputs[1].accumulate {
                Tensor(unchecked: b.shape, orStop { try matmul(matrixA.transposed(), matrixGradient) }.scalars)
            }
        }
    }

    /// Throwing form of `lhs + rhs` for a variable and a constant tensor.
    public static func add(_ lhs: Variable, _ rhs: Tensor) throws(MathCoreError) -> Variable { try add(lhs, Variable(constant: rhs)) }
    /// Throwing form of `lhs + rhs` for a constant tensor and a variable.
    public static func add(_ lhs: Tensor, _ rhs: Variable) throws(MathCoreError) -> Variable { try add(Variable(constant: lhs), rhs) }
    /// Throwing form of `lhs - rhs` for a variable and a constant tensor.
    public static func subtract(_ lhs: Variable, _ rhs: Tensor) throws(MathCoreError) -> Variable { try subtract(lhs, Variable(constant: rhs)) }
    /// Throwing form of `lhs - rhs` for a constant tensor and a variable.
    public static func subtract(_ lhs: Tensor, _ rhs: Variable) throws(MathCoreError) -> Variable { try subtract(Variable(constant: lhs), rhs) }
    /// Throwing form of `lhs * rhs` for a variable and a constant tensor.
    public static func multiply(_ lhs: Variable, _ rhs: Tensor) throws(MathCoreError) -> Variable { try multiply(lhs, Variable(constant: rhs)) }
    /// Throwing form of `lhs * rhs` for a constant tensor and a variable.
    public static func multiply(_ lhs: Tensor, _ rhs: Variable) throws(MathCoreError) -> Variable { try multiply(Variable(constant: lhs), rhs) }
    /// Throwing form of `lhs / rhs` for a variable and a constant tensor.
    public static func divide(_ lhs: Variable, _ rhs: Tensor) throws(MathCoreError) -> Variable { try divide(lhs, Variable(constant: rhs)) }
    /// Throwing form of `lhs / rhs` for a constant tensor and a variable.
    public static func divide(_ lhs: Tensor, _ rhs: Variable) throws(MathCoreError) -> Variable { try divide(Variable(constant: lhs), rhs) }
    /// Throwing form of `lhs • rhs` for a variable and a constant tensor.
    public static func matmul(_ lhs: Variable, _ rhs: Tensor) throws(MathCoreError) -> Variable { try matmul(lhs, Variable(constant: rhs)) }
    /// Throwing form of `lhs • rhs` for a constant tensor and a variable.
    public static func matmul(_ lhs: Tensor, _ rhs: Variable) throws(MathCoreError) -> Variable { try matmul(Variable(constant: lhs), rhs) }
}
