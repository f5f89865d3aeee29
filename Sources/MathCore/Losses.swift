// Loss functions: one number saying how wrong a model's predictions are. Each takes the
// predictions first and the truth second, and needs both of the same shape.

/// The probability floor used by the cross-entropy losses, so that a confident wrong answer costs
/// a large finite amount (-log 1e-12 ≈ 27.6) instead of infinity.
public let probabilityFloor = 1e-12

/// The mean of the squared differences between predictions and targets.
///
/// ```swift
/// meanSquaredError([2, 4], [1, 1])   // (1 + 9) / 2 = 5.0
/// ```
public func meanSquaredError(_ predictions: Tensor, _ targets: Tensor) -> Double {
    orStop { try Throwing.meanSquaredError(predictions, targets) }
}

/// The cross-entropy −Σ t·log p between predicted probabilities and target probabilities
/// (one-hot or any distribution); for a matrix, each row is one example and the result is their mean.
public func crossEntropy(_ probabilities: Tensor, _ targets: Tensor) -> Double {
    orStop { try Throwing.crossEntropy(probabilities, targets) }
}

/// The mean binary cross-entropy −[y·log p + (1 − y)·log(1 − p)] for probabilities of the class 1.
public func binaryCrossEntropy(_ probabilities: Tensor, _ targets: Tensor) -> Double {
    orStop { try Throwing.binaryCrossEntropy(probabilities, targets) }
}

/// The mean hinge loss max(0, 1 − y·s) for scores `s` and labels `y` of ±1: zero once an
/// example is on the right side with a margin of at least 1.
public func hingeLoss(_ scores: Tensor, _ labels: Tensor) -> Double {
    orStop { try Throwing.hingeLoss(scores, labels) }
}

extension Throwing {
    /// Checks that a loss's two arguments have the same, non-empty shape.
    static func checkLossArguments(_ name: String, _ predictions: Tensor, _ targets: Tensor) throws(MathCoreError) {
        guard predictions.shape == targets.shape else { throw .shapeMismatch(operation: name, predictions.shape, targets.shape) }
        guard predictions.count > 0 else { throw .emptyReduction(operation: name) }
    }

    /// Throwing form of `meanSquaredError(_:_:)`.
    public static func meanSquaredError(_ predictions: Tensor, _ targets: Tensor) throws(MathCoreError) -> Double {
        try checkLossArguments("meanSquaredError", predictions, targets)
        let squares = zipScalars(predictions.scalars, targets.scalars) { ($0 - $1) * ($0 - $1) }
        return pairwiseSum(squares) { $0 } / Double(squares.count)
    }

    /// Throwing form of `crossEntropy(_:_:)`.
    public static func crossEntropy(_ probabilities: Tensor, _ targets: Tensor) throws(MathCoreError) -> Double {
        try checkLossArguments("crossEntropy", probabilities, targets)
        guard probabilities.rank <= 2 else {
            throw .wrongRank(operation: "crossEntropy", expected: "a vector or a matrix of rows", shape: probabilities.shape)
        }
        let examples = probabilities.rank == 2 ? probabilities.shape[0] : 1
        let terms = zipScalars(probabilities.scalars, targets.scalars) { p, t in t == 0 ? 0 : -t * log(Swift.max(p, probabilityFloor)) }
        return pairwiseSum(terms) { $0 } / Double(examples)
    }

    /// Throwing form of `binaryCrossEntropy(_:_:)`.
    public static func binaryCrossEntropy(_ probabilities: Tensor, _ targets: Tensor) throws(MathCoreError) -> Double {
        try checkLossArguments("binaryCrossEntropy", probabilities, targets)
        let terms = zipScalars(probabilities.scalars, targets.scalars) { p, y in
            let clipped = Swift.min(Swift.max(p, probabilityFloor), 1 - probabilityFloor)
            return -(y * log(clipped) + (1 - y) * log(1 - clipped))
        }
        return pairwiseSum(terms) { $0 } / Double(terms.count)
    }

    /// Throwing form of `hingeLoss(_:_:)`; a label other than -1 or 1 is an error naming it.
    public static func hingeLoss(_ scores: Tensor, _ labels: Tensor) throws(MathCoreError) -> Double {
        try checkLossArguments("hingeLoss", scores, labels)
        if let bad = labels.scalars.firstIndex(where: { $0 != 1 && $0 != -1 }) {
            throw .invalidArgument(operation: "hingeLoss", message: "labels must be -1 or 1, but label \(bad) is \(labels.scalars[bad])")
        }
        let terms = zipScalars(scores.scalars, labels.scalars) { s, y in
            let margin = 1 - y * s
            return margin > 0 || margin.isNaN ? margin : 0
        }
        return pairwiseSum(terms) { $0 } / Double(terms.count)
    }
}
