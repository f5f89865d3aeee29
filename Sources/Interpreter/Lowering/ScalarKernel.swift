// Scalar kernels: a second compiled form for top-level functions that only compute with `Int`,
// `Double` and `Bool` (`fib`, a loss `f(x)`, a loop that sums numbers). Their parameters and local
// variables live unboxed in a window of a register stack, one `UInt64` each; a call moves the
// window up instead of making a `Frame`, and no `Value` is boxed or reference counted on the way.
//
// A function gets a kernel only after its ordinary lowering succeeded, so every name and type has
// been checked as Swift checks them; the kernel compiler then accepts a small subset (numbers,
// arithmetic, comparisons, `&&`/`||`, `?:`, `let`/`var`, assignment, `if`, `while`, `for` over an
// `Int` range, `break`, `continue`, `return`, calls of other kernels, a few math functions) and
// gives up on anything else, leaving the function to the ordinary form. Both forms report the same
// errors at the same places (overflow, division by zero, recursion depth, steps, time).

import SwiftSyntax

/// A call's registers: parameters first, then local variables, as bit patterns.
typealias Registers = UnsafeMutablePointer<UInt64>

typealias KernelIntCode = (Registers, KernelStack) throws -> Int
typealias KernelDoubleCode = (Registers, KernelStack) throws -> Double
typealias KernelBoolCode = (Registers, KernelStack) throws -> Bool
typealias KernelBitsCode = (Registers, KernelStack) throws -> UInt64
typealias KernelStatementCode = (Registers, KernelStack) throws -> KernelFlow

enum KernelFlow {
    case normal
    case breakLoop
    case continueLoop
    case returned
}

/// The register stack of one run (made on the first kernel call), and where `return` leaves its value.
final class KernelStack {
    unowned(unsafe) let context: ExecutionContext
    let base: Registers
    /// One past the last register.
    let end: Registers
    var returned: UInt64 = 0

    /// Enough registers for the deepest recursion the limits allow, at `maximumSlots` a call.
    init(context: ExecutionContext) {
        self.context = context
        let count = (context.limits.maximumCallDepth + 2) * ScalarKernel.maximumSlots
        base = Registers.allocate(capacity: count)
        base.initialize(repeating: 0, count: count)
        end = base + count
    }

    deinit {
        base.deallocate()
    }
}

/// A function compiled to a kernel.
final class ScalarKernel {
    /// A kernel has at most this many parameters and local variables.
    static let maximumSlots = 64
    /// Calls of at most this many arguments are compiled (their arguments are held unboxed).
    static let maximumArguments = 4

    let name: String
    let parameterTypes: [SwiftType]
    let resultType: SwiftType
    var slotCount = 0

    /// The body, giving the result as a bit pattern. Held unmanaged: a call reads it without
    /// retaining it (a closure read from a `var` is retained for the call, which was a quarter of
    /// a call's time); it is set once, when the compiler has finished, before anything runs.
    private var bodyReference = Unmanaged.passRetained(KernelBody { _, _ in 0 })

    var body: KernelBitsCode {
        get { bodyReference.takeUnretainedValue().code }
        set {
            let old = bodyReference
            bodyReference = Unmanaged.passRetained(KernelBody(newValue))
            old.release()
        }
    }

    init(name: String, parameterTypes: [SwiftType], resultType: SwiftType) {
        self.name = name
        self.parameterTypes = parameterTypes
        self.resultType = resultType
    }

    deinit {
        bodyReference.release()
    }

    /// Runs the kernel in `registers` (its arguments already there), one call deeper and one step further.
    @inline(__always)
    func call(_ registers: Registers, _ stack: KernelStack, at place: SourceLocation) throws -> UInt64 {
        let context = stack.context
        context.callDepth += 1
        defer { context.callDepth -= 1 }
        if context.callDepth > context.limits.maximumCallDepth || registers + ScalarKernel.maximumSlots > stack.end {
            throw RuntimeError(message: "call depth exceeds \(context.limits.maximumCallDepth) (the recursion limit)", location: place)
        }
        try context.step(at: place)
        return try bodyReference._withUnsafeGuaranteedRef { try $0.code(registers, stack) }
    }
}

