import Testing
@testable import MathCore

// The exact errors of the throwing forms, and the messages that both they and the stopping
// convenience forms show. Written by hand from MathCoreError's documented cases.

/// Expects `body` to throw exactly `expected`, whose `description` is exactly `message`.
private func expectError<T>(
    _ expected: MathCoreError, _ message: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws(MathCoreError) -> T
) {
    do {
        let value = try body()
        Issue.record("expected \(expected), but got \(value)", sourceLocation: sourceLocation)
    } catch {
        #expect(error == expected, sourceLocation: sourceLocation)
        #expect(error.description == message, sourceLocation: sourceLocation)
    }
}

private let matrix = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
private let vector: Vector = [1, 2, 3]
private let empty = Tensor(shape: [0], scalars: [])

@Suite("MathCoreError values and messages")
struct ErrorTests {
    @Test func broadcastingShapeMismatches() {
        let other = Tensor([1, 2, 3, 4])
        expectError(.shapeMismatch(operation: "+", [2, 3], [4]), "+: shapes [2, 3] and [4] are not compatible") {
            () throws(MathCoreError) in try Throwing.add(matrix, other)
        }
        expectError(.shapeMismatch(operation: "-", [4], [2, 3]), "-: shapes [4] and [2, 3] are not compatible") {
            () throws(MathCoreError) in try Throwing.subtract(other, matrix)
        }
        expectError(.shapeMismatch(operation: "*", [2, 3], [3, 2]), "*: shapes [2, 3] and [3, 2] are not compatible") {
            () throws(MathCoreError) in try Throwing.multiply(matrix, matrix.transposed())
        }
        expectError(.shapeMismatch(operation: "/", [2, 3], [2]), "/: shapes [2, 3] and [2] are not compatible") {
            () throws(MathCoreError) in try Throwing.divide(matrix, [1, 2])
        }
        expectError(.shapeMismatch(operation: "pow", [3], [2]), "pow: shapes [3] and [2] are not compatible") {
            () throws(MathCoreError) in try Throwing.pow(vector, [1, 2])
        }
        expectError(.shapeMismatch(operation: "+", [2, 2, 3], [4, 3]), "+: shapes [2, 2, 3] and [4, 3] are not compatible") {
            () throws(MathCoreError) in try Throwing.add(zeros(2, 2, 3), zeros(4, 3))
        }
        expectError(.shapeMismatch(operation: "+", [0], [2]), "+: shapes [0] and [2] are not compatible") {
            () throws(MathCoreError) in try Throwing.add(empty, [1, 2])
        }
    }

    @Test func compoundAssignmentMustKeepTheLeftShape() {
        var v = vector
        expectError(.shapeMismatch(operation: "+=", [3], [2, 3]), "+=: shapes [3] and [2, 3] are not compatible") {
            () throws(MathCoreError) in try Throwing.updateInPlace(&v, matrix, "+=", +)
        }
        #expect(v == vector, "a failed update leaves the tensor as it was")
        var m = matrix
        expectError(.shapeMismatch(operation: "-=", [2, 3], [2]), "-=: shapes [2, 3] and [2] are not compatible") {
            () throws(MathCoreError) in try Throwing.updateInPlace(&m, [1, 2], "-=", -)
        }
    }

