import MathCore
import SwiftSyntax

extension Lowerer {
    static let arithmeticOperators: Set<String> = ["+", "-", "*", "/", "%", "•"]
    static let comparisonOperators: Set<String> = ["==", "!=", "<", "<=", ">", ">="]

    func lowerInfix(_ infix: InfixOperatorExprSyntax, expected: SwiftType?) throws -> Expression {
        if infix.operator.is(AssignmentExprSyntax.self) {
            return try lowerAssignment(target: infix.leftOperand, value: infix.rightOperand, compound: nil, at: infix)
        }
        guard let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text else {
            throw unsupported(infix.operator, "this operator")
        }
        let place = location(of: infix.operator)
        switch op {
        case "+=", "-=", "*=", "/=", "%=":
            return try lowerAssignment(target: infix.leftOperand, value: infix.rightOperand, compound: String(op.dropLast()), at: infix)
        case "&&", "||":
            let left = try requireType(try lowerExpression(infix.leftOperand, expected: .bool), .bool, at: infix.leftOperand, role: "value").asBool
            let right = try requireType(try lowerExpression(infix.rightOperand, expected: .bool), .bool, at: infix.rightOperand, role: "value").asBool
            if op == "&&" { return .bool(place) { frame in try left(frame) && right(frame) } }
            return .bool(place) { frame in try left(frame) || right(frame) }
        case "...", "..<":
            let lower = try lowerExpression(infix.leftOperand, expected: .int)
            let upper = try lowerExpression(infix.rightOperand, expected: .int)
            guard lower.type == .int, upper.type == .int else {
                throw unsupported(infix, "a range of '\(lower.type)'")
            }
            let (low, high) = (lower.asInt, upper.asInt)
            let closed = op == "..."
            let start = location(of: infix)
            return Expression(type: .range(closed: closed), location: start) { frame in
                let (a, b) = (try low(frame), try high(frame))
                guard a <= b else {
                    throw RuntimeError(message: "range requires lowerBound <= upperBound", location: start)
                }
                return .range(a, b)
            }
        case "??":
            let optional = try lowerExpression(infix.leftOperand, expected: expected.map { .optional($0) })
            guard case let .optional(wrapped) = optional.type else {
                throw error(infix.leftOperand, "left side of nil coalescing operator '??' has non-optional type '\(optional.type)', so the right side is never used")
            }
            let fallback = try requireType(try lowerExpression(infix.rightOperand, expected: wrapped), wrapped, at: infix.rightOperand)
            let (first, second) = (optional.code, fallback.code)
            return Expression(type: wrapped, location: place) { frame in
                if case let .some(value) = try first(frame) { return value }
                return try second(frame)
            }
        default:
            break
        }
        // Arithmetic passes a numeric context down to literals; comparisons do not.
        let hint: SwiftType? = Lowerer.arithmeticOperators.contains(op) && (expected == .double || expected == .tensor) ? expected : nil
        var left: Expression, right: Expression
        do {
            left = try lowerExpression(infix.leftOperand, expected: hint)
        } catch {
            // `[] == xs`: an empty literal takes the other side's type.
            right = try lowerExpression(infix.rightOperand, expected: hint)
            left = try lowerExpression(infix.leftOperand, expected: right.type)
            return try binaryOperation(op, left, right, at: infix.operator)
        }
        do {
            right = try lowerExpression(infix.rightOperand, expected: hint)
        } catch {
            right = try lowerExpression(infix.rightOperand, expected: left.type)
        }
        // A literal takes its type from the other side: `x * 2` with `x: Double`, `v * 2` with `v: Tensor`.
        if left.type != right.type {
            if left.isLiteral, let retyped = try? lowerExpression(infix.leftOperand, expected: literalContext(for: right.type, literal: left.type)),
               retyped.type != left.type {
                left = retyped
            } else if right.isLiteral, let retyped = try? lowerExpression(infix.rightOperand, expected: literalContext(for: left.type, literal: right.type)),
                      retyped.type != right.type {
                right = retyped
            }
        }
        if left.type == .nilLiteral || right.type == .nilLiteral, op == "==" || op == "!=" {
            let other = left.type == .nilLiteral ? right : left
            guard case .optional = other.type else {
                throw error(infix, "comparing non-optional value of type '\(other.type)' to 'nil' always returns \(op == "!=")")
            }
            let code = other.code
            let isEqual = op == "=="
            return .bool(place) { frame in
                if case .none = try code(frame) { return isEqual }
                return !isEqual
            }
        }
        // `optional == 3`: the value is promoted to an optional, as Swift does.
        if op == "==" || op == "!=" {
            if case let .optional(wrapped) = left.type, right.type == wrapped {
                right = try requireType(right, left.type, at: infix.rightOperand)
            } else if case let .optional(wrapped) = right.type, left.type == wrapped {
                left = try requireType(left, right.type, at: infix.leftOperand)
            }
        }
        var result = try binaryOperation(op, left, right, at: infix.operator)
        // `4 * 4` is still a literal expression: it takes a Double context as its operands would.
        result.isLiteral = left.isLiteral && right.isLiteral && Lowerer.arithmeticOperators.contains(op)
        return result
    }

