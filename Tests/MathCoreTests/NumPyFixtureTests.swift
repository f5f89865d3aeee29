import Testing
@testable import MathCore

// MathCore against NumPy: every expected value here was computed by NumPy in
// Fixtures/generate_fixtures.py and stored in Fixtures/numpy.json with its inputs.
//
// Each fallible operation is called through its `Throwing` form first, so that a regression that
// makes a valid case fail is reported as that case's error instead of stopping the test process;
// the convenience form is then checked against the same expectation.

@Suite("NumPy fixtures load")
struct FixtureLoadingTests {
    @Test func numpyJSONDecodes() throws {
        let fixtures = try Fixtures.numpy.get()
        let sections: [(String, Int)] = [
            ("roundTrip", fixtures.roundTrip.count),
            ("binary", fixtures.binary.count), ("scalarBinary", fixtures.scalarBinary.count),
            ("expressions", fixtures.expressions.count),
            ("unary", fixtures.unary.count), ("powScalar", fixtures.powScalar.count),
            ("linspace", fixtures.linspace.count), ("identity", fixtures.identity.count),
            ("matmul", fixtures.matmul.count), ("dot", fixtures.dot.count),
            ("transposed", fixtures.transposed.count), ("reshaped", fixtures.reshaped.count),
            ("norm", fixtures.norm.count), ("cosineSimilarity", fixtures.cosineSimilarity.count),
            ("reductions", fixtures.reductions.count), ("exactSums", fixtures.exactSums.count),
            ("argmax", fixtures.argmax.count), ("minMax", fixtures.minMax.count),
            ("losses", fixtures.losses.count), ("derivatives", fixtures.derivatives.count),
            ("gradients", fixtures.gradients.count), ("random", fixtures.random.count),
            ("logs", fixtures.logs.count), ("logSpecials", fixtures.logSpecials.count),
        ]
        for (name, count) in sections {
            #expect(count > 0, "section \(name) of numpy.json is empty")
        }
    }

    /// The decoder must read back the very bits the generator wrote, or no exact test means anything.
    @Test(arguments: Fixtures.cases(\.roundTrip))
    func numbersRoundTrip(_ number: RoundTripCase) {
        #expect(String(number.value.bitPattern, radix: 16).leftPadded(to: 16) == number.bits, "\(number.value)")
    }
}

private func zip3<A, B, C>(_ a: [A], _ b: [B], _ c: [C]) -> [(A, B, C)] {
    zip(a, zip(b, c)).map { ($0, $1.0, $1.1) }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}

// MARK: - Arithmetic and broadcasting

@Suite("NumPy: arithmetic and broadcasting")
struct ArithmeticFixtureTests {
    @Test(arguments: Fixtures.cases(\.binary))
    func tensorOperators(_ test: BinaryCase) throws {
        let (a, b, expected) = (test.a.tensor, test.b.tensor, test.expected.tensor)
        let throwing: Tensor
        switch test.op {
        case "+": throwing = try Throwing.add(a, b)
        case "-": throwing = try Throwing.subtract(a, b)
        case "*": throwing = try Throwing.multiply(a, b)
        case "/": throwing = try Throwing.divide(a, b)
        case "pow": throwing = try Throwing.pow(a, b)
        default:
            Issue.record("\(test.name): unknown operator \(test.op)")
            return
        }
        let result: Tensor
        switch test.op {
        case "+": result = a + b
        case "-": result = a - b
        case "*": result = a * b
        case "/": result = a / b
        default: result = pow(a, b)
        }
        // + - * / are single IEEE operations, so NumPy's results are matched exactly.
        let tolerance: Tolerance = test.op == "pow" ? .tight : .exact
        expectClose(result, expected, test.name, tolerance: tolerance)
        expectClose(throwing, expected, "\(test.name) (Throwing)", tolerance: tolerance)

        // The compound assignments give the same result whenever it keeps the left shape.
        guard expected.shape == a.shape, test.op != "pow" else { return }
        var updated = a
        switch test.op {
        case "+": updated += b
        case "-": updated -= b
        case "*": updated *= b
        default: updated /= b
        }
        expectClose(updated, expected, "\(test.name) (compound assignment)", tolerance: .exact)
    }