    @Test func linearAlgebraShapes() {
        expectError(.shapeMismatch(operation: "matmul", [2, 3], [2, 3]), "matmul: shapes [2, 3] and [2, 3] are not compatible") {
            () throws(MathCoreError) in try Throwing.matmul(matrix, matrix)
        }
        expectError(.shapeMismatch(operation: "matmul", [2, 3], [2]), "matmul: shapes [2, 3] and [2] are not compatible") {
            () throws(MathCoreError) in try Throwing.matmul(matrix, [1, 2])
        }
        expectError(.shapeMismatch(operation: "matmul", [2], [3, 2]), "matmul: shapes [2] and [3, 2] are not compatible") {
            () throws(MathCoreError) in try Throwing.matmul([1, 2], matrix.reshaped(3, 2))
        }
        expectError(
            .invalidArgument(operation: "matmul", message: "expects matrix•matrix, matrix•vector or vector•matrix, but got shapes [3] and [3]"),
            "matmul: expects matrix•matrix, matrix•vector or vector•matrix, but got shapes [3] and [3]"
        ) { () throws(MathCoreError) in try Throwing.matmul(vector, vector) }
        expectError(
            .invalidArgument(operation: "matmul", message: "expects matrix•matrix, matrix•vector or vector•matrix, but got shapes [1, 2, 3] and [3]"),
            "matmul: expects matrix•matrix, matrix•vector or vector•matrix, but got shapes [1, 2, 3] and [3]"
        ) { () throws(MathCoreError) in try Throwing.matmul(matrix.reshaped(1, 2, 3), vector) }
        expectError(
            .invalidArgument(operation: "matmul", message: "expects matrix•matrix, matrix•vector or vector•matrix, but got shapes [] and [2, 3]"),
            "matmul: expects matrix•matrix, matrix•vector or vector•matrix, but got shapes [] and [2, 3]"
        ) { () throws(MathCoreError) in try Throwing.matmul(Tensor(scalar: 2), matrix) }

        expectError(.wrongRank(operation: "dot", expected: "two vectors", shape: [2, 3]), "dot expects two vectors, but got a tensor of shape [2, 3]") {
            () throws(MathCoreError) in try Throwing.dot(matrix, vector)
        }
        expectError(.wrongRank(operation: "dot", expected: "two vectors", shape: []), "dot expects two vectors, but got a tensor of shape []") {
            () throws(MathCoreError) in try Throwing.dot(vector, Tensor(scalar: 1))
        }
        expectError(.shapeMismatch(operation: "dot", [3], [2]), "dot: shapes [3] and [2] are not compatible") {
            () throws(MathCoreError) in try Throwing.dot(vector, [1, 2])
        }
        expectError(
            .invalidArgument(operation: "cosineSimilarity", message: "a zero vector has no direction"),
            "cosineSimilarity: a zero vector has no direction"
        ) { () throws(MathCoreError) in try Throwing.cosineSimilarity([0, 0], [1, 2]) }
        expectError(.shapeMismatch(operation: "dot", [2], [3]), "dot: shapes [2] and [3] are not compatible") {
            () throws(MathCoreError) in try Throwing.cosineSimilarity([1, 0], vector)
        }
    }

    @Test func reshapes() {
        expectError(
            .invalidArgument(operation: "reshaped", message: "cannot reshape a tensor of shape [2, 3] into [4, -1]"),
            "reshaped: cannot reshape a tensor of shape [2, 3] into [4, -1]"
        ) { () throws(MathCoreError) in try Throwing.reshaped(matrix, [4, -1]) }
        expectError(
            .invalidArgument(operation: "reshaped", message: "cannot reshape a tensor of shape [2, 3] into [5]"),
            "reshaped: cannot reshape a tensor of shape [2, 3] into [5]"
        ) { () throws(MathCoreError) in try Throwing.reshaped(matrix, [5]) }
        expectError(
            .invalidArgument(operation: "reshaped", message: "invalid shape [-1, -1]"),
            "reshaped: invalid shape [-1, -1]"
        ) { () throws(MathCoreError) in try Throwing.reshaped(matrix, [-1, -1]) }
        expectError(
            .invalidArgument(operation: "reshaped", message: "invalid shape [-2, -3]"),
            "reshaped: invalid shape [-2, -3]"
        ) { () throws(MathCoreError) in try Throwing.reshaped(matrix, [-2, -3]) }
        // NumPy cannot infer a length beside a zero length either.
        expectError(
            .invalidArgument(operation: "reshaped", message: "cannot reshape a tensor of shape [0, 3] into [0, -1]"),
            "reshaped: cannot reshape a tensor of shape [0, 3] into [0, -1]"
        ) { () throws(MathCoreError) in try Throwing.reshaped(zeros(0, 3), [0, -1]) }
    }

