// The compiled form of Swift-math: every expression and statement becomes a Swift closure over
// the running frame, with every name already resolved to a slot and every type already checked.
//
// | form                | signature                       | what it does                                   |
// | ------------------- | ------------------------------- | ---------------------------------------------- |
// | `Code`              | `(Frame) throws -> Value`       | evaluates an expression                        |
// | `IntCode`           | `(Frame) throws -> Int`         | an `Int` expression, unboxed (hot loops)        |
// | `DoubleCode`        | `(Frame) throws -> Double`      | a `Double` expression, unboxed                  |
// | `BoolCode`          | `(Frame) throws -> Bool`        | a condition, unboxed                            |
// | `StatementCode`     | `(Frame) throws -> Flow`        | runs a statement; says whether to go on         |
// | `Place`             | slot + accessors                | something that can be assigned (`a[i].x = 1`)  |

typealias Code = (Frame) throws -> Value
typealias IntCode = (Frame) throws -> Int
typealias DoubleCode = (Frame) throws -> Double
typealias BoolCode = (Frame) throws -> Bool
typealias StatementCode = (Frame) throws -> Flow

/// A lowered expression: its static type, its code, and where it starts.
struct Expression {
    var type: SwiftType
    var code: Code
    var location: SourceLocation
    /// Unboxed code, when the type allows it; used by operators and loops on hot paths.
    var intCode: IntCode?
    var doubleCode: DoubleCode?
    var boolCode: BoolCode?
    /// Whether the value is a literal whose type came from its context (`1` as a `Double`).
    var isLiteral = false
    /// The value, when it is a constant known while lowering (a number literal).
    var constant: Value?
    /// The slot, when the expression reads a variable of the running frame.
    var localSlot: Int?

    init(type: SwiftType, location: SourceLocation, code: @escaping Code) {
        self.type = type
        self.code = code
        self.location = location
    }

    static func int(_ location: SourceLocation, _ code: @escaping IntCode) -> Expression {
        var expression = Expression(type: .int, location: location) { .int(try code($0)) }
        expression.intCode = code
        return expression
    }

    static func double(_ location: SourceLocation, _ code: @escaping DoubleCode) -> Expression {
        var expression = Expression(type: .double, location: location) { .double(try code($0)) }
        expression.doubleCode = code
        return expression
    }

    static func bool(_ location: SourceLocation, _ code: @escaping BoolCode) -> Expression {
        var expression = Expression(type: .bool, location: location) { .bool(try code($0)) }
        expression.boolCode = code
        return expression
    }

    /// The value as an unboxed `Int` (the type must be `.int`).
    var asInt: IntCode {
        if let intCode { return intCode }
        let code = self.code
        return { try code($0).int }
    }

    /// The value as an unboxed `Double` (the type must be `.double`).
    var asDouble: DoubleCode {
        if let doubleCode { return doubleCode }
        let code = self.code
        return { try code($0).double }
    }

    /// The value as an unboxed `Bool` (the type must be `.bool`).
    var asBool: BoolCode {
        if let boolCode { return boolCode }
        let code = self.code
        return { try code($0).bool }
    }
}

/// A function after lowering: what callers need to check a call, and the body to run.
final class FunctionInfo {
    struct Parameter {
        /// The argument label callers write (`nil` for `_`).
        var label: String?
        var name: String
        var type: SwiftType
        /// The default value, evaluated in the caller's frame when the argument is left out.
        var defaultValue: Expression?
    }

    let name: String
    var parameters: [Parameter]
    var resultType: SwiftType
    /// Slots the body needs, parameters first.
    var slotCount = 0
    var body: StatementCode = { _ in .normal }
    /// For a body of one expression, the expression itself: the call returns its value directly,
    /// without going through `return` (the common case of small math functions).
    var expressionBody: Code?
    /// The function as a scalar kernel (see `ScalarKernel.swift`), when it is one: calls lowered
    /// after its declaration run it instead of the body.
    var kernel: ScalarKernel?
    /// Whether a frame of this function can outlive its call (its body makes closures or nested
    /// functions, which keep the frame). When it cannot, finished frames are kept for reuse.
    var framesCanEscape = true
    /// Frames of finished calls, ready for the next call (one per level of recursion at most).
    var spareFrames: [Frame] = []

    /// A frame for a call: a spare one when there is one, else a new one.
    @inline(__always)
    func frame(parent: Frame?, context: ExecutionContext) -> Frame {
        if !framesCanEscape, let spare = spareFrames.popLast() {
            spare.reuse(parent: parent, context: context)
            return spare
        }
        return Frame(slotCount: slotCount, parent: parent, context: context)
    }

    /// Gives a frame back after its call, when frames of this function cannot escape.
    @inline(__always)
    func release(_ frame: Frame) {
        guard !framesCanEscape else { return }
        frame.clearSlots()
        spareFrames.append(frame)
    }

    /// Set for a method: the struct it belongs to (its `self` is slot 0) and whether it is `mutating`.
    var owner: StructInfo?
    var isMutating = false

    init(name: String, parameters: [Parameter], resultType: SwiftType) {
        self.name = name
        self.parameters = parameters
        self.resultType = resultType
    }

    var type: SwiftType { .function(parameters.map(\.type), resultType) }
}