    @Test(arguments: Fixtures.cases(\.scalarBinary))
    func tensorWithDouble(_ test: ScalarBinaryCase) {
        let (t, s, expected) = (test.tensor.tensor, test.scalar, test.expected.tensor)
        let result: Tensor
        switch (test.op, test.side) {
        case ("+", "right"): result = t + s
        case ("-", "right"): result = t - s
        case ("*", "right"): result = t * s
        case ("/", "right"): result = t / s
        case ("+", "left"): result = s + t
        case ("-", "left"): result = s - t
        case ("*", "left"): result = s * t
        case ("/", "left"): result = s / t
        default:
            Issue.record("\(test.name): unknown case \(test.op) \(test.side)")
            return
        }
        expectClose(result, expected, test.name, tolerance: .exact)
        // The same through a rank-0 tensor, which broadcasts like a Double.
        let scalar = Tensor(scalar: s)
        let broadcast = test.side == "right" ? apply(test.op, t, scalar) : apply(test.op, scalar, t)
        expectClose(broadcast, expected, "\(test.name) (rank-0 tensor)", tolerance: .exact)

        guard test.side == "right" else { return }
        var updated = t
        switch test.op {
        case "+": updated += s
        case "-": updated -= s
        case "*": updated *= s
        default: updated /= s
        }
        expectClose(updated, expected, "\(test.name) (compound assignment)", tolerance: .exact)
    }

    private func apply(_ op: String, _ a: Tensor, _ b: Tensor) -> Tensor {
        switch op {
        case "+": a + b
        case "-": a - b
        case "*": a * b
        default: a / b
        }
    }

    /// Chains whose temporaries MathCore overwrites in place must give NumPy's values and leave
    /// their named operands as they were.
    @Test(arguments: Fixtures.cases(\.expressions))
    func chainedExpressions(_ test: ExpressionCase) throws {
        let (a, b, c, r) = (test.a.tensor, test.b.tensor, test.c.tensor, test.r.tensor)
        // Copies in storage of their own, to see whether anything wrote into an operand's storage.
        let before = [a, b, c, r].map { operand in operand.scalars.map { $0 } }
        let result: Tensor
        switch test.name {
        case "a * b + c": result = a * b + c
        case "(a - b) * (a + b)": result = (a - b) * (a + b)
        case "a * a + a": result = a * a + a
        case "exp(a * b) - c / 2": result = exp(a * b) - c / 2
        case "-(a + b) * c": result = -(a + b) * c
        case "relu(a * b - c) + sigmoid(c)": result = relu(a * b - c) + sigmoid(c)
        case "2 * a - a / c + 1": result = 2 * a - a / c + 1
        case "sqrt(abs(a * b)) / c": result = sqrt(abs(a * b)) / c
        case "pow(a + b, 2) - pow(a - b, 2)": result = pow(a + b, 2) - pow(a - b, 2)
        case "a * r + r": result = a * r + r
        case "(a + r) * (b - r) + c": result = (a + r) * (b - r) + c
        case "tanh(sin(a) * cos(b)) + log(abs(c))": result = tanh(sin(a) * cos(b)) + log(abs(c))
        default:
            Issue.record("\(test.name): unknown expression")
            return
        }
        expectClose(result, test.expected.tensor, test.name)
        for (name, operand, original) in zip3(["a", "b", "c", "r"], [a, b, c, r], before) {
            #expect(operand.scalars == original, "\(test.name): operand \(name) was overwritten")
        }
    }

    @Test func prefixMinusOfEveryShape() {
        for (name, x) in [("vector", Tensor([1, -2.5, 0])), ("matrix", Tensor([[1, 2], [-3, 4]])), ("scalar", Tensor(scalar: 7)),
                          ("empty", zeros(0, 3))] {
            expectClose(-x, x * -1.0, "-\(name)", tolerance: .exact)
            #expect((-x).shape == x.shape, "-\(name)")
        }
        // −0 and nan: negation flips the sign bit, as NumPy's negative does.
        let negated = -Tensor([0, .nan, .infinity])
        #expect(negated.scalars[0].sign == .minus)
        #expect(negated.scalars[1].isNaN)
        #expect(negated.scalars[2] == -.infinity)
    }
}

// MARK: - Element-wise functions and activations