    @Test func outOfRangeIndexes() {
        expectError(.indexOutOfRange(index: [2, 0], shape: [2, 3]), "index [2, 0] is out of range for shape [2, 3]") {
            () throws(MathCoreError) in try Throwing.element(matrix, at: [2, 0])
        }
        expectError(.indexOutOfRange(index: [0, 3], shape: [2, 3]), "index [0, 3] is out of range for shape [2, 3]") {
            () throws(MathCoreError) in try Throwing.element(matrix, at: [0, 3])
        }
        expectError(.indexOutOfRange(index: [-1], shape: [3]), "index [-1] is out of range for shape [3]") {
            () throws(MathCoreError) in try Throwing.element(vector, at: [-1])
        }
        var v = vector
        expectError(.indexOutOfRange(index: [3], shape: [3]), "index [3] is out of range for shape [3]") {
            () throws(MathCoreError) in try Throwing.setElement(&v, at: [3], to: 9)
        }
        #expect(v == vector)
        expectError(.indexOutOfRange(index: [2], shape: [2, 3]), "index [2] is out of range for shape [2, 3]") {
            () throws(MathCoreError) in try Throwing.row(matrix, 2)
        }
        expectError(.indexOutOfRange(index: [0, 3], shape: [2, 3]), "index [0, 3] is out of range for shape [2, 3]") {
            () throws(MathCoreError) in try Throwing.column(matrix, 3)
        }
        expectError(.indexOutOfRange(index: [0, -1], shape: [2, 3]), "index [0, -1] is out of range for shape [2, 3]") {
            () throws(MathCoreError) in try Throwing.column(matrix, -1)
        }
    }

    @Test func wrongIndexCounts() {
        expectError(.wrongIndexCount(given: 1, shape: [2, 3]), "1 index given for a tensor of shape [2, 3], which needs 2") {
            () throws(MathCoreError) in try Throwing.element(matrix, at: [1])
        }
        expectError(.wrongIndexCount(given: 3, shape: [2, 3]), "3 indexes given for a tensor of shape [2, 3], which needs 2") {
            () throws(MathCoreError) in try Throwing.element(matrix, at: [1, 1, 1])
        }
        expectError(.wrongIndexCount(given: 0, shape: [3]), "0 indexes given for a tensor of shape [3], which needs 1") {
            () throws(MathCoreError) in try Throwing.element(vector, at: [])
        }
        expectError(.wrongIndexCount(given: 1, shape: []), "1 index given for a tensor of shape [], which needs 0") {
            () throws(MathCoreError) in try Throwing.element(Tensor(scalar: 4), at: [0])
        }
        expectError(.wrongRank(operation: "row", expected: "a tensor of rank 1 or more", shape: []), "row expects a tensor of rank 1 or more, but got a tensor of shape []") {
            () throws(MathCoreError) in try Throwing.row(Tensor(scalar: 4), 0)
        }
        expectError(.wrongRank(operation: "column", expected: "a matrix", shape: [3]), "column expects a matrix, but got a tensor of shape [3]") {
            () throws(MathCoreError) in try Throwing.column(vector, 0)
        }
    }

    @Test func indexesThatAreInRange() throws {
        #expect(try Throwing.element(matrix, at: [1, 2]) == 6)
        #expect(try Throwing.element(Tensor(scalar: 4), at: []) == 4)
        #expect(matrix[0, 1] == 2)
        var m = matrix
        m[1, 0] = -4
        #expect(m.scalars == [1, 2, 3, -4, 5, 6])
        #expect(try Throwing.row(matrix, 1) == Tensor([4, 5, 6]))
        #expect(try Throwing.column(matrix, 2) == Tensor([3, 6]))
        #expect(try Throwing.row(vector, 2) == Tensor(scalar: 3))
    }

