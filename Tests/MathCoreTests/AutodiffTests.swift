import Testing
@testable import MathCore

// Every exact gradient is checked against an oracle that shares no code with the autodiff:
// MathCore's central differences (`gradient(of:at:)`) of the same formula written over tensors.
// Both closures of each check are spelled alike on purpose; overloading picks the Tensor
// functions in one and the Variable functions in the other.

/// Relative tolerance between exact and central-difference gradients. Central differences with
/// MathCore's step are good to about 1e-9 on these small smooth inputs; 1e-6 leaves room for
/// the larger values of `exp` and divisions without hiding a wrong formula, which is off by O(1).
private let gradientTolerance = 1e-6

/// Checks the value and the exact gradients of `variableFunction` at `points` against
/// `tensorFunction`, the same formula over tensors, and its central differences.
private func expectGradientsMatch(
    at points: [Tensor],
    tolerance: Double = gradientTolerance,
    sourceLocation: SourceLocation = #_sourceLocation,
    tensor tensorFunction: ([Tensor]) -> Double,
    variable variableFunction: ([Variable]) -> Variable
) {
    let (value, gradients) = valueWithGradients(at: points, of: variableFunction)
    let expectedValue = tensorFunction(points)
    #expect(Swift.abs(value - expectedValue) <= 1e-12 * Swift.max(1, Swift.abs(expectedValue)),
            "value \(value), expected \(expectedValue)", sourceLocation: sourceLocation)
    for (index, point) in points.enumerated() {
        let numeric = gradient(of: { probe in
            var probes = points
            probes[index] = probe
            return tensorFunction(probes)
        }, at: point)
        let exact = gradients[index]
        #expect(exact.shape == point.shape, "gradient \(index) has shape \(exact.shape)", sourceLocation: sourceLocation)
        for (e, n) in zip(exact.scalars, numeric.scalars) {
            #expect(Swift.abs(e - n) <= tolerance * Swift.max(1, Swift.abs(n)),
                    "input \(index): exact \(e), numeric \(n)", sourceLocation: sourceLocation)
        }
    }
}

/// The one-input form of ``expectGradientsMatch(at:tolerance:sourceLocation:tensor:variable:)``.
private func expectGradientMatches(
    at point: Tensor,
    sourceLocation: SourceLocation = #_sourceLocation,
    tensor tensorFunction: @escaping (Tensor) -> Double,
    variable variableFunction: @escaping (Variable) -> Variable
) {
    expectGradientsMatch(at: [point], sourceLocation: sourceLocation,
                         tensor: { tensorFunction($0[0]) }, variable: { variableFunction($0[0]) })
}

/// A fixed, uneven tensor of `shape` to weight an output before summing it, so that every output
/// element sends back a different gradient (a plain `sum` would send 1 everywhere).
private func weights(_ shape: Int...) -> Tensor {
    let count = shape.reduce(1, *)
    let scalars = (0..<count).map { (i: Int) -> Double in
        let step = Double((i * 7) % 5)
        let sign = Double(i % 2)
        return 0.5 + 0.75 * step - 1.3 * sign
    }
    return Tensor(shape: shape, scalars: scalars)
}

// Small deterministic inputs, away from the kinks of relu and hinge.
private let matrixA: Tensor = [[0.5, -1.25, 2.0], [1.5, 0.75, -0.5]]
private let matrixB: Tensor = [[-0.3, 0.8, 1.1], [0.4, -1.7, 0.9]]
private let positiveMatrix: Tensor = [[0.5, 1.25, 2.0], [1.5, 0.75, 3.0]]