@Suite("NumPy: element-wise functions and activations")
struct ElementwiseFixtureTests {
    static let functions: [String: @Sendable (Tensor) -> Tensor] = [
        "exp": { exp($0) }, "log": { log($0) }, "sqrt": { sqrt($0) }, "abs": { abs($0) },
        "tanh": { tanh($0) }, "sin": { sin($0) }, "cos": { cos($0) }, "negate": { -$0 },
        "sigmoid": { sigmoid($0) }, "relu": { relu($0) }, "softmax": { softmax($0) },
    ]

    @Test(arguments: Fixtures.cases(\.unary))
    func function(_ test: UnaryCase) throws {
        let function = try #require(Self.functions[test.function], "\(test.name): unknown function \(test.function)")
        let x = test.x.tensor
        expectClose(function(x), test.expected.tensor, test.name)
        // The Double forms of the activations agree with the tensor forms.
        if test.function == "sigmoid" {
            expectClose(x.map { sigmoid($0) }, test.expected.tensor, "\(test.name) (Double form)")
        }
        if test.function == "relu" {
            expectClose(x.map { relu($0) }, test.expected.tensor, "\(test.name) (Double form)")
        }
    }

    @Test(arguments: Fixtures.cases(\.powScalar))
    func powerWithADouble(_ test: PowScalarCase) {
        let result = test.side == "exponent" ? pow(test.tensor.tensor, test.scalar) : pow(test.scalar, test.tensor.tensor)
        expectClose(result, test.expected.tensor, test.name)
    }

    @Test func sigmoidOfHugeMagnitudesIsExactlyZeroOrOne() {
        #expect(sigmoid(1000) == 1)
        #expect(sigmoid(-1000) == 0)
        #expect(sigmoid(Tensor([1000, -1000])).scalars == [1, 0])
    }

    @Test func softmaxOfHugeScoresIsFiniteAndNormalised() {
        let p = softmax([1000, 1001, 1002])
        #expect(p.scalars.allSatisfy { $0.isFinite })
        expectClose(sum(p), 1, "sum of softmax([1000, 1001, 1002])")
        // NumPy: e = exp(x - x.max()); e / e.sum(); the documented value.
        expectClose(p, Tensor([0.09003057317038046, 0.24472847105479767, 0.6652409557748219]), "softmax([1000, 1001, 1002])")
    }

    /// NumPy's `maximum(x, 0)` (the usual relu) propagates `nan`, as do MathCore's `min`, `max`,
    /// `softmax` and cross-entropy. A relu that turns `nan` into 0 hides a diverged model.
    @Test func reluPropagatesNaNAsNumPysMaximum() {
        #expect(relu(Tensor([.nan])).scalars[0].isNaN, "relu(nan) should be nan, as np.maximum(nan, 0)")
        #expect(relu(Double.nan).isNaN, "relu(nan) should be nan, as np.maximum(nan, 0)")
    }

    @Test func softmaxOfARankZeroTensor() {
        #expect(softmax(Tensor(scalar: 3)) == Tensor(scalar: 1))
        #expect(softmax(Tensor(scalar: .nan)).scalars[0].isNaN)
        #expect(softmax(Tensor(scalar: .infinity)).scalars[0].isNaN)
        #expect(softmax(Tensor(scalar: -3)).scalars[0] == 1)
    }
}

// MARK: - Creation

@Suite("NumPy: creation")
struct CreationFixtureTests {
    /// MathCore uses NumPy's formula (start + i·step, the last element set to `end`), so the bits agree.
    @Test(arguments: Fixtures.cases(\.linspace))
    func linspaceMatches(_ test: LinspaceCase) throws {
        let result = try Throwing.linspace(test.start, test.end, count: test.count)
        expectClose(result, test.expected.tensor, test.name, tolerance: .exact)
        expectClose(linspace(test.start, test.end, count: test.count), result, "\(test.name) (convenience form)", tolerance: .exact)
    }

    @Test(arguments: Fixtures.cases(\.identity))
    func identityMatches(_ test: IdentityCase) throws {
        expectClose(try Throwing.identity(test.n), test.expected.tensor, test.name, tolerance: .exact)
        expectClose(identity(test.n), test.expected.tensor, "\(test.name) (convenience form)", tolerance: .exact)
    }