    @Test func emptyReductions() {
        expectError(.emptyReduction(operation: "mean"), "mean of an empty tensor") { () throws(MathCoreError) in try Throwing.mean(empty) }
        expectError(.emptyReduction(operation: "variance"), "variance of an empty tensor") { () throws(MathCoreError) in try Throwing.variance(empty) }
        expectError(.emptyReduction(operation: "standardDeviation"), "standardDeviation of an empty tensor") {
            () throws(MathCoreError) in try Throwing.standardDeviation(empty)
        }
        expectError(.emptyReduction(operation: "argmax"), "argmax of an empty tensor") { () throws(MathCoreError) in try Throwing.argmax(zeros(2, 0)) }
        expectError(.emptyReduction(operation: "min"), "min of an empty tensor") { () throws(MathCoreError) in try Throwing.min(empty) }
        expectError(.emptyReduction(operation: "max"), "max of an empty tensor") { () throws(MathCoreError) in try Throwing.max(empty) }
        // Along an axis of length 0 (NumPy gives nan with a warning; MathCore refuses).
        expectError(.emptyReduction(operation: "mean"), "mean of an empty tensor") {
            () throws(MathCoreError) in try Throwing.mean(zeros(2, 0), axis: 1)
        }
        expectError(.emptyReduction(operation: "variance"), "variance of an empty tensor") {
            () throws(MathCoreError) in try Throwing.variance(zeros(0, 3), axis: 0)
        }
        expectError(.emptyReduction(operation: "standardDeviation"), "standardDeviation of an empty tensor") {
            () throws(MathCoreError) in try Throwing.standardDeviation(zeros(2, 0), axis: -1)
        }
        // The losses need at least one example.
        expectError(.emptyReduction(operation: "meanSquaredError"), "meanSquaredError of an empty tensor") {
            () throws(MathCoreError) in try Throwing.meanSquaredError(empty, empty)
        }
        expectError(.emptyReduction(operation: "crossEntropy"), "crossEntropy of an empty tensor") {
            () throws(MathCoreError) in try Throwing.crossEntropy(zeros(0, 2), zeros(0, 2))
        }
    }

    @Test func badAxes() {
        expectError(.axisOutOfRange(axis: 2, rank: 2), "axis 2 is out of range for a tensor of rank 2") {
            () throws(MathCoreError) in try Throwing.sum(matrix, axis: 2)
        }
        expectError(.axisOutOfRange(axis: -3, rank: 2), "axis -3 is out of range for a tensor of rank 2") {
            () throws(MathCoreError) in try Throwing.mean(matrix, axis: -3)
        }
        expectError(.axisOutOfRange(axis: 1, rank: 1), "axis 1 is out of range for a tensor of rank 1") {
            () throws(MathCoreError) in try Throwing.variance(vector, axis: 1)
        }
        expectError(.axisOutOfRange(axis: 0, rank: 0), "axis 0 is out of range for a tensor of rank 0") {
            () throws(MathCoreError) in try Throwing.standardDeviation(Tensor(scalar: 1), axis: 0)
        }
        expectError(.axisOutOfRange(axis: -1, rank: 0), "axis -1 is out of range for a tensor of rank 0") {
            () throws(MathCoreError) in try Throwing.sum(Tensor(scalar: 1), axis: -1)
        }
        // An axis error comes before an empty-reduction error.
        expectError(.axisOutOfRange(axis: 5, rank: 2), "axis 5 is out of range for a tensor of rank 2") {
            () throws(MathCoreError) in try Throwing.mean(zeros(2, 0), axis: 5)
        }
    }