@Suite("Autodiff: arithmetic")
struct AutodiffArithmeticTests {
    @Test func elementwiseOperatorsBetweenVariables() {
        let w = weights(2, 3)
        expectGradientsMatch(at: [matrixA, matrixB], tensor: { sum(($0[0] + $0[1]) * w) }, variable: { sum(($0[0] + $0[1]) * w) })
        expectGradientsMatch(at: [matrixA, matrixB], tensor: { sum(($0[0] - $0[1]) * w) }, variable: { sum(($0[0] - $0[1]) * w) })
        expectGradientsMatch(at: [matrixA, matrixB], tensor: { sum($0[0] * $0[1] * w) }, variable: { sum($0[0] * $0[1] * w) })
        expectGradientsMatch(at: [matrixA, positiveMatrix], tensor: { sum($0[0] / $0[1] * w) }, variable: { sum($0[0] / $0[1] * w) })
    }

    @Test func broadcastingMatrixAndRowVector() {
        let w = weights(2, 3)
        let row: Tensor = [0.25, -2.0, 1.5]
        expectGradientsMatch(at: [matrixA, row], tensor: { sum(($0[0] + $0[1]) * w) }, variable: { sum(($0[0] + $0[1]) * w) })
        expectGradientsMatch(at: [row, matrixA], tensor: { sum(($0[0] - $0[1]) * w) }, variable: { sum(($0[0] - $0[1]) * w) })
        expectGradientsMatch(at: [matrixA, row], tensor: { sum($0[0] * $0[1] * w) }, variable: { sum($0[0] * $0[1] * w) })
        expectGradientsMatch(at: [matrixA, row], tensor: { sum($0[0] / $0[1] * w) }, variable: { sum($0[0] / $0[1] * w) })
    }

    @Test func broadcastingColumnAgainstRowAndScalar() {
        // [2, 1] against [3] stretches both inputs to [2, 3]; a rank-0 input stretches everywhere.
        let w = weights(2, 3)
        let column: Tensor = [[1.5], [-0.5]]
        let row: Tensor = [0.25, -2.0, 1.5]
        let scalar = Tensor(scalar: 1.75)
        expectGradientsMatch(at: [column, row], tensor: { sum($0[0] * $0[1] * w) }, variable: { sum($0[0] * $0[1] * w) })
        expectGradientsMatch(at: [scalar, matrixA], tensor: { sum(($0[0] * $0[1] + $0[0]) * w) }, variable: { sum(($0[0] * $0[1] + $0[0]) * w) })
        let rowMatrix: Tensor = [[0.25, -2.0, 1.5]]
        expectGradientsMatch(at: [rowMatrix, matrixA], tensor: { sum($0[1] / $0[0] * w) }, variable: { sum($0[1] / $0[0] * w) })
    }

    @Test func operatorsWithConstantsOnEitherSide() {
        let w = weights(2, 3)
        let b = matrixB
        expectGradientMatches(at: matrixA, tensor: { sum((b - $0) * w) }, variable: { sum((b - $0) * w) })
        expectGradientMatches(at: matrixA, tensor: { sum(($0 + b) * $0 * w) }, variable: { sum(($0 + b) * $0 * w) })
        expectGradientMatches(at: positiveMatrix, tensor: { sum(b / $0 * w) }, variable: { sum(b / $0 * w) })
        expectGradientMatches(at: matrixA, tensor: { sum(b * $0 / b * w) }, variable: { sum(b * $0 / b * w) })
        expectGradientMatches(at: positiveMatrix, tensor: { sum((2.5 - $0 * 3 + 1) / 4 * w) }, variable: { sum((2.5 - $0 * 3 + 1) / 4 * w) })
        expectGradientMatches(at: positiveMatrix, tensor: { sum((2 * $0 - 0.5 + 3 / $0) * w) }, variable: { sum((2 * $0 - 0.5 + 3 / $0) * w) })
        expectGradientMatches(at: matrixA, tensor: { sum(-$0 * w) }, variable: { sum(-$0 * w) })
    }

    @Test func aVariableUsedTwiceAddsBothPaths() {
        let x = Variable(3.0)
        let y = x * x + 2 * x
        y.backward()
        #expect(y.value == Tensor(scalar: 15))
        #expect(x.gradient == Tensor(scalar: 8))   // d(x² + 2x)/dx = 2x + 2 at x = 3
    }