    @Test func zerosAndOnes() {
        expectClose(zeros(2, 3), Tensor(shape: [2, 3], scalars: [0, 0, 0, 0, 0, 0]), "zeros(2, 3)", tolerance: .exact)
        expectClose(ones(3), Tensor([1, 1, 1]), "ones(3)", tolerance: .exact)
        expectClose(zeros(), Tensor(scalar: 0), "zeros()", tolerance: .exact)
        expectClose(ones(0, 2), Tensor(shape: [0, 2], scalars: []), "ones(0, 2)", tolerance: .exact)
    }
}

// MARK: - Linear algebra

@Suite("NumPy: linear algebra")
struct LinearAlgebraFixtureTests {
    @Test(arguments: Fixtures.cases(\.matmul))
    func matrixProduct(_ test: PairCase) throws {
        let (a, b) = (test.a.tensor, test.b.tensor)
        expectClose(try Throwing.matmul(a, b), test.expected.tensor, test.name, tolerance: .accumulated)
        expectClose(matmul(a, b), test.expected.tensor, "\(test.name) (matmul)", tolerance: .accumulated)
        expectClose(a • b, test.expected.tensor, "\(test.name) (•)", tolerance: .accumulated)
    }

    @Test(arguments: Fixtures.cases(\.dot))
    func dotProduct(_ test: PairToNumberCase) throws {
        let result = try Throwing.dot(test.a.tensor, test.b.tensor)
        expectClose(result, test.expected.value, test.name, tolerance: .accumulated)
        expectClose(dot(test.a.tensor, test.b.tensor), result, "\(test.name) (convenience form)", tolerance: .exact)
    }

    @Test(arguments: Fixtures.cases(\.transposed))
    func transposedMatches(_ test: TensorCase) {
        let transposed = test.x.tensor.transposed()
        expectClose(transposed, test.expected.tensor, test.name, tolerance: .exact)
        expectClose(transposed.transposed(), test.x.tensor, "\(test.name) twice", tolerance: .exact)
    }

    @Test(arguments: Fixtures.cases(\.reshaped))
    func reshapedMatches(_ test: ReshapeCase) throws {
        expectClose(try Throwing.reshaped(test.x.tensor, test.shape), test.expected.tensor, test.name, tolerance: .exact)
        expectClose(test.x.tensor.reshaped(test.shape), test.expected.tensor, "\(test.name) (convenience form)", tolerance: .exact)
    }

    @Test func reshapedWithVariadicLengths() {
        let v: Vector = [1, 2, 3, 4, 5, 6]
        expectClose(v.reshaped(2, -1), Tensor([[1, 2, 3], [4, 5, 6]]), "reshaped(2, -1)", tolerance: .exact)
        expectClose(v.reshaped(3, 2), v.reshaped([3, 2]), "reshaped(3, 2)", tolerance: .exact)
    }

    @Test(arguments: Fixtures.cases(\.norm))
    func normMatches(_ test: TensorToNumberCase) {
        expectClose(norm(test.x.tensor), test.expected.value, test.name)
    }

    @Test(arguments: Fixtures.cases(\.cosineSimilarity))
    func cosineSimilarityMatches(_ test: PairToNumberCase) throws {
        let result = try Throwing.cosineSimilarity(test.a.tensor, test.b.tensor)
        expectClose(result, test.expected.value, test.name)
        expectClose(cosineSimilarity(test.a.tensor, test.b.tensor), result, "\(test.name) (convenience form)", tolerance: .exact)
    }

    /// Documented in LinearAlgebra.swift: a vector against itself gives exactly 1, never 1 + ε.
    @Test func cosineSimilarityOfAVectorWithItselfIsExactlyOne() {
        var generator = RandomGenerator(seed: 7)
        for length in [1, 2, 3, 10, 100] {
            let v = randomNormal(shape: [length], using: &generator)
            #expect(cosineSimilarity(v, v) == 1, "length \(length)")
            #expect(cosineSimilarity(v, -v) == -1, "length \(length), opposite")
        }
    }
}

// MARK: - Reductions