    @Test func raggedLiterals() {
        let shortRow: TensorLiteral = [[1, 2], [3]]
        expectError(
            .invalidArgument(operation: "tensor literal", message: "ragged literal: a list of 1 stands where a list of 2 was expected"),
            "tensor literal: ragged literal: a list of 1 stands where a list of 2 was expected"
        ) { () throws(MathCoreError) in try Throwing.tensor(literal: shortRow) }
        let numberForRow: TensorLiteral = [[1, 2], 3]
        expectError(
            .invalidArgument(operation: "tensor literal", message: "ragged literal: a number stands where a list of 2 was expected"),
            "tensor literal: ragged literal: a number stands where a list of 2 was expected"
        ) { () throws(MathCoreError) in try Throwing.tensor(literal: numberForRow) }
        let rowForNumber: TensorLiteral = [1, [2]]
        expectError(
            .invalidArgument(operation: "tensor literal", message: "ragged literal: a list of 1 stands where a number was expected"),
            "tensor literal: ragged literal: a list of 1 stands where a number was expected"
        ) { () throws(MathCoreError) in try Throwing.tensor(literal: rowForNumber) }
        let deep: TensorLiteral = [[[1, 2], [3, 4]], [[5, 6], [7]]]
        expectError(
            .invalidArgument(operation: "tensor literal", message: "ragged literal: a list of 1 stands where a list of 2 was expected"),
            "tensor literal: ragged literal: a list of 1 stands where a list of 2 was expected"
        ) { () throws(MathCoreError) in try Throwing.tensor(literal: deep) }
        expectError(
            .invalidArgument(operation: "Tensor(_:)", message: "row 1 has 1 elements, but row 0 has 2"),
            "Tensor(_:): row 1 has 1 elements, but row 0 has 2"
        ) { () throws(MathCoreError) in try Throwing.tensor(rows: [[1, 2], [3]]) }
    }