    @Test func matrixProductInAllThreeForms() {
        let right: Tensor = [[0.5, -1.0], [2.0, 0.25], [-0.75, 1.5]]   // 3×2
        let vector3: Tensor = [1.5, -0.5, 2.0]
        let vector2: Tensor = [0.75, -1.25]
        let w2x2 = weights(2, 2)
        let w2 = weights(2)
        let w3 = weights(3)
        // matrix • matrix
        expectGradientsMatch(at: [matrixA, right], tensor: { sum(($0[0] • $0[1]) * w2x2) }, variable: { sum(($0[0] • $0[1]) * w2x2) })
        // matrix • vector
        expectGradientsMatch(at: [matrixA, vector3], tensor: { sum(($0[0] • $0[1]) * w2) }, variable: { sum(($0[0] • $0[1]) * w2) })
        // vector • matrix
        expectGradientsMatch(at: [vector2, matrixA], tensor: { sum(($0[0] • $0[1]) * w3) }, variable: { sum(($0[0] • $0[1]) * w3) })
        // with a constant on either side
        expectGradientMatches(at: right, tensor: { sum((matrixA • $0) * w2x2) }, variable: { sum((matrixA • $0) * w2x2) })
        expectGradientMatches(at: matrixA, tensor: { sum(($0 • right) * w2x2) }, variable: { sum(($0 • right) * w2x2) })
    }

    @Test func aConstantGetsNoGradientWork() {
        // A tensor beside a variable is wrapped as a constant: the result still needs a gradient,
        // and the constant's gradient is left at zero.
        let x = Variable([1.0, 2.0])
        let y = Tensor([3.0, 4.0]) * x
        let constant = y.topologicalOrder().first { !$0.requiresGradient }
        sum(y).backward()
        #expect(y.requiresGradient)
        #expect(constant?.gradient == Tensor([0.0, 0.0]))
        #expect(x.gradient == Tensor([3.0, 4.0]))
    }
}

@Suite("Autodiff: functions")
struct AutodiffFunctionTests {
    @Test func elementwiseFunctions() {
        let w = weights(2, 3)
        expectGradientMatches(at: matrixA, tensor: { sum(exp($0) * w) }, variable: { sum(exp($0) * w) })
        expectGradientMatches(at: positiveMatrix, tensor: { sum(log($0) * w) }, variable: { sum(log($0) * w) })
        expectGradientMatches(at: positiveMatrix, tensor: { sum(sqrt($0) * w) }, variable: { sum(sqrt($0) * w) })
        expectGradientMatches(at: matrixA, tensor: { sum(tanh($0) * w) }, variable: { sum(tanh($0) * w) })
        expectGradientMatches(at: matrixA, tensor: { sum(sigmoid($0) * w) }, variable: { sum(sigmoid($0) * w) })
        expectGradientMatches(at: matrixA, tensor: { sum(relu($0) * w) }, variable: { sum(relu($0) * w) })
    }

    @Test(arguments: [2.0, 3.0, 0.5, -1.0, 1.0])
    func power(exponent: Double) {
        let w = weights(2, 3)
        expectGradientMatches(at: positiveMatrix, tensor: { sum(pow($0, exponent) * w) }, variable: { sum(pow($0, exponent) * w) })
    }

    @Test func powerZeroHasZeroSlopeEvenAtZero() {
        let x = Variable([0.0, 2.0])
        sum(pow(x, 0)).backward()
        #expect(x.gradient == Tensor([0.0, 0.0]))
    }

    @Test func reluSlopeAtZeroIsZero() {
        let x = Variable([-1.0, 0.0, 2.0])
        sum(relu(x)).backward()
        #expect(x.gradient == Tensor([0.0, 0.0, 1.0]))
    }