@Suite("NumPy: reductions")
struct ReductionFixtureTests {
    @Test(arguments: Fixtures.cases(\.reductions))
    func reductions(_ test: ReductionCase) throws {
        let x = test.x.tensor
        for result in test.results {
            let name = "\(result.function)(\(test.name)\(result.axis.map { ", axis: \($0)" } ?? ""))"
            if let axis = result.axis {
                let actual: Tensor
                let convenience: Tensor
                switch result.function {
                case "sum": (actual, convenience) = (try Throwing.sum(x, axis: axis), sum(x, axis: axis))
                case "mean": (actual, convenience) = (try Throwing.mean(x, axis: axis), mean(x, axis: axis))
                case "variance": (actual, convenience) = (try Throwing.variance(x, axis: axis), variance(x, axis: axis))
                case "standardDeviation":
                    (actual, convenience) = (try Throwing.standardDeviation(x, axis: axis), standardDeviation(x, axis: axis))
                default:
                    Issue.record("\(name): unknown reduction")
                    continue
                }
                expectClose(actual, result.expected.tensor, name)
                expectClose(convenience, actual, "\(name) (convenience form)", tolerance: .exact)
            } else {
                try #require(result.expected.tensor.rank == 0, "\(name): a whole-tensor result is a number")
                let actual: Double
                let convenience: Double
                switch result.function {
                case "sum": (actual, convenience) = (sum(x), sum(x))
                case "mean": (actual, convenience) = (try Throwing.mean(x), mean(x))
                case "variance": (actual, convenience) = (try Throwing.variance(x), variance(x))
                case "standardDeviation": (actual, convenience) = (try Throwing.standardDeviation(x), standardDeviation(x))
                default:
                    Issue.record("\(name): unknown reduction")
                    continue
                }
                expectClose(actual, result.expected.tensor.scalars[0], name)
                expectClose(convenience, actual, "\(name) (convenience form)", tolerance: .exact)
            }
        }
    }

    /// Reductions.swift follows NumPy's pairwise blocking, and says so: whole-tensor sums, means and
    /// variances agree with NumPy to the last bit.
    @Test(arguments: Fixtures.cases(\.exactSums))
    func wholeTensorSumsAreBitExact(_ test: ExactSumCase) throws {
        let x = test.x.tensor
        expectIdentical(sum(x), test.sum.value, "sum of \(test.name)")
        expectIdentical(try Throwing.mean(x), test.mean.value, "mean of \(test.name)")
        expectIdentical(try Throwing.variance(x), test.variance.value, "variance of \(test.name)")
    }

    @Test(arguments: Fixtures.cases(\.argmax))
    func argmaxMatches(_ test: ArgmaxCase) throws {
        #expect(try Throwing.argmax(test.x.tensor) == test.expected, "\(test.name)")
        #expect(argmax(test.x.tensor) == test.expected, "\(test.name) (convenience form)")
    }

    @Test(arguments: Fixtures.cases(\.minMax))
    func minAndMaxMatch(_ test: MinMaxCase) throws {
        expectClose(try Throwing.min(test.x.tensor), test.min.value, "min of \(test.name)", tolerance: .exact)
        expectClose(try Throwing.max(test.x.tensor), test.max.value, "max of \(test.name)", tolerance: .exact)
        expectClose(test.x.tensor.min(), test.min.value, "min of \(test.name) (convenience form)", tolerance: .exact)
        expectClose(test.x.tensor.max(), test.max.value, "max of \(test.name) (convenience form)", tolerance: .exact)
    }
}

// MARK: - Losses

@Suite("NumPy: losses")
struct LossFixtureTests {
    @Test(arguments: Fixtures.cases(\.losses))
    func loss(_ test: LossCase) throws {
        let (p, t) = (test.predictions.tensor, test.targets.tensor)
        let actual: Double
        let convenience: Double
        switch test.loss {
        case "meanSquaredError": (actual, convenience) = (try Throwing.meanSquaredError(p, t), meanSquaredError(p, t))
        case "crossEntropy": (actual, convenience) = (try Throwing.crossEntropy(p, t), crossEntropy(p, t))
        case "binaryCrossEntropy": (actual, convenience) = (try Throwing.binaryCrossEntropy(p, t), binaryCrossEntropy(p, t))
        case "hingeLoss": (actual, convenience) = (try Throwing.hingeLoss(p, t), hingeLoss(p, t))
        default:
            Issue.record("\(test.name): unknown loss")
            return
        }
        expectClose(actual, test.expected.value, test.name)
        expectClose(convenience, actual, "\(test.name) (convenience form)", tolerance: .exact)
    }

