/// A tensor of zeros: `zeros(3)` is a vector, `zeros(2, 3)` a 2×3 matrix.
public func zeros(_ shape: Int...) -> Tensor {
    orStop { try Throwing.zeros(shape) }
}

/// A tensor of ones: `ones(3)` is a vector, `ones(2, 3)` a 2×3 matrix.
public func ones(_ shape: Int...) -> Tensor {
    orStop { try Throwing.ones(shape) }
}

/// The `n`×`n` identity matrix.
public func identity(_ n: Int) -> Tensor {
    orStop { try Throwing.identity(n) }
}

/// `count` evenly spaced numbers from `start` to `end`, both included (as NumPy's `linspace`).
///
/// ```swift
/// print(linspace(0, 1, count: 5))   // [0.0, 0.25, 0.5, 0.75, 1.0]
/// ```
public func linspace(_ start: Double, _ end: Double, count: Int) -> Tensor {
    orStop { try Throwing.linspace(start, end, count: count) }
}

extension Throwing {
    /// Throwing form of `zeros(_:)`: a negative length is an error.
    public static func zeros(_ shape: [Int]) throws(MathCoreError) -> Tensor {
        try checkShape(shape, operation: "zeros")
        return Tensor(unchecked: shape, [Double](repeating: 0, count: shape.reduce(1, *)))
    }

    /// Throwing form of `ones(_:)`: a negative length is an error.
    public static func ones(_ shape: [Int]) throws(MathCoreError) -> Tensor {
        try checkShape(shape, operation: "ones")
        return Tensor(unchecked: shape, [Double](repeating: 1, count: shape.reduce(1, *)))
    }

    /// Throwing form of `identity(_:)`.
    public static func identity(_ n: Int) throws(MathCoreError) -> Tensor {
        guard n >= 0 else { throw .invalidArgument(operation: "identity", message: "size must not be negative, got \(n)") }
        var matrix = try zeros([n, n])
        for i in 0..<n { matrix.scalars[i * n + i] = 1 }
        return matrix
    }

    /// Throwing form of `linspace(_:_:count:)`.
    public static func linspace(_ start: Double, _ end: Double, count: Int) throws(MathCoreError) -> Tensor {
        guard count >= 0 else {
            throw .invalidArgument(operation: "linspace", message: "count must not be negative, got \(count)")
        }
        try checkShape([count], operation: "linspace")
        guard count > 1 else { return Tensor(unchecked: [count], count == 1 ? [start] : []) }
        // NumPy's formula: start + i * step, with the last element set to `end` exactly.
        let step = (end - start) / Double(count - 1)
        var scalars = (0..<count).map { start + Double($0) * step }
        scalars[count - 1] = end
        return Tensor(unchecked: [count], scalars)
    }
}
