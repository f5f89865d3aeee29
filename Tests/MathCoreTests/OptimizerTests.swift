import Testing
@testable import MathCore

/// `|actual − expected| ≤ tolerance` for each element, with the same shape.
private func expectClose(
    _ actual: Tensor, _ expected: Tensor, tolerance: Double = 1e-15, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.shape == expected.shape, sourceLocation: sourceLocation)
    for (a, e) in zip(actual.scalars, expected.scalars) {
        #expect(Swift.abs(a - e) <= tolerance, "\(a) is not \(e)", sourceLocation: sourceLocation)
    }
}

@Suite("Optimizers: single steps computed by hand")
struct OptimizerStepTests {
    @Test func gradientDescentStep() {
        var optimizer = GradientDescent(learningRate: 0.1)
        var parameters: [Tensor] = [[1, -2], [[3]]]
        optimizer.update(&parameters, gradients: [[0.5, 1], [[-4]]])
        // p − 0.1·g: 1 − 0.05 = 0.95, −2 − 0.1 = −2.1, 3 + 0.4 = 3.4.
        expectClose(parameters[0], [0.95, -2.1])
        expectClose(parameters[1], [[3.4]])
    }

    @Test func momentumTwoSteps() {
        var optimizer = Momentum(learningRate: 0.1, momentum: 0.9)
        var parameters: [Tensor] = [[1]]
        // Step 1: v = 0.9·0 + 1 = 1, p = 1 − 0.1·1 = 0.9 (plain gradient descent).
        optimizer.update(&parameters, gradients: [[1]])
        expectClose(parameters[0], [0.9])
        // Step 2: v = 0.9·1 + 2 = 2.9, p = 0.9 − 0.1·2.9 = 0.61.
        optimizer.update(&parameters, gradients: [[2]])
        expectClose(parameters[0], [0.61])
        expectClose(optimizer.velocities[0], [2.9])
    }

    @Test func adamTwoStepsOnOneElement() {
        var optimizer = Adam(learningRate: 0.1)   // β₁ 0.9, β₂ 0.999, ε 1e-8
        var parameters: [Tensor] = [[1]]
        // Step 1, g = 2: m = 0.1·2 = 0.2, v = 0.001·4 = 0.004;
        // m̂ = 0.2 / (1 − 0.9) = 2, v̂ = 0.004 / (1 − 0.999) = 4;
        // p = 1 − 0.1 · 2 / (√4 + 1e-8) = 1 − 0.1 · (1 − 5e-9) = 0.9000000005.
        optimizer.update(&parameters, gradients: [[2]])
        expectClose(parameters[0], [0.9000000005], tolerance: 1e-15)
        // Step 2, g = −1: m = 0.9·0.2 + 0.1·(−1) = 0.08, v = 0.999·0.004 + 0.001·1 = 0.004996;
        // m̂ = 0.08 / (1 − 0.81) = 0.42105263157894735, v̂ = 0.004996 / (1 − 0.998001) = 2.4992496248124...;
        // √v̂ = 1.5809015228066...; p = 0.9000000005 − 0.1 · 0.4210526315789 / 1.5809015228066 = 0.8733662967024...
        optimizer.update(&parameters, gradients: [[-1]])
        expectClose(parameters[0], [0.8733662967024315], tolerance: 1e-13)
        #expect(optimizer.step == 2)
        expectClose(optimizer.firstMoments[0], [0.08], tolerance: 1e-15)
        expectClose(optimizer.secondMoments[0], [0.004996], tolerance: 1e-15)
    }

    @Test func adamDefaults() {
        let optimizer = Adam()
        #expect(optimizer.learningRate == 0.001)
        #expect(optimizer.beta1 == 0.9)
        #expect(optimizer.beta2 == 0.999)
        #expect(optimizer.epsilon == 1e-8)
        #expect(Momentum(learningRate: 0.5).momentum == 0.9)
    }

    @Test func updatingVariablesReadsGradientsAndWritesValues() {
        let w = Variable([1.0, -2.0])
        let b = Variable(0.5)
        let loss = sum(w * w) + b * 3
        loss.backward()   // gradients 2w = [2, −4] and 3
        var optimizer = GradientDescent(learningRate: 0.25)
        optimizer.update([w, b])
        expectClose(w.value, [0.5, -1.0])
        expectClose(b.value, Tensor(scalar: -0.25))
    }