    /// The type a literal on one side of an operator should take, given the other side's type.
    private func literalContext(for other: SwiftType, literal: SwiftType) -> SwiftType {
        switch other {
        case .tensor, .variable: return literal.isArray ? .tensor : .double
        case let .optional(wrapped): return wrapped
        default: return other
        }
    }

    /// A binary operator applied to two lowered operands, by their static types.
    func binaryOperation(_ op: String, _ left: Expression, _ right: Expression, at node: some SyntaxProtocol) throws -> Expression {
        // A trap is reported where the whole expression starts, as for every runtime error.
        let place = left.location
        let mismatch = error(node, "binary operator '\(op)' cannot be applied to operands of type '\(left.type)' and '\(right.type)'")
        switch (left.type, right.type) {
        case (.int, .int):
            let (a, b) = (left.asInt, right.asInt)
            let (x, y) = (left.intOperand, right.intOperand)
            switch op {
            case "+": return .int(place, Specialized.int(AddInts.self, x, y, at: place))
            case "-": return .int(place, Specialized.int(SubtractInts.self, x, y, at: place))
            case "*": return .int(place, Specialized.int(MultiplyInts.self, x, y, at: place))
            case "/": return .int(place, Specialized.int(DivideInts.self, x, y, at: place))
            case "%": return .int(place, Specialized.int(RemainderInts.self, x, y, at: place))
            case "==": return .bool(place, Specialized.compareInts(Equal.self, x, y))
            case "!=": return .bool(place, Specialized.compareInts(NotEqual.self, x, y))
            case "<": return .bool(place, Specialized.compareInts(Less.self, x, y))
            case "<=": return .bool(place, Specialized.compareInts(LessOrEqual.self, x, y))
            case ">": return .bool(place, Specialized.compareInts(Greater.self, x, y))
            case ">=": return .bool(place, Specialized.compareInts(GreaterOrEqual.self, x, y))
            case "&+": return .int(place) { frame in try a(frame) &+ b(frame) }
            case "&-": return .int(place) { frame in try a(frame) &- b(frame) }
            case "&*": return .int(place) { frame in try a(frame) &* b(frame) }
            case "&": return .int(place) { frame in try a(frame) & b(frame) }
            case "|": return .int(place) { frame in try a(frame) | b(frame) }
            case "^": return .int(place) { frame in try a(frame) ^ b(frame) }
            case "<<": return .int(place) { frame in try a(frame) << b(frame) }
            case ">>": return .int(place) { frame in try a(frame) >> b(frame) }
            default: throw mismatch
            }
        case (.double, .double):
            let (x, y) = (left.doubleOperand, right.doubleOperand)
            switch op {
            case "+": return .double(place, Specialized.double(AddDoubles.self, x, y))
            case "-": return .double(place, Specialized.double(SubtractDoubles.self, x, y))
            case "*": return .double(place, Specialized.double(MultiplyDoubles.self, x, y))
            case "/": return .double(place, Specialized.double(DivideDoubles.self, x, y))
            case "==": return .bool(place, Specialized.compareDoubles(Equal.self, x, y))
            case "!=": return .bool(place, Specialized.compareDoubles(NotEqual.self, x, y))
            case "<": return .bool(place, Specialized.compareDoubles(Less.self, x, y))
            case "<=": return .bool(place, Specialized.compareDoubles(LessOrEqual.self, x, y))
            case ">": return .bool(place, Specialized.compareDoubles(Greater.self, x, y))
            case ">=": return .bool(place, Specialized.compareDoubles(GreaterOrEqual.self, x, y))
            case "%": throw error(node, "'%' is unavailable: For floating point numbers use truncatingRemainder instead")
            default: throw mismatch
            }
        case (.bool, .bool):
            let (a, b) = (left.asBool, right.asBool)
            switch op {
            case "==": return .bool(place) { frame in try a(frame) == b(frame) }
            case "!=": return .bool(place) { frame in try a(frame) != b(frame) }
            default: throw mismatch
            }
        case (.string, .string), (.character, .character):
            let (a, b) = (left.code, right.code)
            if op == "+" && left.type == .string {
                return Expression(type: .string, location: place) { frame in
                    let joined = try a(frame).string + b(frame).string
                    try Limits.checkGrowth(to: joined.utf8.count, in: frame, at: place)
                    return .string(joined)
                }
            }
            let compare: (String, String) -> Bool
            switch op {
            case "==": compare = (==)
            case "!=": compare = (!=)
            case "<": compare = (<)
            case "<=": compare = (<=)
            case ">": compare = (>)
            case ">=": compare = (>=)
            default: throw mismatch
            }
            return .bool(place) { frame in compare(try a(frame).string, try b(frame).string) }
        case (.array(let element), .array(let other)) where element == other:
            let (a, b) = (left.code, right.code)
            switch op {
            case "+":
                return Expression(type: left.type, location: place) { frame in
                    let joined = try a(frame).array + b(frame).array
                    try Limits.checkGrowth(to: joined.count, in: frame, at: place)
                    return .array(joined)
                }
            case "==", "!=":
                let isEqual = op == "=="
                return .bool(place) { frame in Equality.equal(try a(frame), try b(frame)) == isEqual }
            default: throw mismatch
            }
        case (.tensor, _), (_, .tensor), (.variable, _), (_, .variable):
            guard let operation = MathCoreOperators.operation(op, left.type, right.type) else { throw mismatch }
            let (a, b) = (left.code, right.code)
            return Expression(type: operation.result, location: place) { frame in
                let (x, y) = (try a(frame), try b(frame))
                do { return try operation.run(x, y) } catch let failure as MathCoreError {
                    throw RuntimeError(message: failure.description, location: place)
                }
            }
        case (.optional, .optional) where left.type == right.type && (op == "==" || op == "!="):
            let (a, b) = (left.code, right.code)
            let isEqual = op == "=="
            return .bool(place) { frame in Equality.equal(try a(frame), try b(frame)) == isEqual }
        case (.tuple(let elements), .tuple) where left.type == right.type && ["<", "<=", ">", ">="].contains(op)
            && elements.allSatisfy({ Ordering.less($0.type) != nil }):
            // Tuples compare lexicographically, element by element.
            let orderings = elements.compactMap { Ordering.less($0.type) }
            let (a, b) = (left.code, right.code)
            return .bool(place) { frame in
                let (x, y) = (try a(frame).tuple, try b(frame).tuple)
                var comparison = 0
                for (index, less) in orderings.enumerated() {
                    if less(x[index], y[index]) { comparison = -1; break }
                    if less(y[index], x[index]) { comparison = 1; break }
                }
                switch op {
                case "<": return comparison < 0
                case "<=": return comparison <= 0
                case ">": return comparison > 0
                default: return comparison >= 0
                }
            }
        case (.tuple, .tuple) where left.type == right.type && (op == "==" || op == "!="):
            let (a, b) = (left.code, right.code)
            let isEqual = op == "=="
            return .bool(place) { frame in Equality.equal(try a(frame), try b(frame)) == isEqual }
        default:
            throw mismatch
        }
    }

