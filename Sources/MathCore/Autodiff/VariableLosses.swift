// Loss functions of variables: the same definitions as the Tensor losses in Losses.swift (whose
// throwing forms compute each value here, so the two agree to the last bit), with exact gradients.
// Where a loss clips a probability to [probabilityFloor, 1 − probabilityFloor], the clipped value
// is constant, so its gradient is 0 there.

/// The mean of the squared differences between predictions and targets, as a variable to minimise.
///
/// ```swift
/// let loss = meanSquaredError(x • w + b, y)
/// loss.backward()
/// ```
public func meanSquaredError(_ predictions: Variable, _ targets: Tensor) -> Variable {
    orStop { try Throwing.meanSquaredError(predictions, targets) }
}

/// The cross-entropy −Σ t·log p between predicted and target probabilities; for a matrix, each
/// row is one example and the result is their mean.
///
/// ```swift
/// let loss = crossEntropy(softmax(x • w), oneHotLabels)
/// ```
public func crossEntropy(_ probabilities: Variable, _ targets: Tensor) -> Variable {
    orStop { try Throwing.crossEntropy(probabilities, targets) }
}

/// The mean binary cross-entropy −[y·log p + (1 − y)·log(1 − p)] for probabilities of the class 1.
///
/// ```swift
/// let loss = binaryCrossEntropy(sigmoid(x • w + b), labels)
/// ```
public func binaryCrossEntropy(_ probabilities: Variable, _ targets: Tensor) -> Variable {
    orStop { try Throwing.binaryCrossEntropy(probabilities, targets) }
}

/// The mean hinge loss max(0, 1 − y·s) for scores `s` and labels `y` of ±1.
///
/// ```swift
/// let loss = hingeLoss(x • w, labels)   // labels are -1 or 1
/// ```
public func hingeLoss(_ scores: Variable, _ labels: Tensor) -> Variable {
    orStop { try Throwing.hingeLoss(scores, labels) }
}

extension Throwing {
    /// Throwing form of `meanSquaredError(_:_:)` on a variable.
    public static func meanSquaredError(_ predictions: Variable, _ targets: Tensor) throws(MathCoreError) -> Variable {
        let p = predictions.value
        let loss = try meanSquaredError(p, targets)
        let count = Double(p.count)
        return Variable.loss(loss, of: predictions, targets) { p, t in 2 * (p - t) / count }
    }

    /// Throwing form of `crossEntropy(_:_:)` on a variable.
    public static func crossEntropy(_ probabilities: Variable, _ targets: Tensor) throws(MathCoreError) -> Variable {
        let p = probabilities.value
        let loss = try crossEntropy(p, targets)
        let examples = Double(p.rank == 2 ? p.shape[0] : 1)
        return Variable.loss(loss, of: probabilities, targets) { p, t in
            t == 0 || p < probabilityFloor ? 0 : -t / p / examples
        }
    }

    /// Throwing form of `binaryCrossEntropy(_:_:)` on a variable.
    public static func binaryCrossEntropy(_ probabilities: Variable, _ targets: Tensor) throws(MathCoreError) -> Variable {
        let p = probabilities.value
        let loss = try binaryCrossEntropy(p, targets)
        let count = Double(p.count)
        return Variable.loss(loss, of: probabilities, targets) { p, y in
            guard p >= probabilityFloor, p <= 1 - probabilityFloor else { return 0 }
            // d/dp of −[y·log p + (1 − y)·log(1 − p)] is −y/p + (1 − y)/(1 − p).
            return (-y / p + (1 - y) / (1 - p)) / count
        }
    }

    /// Throwing form of `hingeLoss(_:_:)` on a variable; a label other than -1 or 1 is an error naming it.
    public static func hingeLoss(_ scores: Variable, _ labels: Tensor) throws(MathCoreError) -> Variable {
        let s = scores.value
        let loss = try hingeLoss(s, labels)
        let count = Double(s.count)
        // The slope at the kink 1 − y·s = 0 is taken as 0, as for relu.
        return Variable.loss(loss, of: scores, labels) { s, y in 1 - y * s > 0 ? -y / count : 0 }
    }
}

extension Variable {
    /// A single-element loss of `predictions` against constant `targets`, whose slope with respect
    /// to each prediction is `slope(prediction, target)`.
    static func loss(
        _ loss: Double, of predictions: Variable, _ targets: Tensor,
        slope: @escaping (_ prediction: Double, _ target: Double) -> Double
    ) -> Variable {
        let p = predictions.value
        return Variable(Tensor(scalar: loss), inputs: [predictions]) { gradient, inputs in
            let seed = gradient.scalars[0]
            inputs[0].accumulate {
                Tensor(unchecked: p.shape, zipScalars(p.scalars, targets.scalars) { seed * slope($0, $1) })
            }
        }
    }
}