    @Test func stateIsCreatedPerParameterPosition() {
        var optimizer = Momentum(learningRate: 1, momentum: 0.5)
        #expect(optimizer.velocities.isEmpty)
        var parameters: [Tensor] = [[0, 0], [0]]
        optimizer.update(&parameters, gradients: [[1, 2], [3]])
        #expect(optimizer.velocities == [Tensor([1.0, 2.0]), Tensor([3.0])])
        // A third position joins later with zero velocity; the first two keep theirs.
        parameters.append([0])
        optimizer.update(&parameters, gradients: [[1, 2], [3], [4]])
        // v = 0.5·[1, 2] + [1, 2] = [1.5, 3]; 0.5·3 + 3 = 4.5; 0 + 4 = 4.
        #expect(optimizer.velocities == [Tensor([1.5, 3.0]), Tensor([4.5]), Tensor([4.0])])
        expectClose(parameters[0], [-2.5, -5.0])
        expectClose(parameters[2], [-4.0])
    }
}

@Suite("Optimizers: errors")
struct OptimizerErrorTests {
    @Test func countMismatch() {
        var optimizer = Adam()
        var parameters: [Tensor] = [[1], [2]]
        #expect(throws: MathCoreError.invalidArgument(operation: "update", message: "2 parameters but 1 gradients")) {
            try Throwing.update(&optimizer, &parameters, gradients: [[1]])
        }
        #expect(parameters == [Tensor([1.0]), Tensor([2.0])])
        #expect(optimizer.step == 0)
    }

    @Test func shapeMismatch() {
        var optimizer = GradientDescent(learningRate: 0.1)
        var parameters: [Tensor] = [[1, 2]]
        #expect(throws: MathCoreError.shapeMismatch(operation: "update", [2], [3])) {
            try Throwing.update(&optimizer, &parameters, gradients: [[1, 2, 3]])
        }
        var momentum = Momentum(learningRate: 0.1)
        #expect(throws: MathCoreError.shapeMismatch(operation: "update", [2], [2, 1])) {
            try Throwing.update(&momentum, &parameters, gradients: [[[1], [2]]])
        }
        #expect(momentum.velocities.isEmpty)
    }

    @Test func throwingFormTakesTheSameStep() throws {
        var optimizer = GradientDescent(learningRate: 0.5)
        var parameters: [Tensor] = [[1, 2]]
        try Throwing.update(&optimizer, &parameters, gradients: [[2, -2]])
        expectClose(parameters[0], [0.0, 3.0])
    }
}

@Suite("Optimizers: training")
struct OptimizerTrainingTests {
    /// Trains a 2-4-1 network (tanh hidden layer, sigmoid output) on XOR with binary cross-entropy,
    /// returning the final loss and predictions.
    private func trainXOR(steps: Int, optimizer: some Optimizer) -> (loss: Double, predictions: Tensor) {
        let x: Tensor = [[0, 0], [0, 1], [1, 0], [1, 1]]
        let y: Tensor = [[0], [1], [1], [0]]
        // A generator of its own, rather than `seed(_:)`: the shared generator is one per process,
        // and other suites running in parallel could draw from it between these draws. The numbers
        // are those `seed(7)` followed by the same `randomNormal` calls would give.
        var generator = RandomGenerator(seed: 7)
        let w1 = Variable(randomNormal(shape: [2, 4], using: &generator))
        let b1 = Variable(zeros(4))
        let w2 = Variable(randomNormal(shape: [4, 1], using: &generator))
        let b2 = Variable(zeros(1))
        var optimizer = optimizer
        var loss = Variable(0.0)
        var predictions = Variable(0.0)
        for _ in 0..<steps {
            predictions = sigmoid(tanh(x • w1 + b1) • w2 + b2)
            loss = binaryCrossEntropy(predictions, y)
            loss.backward()
            optimizer.update([w1, b1, w2, b2])
        }
        return (loss.value.scalars[0], predictions.value)
    }

    @Test func adamLearnsXOR() {
        let (loss, predictions) = trainXOR(steps: 1000, optimizer: Adam(learningRate: 0.05))
        #expect(loss < 0.05)
        #expect(predictions.map { $0 > 0.5 ? 1 : 0 } == Tensor([[0], [1], [1], [0]]))
        // The same seed gives the same bits.
        #expect(trainXOR(steps: 1000, optimizer: Adam(learningRate: 0.05)).loss == loss)
    }

    @Test func gradientDescentLearnsXOR() {
        let (loss, predictions) = trainXOR(steps: 3000, optimizer: GradientDescent(learningRate: 1))
        #expect(loss < 0.05)
        #expect(predictions.map { $0 > 0.5 ? 1 : 0 } == Tensor([[0], [1], [1], [0]]))
    }

    @Test func momentumMinimisesAQuadratic() {
        // f(w) = Σ (w − c)², minimised at c.
        let target: Tensor = [1.5, -2.0, 0.25]
        let w = Variable(zeros(3))
        var optimizer = Momentum(learningRate: 0.05)
        for _ in 0..<300 {
            let loss = sum(pow(w - target, 2))
            loss.backward()
            optimizer.update([w])
        }
        expectClose(w.value, target, tolerance: 1e-6)
    }
}