/// A kernel's compiled body.
final class KernelBody {
    let code: KernelBitsCode

    init(_ code: @escaping KernelBitsCode) {
        self.code = code
    }
}

extension ExecutionContext {
    /// The register stack of this run's kernel calls.
    var kernelStack: KernelStack {
        if let stack = kernelStackStorage { return stack }
        let stack = KernelStack(context: self)
        kernelStackStorage = stack
        return stack
    }
}

// MARK: - Values as registers

@inline(__always) func bits(_ value: Int) -> UInt64 { UInt64(bitPattern: Int64(value)) }
@inline(__always) func bits(_ value: Double) -> UInt64 { value.bitPattern }
@inline(__always) func bits(_ value: Bool) -> UInt64 { value ? 1 : 0 }
@inline(__always) func intValue(_ bits: UInt64) -> Int { Int(Int64(bitPattern: bits)) }
@inline(__always) func doubleValue(_ bits: UInt64) -> Double { Double(bitPattern: bits) }

/// A kernel expression: its type and its code in the matching unboxed form.
struct KernelExpression {
    var type: SwiftType
    var int: KernelIntCode?
    var double: KernelDoubleCode?
    var bool: KernelBoolCode?
    /// An integer or float literal, whose type may still follow its context.
    var literal: ExprSyntax?

    /// The value as a register's bit pattern.
    var bitsCode: KernelBitsCode {
        if let int { return { r, s in bits(try int(r, s)) } }
        if let double { return { r, s in bits(try double(r, s)) } }
        if let bool { return { r, s in bits(try bool(r, s)) } }
        return { _, _ in 0 }
    }
}

/// Gives up on a function: it keeps the ordinary compiled form.
struct NotAKernel: Error {}

/// Compiles one top-level function to a kernel, or gives up.
struct ScalarKernelCompiler {
    let lowerer: Lowerer
    let kernel: ScalarKernel
    /// The function's own info, for calls of itself.
    let info: FunctionInfo
    private var scopes: [[String: (slot: Int, type: SwiftType, isLet: Bool)]] = [[:]]
    private var loopDepth = 0

    /// The kernel of `syntax`, or nil when it uses anything outside the subset.
    static func compile(_ syntax: FunctionDeclSyntax, info: FunctionInfo, lowerer: Lowerer) -> ScalarKernel? {
        let scalar: Set<SwiftType> = [.int, .double, .bool]
        guard info.owner == nil, scalar.contains(info.resultType), info.parameters.count <= ScalarKernel.maximumArguments,
              info.parameters.allSatisfy({ scalar.contains($0.type) && $0.defaultValue == nil }),
              let body = syntax.body else { return nil }
        let kernel = ScalarKernel(name: info.name, parameterTypes: info.parameters.map(\.type), resultType: info.resultType)
        var compiler = ScalarKernelCompiler(lowerer: lowerer, kernel: kernel, info: info)
        do {
            for parameter in info.parameters { try compiler.declare(parameter.name, type: parameter.type, isLet: true) }
            let statements = body.statements
            if statements.count == 1, case let .expr(expression)? = statements.first?.item,
               !expression.is(IfExprSyntax.self), !expression.is(SwitchExprSyntax.self) {
                let value = try compiler.expression(expression, expected: info.resultType)
                guard value.type == info.resultType else { return nil }
                kernel.body = value.bitsCode
            } else {
                let code = try compiler.block(statements)
                kernel.body = { registers, stack in
                    _ = try code(registers, stack)
                    return stack.returned
                }
            }
        } catch {
            return nil
        }
        return kernel
    }

