// Specialised code for the arithmetic and comparisons of `Int` and `Double`, the hot paths of
// scalar loops: an operand that is a constant or a variable of the running frame is read inline
// instead of through a closure of its own, and each operator is a type parameter, so the compiler
// emits one direct, inlined closure per operator and operand kind. Tuned on the interpreter
// benchmark's `fib(30)` and gradient-descent workloads (`n - 1`, `n < 2`, `x + h`).

/// Where an operand comes from. Two concrete enums rather than one generic one: a closure stored
/// in a generic type is called through a reabstraction thunk, which cost more than it saved.
enum IntOperand {
    case constant(Int)
    case slot(Int)
    case code(IntCode)
}

enum DoubleOperand {
    case constant(Double)
    case slot(Int)
    case code(DoubleCode)
}

extension Expression {
    var intOperand: IntOperand {
        if case let .int(value)? = constant { return .constant(value) }
        if let localSlot, type == .int { return .slot(localSlot) }
        return .code(asInt)
    }

    var doubleOperand: DoubleOperand {
        if case let .double(value)? = constant { return .constant(value) }
        if let localSlot, type == .double { return .slot(localSlot) }
        return .code(asDouble)
    }
}

protocol IntOperator { static func apply(_ a: Int, _ b: Int, _ place: SourceLocation) throws -> Int }
protocol DoubleOperator { static func apply(_ a: Double, _ b: Double) -> Double }
protocol Comparison { static func test<T: Comparable>(_ a: T, _ b: T) -> Bool }

enum AddInts: IntOperator { @inline(__always) static func apply(_ a: Int, _ b: Int, _ p: SourceLocation) throws -> Int { try Arithmetic.add(a, b, at: p) } }
enum SubtractInts: IntOperator { @inline(__always) static func apply(_ a: Int, _ b: Int, _ p: SourceLocation) throws -> Int { try Arithmetic.subtract(a, b, at: p) } }
enum MultiplyInts: IntOperator { @inline(__always) static func apply(_ a: Int, _ b: Int, _ p: SourceLocation) throws -> Int { try Arithmetic.multiply(a, b, at: p) } }
enum DivideInts: IntOperator { @inline(__always) static func apply(_ a: Int, _ b: Int, _ p: SourceLocation) throws -> Int { try Arithmetic.divide(a, b, at: p) } }
enum RemainderInts: IntOperator { @inline(__always) static func apply(_ a: Int, _ b: Int, _ p: SourceLocation) throws -> Int { try Arithmetic.remainder(a, b, at: p) } }

enum AddDoubles: DoubleOperator { @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a + b } }
enum SubtractDoubles: DoubleOperator { @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a - b } }
enum MultiplyDoubles: DoubleOperator { @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a * b } }
enum DivideDoubles: DoubleOperator { @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a / b } }

enum Less: Comparison { @inline(__always) static func test<T: Comparable>(_ a: T, _ b: T) -> Bool { a < b } }
enum LessOrEqual: Comparison { @inline(__always) static func test<T: Comparable>(_ a: T, _ b: T) -> Bool { a <= b } }
enum Greater: Comparison { @inline(__always) static func test<T: Comparable>(_ a: T, _ b: T) -> Bool { a > b } }
enum GreaterOrEqual: Comparison { @inline(__always) static func test<T: Comparable>(_ a: T, _ b: T) -> Bool { a >= b } }
enum Equal: Comparison { @inline(__always) static func test<T: Comparable>(_ a: T, _ b: T) -> Bool { a == b } }
enum NotEqual: Comparison { @inline(__always) static func test<T: Comparable>(_ a: T, _ b: T) -> Bool { a != b } }

enum Specialized {
    static func int<O: IntOperator>(_: O.Type, _ left: IntOperand, _ right: IntOperand, at p: SourceLocation) -> IntCode {
        switch (left, right) {
        case let (.slot(a), .constant(b)): return { frame in try O.apply(frame.slots[a].int, b, p) }
        case let (.slot(a), .slot(b)): return { frame in try O.apply(frame.slots[a].int, frame.slots[b].int, p) }
        case let (.constant(a), .slot(b)): return { frame in try O.apply(a, frame.slots[b].int, p) }
        case let (.code(a), .constant(b)): return { frame in try O.apply(try a(frame), b, p) }
        case let (.constant(a), .code(b)): return { frame in try O.apply(a, try b(frame), p) }
        case let (.slot(a), .code(b)): return { frame in try O.apply(frame.slots[a].int, try b(frame), p) }
        case let (.code(a), .slot(b)): return { frame in try O.apply(try a(frame), frame.slots[b].int, p) }
        default:
            let (a, b) = (code(left, \.int), code(right, \.int))
            return { frame in try O.apply(try a(frame), try b(frame), p) }
        }
    }

    static func double<O: DoubleOperator>(_: O.Type, _ left: DoubleOperand, _ right: DoubleOperand) -> DoubleCode {
        switch (left, right) {
        case let (.slot(a), .constant(b)): return { frame in O.apply(frame.slots[a].double, b) }
        case let (.slot(a), .slot(b)): return { frame in O.apply(frame.slots[a].double, frame.slots[b].double) }
        case let (.constant(a), .slot(b)): return { frame in O.apply(a, frame.slots[b].double) }
        case let (.code(a), .constant(b)): return { frame in O.apply(try a(frame), b) }
        case let (.constant(a), .code(b)): return { frame in O.apply(a, try b(frame)) }
        case let (.slot(a), .code(b)): return { frame in O.apply(frame.slots[a].double, try b(frame)) }
        case let (.code(a), .slot(b)): return { frame in O.apply(try a(frame), frame.slots[b].double) }
        default:
            let (a, b) = (code(left, \.double), code(right, \.double))
            return { frame in O.apply(try a(frame), try b(frame)) }
        }
    }

    static func compareInts<C: Comparison>(_: C.Type, _ left: IntOperand, _ right: IntOperand) -> BoolCode {
        switch (left, right) {
        case let (.slot(a), .constant(b)): return { frame in C.test(frame.slots[a].int, b) }
        case let (.slot(a), .slot(b)): return { frame in C.test(frame.slots[a].int, frame.slots[b].int) }
        case let (.code(a), .constant(b)): return { frame in C.test(try a(frame), b) }
        default:
            let (a, b) = (code(left, \.int), code(right, \.int))
            return { frame in C.test(try a(frame), try b(frame)) }
        }
    }

    static func compareDoubles<C: Comparison>(_: C.Type, _ left: DoubleOperand, _ right: DoubleOperand) -> BoolCode {
        switch (left, right) {
        case let (.slot(a), .constant(b)): return { frame in C.test(frame.slots[a].double, b) }
        case let (.slot(a), .slot(b)): return { frame in C.test(frame.slots[a].double, frame.slots[b].double) }
        case let (.code(a), .constant(b)): return { frame in C.test(try a(frame), b) }
        default:
            let (a, b) = (code(left, \.double), code(right, \.double))
            return { frame in C.test(try a(frame), try b(frame)) }
        }
    }

    private static func code(_ operand: IntOperand, _ read: @escaping (Value) -> Int) -> IntCode {
        switch operand {
        case let .constant(value): return { _ in value }
        case let .slot(slot): return { frame in read(frame.slots[slot]) }
        case let .code(code): return code
        }
    }

    private static func code(_ operand: DoubleOperand, _ read: @escaping (Value) -> Double) -> DoubleCode {
        switch operand {
        case let .constant(value): return { _ in value }
        case let .slot(slot): return { frame in read(frame.slots[slot]) }
        case let .code(code): return code
        }
    }
}