    @Test func rectangularLiterals() throws {
        let cube: TensorLiteral = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]
        let t = try Throwing.tensor(literal: cube)
        #expect(t.shape == [2, 2, 2])
        #expect(t.scalars == [1, 2, 3, 4, 5, 6, 7, 8])
        let none: TensorLiteral = []
        #expect(try Throwing.tensor(literal: none).shape == [0])
        let emptyRow: TensorLiteral = [[]]
        #expect(try Throwing.tensor(literal: emptyRow).shape == [1, 0])
        #expect(try Throwing.tensor(rows: []).shape == [0, 0])
    }

    @Test func shapesAndScalarCounts() {
        expectError(.scalarCountMismatch(shape: [2, 3], count: 5), "shape [2, 3] needs 6 scalars, but 5 were given") {
            () throws(MathCoreError) in try Throwing.tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5])
        }
        expectError(.scalarCountMismatch(shape: [], count: 0), "shape [] needs 1 scalars, but 0 were given") {
            () throws(MathCoreError) in try Throwing.tensor(shape: [], scalars: [])
        }
        expectError(.scalarCountMismatch(shape: [0], count: 1), "shape [0] needs 0 scalars, but 1 were given") {
            () throws(MathCoreError) in try Throwing.tensor(shape: [0], scalars: [1])
        }
        expectError(
            .invalidArgument(operation: "Tensor(shape:scalars:)", message: "shape [2, -3] has a negative length"),
            "Tensor(shape:scalars:): shape [2, -3] has a negative length"
        ) { () throws(MathCoreError) in try Throwing.tensor(shape: [2, -3], scalars: [1]) }
        expectError(
            .invalidArgument(operation: "Tensor(shape:scalars:)", message: "shape [\(Int.max), 2] has too many elements"),
            "Tensor(shape:scalars:): shape [\(Int.max), 2] has too many elements"
        ) { () throws(MathCoreError) in try Throwing.tensor(shape: [Int.max, 2], scalars: []) }
        expectError(
            .invalidArgument(operation: "Tensor(repeating:shape:)", message: "shape [-1] has a negative length"),
            "Tensor(repeating:shape:): shape [-1] has a negative length"
        ) { () throws(MathCoreError) in try Throwing.tensor(repeating: 0, shape: [-1]) }
        expectError(
            .invalidArgument(operation: "linspace", message: "count must not be negative, got -1"),
            "linspace: count must not be negative, got -1"
        ) { () throws(MathCoreError) in try Throwing.linspace(0, 1, count: -1) }
    }

    /// Each creation function names itself in its error.
    @Test func creationOfANegativeSize() {
        expectError(
            .invalidArgument(operation: "identity", message: "size must not be negative, got -1"),
            "identity: size must not be negative, got -1"
        ) { () throws(MathCoreError) in try Throwing.identity(-1) }
        expectError(
            .invalidArgument(operation: "zeros", message: "shape [2, -3] has a negative length"),
            "zeros: shape [2, -3] has a negative length"
        ) { () throws(MathCoreError) in try Throwing.zeros([2, -3]) }
        expectError(
            .invalidArgument(operation: "ones", message: "shape [-1] has a negative length"),
            "ones: shape [-1] has a negative length"
        ) { () throws(MathCoreError) in try Throwing.ones([-1]) }
        var generator = RandomGenerator(seed: 1)
        expectError(
            .invalidArgument(operation: "randomNormal", message: "shape [-2] has a negative length"),
            "randomNormal: shape [-2] has a negative length"
        ) { () throws(MathCoreError) in try Throwing.randomNormal(shape: [-2], using: &generator) }
    }

    @Test func lossArguments() {
        expectError(
            .invalidArgument(operation: "hingeLoss", message: "labels must be -1 or 1, but label 1 is 0.0"),
            "hingeLoss: labels must be -1 or 1, but label 1 is 0.0"
        ) { () throws(MathCoreError) in try Throwing.hingeLoss([0.5, 2], [1, 0]) }
        expectError(
            .invalidArgument(operation: "hingeLoss", message: "labels must be -1 or 1, but label 0 is 0.5"),
            "hingeLoss: labels must be -1 or 1, but label 0 is 0.5"
        ) { () throws(MathCoreError) in try Throwing.hingeLoss([0.5, 2], [0.5, 2]) }
        expectError(
            .invalidArgument(operation: "hingeLoss", message: "labels must be -1 or 1, but label 2 is nan"),
            "hingeLoss: labels must be -1 or 1, but label 2 is nan"
        ) { () throws(MathCoreError) in try Throwing.hingeLoss([1, 1, 1], Tensor([1, -1, Double.nan])) }
        expectError(.shapeMismatch(operation: "meanSquaredError", [2], [3]), "meanSquaredError: shapes [2] and [3] are not compatible") {
            () throws(MathCoreError) in try Throwing.meanSquaredError([1, 2], vector)
        }
        expectError(.shapeMismatch(operation: "binaryCrossEntropy", [3], [1, 3]), "binaryCrossEntropy: shapes [3] and [1, 3] are not compatible") {
            () throws(MathCoreError) in try Throwing.binaryCrossEntropy(vector, vector.reshaped(1, 3))
        }
        expectError(.shapeMismatch(operation: "hingeLoss", [2, 3], [3]), "hingeLoss: shapes [2, 3] and [3] are not compatible") {
            () throws(MathCoreError) in try Throwing.hingeLoss(matrix, vector)
        }
        expectError(
            .wrongRank(operation: "crossEntropy", expected: "a vector or a matrix of rows", shape: [1, 2, 3]),
            "crossEntropy expects a vector or a matrix of rows, but got a tensor of shape [1, 2, 3]"
        ) { () throws(MathCoreError) in try Throwing.crossEntropy(matrix.reshaped(1, 2, 3), matrix.reshaped(1, 2, 3)) }
    }

    @Test func errorsAreEquatableByEveryField() {
        #expect(MathCoreError.shapeMismatch(operation: "+", [1], [2]) != .shapeMismatch(operation: "-", [1], [2]))
        #expect(MathCoreError.shapeMismatch(operation: "+", [1], [2]) != .shapeMismatch(operation: "+", [2], [1]))
        #expect(MathCoreError.axisOutOfRange(axis: 1, rank: 1) != .axisOutOfRange(axis: 1, rank: 2))
        #expect(MathCoreError.emptyReduction(operation: "min") == .emptyReduction(operation: "min"))
    }
}