    private init(lowerer: Lowerer, kernel: ScalarKernel, info: FunctionInfo) {
        self.lowerer = lowerer
        self.kernel = kernel
        self.info = info
    }

    // MARK: Names

    private mutating func declare(_ name: String, type: SwiftType, isLet: Bool) throws -> Int {
        guard kernel.slotCount < ScalarKernel.maximumSlots else { throw NotAKernel() }
        let slot = kernel.slotCount
        kernel.slotCount += 1
        scopes[scopes.count - 1][name] = (slot, type, isLet)
        return slot
    }

    private func local(_ name: String) -> (slot: Int, type: SwiftType, isLet: Bool)? {
        for scope in scopes.reversed() {
            if let found = scope[name] { return found }
        }
        return nil
    }

    private mutating func scoped<T>(_ body: (inout ScalarKernelCompiler) throws -> T) rethrows -> T {
        scopes.append([:])
        defer { scopes.removeLast() }
        return try body(&self)
    }

    // MARK: Statements

    private mutating func block(_ statements: CodeBlockItemListSyntax) throws -> KernelStatementCode {
        var codes: [KernelStatementCode] = []
        for item in statements {
            switch item.item {
            case let .decl(declaration):
                codes.append(try variable(declaration))
            case let .stmt(statement):
                codes.append(try self.statement(statement))
            case let .expr(expression):
                codes.append(try expressionStatement(expression))
            }
        }
        switch codes.count {
        case 0: return { _, _ in .normal }
        case 1: return codes[0]
        case 2:
            let (first, second) = (codes[0], codes[1])
            return { r, s in
                let flow = try first(r, s)
                if case .normal = flow { return try second(r, s) }
                return flow
            }
        default:
            return { r, s in
                for code in codes {
                    let flow = try code(r, s)
                    if case .normal = flow { continue }
                    return flow
                }
                return .normal
            }
        }
    }

    private mutating func variable(_ declaration: DeclSyntax) throws -> KernelStatementCode {
        guard let variable = declaration.as(VariableDeclSyntax.self), variable.bindings.count == 1,
              let binding = variable.bindings.first, let pattern = binding.pattern.as(IdentifierPatternSyntax.self),
              let initializer = binding.initializer, binding.accessorBlock == nil, variable.attributes.isEmpty,
              variable.modifiers.isEmpty else { throw NotAKernel() }
        var declared: SwiftType?
        if let annotation = binding.typeAnnotation {
            switch annotation.type.trimmedDescription {
            case "Int": declared = .int
            case "Double": declared = .double
            case "Bool": declared = .bool
            default: throw NotAKernel()
            }
        }
        let value = try expression(initializer.value, expected: declared)
        guard declared == nil || value.type == declared else { throw NotAKernel() }
        // The value is computed before the name exists: `let x = x + 1` reads an outer `x`.
        let slot = try declare(pattern.identifier.text, type: value.type, isLet: variable.bindingSpecifier.tokenKind == .keyword(.let))
        let code = value.bitsCode
        return { r, s in
            r[slot] = try code(r, s)
            return .normal
        }
    }

    private mutating func statement(_ statement: StmtSyntax) throws -> KernelStatementCode {
        if let expressionStatement = statement.as(ExpressionStmtSyntax.self) {
            return try self.expressionStatement(expressionStatement.expression)
        }
        if let returnStatement = statement.as(ReturnStmtSyntax.self) {
            guard let returned = returnStatement.expression else { throw NotAKernel() }
            let value = try expression(returned, expected: kernel.resultType)
            guard value.type == kernel.resultType else { throw NotAKernel() }
            let code = value.bitsCode
            return { r, s in
                s.returned = try code(r, s)
                return .returned
            }
        }
        if let breakStatement = statement.as(BreakStmtSyntax.self), breakStatement.label == nil, loopDepth > 0 {
            return { _, _ in .breakLoop }
        }
        if let continueStatement = statement.as(ContinueStmtSyntax.self), continueStatement.label == nil, loopDepth > 0 {
            return { _, _ in .continueLoop }
        }
        if let whileStatement = statement.as(WhileStmtSyntax.self) {
            return try whileLoop(whileStatement)
        }
        if let forStatement = statement.as(ForStmtSyntax.self) {
            return try forLoop(forStatement)
        }
        throw NotAKernel()
    }

