/// An error from a MathCore operation, carrying the shapes, indexes or values that caused it.
///
/// Every fallible operation has a throwing form in ``Throwing`` that throws one of these;
/// the convenience forms used by compiled Swift stop with the same message.
public enum MathCoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two shapes that an operation needs to agree do not (`operation` names it: `"+"`, `"matmul"`, …).
    case shapeMismatch(operation: String, [Int], [Int])
    /// An index outside the tensor's shape.
    case indexOutOfRange(index: [Int], shape: [Int])
    /// A subscript with the wrong number of indexes for the tensor's rank.
    case wrongIndexCount(given: Int, shape: [Int])
    /// A reduction (`min`, `max`, `mean`, `argmax`, …) over no elements.
    case emptyReduction(operation: String)
    /// An axis outside `0..<rank` (negative axes count from the end, as in NumPy).
    case axisOutOfRange(axis: Int, rank: Int)
    /// A flat list of scalars whose count does not fill the shape.
    case scalarCountMismatch(shape: [Int], count: Int)
    /// An operation that needs a tensor of a particular rank got another.
    case wrongRank(operation: String, expected: String, shape: [Int])
    /// Any other invalid argument, with a sentence saying what was wrong.
    case invalidArgument(operation: String, message: String)

    public var description: String {
        switch self {
        case let .shapeMismatch(operation, lhs, rhs):
            return "\(operation): shapes \(lhs) and \(rhs) are not compatible"
        case let .indexOutOfRange(index, shape):
            return "index \(index) is out of range for shape \(shape)"
        case let .wrongIndexCount(given, shape):
            return "\(given) index\(given == 1 ? "" : "es") given for a tensor of shape \(shape), which needs \(shape.count)"
        case let .emptyReduction(operation):
            return "\(operation) of an empty tensor"
        case let .axisOutOfRange(axis, rank):
            return "axis \(axis) is out of range for a tensor of rank \(rank)"
        case let .scalarCountMismatch(shape, count):
            return "shape \(shape) needs \(shape.reduce(1, *)) scalars, but \(count) were given"
        case let .wrongRank(operation, expected, shape):
            return "\(operation) expects \(expected), but got a tensor of shape \(shape)"
        case let .invalidArgument(operation, message):
            return "\(operation): \(message)"
        }
    }
}

/// Runs the throwing form of an operation and stops the program with its message if it fails.
///
/// This is what the convenience forms (operators, free functions without `try`) call: in compiled
/// Swift a wrong shape stops the program as an out-of-range array index does.
@inline(__always)
func orStop<T>(_ body: () throws -> T, file: StaticString = #file, line: UInt = #line) -> T {
    do {
        return try body()
    } catch {
        fatalError(String(describing: error), file: file, line: line)
    }
}

/// Stops the program with a MathCore error's message, for convenience forms that cannot use
/// ``orStop(_:file:line:)`` because they consume their operands.
func stop(_ error: MathCoreError, file: StaticString = #file, line: UInt = #line) -> Never {
    fatalError(error.description, file: file, line: line)
}

/// The throwing forms of every MathCore operation that can fail.
///
/// The interpreter calls these; compiled Swift usually calls the convenience forms, which stop
/// with the same message. The throwing form of `x.method(a)` is `Throwing.method(x, a)`.
public enum Throwing {}