    /// The same hand-checkable values as the fixtures, written here as numbers.
    @Test func handCheckedValues() {
        // (1 + 9) / 2
        expectClose(meanSquaredError([2, 4], [1, 1]), 5, "meanSquaredError([2, 4], [1, 1])")
        // −log 0.75
        expectClose(crossEntropy([0.25, 0.75], [0, 1]), 0.2876820724517809, "crossEntropy one-hot")
        // (−log 0.5 − log 0.9) / 2 = (0.6931471805599453 + 0.10536051565782628) / 2
        expectClose(crossEntropy([[0.5, 0.5], [0.9, 0.1]], [[1, 0], [1, 0]]), 0.3992538481088858, "crossEntropy mean of rows")
        // p = 0 is clipped to 1e-12: −log 1e-12
        expectClose(crossEntropy([0, 1], [1, 0]), 27.631021115928547, "crossEntropy clipped")
        // −log 0.5
        expectClose(binaryCrossEntropy([0.5], [1]), 0.6931471805599453, "binaryCrossEntropy([0.5], [1])")
        // (−log 0.8 − log 0.7) / 2 = (0.2231435513142097 + 0.35667494393873245) / 2
        expectClose(binaryCrossEntropy([0.8, 0.3], [1, 0]), 0.2899092476264711, "binaryCrossEntropy two examples")
        // (0 + 0.5 + 2) / 3
        expectClose(hingeLoss([2, 0.5, -1], [1, 1, 1]), 0.8333333333333334, "hingeLoss")
        // A perfect prediction costs nothing.
        #expect(meanSquaredError([1, 2], [1, 2]) == 0)
        #expect(hingeLoss([1, -3], [1, -1]) == 0)
    }
}

// MARK: - Calculus

@Suite("NumPy: derivatives and gradients")
struct CalculusFixtureTests {
    /// The functions whose exact derivatives the generator wrote (the same names there).
    static let functions: [String: @Sendable (Double) -> Double] = [
        "sin": { sin($0) }, "cos": { cos($0) }, "exp": { exp($0) }, "log": { log($0) },
        "cube": { $0 * $0 * $0 }, "tanh": { tanh($0) }, "sigmoid": { sigmoid($0) }, "sqrt": { $0.squareRoot() },
        "reciprocal": { 1 / $0 }, "polynomial": { x in 2 * x * x * x * x - 3 * x * x + x - 5 },
    ]

    @Test(arguments: Fixtures.cases(\.derivatives))
    func derivativeMatchesTheExactOne(_ test: DerivativeCase) throws {
        let f = try #require(Self.functions[test.function], "\(test.name): unknown function")
        expectClose(derivative(of: f, at: test.x), test.expected.value, test.name, tolerance: .centralDifference)
    }

    @Test(arguments: Fixtures.cases(\.gradients))
    func gradientMatchesTheExactOne(_ test: GradientCase) throws {
        if ["sumOfProductWith", "meanSquaredErrorTo", "quadraticForm"].contains(test.function) {
            try #require(test.parameter != nil, "\(test.name) needs a parameter")
        }
        let parameter = test.parameter?.tensor ?? Tensor(scalar: 0)
        let f: (Tensor) -> Double
        switch test.function {
        case "sumOfSquares": f = { sum($0 * $0) }
        case "sumOfExp": f = { sum(exp($0)) }
        case "sumOfProductWith": f = { x in sum(x * parameter) }
        case "meanSquaredErrorTo": f = { x in meanSquaredError(x, parameter) }
        case "logSumExp": f = { log(sum(exp($0))) }
        case "quadraticForm": f = { x in dot(x, parameter • x) }
        case "productOfSines": f = { sin($0).scalars.reduce(1, *) }
        default:
            Issue.record("\(test.name): unknown function")
            return
        }
        expectClose(gradient(of: f, at: test.x.tensor), test.expected.tensor, test.name, tolerance: .centralDifference)
    }
}
