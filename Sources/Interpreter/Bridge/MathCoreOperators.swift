import MathCore

/// The operators MathCore defines on `Tensor` and `Variable`, by operand types, each calling the
/// throwing form so that a shape mismatch becomes a runtime error at the operator.
enum MathCoreOperators {
    struct Operation {
        let result: SwiftType
        let run: (Value, Value) throws -> Value
    }

    static func operation(_ op: String, _ left: SwiftType, _ right: SwiftType) -> Operation? {
        switch (left, right) {
        case (.tensor, .tensor):
            switch op {
            case "+": return tensors { try Throwing.add($0, $1) }
            case "-": return tensors { try Throwing.subtract($0, $1) }
            case "*": return tensors { try Throwing.multiply($0, $1) }
            case "/": return tensors { try Throwing.divide($0, $1) }
            case "•": return tensors { try Throwing.matmul($0, $1) }
            case "==": return Operation(result: .bool) { .bool($0.tensor == $1.tensor) }
            case "!=": return Operation(result: .bool) { .bool($0.tensor != $1.tensor) }
            default: return nil
            }
        case (.tensor, .double):
            // MathCore's own operators, so that results and speed are those of compiled Swift.
            switch op {
            case "+": return Operation(result: .tensor) { x, y in .tensor(x.tensor + y.double) }
            case "-": return Operation(result: .tensor) { x, y in .tensor(x.tensor - y.double) }
            case "*": return Operation(result: .tensor) { x, y in .tensor(x.tensor * y.double) }
            case "/": return Operation(result: .tensor) { x, y in .tensor(x.tensor / y.double) }
            default: return nil
            }
        case (.double, .tensor):
            switch op {
            case "+": return Operation(result: .tensor) { x, y in .tensor(x.double + y.tensor) }
            case "-": return Operation(result: .tensor) { x, y in .tensor(x.double - y.tensor) }
            case "*": return Operation(result: .tensor) { x, y in .tensor(x.double * y.tensor) }
            case "/": return Operation(result: .tensor) { x, y in .tensor(x.double / y.tensor) }
            default: return nil
            }
        case (.variable, _), (_, .variable):
            return variableOperation(op, left, right)
        default:
            return nil
        }
    }

    private static func tensors(_ body: @escaping (Tensor, Tensor) throws -> Tensor) -> Operation {
        Operation(result: .tensor) { x, y in .tensor(try body(x.tensor, y.tensor)) }
    }

    /// Operands of the autodiff operators, with tensors and doubles lifted as MathCore lifts them.
    private static func variableOperation(_ op: String, _ left: SwiftType, _ right: SwiftType) -> Operation? {
        let allowed: Set<SwiftType> = [.variable, .tensor, .double]
        guard allowed.contains(left), allowed.contains(right) else { return nil }
        if op == "•" && (left == .double || right == .double) { return nil }
        if left == .double && right == .double { return nil }
        guard ["+", "-", "*", "/", "•"].contains(op) else { return nil }
        return Operation(result: .variable) { x, y in
            let result: Variable
            switch (x, y) {
            case let (.variable(a), .variable(b)): result = try variableOperator(op, a, b)
            case let (.variable(a), .tensor(b)): result = try variableOperator(op, a, b)
            case let (.tensor(a), .variable(b)): result = try variableOperator(op, a, b)
            case let (.variable(a), .double(b)):
                switch op {
                case "+": result = a + b
                case "-": result = a - b
                case "*": result = a * b
                default: result = a / b
                }
            case let (.double(a), .variable(b)):
                switch op {
                case "+": result = a + b
                case "-": result = a - b
                case "*": result = a * b
                default: result = a / b
                }
            default:
                throw MathCoreError.invalidArgument(operation: op, message: "unsupported operands")
            }
            return .variable(result)
        }
    }

    private static func variableOperator(_ op: String, _ a: Variable, _ b: Variable) throws -> Variable {
        switch op {
        case "+": return try Throwing.add(a, b)
        case "-": return try Throwing.subtract(a, b)
        case "*": return try Throwing.multiply(a, b)
        case "/": return try Throwing.divide(a, b)
        default: return try Throwing.matmul(a, b)
        }
    }

    private static func variableOperator(_ op: String, _ a: Variable, _ b: Tensor) throws -> Variable {
        switch op {
        case "+": return try Throwing.add(a, b)
        case "-": return try Throwing.subtract(a, b)
        case "*": return try Throwing.multiply(a, b)
        case "/": return try Throwing.divide(a, b)
        default: return try Throwing.matmul(a, b)
        }
    }

    private static func variableOperator(_ op: String, _ a: Tensor, _ b: Variable) throws -> Variable {
        switch op {
        case "+": return try Throwing.add(a, b)
        case "-": return try Throwing.subtract(a, b)
        case "*": return try Throwing.multiply(a, b)
        case "/": return try Throwing.divide(a, b)
        default: return try Throwing.matmul(a, b)
        }
    }
}
