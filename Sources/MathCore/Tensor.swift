/// An n-dimensional array of `Double`s in row-major order: MathCore's one numeric type.
///
/// ```swift
/// let v: Vector = [3, 1, 4]
/// let A: Matrix = [[1, 2], [3, 4]]
/// print(A • Tensor([1, 1]))   // [3.0, 7.0]
/// ```
///
/// A tensor is a value: copies share storage until one of them is written (copy on write,
/// through `Array`), so passing tensors around never copies their scalars.
public struct Tensor: Equatable, Sendable {
    /// The length of each axis; `[]` for a scalar (rank-0) tensor.
    public private(set) var shape: [Int]

    /// The scalars, behind a reference of our own so that an operation can tell whether its
    /// operand is a temporary that nobody else sees (see `reusingStorage`).
    @usableFromInline
    var storage: TensorStorage

    /// Every element, flat, in row-major order (the last index varies fastest).
    public internal(set) var scalars: [Double] {
        @inlinable get { storage.scalars }
        _modify {
            makeStorageUnique()
            yield &storage.scalars
        }
        set {
            if isKnownUniquelyReferenced(&storage) { storage.scalars = newValue } else { storage = TensorStorage(newValue) }
        }
    }

    /// Wraps storage that is already known to fill `shape`.
    @usableFromInline
    init(unchecked shape: [Int], _ scalars: [Double]) {
        self.shape = shape
        self.storage = TensorStorage(scalars)
    }

    /// Copies the storage if another tensor shares it (copy on write).
    @inline(__always)
    mutating func makeStorageUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = TensorStorage(storage.scalars) }
    }

    /// Whether this tensor is the only one using its storage, so it may be overwritten in place.
    @inline(__always)
    mutating func isUniquelyStored() -> Bool { isKnownUniquelyReferenced(&storage) }

    /// Two tensors are equal when they have the same shape and the same scalars.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && (lhs.storage === rhs.storage || lhs.scalars == rhs.scalars)
    }

    /// The number of axes: 0 for a scalar, 1 for a vector, 2 for a matrix.
    public var rank: Int { shape.count }

    /// The number of elements (the product of the shape).
    public var count: Int { scalars.count }

    /// Creates a vector: `Tensor([3, 1, 4])`.
    public init(_ scalars: [Double]) {
        self.init(unchecked: [scalars.count], scalars)
    }

    /// Creates a matrix from rows of equal length: `Tensor([[1, 2], [3, 4]])`.
    ///
    /// Rows of different lengths stop the program; ``Throwing/tensor(rows:)`` is the throwing form.
    public init(_ rows: [[Double]]) {
        self = orStop { try Throwing.tensor(rows: rows) }
    }

    /// Creates a tensor of the given shape from its scalars in row-major order.
    ///
    /// ```swift
    /// let A = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    /// ```
    public init(shape: [Int], scalars: [Double]) {
        self = orStop { try Throwing.tensor(shape: shape, scalars: scalars) }
    }

    /// A rank-0 tensor holding one number.
    public init(scalar: Double) {
        self.init(unchecked: [], [scalar])
    }

    /// Creates a tensor of the given shape with every element equal to `value`.
    public init(repeating value: Double, shape: [Int]) {
        self = orStop { try Throwing.tensor(repeating: value, shape: shape) }
    }
}

/// A tensor of rank 1; the name only says what the code means.
public typealias Vector = Tensor
/// A tensor of rank 2; the name only says what the code means.
public typealias Matrix = Tensor

extension Throwing {
    /// Throwing form of `Tensor(shape:scalars:)`.
    public static func tensor(shape: [Int], scalars: [Double]) throws(MathCoreError) -> Tensor {
        try checkShape(shape, operation: "Tensor(shape:scalars:)")
        guard shape.reduce(1, *) == scalars.count else {
            throw .scalarCountMismatch(shape: shape, count: scalars.count)
        }
        return Tensor(unchecked: shape, scalars)
    }

    /// Throwing form of `Tensor(_ rows: [[Double]])`.
    public static func tensor(rows: [[Double]]) throws(MathCoreError) -> Tensor {
        let columns = rows.first?.count ?? 0
        var scalars: [Double] = []
        scalars.reserveCapacity(rows.count * columns)
        for (index, row) in rows.enumerated() {
            guard row.count == columns else {
                throw .invalidArgument(operation: "Tensor(_:)", message: "row \(index) has \(row.count) elements, but row 0 has \(columns)")
            }
            scalars.append(contentsOf: row)
        }
        return Tensor(unchecked: [rows.count, columns], scalars)
    }

    /// Throwing form of `Tensor(repeating:shape:)`.
    public static func tensor(repeating value: Double, shape: [Int]) throws(MathCoreError) -> Tensor {
        try checkShape(shape, operation: "Tensor(repeating:shape:)")
        return Tensor(unchecked: shape, [Double](repeating: value, count: shape.reduce(1, *)))
    }

    /// Rejects negative axis lengths, and shapes whose element count overflows `Int`.
    static func checkShape(_ shape: [Int], operation: String) throws(MathCoreError) {
        var total = 1
        for length in shape {
            guard length >= 0 else {
                throw .invalidArgument(operation: operation, message: "shape \(shape) has a negative length")
            }
            let (product, overflow) = total.multipliedReportingOverflow(by: length)
            guard !overflow, product <= Int(Int32.max) * 16 else {
                throw .invalidArgument(operation: operation, message: "shape \(shape) has too many elements")
            }
            total = product
        }
    }
}

/// The scalars of one or more tensors. Tensors copy it before writing when it is shared.
@usableFromInline
final class TensorStorage: @unchecked Sendable {
    // Safe to send: a tensor writes its storage only when it holds the sole reference to it.
    @usableFromInline
    var scalars: [Double]

    @usableFromInline
    init(_ scalars: [Double]) {
        // Tunes the allocator once, before the first tensor (a load and a compare after that).
        _ = allocatorIsTuned
        self.scalars = scalars
    }
}
