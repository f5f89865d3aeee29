import MathCore

/// The operators MathCore defines on `Tensor` and `Variable`, by operand types, each calling the
/// throwing form so that a shape mismatch becomes a runtime error at the operator.
enum MathCoreOperators {
    struct Operation {
        let result: SwiftType
        /// Takes its operands: a temporary tensor is handed on as the only owner of its storage.
        let run: (consuming Value, consuming Value) throws -> Value
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
            case "+": return Operation(result: .tensor) { x, y in .tensor(x.takeTensor() + y.double) }
            case "-": return Operation(result: .tensor) { x, y in .tensor(x.takeTensor() - y.double) }
            case "*": return Operation(result: .tensor) { x, y in .tensor(x.takeTensor() * y.double) }
            case "/": return Operation(result: .tensor) { x, y in .tensor(x.takeTensor() / y.double) }
            default: return nil
            }
        case (.double, .tensor):
            switch op {
            case "+": return Operation(result: .tensor) { x, y in .tensor(x.double + y.takeTensor()) }
            case "-": return Operation(result: .tensor) { x, y in .tensor(x.double - y.takeTensor()) }
            case "*": return Operation(result: .tensor) { x, y in .tensor(x.double * y.takeTensor()) }
            case "/": return Operation(result: .tensor) { x, y in .tensor(x.double / y.takeTensor()) }
            default: return nil
            }
        case (.variable, _), (_, .variable):
            return variableOperation(op, left, right)
        default:
            return nil
        }
    }

    private static func tensors(_ body: @escaping (consuming Tensor, consuming Tensor) throws -> Tensor) -> Operation {
        Operation(result: .tensor) { x, y in .tensor(try body(x.takeTensor(), y.takeTensor())) }
    }

    /// Operands of the autodiff operators, with tensors and doubles lifted as MathCore lifts them.
    private static func variableOperation(_ op: String, _ left: SwiftType, _ right: SwiftType) -> Operation? {
        let allowed: Set<SwiftType> = [.variable, .tensor, .double]
        guard allowed.contains(left), allowed.contains(right) else { return nil }
        if op == "•" && (left == .double || right == .double) { return nil }
        if left == .double && right == .double { return nil }
        guard ["+", "-", "*", "/", "•"].contains(op) else { return nil }
        return Operation(result: .variable) { x, y in
            // Tensors and numbers take part as constants, as MathCore's mixed operators make them.
            func lifted(_ value: Value) -> Variable {
                switch value {
                case let .variable(v): return v
                case let .double(d): return Variable.constant(Tensor(scalar: d))
                default: return Variable.constant(value.tensor)
                }
            }
            let (a, b) = (lifted(x), lifted(y))
            switch op {
            case "+": return .variable(try Throwing.add(a, b))
            case "-": return .variable(try Throwing.subtract(a, b))
            case "*": return .variable(try Throwing.multiply(a, b))
            case "/": return .variable(try Throwing.divide(a, b))
            default: return .variable(try Throwing.matmul(a, b))
            }
        }
    }
}