    @Test func wholeReductions() {
        let w = weights(2, 3)
        expectGradientMatches(at: matrixA, tensor: { sum($0 * w) }, variable: { sum($0 * w) })
        expectGradientMatches(at: matrixA, tensor: { mean($0 * $0 * w) }, variable: { mean($0 * $0 * w) })
        #expect(sum(Variable(matrixA)).value.shape == [])
        #expect(mean(Variable(matrixA)).value == Tensor(scalar: mean(matrixA)))
    }

    @Test(arguments: [0, 1, 2, -1])
    func reductionsAlongAnAxis(axis: Int) {
        let cube = Tensor(shape: [2, 3, 4], scalars: (0..<24).map { (i: Int) -> Double in Double(i) * 0.37 - 4 })
        var reducedShape = [2, 3, 4]
        reducedShape.remove(at: axis < 0 ? axis + 3 : axis)
        let w = Tensor(shape: reducedShape, scalars: (0..<reducedShape.reduce(1, *)).map { (i: Int) -> Double in 0.25 * Double((i * 5) % 7) - 0.6 })
        expectGradientMatches(at: cube, tensor: { sum(sum($0, axis: axis) * w) }, variable: { sum(sum($0, axis: axis) * w) })
        expectGradientMatches(at: cube, tensor: { sum(mean($0 * $0, axis: axis) * w) }, variable: { sum(mean($0 * $0, axis: axis) * w) })
    }

    @Test func softmaxOfRowsAndOfAVector() {
        let w = weights(2, 3)
        expectGradientMatches(at: matrixA, tensor: { sum(softmax($0) * w) }, variable: { sum(softmax($0) * w) })
        let w4 = weights(4)
        expectGradientMatches(at: [1000, 1001, 999.5, 1002], tensor: { sum(softmax($0) * w4) }, variable: { sum(softmax($0) * w4) })
    }

    @Test func transposedAndReshaped() {
        let w32 = weights(3, 2)
        expectGradientMatches(at: matrixA, tensor: { sum($0.transposed() * w32) }, variable: { sum($0.transposed() * w32) })
        expectGradientMatches(at: matrixA, tensor: { sum($0.reshaped([3, -1]) * w32) }, variable: { sum($0.reshaped([3, -1]) * w32) })
        expectGradientMatches(at: matrixA, tensor: { sum($0.reshaped(6) * weights(6)) }, variable: { sum($0.reshaped(6) * weights(6)) })
        let w3 = weights(3)
        expectGradientMatches(at: [1, 2, 3], tensor: { sum($0.transposed() * w3) }, variable: { sum($0.transposed() * w3) })
    }
}

@Suite("Autodiff: losses")
struct AutodiffLossTests {
    private let probabilities: Tensor = [[0.2, 0.5, 0.3], [0.6, 0.1, 0.3]]
    private let oneHot: Tensor = [[0, 1, 0], [1, 0, 0]]
    private let soft: Tensor = [[0.1, 0.6, 0.3], [0.5, 0.25, 0.25]]
    private let labels: Tensor = [[1, 0, 1], [0, 1, 1]]
    private let signs: Tensor = [[1, -1, 1], [-1, 1, 1]]

    @Test func meanSquaredErrorMatchesTheTensorLoss() {
        expectGradientMatches(at: matrixA, tensor: { meanSquaredError($0, matrixB) }, variable: { meanSquaredError($0, matrixB) })
        #expect(meanSquaredError(Variable(matrixA), matrixB).value == Tensor(scalar: meanSquaredError(matrixA, matrixB)))
    }