    func lowerPrefix(_ prefix: PrefixOperatorExprSyntax, expected: SwiftType?) throws -> Expression {
        let op = prefix.operator.text
        let place = location(of: prefix)
        switch op {
        case "-":
            // A negative literal is a literal: `-1` fits where `Int.min` does, and types as one.
            if let literal = prefix.expression.as(IntegerLiteralExprSyntax.self) {
                let positive = try lowerIntegerLiteral(literal, expected: expected)
                if positive.type == .double {
                    // An integer literal is an integer first: `-0` as a Double is 0.0, not -0.0.
                    let text = literal.literal.text.replacingOccurrences(of: "_", with: "")
                    let value = Int(text).map { Double(-$0) } ?? -(Double(text) ?? 0)
                    var expression = Expression.double(place) { _ in value }
                    expression.isLiteral = true
                    return expression
                }
                let text = literal.literal.text.replacingOccurrences(of: "_", with: "")
                guard let value = Int("-" + text) else {
                    throw error(literal, "integer literal '-\(literal.literal.text)' overflows when stored into 'Int'")
                }
                var expression = Expression.int(place) { _ in value }
                expression.isLiteral = true
                return expression
            }
            let operand = try lowerExpression(prefix.expression, expected: expected)
            switch operand.type {
            case .int:
                let code = operand.asInt
                var expression = Expression.int(place) { frame in
                    let (result, overflow) = 0.subtractingReportingOverflow(try code(frame))
                    if overflow { throw RuntimeError(message: "arithmetic overflow", location: place) }
                    return result
                }
                expression.isLiteral = operand.isLiteral
                return expression
            case .double:
                let code = operand.asDouble
                var expression = Expression.double(place) { frame in -(try code(frame)) }
                expression.isLiteral = operand.isLiteral
                return expression
            case .tensor:
                let code = operand.code
                return Expression(type: .tensor, location: place) { frame in .tensor(-(try code(frame)).tensor) }
            case .variable:
                let code = operand.code
                return Expression(type: .variable, location: place) { frame in
                    guard case let .variable(v) = try code(frame) else { return .void }
                    return .variable(-v)
                }
            default:
                throw error(prefix, "unary operator '-' cannot be applied to an operand of type '\(operand.type)'")
            }
        case "!":
            let operand = try requireType(try lowerExpression(prefix.expression, expected: .bool), .bool, at: prefix.expression, role: "value").asBool
            return .bool(place) { frame in try !operand(frame) }
        case "+":
            let operand = try lowerExpression(prefix.expression, expected: expected)
            guard operand.type.isNumeric else { throw error(prefix, "unary operator '+' cannot be applied to an operand of type '\(operand.type)'") }
            return operand
        default:
            throw unsupported(prefix, "the prefix operator '\(op)'")
        }
    }
}

