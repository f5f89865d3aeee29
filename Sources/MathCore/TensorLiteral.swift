/// One element of a tensor literal: a number or a nested list of them.
///
/// `Tensor`'s array literal takes these rather than `Double` so that `Tensor` itself need not be
/// expressible by a number literal: that keeps `[[1, 2], [3, 4]]` a matrix while expressions
/// such as `y * log(p) + (1.0 - y) * log(1.0 - p)` stay unambiguous for the type checker.
public enum TensorLiteral: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, Sendable {
    case scalar(Double)
    case list([TensorLiteral])

    public init(integerLiteral value: Int) { self = .scalar(Double(value)) }
    public init(floatLiteral value: Double) { self = .scalar(value) }
    public init(arrayLiteral elements: TensorLiteral...) { self = .list(elements) }
}

extension Tensor: ExpressibleByArrayLiteral {
    /// Creates a tensor from a nested array literal: `let A: Matrix = [[1, 2], [3, 4]]`.
    ///
    /// A ragged literal (rows of different lengths, or numbers beside lists) stops the program;
    /// ``Throwing/tensor(literal:)`` is the throwing form.
    public init(arrayLiteral elements: TensorLiteral...) {
        self = orStop { try Throwing.tensor(literal: .list(elements)) }
    }
}

extension Throwing {
    /// Builds a tensor from a (possibly nested) literal, checking that it is rectangular.
    public static func tensor(literal: TensorLiteral) throws(MathCoreError) -> Tensor {
        var shape: [Int] = []
        var probe = literal
        while case let .list(items) = probe {
            shape.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        var scalars: [Double] = []
        scalars.reserveCapacity(shape.reduce(1, *))
        try flatten(literal, depth: 0, shape: shape, into: &scalars)
        return Tensor(unchecked: shape, scalars)
    }

    private static func flatten(_ literal: TensorLiteral, depth: Int, shape: [Int], into scalars: inout [Double]) throws(MathCoreError) {
        switch literal {
        case let .scalar(value):
            guard depth == shape.count else {
                throw .invalidArgument(operation: "tensor literal", message: "ragged literal: a number stands where a list of \(shape[depth]) was expected")
            }
            scalars.append(value)
        case let .list(items):
            guard depth < shape.count, items.count == shape[depth] else {
                let expected = depth < shape.count ? "a list of \(shape[depth])" : "a number"
                throw .invalidArgument(operation: "tensor literal", message: "ragged literal: a list of \(items.count) stands where \(expected) was expected")
            }
            for item in items { try flatten(item, depth: depth + 1, shape: shape, into: &scalars) }
        }
    }
}