    @Test func crossEntropyMatchesTheTensorLoss() {
        let (p, t) = (probabilities, oneHot)
        expectGradientMatches(at: p, tensor: { crossEntropy($0, t) }, variable: { crossEntropy($0, t) })
        let s = soft
        expectGradientMatches(at: p, tensor: { crossEntropy($0, s) }, variable: { crossEntropy($0, s) })
        expectGradientMatches(at: [0.2, 0.5, 0.3], tensor: { crossEntropy($0, [0.1, 0.6, 0.3]) }, variable: { crossEntropy($0, [0.1, 0.6, 0.3]) })
        expectGradientMatches(at: matrixA, tensor: { crossEntropy(softmax($0), t) }, variable: { crossEntropy(softmax($0), t) })
        #expect(crossEntropy(Variable(p), s).value == Tensor(scalar: crossEntropy(p, s)))
    }

    @Test func binaryCrossEntropyMatchesTheTensorLoss() {
        let (p, y) = (probabilities, labels)
        expectGradientMatches(at: p, tensor: { binaryCrossEntropy($0, y) }, variable: { binaryCrossEntropy($0, y) })
        expectGradientMatches(at: matrixA, tensor: { binaryCrossEntropy(sigmoid($0), y) }, variable: { binaryCrossEntropy(sigmoid($0), y) })
        #expect(binaryCrossEntropy(Variable(p), y).value == Tensor(scalar: binaryCrossEntropy(p, y)))
    }

    @Test func hingeLossMatchesTheTensorLoss() {
        let y = signs
        // Scores whose margins 1 − y·s are all away from the kink at 0: both sides are covered.
        expectGradientMatches(at: matrixA, tensor: { hingeLoss($0, y) }, variable: { hingeLoss($0, y) })
        #expect(hingeLoss(Variable(matrixA), y).value == Tensor(scalar: hingeLoss(matrixA, y)))
    }

    @Test func clippedProbabilitiesHaveZeroGradient() {
        // p = 0 and p = 1 are clipped into [1e-12, 1 − 1e-12], where the loss no longer moves with p.
        let p = Variable([0.0, 0.5, 1.0])
        let loss = binaryCrossEntropy(p, [1, 1, 0])
        #expect(loss.value == Tensor(scalar: binaryCrossEntropy([0.0, 0.5, 1.0], [1, 1, 0])))
        loss.backward()
        // Only the middle element is unclipped: d/dp of −log p / 3 at p = 0.5 is −1 / (0.5 · 3).
        #expect(p.gradient == Tensor([0.0, -1 / (0.5 * 3), 0.0]))

        let q = Variable([[0.0, 0.4, 0.6], [0.2, 0.3, 0.5]])
        crossEntropy(q, [[1, 0, 0], [0, 1, 0]]).backward()
        // Row 0's target is clipped; row 1 gives −t/p / 2 rows = −1 / (0.3 · 2) at p = 0.3.
        #expect(q.gradient == Tensor([[0.0, 0.0, 0.0], [0.0, -1 / 0.3 / 2, 0.0]]))
    }
}