/// Integer arithmetic that traps as Swift does, as a runtime error at the operator.
enum Arithmetic {
    @inline(__always)
    static func add(_ a: Int, _ b: Int, at place: SourceLocation) throws -> Int {
        let (result, overflow) = a.addingReportingOverflow(b)
        if overflow { throw RuntimeError(message: "arithmetic overflow", location: place) }
        return result
    }

    @inline(__always)
    static func subtract(_ a: Int, _ b: Int, at place: SourceLocation) throws -> Int {
        let (result, overflow) = a.subtractingReportingOverflow(b)
        if overflow { throw RuntimeError(message: "arithmetic overflow", location: place) }
        return result
    }

    @inline(__always)
    static func multiply(_ a: Int, _ b: Int, at place: SourceLocation) throws -> Int {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { throw RuntimeError(message: "arithmetic overflow", location: place) }
        return result
    }

    @inline(__always)
    static func divide(_ a: Int, _ b: Int, at place: SourceLocation) throws -> Int {
        if b == 0 { throw RuntimeError(message: "division by zero", location: place) }
        let (result, overflow) = a.dividedReportingOverflow(by: b)
        if overflow { throw RuntimeError(message: "division results in an overflow", location: place) }
        return result
    }

    @inline(__always)
    static func remainder(_ a: Int, _ b: Int, at place: SourceLocation) throws -> Int {
        if b == 0 { throw RuntimeError(message: "division by zero in remainder operation", location: place) }
        let (result, overflow) = a.remainderReportingOverflow(dividingBy: b)
        if overflow { throw RuntimeError(message: "division results in an overflow in remainder operation", location: place) }
        return result
    }
}

/// Structural equality of values of the same static type (arrays, optionals, tuples).
enum Equality {
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)), let (.tuple(x), .tuple(y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.none, .none), (.void, .void): return true
        case let (.some(x), .some(y)): return equal(x, y)
        case let (.tensor(x), .tensor(y)): return x == y
        case let (.range(a1, b1), .range(a2, b2)): return a1 == a2 && b1 == b2
        case let (.dictionary(x), .dictionary(y)):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { equal(value, $0) } ?? false }
        default: return false
        }
    }
}

extension SwiftType {
    var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    var isArray: Bool {
        if case .array = self { return true }
        return false
    }
}