    private mutating func expressionStatement(_ expression: ExprSyntax) throws -> KernelStatementCode {
        if let conditional = expression.as(IfExprSyntax.self) { return try ifStatement(conditional) }
        if let infix = expression.as(InfixOperatorExprSyntax.self) { return try assignment(infix) }
        throw NotAKernel()
    }

    private mutating func condition(_ conditions: ConditionElementListSyntax) throws -> KernelBoolCode {
        guard conditions.count == 1, case let .expression(expression)? = conditions.first?.condition else { throw NotAKernel() }
        let value = try self.expression(expression, expected: .bool)
        guard let code = value.bool else { throw NotAKernel() }
        return code
    }

    private mutating func ifStatement(_ syntax: IfExprSyntax) throws -> KernelStatementCode {
        let test = try condition(syntax.conditions)
        let then = try scoped { try $0.block(syntax.body.statements) }
        var otherwise: KernelStatementCode = { _, _ in .normal }
        switch syntax.elseBody {
        case let .ifExpr(next)?:
            otherwise = try ifStatement(next)
        case let .codeBlock(block)?:
            otherwise = try scoped { try $0.block(block.statements) }
        case nil:
            break
        }
        return { r, s in try test(r, s) ? try then(r, s) : try otherwise(r, s) }
    }