@Suite("Autodiff: the backward pass")
struct AutodiffBackwardTests {
    @Test func twoLayerNetworkLossMatchesNumericGradients() {
        let x: Tensor = [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0]]   // 3 examples, 2 features
        let y: Tensor = [[1], [0], [1]]
        let w1: Tensor = [[0.3, -0.6, 0.9, 0.1], [-0.4, 0.8, 0.2, -0.7]]
        let b1: Tensor = [0.05, -0.1, 0.15, 0.0]
        let w2: Tensor = [[0.5], [-0.3], [0.8], [-0.6]]
        let b2: Tensor = [0.1]
        expectGradientsMatch(
            at: [w1, b1, w2, b2],
            tensor: { p in binaryCrossEntropy(sigmoid(tanh(x • p[0] + p[1]) • p[2] + p[3]), y) },
            variable: { p in binaryCrossEntropy(sigmoid(tanh(x • p[0] + p[1]) • p[2] + p[3]), y) })
        expectGradientsMatch(
            at: [w1, b1, w2, b2],
            tensor: { p in meanSquaredError(sigmoid(relu(x • p[0] + p[1]) • p[2] + p[3]), y) },
            variable: { p in meanSquaredError(sigmoid(relu(x • p[0] + p[1]) • p[2] + p[3]), y) })
    }

    @Test func networkExpressionTypeChecksAndTrainsItsParameters() {
        // The expression lessons write; built with -warn-long-expression-type-checking=300.
        let x: Tensor = [[0.5, -1.0], [1.5, 0.25]]
        let y: Tensor = [[1], [0]]
        let w1 = Variable([[0.3, -0.6, 0.9], [-0.4, 0.8, 0.2]])
        let b1 = Variable([0.05, -0.1, 0.15])
        let w2 = Variable([[0.5], [-0.3], [0.8]])
        let b2 = Variable([0.1])
        let loss = meanSquaredError(sigmoid(relu(x • w1 + b1) • w2 + b2), y)
        loss.backward()
        let numeric = gradient(of: { meanSquaredError(sigmoid(relu(x • $0 + b1.value) • w2.value + b2.value), y) }, at: w1.value)
        for (exact, expected) in zip(w1.gradient.scalars, numeric.scalars) {
            #expect(Swift.abs(exact - expected) <= gradientTolerance * Swift.max(1, Swift.abs(expected)))
        }
    }

    @Test func backwardDoesNotAccumulateAcrossCalls() {
        let w = Variable([1.0, -2.0])
        let loss = sum(w * w)
        loss.backward()
        loss.backward()
        #expect(w.gradient == Tensor([2.0, -4.0]))   // d(Σw²)/dw = 2w, once, not twice

        // A second loss sharing `w` replaces its gradient rather than adding to it.
        let other = sum(3 * w)
        other.backward()
        #expect(w.gradient == Tensor([3.0, 3.0]))
    }

    @Test func gradientIsZeroUntilBackwardAndFollowsTheValueShape() {
        let v = Variable([[1, 2], [3, 4]])
        #expect(v.gradient == Tensor([[0, 0], [0, 0]]))
        sum(v).backward()
        #expect(v.gradient == Tensor([[1, 1], [1, 1]]))
        v.value = [5, 6, 7]
        #expect(v.gradient == Tensor([0, 0, 0]))
    }

    @Test func aDeepChainNeitherOverflowsTheStackInBackwardNorOnRelease() {
        // 20 000 nodes deep: recursion per node, in the sort or in `deinit`, would overflow a thread's stack.
        let x = Variable(0.5)
        var y = x
        for _ in 0..<20_000 { y = y + x }
        y.backward()
        #expect(x.gradient == Tensor(scalar: 20_001))
    }

    @Test func valueWithGradientOfFunctions() {
        let (value, gradient) = valueWithGradient(at: [1, 2]) { x in sum(x * x) }
        #expect(value == 5)
        #expect(gradient == Tensor([2.0, 4.0]))
        // A function that ignores its input has a zero gradient.
        let constant = valueWithGradient(at: [1, 2]) { _ in sum(Variable([3.0])) }
        #expect(constant.value == 3)
        #expect(constant.gradient == Tensor([0.0, 0.0]))
        let both = valueWithGradients(at: [[2], [3]]) { p in sum(p[0] * p[1]) }
        #expect(both.value == 6)
        #expect(both.gradients == [Tensor([3.0]), Tensor([2.0])])
    }

    @Test func description() {
        #expect(Variable([1, 2]).description == "Variable([1.0, 2.0], gradient: [0.0, 0.0])")
        #expect(Variable(2.5).description == "Variable(2.5, gradient: 0.0)")
    }
}

@Suite("Autodiff: errors")
struct AutodiffErrorTests {
    @Test func shapeMismatchesInArithmetic() {
        let a = Variable(zeros(2, 3))
        #expect(throws: MathCoreError.shapeMismatch(operation: "+", [2, 3], [2, 2])) { try Throwing.add(a, Variable(zeros(2, 2))) }
        #expect(throws: MathCoreError.shapeMismatch(operation: "-", [2, 3], [2])) { try Throwing.subtract(a, zeros(2)) }
        #expect(throws: MathCoreError.shapeMismatch(operation: "*", [4], [2, 3])) { try Throwing.multiply(zeros(4), a) }
        #expect(throws: MathCoreError.shapeMismatch(operation: "/", [2, 3], [3, 1])) { try Throwing.divide(a, Variable(zeros(3, 1))) }
    }