    private mutating func whileLoop(_ syntax: WhileStmtSyntax) throws -> KernelStatementCode {
        let test = try condition(syntax.conditions)
        loopDepth += 1
        defer { loopDepth -= 1 }
        let body = try scoped { try $0.block(syntax.body.statements) }
        let place = lowerer.location(of: syntax)
        return { r, s in
            let context = s.context
            while try test(r, s) {
                try context.step(at: place)
                switch try body(r, s) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned: return .returned
                }
            }
            return .normal
        }
    }

    /// `for i in a..<b` and `for i in a...b` over `Int`s (`_` for no name), as the ordinary form runs them.
    private mutating func forLoop(_ syntax: ForStmtSyntax) throws -> KernelStatementCode {
        guard syntax.whereClause == nil, syntax.tryKeyword == nil, syntax.awaitKeyword == nil, syntax.caseKeyword == nil,
              let range = syntax.sequence.as(InfixOperatorExprSyntax.self),
              let op = range.operator.as(BinaryOperatorExprSyntax.self)?.operator.text, op == "..<" || op == "..." else {
            throw NotAKernel()
        }
        let lower = try expression(range.leftOperand, expected: .int)
        let upper = try expression(range.rightOperand, expected: .int)
        guard let low = lower.int, let high = upper.int else { throw NotAKernel() }
        let closed = op == "..."
        let rangePlace = lowerer.location(of: range)
        let place = lowerer.location(of: syntax)
        loopDepth += 1
        defer { loopDepth -= 1 }
        return try scoped { compiler in
            let slot: Int?
            if let name = syntax.pattern.as(IdentifierPatternSyntax.self) {
                slot = try compiler.declare(name.identifier.text, type: .int, isLet: true)
            } else if syntax.pattern.is(WildcardPatternSyntax.self) {
                slot = nil
            } else {
                throw NotAKernel()
            }
            let body = try compiler.block(syntax.body.statements)
            return { r, s in
                let (a, b) = (try low(r, s), try high(r, s))
                guard a <= b else { throw RuntimeError(message: "range requires lowerBound <= upperBound", location: rangePlace) }
                let context = s.context
                var i = a
                // A closed range may end at Int.max: stop after `b` without counting past it.
                while closed ? i <= b : i < b {
                    try context.step(at: place)
                    if let slot { r[slot] = bits(i) }
                    switch try body(r, s) {
                    case .normal, .continueLoop: break
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    }
                    if i == b { break }
                    i += 1
                }
                return .normal
            }
        }
    }

    /// `x = e` and `x op= e` on a local `var`.
    private mutating func assignment(_ infix: InfixOperatorExprSyntax) throws -> KernelStatementCode {
        guard let target = infix.leftOperand.as(DeclReferenceExprSyntax.self), target.argumentNames == nil,
              let variable = local(target.baseName.text), !variable.isLet else { throw NotAKernel() }
        let slot = variable.slot
        if infix.operator.is(AssignmentExprSyntax.self) {
            let value = try expression(infix.rightOperand, expected: variable.type)
            guard value.type == variable.type else { throw NotAKernel() }
            let code = value.bitsCode
            return { r, s in
                r[slot] = try code(r, s)
                return .normal
            }
        }
        guard let text = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text, text.count == 2, text.hasSuffix("="),
              let op = text.first.map(String.init), ["+", "-", "*", "/", "%"].contains(op) else { throw NotAKernel() }
        let current = KernelExpression(type: variable.type, int: variable.type == .int ? { r, _ in intValue(r[slot]) } : nil,
                                       double: variable.type == .double ? { r, _ in doubleValue(r[slot]) } : nil)
        let operand = try expression(infix.rightOperand, expected: variable.type)
        let combined = try arithmetic(op, current, operand, at: lowerer.location(of: target))
        let code = combined.bitsCode
        return { r, s in
            r[slot] = try code(r, s)
            return .normal
        }
    }

    // MARK: Expressions

    private mutating func expression(_ syntax: ExprSyntax, expected: SwiftType?) throws -> KernelExpression {
        if let literal = syntax.as(IntegerLiteralExprSyntax.self) {
            return try integerLiteral(literal.literal.text, negative: false, expected: expected, syntax: syntax)
        }
        if let literal = syntax.as(FloatLiteralExprSyntax.self) {
            guard expected == nil || expected == .double,
                  let value = Double(literal.literal.text.replacingOccurrences(of: "_", with: "")) else { throw NotAKernel() }
            return KernelExpression(type: .double, double: { _, _ in value }, literal: syntax)
        }
        if let literal = syntax.as(BooleanLiteralExprSyntax.self) {
            let value = literal.literal.tokenKind == .keyword(.true)
            return KernelExpression(type: .bool, bool: { _, _ in value })
        }
        if let reference = syntax.as(DeclReferenceExprSyntax.self), reference.argumentNames == nil {
            guard let variable = local(reference.baseName.text) else { throw NotAKernel() }
            let slot = variable.slot
            switch variable.type {
            case .int: return KernelExpression(type: .int, int: { r, _ in intValue(r[slot]) })
            case .double: return KernelExpression(type: .double, double: { r, _ in doubleValue(r[slot]) })
            default: return KernelExpression(type: .bool, bool: { r, _ in r[slot] != 0 })
            }
        }
        if let tuple = syntax.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
            var inner = try expression(only.expression, expected: expected)
            if inner.literal != nil { inner.literal = syntax }
            return inner
        }
        if let prefix = syntax.as(PrefixOperatorExprSyntax.self) {
            return try self.prefix(prefix, expected: expected)
        }
        if let infix = syntax.as(InfixOperatorExprSyntax.self) {
            return try self.infix(infix, expected: expected)
        }
        if let ternary = syntax.as(TernaryExprSyntax.self) {
            let test = try expression(ternary.condition, expected: .bool)
            guard let condition = test.bool else { throw NotAKernel() }
            var first = try expression(ternary.thenExpression, expected: expected)
            var second = try expression(ternary.elseExpression, expected: expected ?? first.type)
            if first.type != second.type, first.literal != nil { first = try expression(ternary.thenExpression, expected: second.type) }
            guard first.type == second.type else { throw NotAKernel() }
            switch (first.int, second.int, first.double, second.double, first.bool, second.bool) {
            case let (a?, b?, _, _, _, _): return KernelExpression(type: .int, int: { r, s in try condition(r, s) ? try a(r, s) : try b(r, s) })
            case let (_, _, a?, b?, _, _): return KernelExpression(type: .double, double: { r, s in try condition(r, s) ? try a(r, s) : try b(r, s) })
            case let (_, _, _, _, a?, b?): return KernelExpression(type: .bool, bool: { r, s in try condition(r, s) ? try a(r, s) : try b(r, s) })
            default: throw NotAKernel()
            }
        }
        if let call = syntax.as(FunctionCallExprSyntax.self) {
            return try self.call(call, expected: expected)
        }
        throw NotAKernel()
    }

    /// An integer literal as the ordinary form types it: an `Int`, or a `Double` where one is expected.
    private func integerLiteral(_ text: String, negative: Bool, expected: SwiftType?, syntax: ExprSyntax) throws -> KernelExpression {
        let digits = text.replacingOccurrences(of: "_", with: "")
        // Only plain decimal literals; the ordinary form handles `0x…`, `0b…` and `0o…`.
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { throw NotAKernel() }
        if expected == .double {
            // An integer literal is an integer first: `-0` as a Double is 0.0, not -0.0.
            guard let magnitude = Int(digits) else { throw NotAKernel() }
            let value = Double(negative ? -magnitude : magnitude)
            return KernelExpression(type: .double, double: { _, _ in value }, literal: syntax)
        }
        guard expected == nil || expected == .int, let value = Int((negative ? "-" : "") + digits) else { throw NotAKernel() }
        return KernelExpression(type: .int, int: { _, _ in value }, literal: syntax)
    }

    private mutating func prefix(_ prefix: PrefixOperatorExprSyntax, expected: SwiftType?) throws -> KernelExpression {
        let place = lowerer.location(of: prefix)
        switch prefix.operator.text {
        case "-":
            if let literal = prefix.expression.as(IntegerLiteralExprSyntax.self) {
                return try integerLiteral(literal.literal.text, negative: true, expected: expected, syntax: ExprSyntax(prefix))
            }
            let operand = try expression(prefix.expression, expected: expected)
            if let code = operand.int {
                var negated = KernelExpression(type: .int, int: { r, s in
                    let (result, overflow) = 0.subtractingReportingOverflow(try code(r, s))
                    if overflow { throw RuntimeError(message: "arithmetic overflow", location: place) }
                    return result
                })
                negated.literal = operand.literal.map { _ in ExprSyntax(prefix) }
                return negated
            }
            if let code = operand.double {
                var negated = KernelExpression(type: .double, double: { r, s in -(try code(r, s)) })
                negated.literal = operand.literal.map { _ in ExprSyntax(prefix) }
                return negated
            }
            throw NotAKernel()
        case "!":
            guard let code = try expression(prefix.expression, expected: .bool).bool else { throw NotAKernel() }
            return KernelExpression(type: .bool, bool: { r, s in !(try code(r, s)) })
        default:
            throw NotAKernel()
        }
    }

    private mutating func infix(_ infix: InfixOperatorExprSyntax, expected: SwiftType?) throws -> KernelExpression {
        guard let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text else { throw NotAKernel() }
        switch op {
        case "&&", "||":
            guard let left = try expression(infix.leftOperand, expected: .bool).bool,
                  let right = try expression(infix.rightOperand, expected: .bool).bool else { throw NotAKernel() }
            if op == "&&" { return KernelExpression(type: .bool, bool: { r, s in try left(r, s) && right(r, s) }) }
            return KernelExpression(type: .bool, bool: { r, s in try left(r, s) || right(r, s) })
        case "+", "-", "*", "/", "%":
            let (left, right) = try operands(infix, expected: expected)
            return try arithmetic(op, left, right, at: lowerer.location(of: infix.leftOperand))
        case "<", "<=", ">", ">=", "==", "!=":
            let (left, right) = try operands(infix, expected: nil)
            return try comparison(op, left, right)
        default:
            throw NotAKernel()
        }
    }

    /// Both operands of a binary operator, a literal taking the type of the other side as in Swift.
    private mutating func operands(_ infix: InfixOperatorExprSyntax, expected: SwiftType?) throws -> (KernelExpression, KernelExpression) {
        var left = try expression(infix.leftOperand, expected: expected)
        var right = try expression(infix.rightOperand, expected: expected ?? (left.literal == nil ? left.type : nil))
        if left.type != right.type {
            if left.literal != nil, right.literal == nil || right.type == .double {
                left = try expression(infix.leftOperand, expected: right.type)
            } else if right.literal != nil {
                right = try expression(infix.rightOperand, expected: left.type)
            }
        }
        guard left.type == right.type else { throw NotAKernel() }
        return (left, right)
    }

    private func arithmetic(_ op: String, _ left: KernelExpression, _ right: KernelExpression, at place: SourceLocation) throws -> KernelExpression {
        if let a = left.int, let b = right.int {
            let code: KernelIntCode
            switch op {
            case "+": code = { r, s in try Arithmetic.add(try a(r, s), try b(r, s), at: place) }
            case "-": code = { r, s in try Arithmetic.subtract(try a(r, s), try b(r, s), at: place) }
            case "*": code = { r, s in try Arithmetic.multiply(try a(r, s), try b(r, s), at: place) }
            case "/": code = { r, s in try Arithmetic.divide(try a(r, s), try b(r, s), at: place) }
            default: code = { r, s in try Arithmetic.remainder(try a(r, s), try b(r, s), at: place) }
            }
            return KernelExpression(type: .int, int: code)
        }
        if let a = left.double, let b = right.double {
            let code: KernelDoubleCode
            switch op {
            case "+": code = { r, s in try a(r, s) + b(r, s) }
            case "-": code = { r, s in try a(r, s) - b(r, s) }
            case "*": code = { r, s in try a(r, s) * b(r, s) }
            case "/": code = { r, s in try a(r, s) / b(r, s) }
            default: throw NotAKernel()
            }
            return KernelExpression(type: .double, double: code)
        }
        throw NotAKernel()
    }

    private func comparison(_ op: String, _ left: KernelExpression, _ right: KernelExpression) throws -> KernelExpression {
        func compare<T: Comparable>(_ a: @escaping (Registers, KernelStack) throws -> T, _ b: @escaping (Registers, KernelStack) throws -> T) -> KernelBoolCode {
            switch op {
            case "<": return { r, s in try a(r, s) < b(r, s) }
            case "<=": return { r, s in try a(r, s) <= b(r, s) }
            case ">": return { r, s in try a(r, s) > b(r, s) }
            case ">=": return { r, s in try a(r, s) >= b(r, s) }
            case "==": return { r, s in try a(r, s) == b(r, s) }
            default: return { r, s in try a(r, s) != b(r, s) }
            }
        }
        if let a = left.int, let b = right.int { return KernelExpression(type: .bool, bool: compare(a, b)) }
        if let a = left.double, let b = right.double { return KernelExpression(type: .bool, bool: compare(a, b)) }
        if let a = left.bool, let b = right.bool, op == "==" || op == "!=" {
            let equal = op == "=="
            return KernelExpression(type: .bool, bool: { r, s in (try a(r, s) == b(r, s)) == equal })
        }
        throw NotAKernel()
    }

    /// A call of a kernel (this function or one compiled before), `Double(_:)` of an `Int`, or a
    /// math function of `Double`s.
    private mutating func call(_ call: FunctionCallExprSyntax, expected: SwiftType?) throws -> KernelExpression {
        guard call.trailingClosure == nil, call.additionalTrailingClosures.isEmpty,
              let callee = call.calledExpression.as(DeclReferenceExprSyntax.self), callee.argumentNames == nil,
              local(callee.baseName.text) == nil else { throw NotAKernel() }
        let name = callee.baseName.text
        let arguments = Array(call.arguments)
        let place = lowerer.location(of: call)

        if name == "Double", arguments.count == 1, arguments[0].label == nil {
            let value = try expression(arguments[0].expression, expected: nil)
            if let code = value.int { return KernelExpression(type: .double, double: { r, s in Double(try code(r, s)) }) }
            if let code = value.double { return KernelExpression(type: .double, double: code) }
            throw NotAKernel()
        }
        let unary: [String: (Double) -> Double] = [
            "sqrt": { $0.squareRoot() }, "exp": { Foundation_exp($0) }, "log": { Foundation_log($0) },
            "sin": { Foundation_sin($0) }, "cos": { Foundation_cos($0) }, "tanh": { Foundation_tanh($0) },
        ]
        if let function = unary[name], arguments.count == 1, arguments[0].label == nil, lowerer.lookup(name) == nil {
            guard let code = try expression(arguments[0].expression, expected: .double).double else { throw NotAKernel() }
            return KernelExpression(type: .double, double: { r, s in function(try code(r, s)) })
        }

        guard case let .function(target, depth)? = lowerer.lookup(name), depth == 0 else { throw NotAKernel() }
        let calleeKernel: ScalarKernel
        if target === info {
            calleeKernel = kernel
        } else if let compiled = target.kernel {
            calleeKernel = compiled
        } else {
            throw NotAKernel()
        }
        guard arguments.count == target.parameters.count else { throw NotAKernel() }
        var codes: [KernelBitsCode] = []
        for (argument, parameter) in zip(arguments, target.parameters) {
            guard argument.label?.text == parameter.label else { throw NotAKernel() }
            let value = try expression(argument.expression, expected: parameter.type)
            guard value.type == parameter.type else { throw NotAKernel() }
            codes.append(value.bitsCode)
        }
        // The callee's registers start where this function's end. Arguments are all computed
        // before any is stored: computing one may call a kernel in those very registers.
        let caller = kernel
        let result: KernelBitsCode
        switch codes.count {
        case 0:
            result = { r, s in try calleeKernel.call(r + caller.slotCount, s, at: place) }
        case 1:
            let first = codes[0]
            result = { r, s in
                let a = try first(r, s)
                let window = r + caller.slotCount
                window[0] = a
                return try calleeKernel.call(window, s, at: place)
            }
        case 2:
            let (first, second) = (codes[0], codes[1])
            result = { r, s in
                let (a, b) = (try first(r, s), try second(r, s))
                let window = r + caller.slotCount
                window[0] = a
                window[1] = b
                return try calleeKernel.call(window, s, at: place)
            }
        default:
            result = { r, s in
                var values: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
                for (index, code) in codes.enumerated() {
                    let value = try code(r, s)
                    switch index {
                    case 0: values.0 = value
                    case 1: values.1 = value
                    case 2: values.2 = value
                    default: values.3 = value
                    }
                }
                let window = r + caller.slotCount
                window[0] = values.0
                window[1] = values.1
                window[2] = values.2
                window[3] = values.3
                return try calleeKernel.call(window, s, at: place)
            }
        }
        switch target.resultType {
        case .int: return KernelExpression(type: .int, int: { r, s in intValue(try result(r, s)) })
        case .double: return KernelExpression(type: .double, double: { r, s in doubleValue(try result(r, s)) })
        default: return KernelExpression(type: .bool, bool: { r, s in try result(r, s) != 0 })
        }
    }
}