    @Test func shapeMismatchesInTheMatrixProduct() {
        let a = Variable(zeros(2, 3))
        #expect(throws: MathCoreError.shapeMismatch(operation: "matmul", [2, 3], [2, 3])) { try Throwing.matmul(a, Variable(zeros(2, 3))) }
        #expect(throws: MathCoreError.shapeMismatch(operation: "matmul", [2, 3], [2])) { try Throwing.matmul(a, zeros(2)) }
        #expect(throws: MathCoreError.shapeMismatch(operation: "matmul", [2], [3, 2])) { try Throwing.matmul(zeros(2), Variable(zeros(3, 2))) }
        #expect(throws: MathCoreError.invalidArgument(
            operation: "matmul", message: "expects matrix•matrix, matrix•vector or vector•matrix, but got shapes [3] and [3]")) {
            try Throwing.matmul(Variable(zeros(3)), Variable(zeros(3)))
        }
    }

    @Test func backwardNeedsASingleElement() {
        #expect(throws: MathCoreError.invalidArgument(operation: "backward", message: "needs a single-element result, but got a tensor of shape [2]")) {
            try Throwing.backward(Variable([1, 2]))
        }
        #expect(throws: MathCoreError.invalidArgument(operation: "backward", message: "needs a single-element result, but got a tensor of shape [2, 2]")) {
            try Throwing.valueWithGradient(at: [[1, 2], [3, 4]]) { x in x * 2 }
        }
        // A single element of any rank is fine.
        #expect(throws: Never.self) { try Throwing.backward(Variable([[4]])) }
    }

    @Test func reductionAndShapeErrors() {
        let empty = Variable(Tensor([Double]()))
        #expect(throws: MathCoreError.emptyReduction(operation: "mean")) { try Throwing.mean(empty) }
        #expect(throws: MathCoreError.emptyReduction(operation: "mean")) { try Throwing.mean(Variable(zeros(2, 0)), axis: 1) }
        #expect(throws: MathCoreError.axisOutOfRange(axis: 2, rank: 2)) { try Throwing.sum(Variable(zeros(2, 3)), axis: 2) }
        #expect(throws: MathCoreError.axisOutOfRange(axis: -3, rank: 2)) { try Throwing.mean(Variable(zeros(2, 3)), axis: -3) }
        #expect(throws: MathCoreError.invalidArgument(operation: "reshaped", message: "cannot reshape a tensor of shape [6] into [4, 2]")) {
            try Throwing.reshaped(Variable(zeros(6)), [4, 2])
        }
    }

    @Test func lossErrors() {
        let p = Variable([0.5, 0.5])
        #expect(throws: MathCoreError.shapeMismatch(operation: "meanSquaredError", [2], [3])) { try Throwing.meanSquaredError(p, zeros(3)) }
        #expect(throws: MathCoreError.shapeMismatch(operation: "crossEntropy", [2], [1, 2])) { try Throwing.crossEntropy(p, [[1, 0]]) }
        #expect(throws: MathCoreError.shapeMismatch(operation: "binaryCrossEntropy", [2], [1])) { try Throwing.binaryCrossEntropy(p, [1]) }
        #expect(throws: MathCoreError.invalidArgument(operation: "hingeLoss", message: "labels must be -1 or 1, but label 1 is 0.0")) {
            try Throwing.hingeLoss(p, [1, 0])
        }
        #expect(throws: MathCoreError.emptyReduction(operation: "meanSquaredError")) {
            try Throwing.meanSquaredError(Variable(Tensor([Double]())), Tensor([Double]()))
        }
    }
}
