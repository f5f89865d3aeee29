// Scalar kernels: a second compiled form for code that only computes with `Int`, `Double` and
// `Bool`: top-level functions (`fib`, a loss `f(x)`) and top-level loops over such variables (a
// gradient-descent loop). A kernel is a list of register-machine instructions, run by one `switch`
// in a loop; its values live unboxed in a window of a register stack, one `UInt64` each, and a call
// moves the window up instead of making a `Frame`. Nothing is boxed or reference counted on the way.
//
// Code gets a kernel only after its ordinary lowering succeeded, so every name and type has been
// checked as Swift checks them; the kernel compiler then accepts a subset (numbers, arithmetic,
// comparisons, `!`/`&&`/`||`, `?:`, `let`/`var`, assignment, `if`, `while`, `for` over an `Int`
// range, `break`, `continue`, `return`, calls of other kernels, `Double(_:)`, a few math functions)
// and gives up on anything else, leaving the code to the ordinary form. Both forms report the same
// errors at the same places (overflow, division by zero, a bad range, recursion depth, steps, time).

import SwiftSyntax

/// A call's registers, as bit patterns: parameters first, then variables and temporaries.
typealias Registers = UnsafeMutablePointer<UInt64>

/// The register stack of one run (made on the first kernel call), sized for the deepest recursion
/// the limits allow.
final class KernelStack {
    /// The run's context, which owns this stack. Unmanaged: reading it must not retain it (a
    /// retain and a release per call and per loop step were 40% of `fib`'s time).
    private let contextReference: Unmanaged<ExecutionContext>
    let base: Registers
    /// One past the last register.
    let end: Registers
    /// The arrays of the running loop kernel (see `KernelArray`).
    var arrays: UnsafeMutablePointer<KernelArray>?

    init(context: ExecutionContext) {
        contextReference = Unmanaged.passUnretained(context)
        let count = (context.limits.maximumCallDepth + 2) * ScalarKernel.maximumRegisters
        // Left uninitialised (a trivial type): every register is written before it is read, and
        // the pages of a deep stack are only touched by a deep recursion.
        base = Registers.allocate(capacity: count)
        end = base + count
    }

    deinit {
        base.deallocate()
    }

    /// Runs `body` with the context, without retaining it.
    @inline(__always)
    func withContext<Result>(_ body: (ExecutionContext) throws -> Result) rethrows -> Result {
        try contextReference._withUnsafeGuaranteedRef(body)
    }

    /// The run's call depth and steps while kernels run, kept here rather than in the context:
    /// `enter` takes them from the context, `leave` gives the steps back. Kernels never run
    /// ordinary code, so no one reads the context's counters in between.
    var callDepth = 0
    var steps = 0
    private(set) var maximumCallDepth = 0

    @inline(__always)
    func enter() {
        withContext { context in
            callDepth = context.callDepth
            steps = context.steps
            maximumCallDepth = context.limits.maximumCallDepth
        }
    }

    @inline(__always)
    func leave() {
        withContext { $0.steps = steps }
    }

    /// One step (a call or a loop iteration); every 65,536 the context checks the step limit,
    /// the time and the memory, as in the ordinary form.
    @inline(__always)
    func step(at place: SourceLocation) throws {
        steps &+= 1
        if steps & 0xFFFF == 0 {
            let count = steps
            try withContext { context in
                context.steps = count &- 1
                try context.step(at: place)
            }
        }
    }

    /// Runs a kernel from ordinary code.
    @inline(__always)
    func run(_ body: () throws -> UInt64) rethrows -> UInt64 {
        enter()
        defer { leave() }
        return try body()
    }
}

/// An array a loop kernel reads or writes (a global `[Int]`, `[Double]`, `[Bool]`, or an array of
/// them), copied out of its `Value`s into rows of registers before the loop and back after it.
/// A one-dimensional array is one row.
struct KernelArray {
    var rows: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>
    var rowCounts: UnsafeMutablePointer<Int>
    var rowCount: Int
    var isNested: Bool

    /// `a.count`: the rows of a nested array, the elements of a flat one.
    var count: Int { isNested ? rowCount : rowCounts[0] }

    /// The registers of `value`, an array of scalars (`isNested` false) or of arrays of scalars.
    init(_ value: Value, isNested: Bool) {
        self.isNested = isNested
        let rowValues: [Value]
        if isNested, case let .array(outer) = value { rowValues = outer } else { rowValues = [value] }
        rowCount = rowValues.count
        rows = .allocate(capacity: max(rowValues.count, 1))
        rowCounts = .allocate(capacity: max(rowValues.count, 1))
        for (index, row) in rowValues.enumerated() {
            let items: [Value]
            if case let .array(elements) = row { items = elements } else { items = [] }
            let registers = Registers.allocate(capacity: max(items.count, 1))
            for (position, item) in items.enumerated() {
                switch item {
                case let .int(number): registers[position] = bits(number)
                case let .double(number): registers[position] = bits(number)
                case let .bool(flag): registers[position] = bits(flag)
                default: registers[position] = 0
                }
            }
            rows[index] = registers
            rowCounts[index] = items.count
        }
    }

    /// The array as a `Value` again, its elements of type `element`.
    func value(element: SwiftType) -> Value {
        func row(_ index: Int) -> Value {
            let registers = rows[index]
            return .array((0..<rowCounts[index]).map { position in
                switch element {
                case .int: return .int(intValue(registers[position]))
                case .double: return .double(doubleValue(registers[position]))
                default: return .bool(registers[position] != 0)
                }
            })
        }
        return isNested ? .array((0..<rowCount).map(row)) : row(0)
    }

    func deallocate() {
        for index in 0..<rowCount { rows[index].deallocate() }
        rows.deallocate()
        rowCounts.deallocate()
    }
}

extension KernelStack {
    /// The register of `a[i][j]` (`a[j]` of a flat array is row 0), or Swift's error.
    @inline(__always)
    func element(_ array: Int, _ i: Int, _ j: Int, at place: SourceLocation) throws -> Registers {
        guard let arrays else { throw RuntimeError(message: "index out of range", location: place) }
        let held = arrays[array]
        guard i >= 0, i < held.rowCount, j >= 0, j < held.rowCounts[i] else {
            throw RuntimeError(message: "index out of range", location: place)
        }
        return held.rows[i] + j
    }
}

extension ExecutionContext {
    /// The register stack of this run's kernels.
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

// MARK: - Instructions

/// One instruction. Operands are register numbers in the running window; `at` is where an
/// error is reported. Trivial values only (a callee is `Unmanaged`), so running copies nothing
/// that is reference counted.
enum KernelInstruction {
    case constant(UInt64, into: Int)
    case move(Int, into: Int)
    case addInt(Int, Int, into: Int, at: SourceLocation)
    case subtractInt(Int, Int, into: Int, at: SourceLocation)
    case multiplyInt(Int, Int, into: Int, at: SourceLocation)
    case divideInt(Int, Int, into: Int, at: SourceLocation)
    case remainderInt(Int, Int, into: Int, at: SourceLocation)
    case negateInt(Int, into: Int, at: SourceLocation)
    /// `a + k` for a constant `k`: the commonest arithmetic (`n - 1`, `i + 1`).
    case addIntConstant(Int, Int, into: Int, at: SourceLocation)
    case addDouble(Int, Int, into: Int)
    case subtractDouble(Int, Int, into: Int)
    case multiplyDouble(Int, Int, into: Int)
    case divideDouble(Int, Int, into: Int)
    case negateDouble(Int, into: Int)
    case lessInt(Int, Int, into: Int)
    case lessOrEqualInt(Int, Int, into: Int)
    case equalInt(Int, Int, into: Int)
    case notEqualInt(Int, Int, into: Int)
    case lessDouble(Int, Int, into: Int)
    case lessOrEqualDouble(Int, Int, into: Int)
    case equalDouble(Int, Int, into: Int)
    case notEqualDouble(Int, Int, into: Int)
    /// `a < k` for a constant `k` (`n < 2`).
    case lessIntConstant(Int, Int, into: Int)
    case not(Int, into: Int)
    case intToDouble(Int, into: Int)
    case mathFunction(Int, MathFunction, into: Int)
    case jump(to: Int)
    case jumpIfFalse(Int, to: Int)
    case jumpIfTrue(Int, to: Int)
    /// Calls `kernel` with its registers starting at `base` (its arguments already there).
    case call(Unmanaged<ScalarKernel>, base: Int, into: Int, at: SourceLocation)
    /// One step of a loop, counted against the limits.
    case step(at: SourceLocation)
    /// `a[i]` and `a[i][j]` of an array the loop kernel holds (see `KernelArray`), and `a.count`.
    case loadElement(array: Int, Int, into: Int, at: SourceLocation)
    case loadElement2(array: Int, Int, Int, into: Int, at: SourceLocation)
    case storeElement(array: Int, Int, value: Int, at: SourceLocation)
    case storeElement2(array: Int, Int, Int, value: Int, at: SourceLocation)
    case arrayCount(array: Int, into: Int)
    /// `a...b` or `a..<b` needs `a <= b`.
    case checkRange(Int, Int, at: SourceLocation)
    case returnValue(Int)
    /// The end of a loop kernel (top-level code): back to the ordinary form.
    case finish
}

extension KernelInstruction {
    /// The register the instruction writes, and the same instruction writing `register` instead.
    func retargeted(to register: Int) -> KernelInstruction? {
        switch self {
        case let .constant(value, _): return .constant(value, into: register)
        case let .move(a, _): return .move(a, into: register)
        case let .addInt(a, b, _, place): return .addInt(a, b, into: register, at: place)
        case let .subtractInt(a, b, _, place): return .subtractInt(a, b, into: register, at: place)
        case let .multiplyInt(a, b, _, place): return .multiplyInt(a, b, into: register, at: place)
        case let .divideInt(a, b, _, place): return .divideInt(a, b, into: register, at: place)
        case let .remainderInt(a, b, _, place): return .remainderInt(a, b, into: register, at: place)
        case let .negateInt(a, _, place): return .negateInt(a, into: register, at: place)
        case let .addIntConstant(a, k, _, place): return .addIntConstant(a, k, into: register, at: place)
        case let .addDouble(a, b, _): return .addDouble(a, b, into: register)
        case let .subtractDouble(a, b, _): return .subtractDouble(a, b, into: register)
        case let .multiplyDouble(a, b, _): return .multiplyDouble(a, b, into: register)
        case let .divideDouble(a, b, _): return .divideDouble(a, b, into: register)
        case let .negateDouble(a, _): return .negateDouble(a, into: register)
        case let .intToDouble(a, _): return .intToDouble(a, into: register)
        case let .mathFunction(a, function, _): return .mathFunction(a, function, into: register)
        case let .loadElement(array, i, _, place): return .loadElement(array: array, i, into: register, at: place)
        case let .loadElement2(array, i, j, _, place): return .loadElement2(array: array, i, j, into: register, at: place)
        case let .call(callee, base, _, place): return .call(callee, base: base, into: register, at: place)
        default: return nil
        }
    }

    var destination: Int? {
        switch self {
        case let .constant(_, d), let .move(_, d), let .negateInt(_, d, _), let .addIntConstant(_, _, d, _),
             let .negateDouble(_, d), let .intToDouble(_, d), let .mathFunction(_, _, d), let .loadElement(_, _, d, _),
             let .loadElement2(_, _, _, d, _), let .call(_, _, d, _):
            return d
        case let .addInt(_, _, d, _), let .subtractInt(_, _, d, _), let .multiplyInt(_, _, d, _), let .divideInt(_, _, d, _),
             let .remainderInt(_, _, d, _):
            return d
        case let .addDouble(_, _, d), let .subtractDouble(_, _, d), let .multiplyDouble(_, _, d), let .divideDouble(_, _, d):
            return d
        default:
            return nil
        }
    }
}

enum MathFunction {
    case squareRoot, exp, log, sin, cos, tanh

    func apply(_ x: Double) -> Double {
        switch self {
        case .squareRoot: return x.squareRoot()
        case .exp: return Foundation_exp(x)
        case .log: return Foundation_log(x)
        case .sin: return Foundation_sin(x)
        case .cos: return Foundation_cos(x)
        case .tanh: return Foundation_tanh(x)
        }
    }
}

/// Compiled code of numbers: a top-level function, or a top-level loop.
final class ScalarKernel {
    /// A kernel uses at most this many registers.
    static let maximumRegisters = 256
    /// Calls of at most this many arguments are compiled.
    static let maximumArguments = 8

    let parameterTypes: [SwiftType]
    let resultType: SwiftType
    /// Registers used: parameters, variables, temporaries.
    var registerCount = 0
    /// The other kernels this one calls, kept alive as long as it is: its `call` instructions
    /// refer to them unretained.
    var callees: [ScalarKernel] = []
    private var instructions: UnsafeMutablePointer<KernelInstruction>?
    private var instructionCount = 0

    init(parameterTypes: [SwiftType], resultType: SwiftType) {
        self.parameterTypes = parameterTypes
        self.resultType = resultType
    }

    deinit {
        instructions?.deinitialize(count: instructionCount)
        instructions?.deallocate()
    }

    /// Sets the code, once, when the compiler has finished.
    func install(_ code: [KernelInstruction]) {
        let buffer = UnsafeMutablePointer<KernelInstruction>.allocate(capacity: max(code.count, 1))
        buffer.initialize(from: code, count: code.count)
        instructions = buffer
        instructionCount = code.count
    }

    /// Runs the kernel as a call (its arguments in `registers`): one call deeper, one step further.
    @inline(__always)
    func call(_ registers: Registers, _ stack: KernelStack, at place: SourceLocation) throws -> UInt64 {
        stack.callDepth += 1
        defer { stack.callDepth -= 1 }
        if stack.callDepth > stack.maximumCallDepth || registers + registerCount > stack.end {
            throw RuntimeError(message: "call depth exceeds \(stack.maximumCallDepth) (the recursion limit)", location: place)
        }
        try stack.step(at: place)
        return try run(registers, stack)
    }

    /// Runs the instructions in `r` until `return` or the end.
    func run(_ r: Registers, _ stack: KernelStack) throws -> UInt64 {
        guard let code = instructions else { return 0 }
        var pc = 0
        while true {
            switch code[pc] {
            case let .constant(value, into: d):
                r[d] = value
            case let .move(a, into: d):
                r[d] = r[a]
            case let .addInt(a, b, into: d, at: place):
                r[d] = bits(try Arithmetic.add(intValue(r[a]), intValue(r[b]), at: place))
            case let .subtractInt(a, b, into: d, at: place):
                r[d] = bits(try Arithmetic.subtract(intValue(r[a]), intValue(r[b]), at: place))
            case let .multiplyInt(a, b, into: d, at: place):
                r[d] = bits(try Arithmetic.multiply(intValue(r[a]), intValue(r[b]), at: place))
            case let .divideInt(a, b, into: d, at: place):
                r[d] = bits(try Arithmetic.divide(intValue(r[a]), intValue(r[b]), at: place))
            case let .remainderInt(a, b, into: d, at: place):
                r[d] = bits(try Arithmetic.remainder(intValue(r[a]), intValue(r[b]), at: place))
            case let .negateInt(a, into: d, at: place):
                r[d] = bits(try Arithmetic.subtract(0, intValue(r[a]), at: place))
            case let .addIntConstant(a, k, into: d, at: place):
                r[d] = bits(try Arithmetic.add(intValue(r[a]), k, at: place))
            case let .addDouble(a, b, into: d):
                r[d] = bits(doubleValue(r[a]) + doubleValue(r[b]))
            case let .subtractDouble(a, b, into: d):
                r[d] = bits(doubleValue(r[a]) - doubleValue(r[b]))
            case let .multiplyDouble(a, b, into: d):
                r[d] = bits(doubleValue(r[a]) * doubleValue(r[b]))
            case let .divideDouble(a, b, into: d):
                r[d] = bits(doubleValue(r[a]) / doubleValue(r[b]))
            case let .negateDouble(a, into: d):
                r[d] = bits(-doubleValue(r[a]))
            case let .lessInt(a, b, into: d):
                r[d] = bits(intValue(r[a]) < intValue(r[b]))
            case let .lessOrEqualInt(a, b, into: d):
                r[d] = bits(intValue(r[a]) <= intValue(r[b]))
            case let .equalInt(a, b, into: d):
                r[d] = bits(r[a] == r[b])
            case let .notEqualInt(a, b, into: d):
                r[d] = bits(r[a] != r[b])
            case let .lessDouble(a, b, into: d):
                r[d] = bits(doubleValue(r[a]) < doubleValue(r[b]))
            case let .lessOrEqualDouble(a, b, into: d):
                r[d] = bits(doubleValue(r[a]) <= doubleValue(r[b]))
            case let .equalDouble(a, b, into: d):
                r[d] = bits(doubleValue(r[a]) == doubleValue(r[b]))
            case let .notEqualDouble(a, b, into: d):
                r[d] = bits(doubleValue(r[a]) != doubleValue(r[b]))
            case let .lessIntConstant(a, k, into: d):
                r[d] = bits(intValue(r[a]) < k)
            case let .not(a, into: d):
                r[d] = r[a] == 0 ? 1 : 0
            case let .intToDouble(a, into: d):
                r[d] = bits(Double(intValue(r[a])))
            case let .mathFunction(a, function, into: d):
                r[d] = bits(function.apply(doubleValue(r[a])))
            case let .jump(to: target):
                pc = target
                continue
            case let .jumpIfFalse(a, to: target):
                if r[a] == 0 {
                    pc = target
                    continue
                }
            case let .jumpIfTrue(a, to: target):
                if r[a] != 0 {
                    pc = target
                    continue
                }
            case let .call(callee, base: base, into: d, at: place):
                r[d] = try callee._withUnsafeGuaranteedRef { try $0.call(r + base, stack, at: place) }
            case let .step(at: place):
                try stack.step(at: place)
            case let .loadElement(array: index, i, into: d, at: place):
                r[d] = try stack.element(index, 0, intValue(r[i]), at: place).pointee
            case let .loadElement2(array: index, i, j, into: d, at: place):
                r[d] = try stack.element(index, intValue(r[i]), intValue(r[j]), at: place).pointee
            case let .storeElement(array: index, i, value: v, at: place):
                try stack.element(index, 0, intValue(r[i]), at: place).pointee = r[v]
            case let .storeElement2(array: index, i, j, value: v, at: place):
                try stack.element(index, intValue(r[i]), intValue(r[j]), at: place).pointee = r[v]
            case let .arrayCount(array: index, into: d):
                r[d] = bits(stack.arrays.map { $0[index].count } ?? 0)
            case let .checkRange(a, b, at: place):
                if intValue(r[a]) > intValue(r[b]) {
                    throw RuntimeError(message: "range requires lowerBound <= upperBound", location: place)
                }
            case let .returnValue(a):
                return r[a]
            case .finish:
                return 0
            }
            pc += 1
        }
    }
}

// MARK: - The compiler

/// Gives up: the code keeps the ordinary compiled form.
struct NotAKernel: Error {}

/// A global variable a loop kernel uses: its slot in the top-level frame and its register.
struct KernelGlobal {
    var slot: Int
    var register: Int
    var type: SwiftType
    var isAssigned: Bool
}

/// A global array a loop kernel uses: its slot, its number among the kernel's arrays, its element type.
struct KernelArrayGlobal {
    var name: String
    var isLet: Bool
    var slot: Int
    var index: Int
    var element: SwiftType
    var isNested: Bool
    var isAssigned: Bool
}

/// A loop compiled to a kernel: run it in `registers` after loading `globals` into them (and
/// `arrays` into `KernelArray`s), and store back the ones it assigns.
struct LoopKernel {
    let kernel: ScalarKernel
    let globals: [KernelGlobal]
    let arrays: [KernelArrayGlobal]
}

/// Compiles a top-level function or loop to a kernel, or gives up.
struct ScalarKernelCompiler {
    private let lowerer: Lowerer
    private let kernel: ScalarKernel
    /// The function being compiled (for calls of itself); nil for a loop.
    private let info: FunctionInfo?
    private var code: [KernelInstruction] = []
    private var scopes: [[String: (register: Int, type: SwiftType, isLet: Bool)]] = [[:]]
    /// For a loop kernel: the globals it reads or writes, by name.
    private var globals: [String: KernelGlobal] = [:]
    private var arrays: [String: KernelArrayGlobal] = [:]
    private var allowsGlobals = false
    /// The innermost loop's `break` jumps (patched at its end) and `continue` target.
    private var loops: [(breaks: [Int], continueTarget: Int?, continues: [Int])] = []
    /// Registers holding intermediate values, and the instructions some jump lands on.
    private var temporaries: Set<Int> = []
    private var jumpTargets: Set<Int> = []

    /// The kernel of a top-level function, or nil when it uses anything outside the subset.
    static func compile(_ syntax: FunctionDeclSyntax, info: FunctionInfo, lowerer: Lowerer) -> ScalarKernel? {
        let scalar: Set<SwiftType> = [.int, .double, .bool]
        guard info.owner == nil, scalar.contains(info.resultType), info.parameters.count <= ScalarKernel.maximumArguments,
              info.parameters.allSatisfy({ scalar.contains($0.type) && $0.defaultValue == nil }),
              let body = syntax.body else { return nil }
        let kernel = ScalarKernel(parameterTypes: info.parameters.map(\.type), resultType: info.resultType)
        var compiler = ScalarKernelCompiler(lowerer: lowerer, kernel: kernel, info: info)
        do {
            for parameter in info.parameters { _ = try compiler.declare(parameter.name, type: parameter.type, isLet: true) }
            let statements = body.statements
            if statements.count == 1, case let .expr(expression)? = statements.first?.item,
               !expression.is(IfExprSyntax.self), !expression.is(SwitchExprSyntax.self) {
                let value = try compiler.expression(expression, expected: info.resultType)
                guard value.type == info.resultType else { return nil }
                compiler.emit(.returnValue(value.register))
            } else {
                try compiler.block(statements)
                // The ordinary lowering proved every path returns; a path that does not is a loop
                // that never ends, so nothing follows it.
                compiler.emit(.finish)
            }
        } catch {
            return nil
        }
        kernel.install(compiler.code)
        return kernel
    }

    /// The kernel of a top-level `for` or `while` loop over numbers, or nil.
    static func compileLoop(_ statement: StmtSyntax, lowerer: Lowerer) -> LoopKernel? {
        guard statement.is(ForStmtSyntax.self) || statement.is(WhileStmtSyntax.self) else { return nil }
        let kernel = ScalarKernel(parameterTypes: [], resultType: .void)
        var compiler = ScalarKernelCompiler(lowerer: lowerer, kernel: kernel, info: nil)
        compiler.allowsGlobals = true
        do {
            // Every global the loop may name gets its register first, below any call's registers:
            // it is loaded once, before the loop, and must survive every call in it.
            let scalars: Set<SwiftType> = [.int, .double, .bool]
            for token in statement.tokens(viewMode: .sourceAccurate) {
                guard case let .identifier(name) = token.tokenKind, compiler.globals[name] == nil, compiler.arrays[name] == nil,
                      case let .variable(slot, depth, type, isLet)? = lowerer.lookup(name), depth == 0 else { continue }
                if scalars.contains(type) {
                    compiler.globals[name] = KernelGlobal(slot: slot, register: try compiler.newRegister(), type: type, isAssigned: false)
                } else if case let .array(element) = type, scalars.contains(element) {
                    compiler.arrays[name] = KernelArrayGlobal(name: name, isLet: isLet, slot: slot, index: compiler.arrays.count, element: element,
                                                              isNested: false, isAssigned: false)
                } else if case let .array(.array(element)) = type, scalars.contains(element) {
                    compiler.arrays[name] = KernelArrayGlobal(name: name, isLet: isLet, slot: slot, index: compiler.arrays.count, element: element,
                                                              isNested: true, isAssigned: false)
                }
            }
            try compiler.statement(statement)
            compiler.emit(.finish)
        } catch {
            return nil
        }
        kernel.install(compiler.code)
        return LoopKernel(kernel: kernel, globals: compiler.globals.values.sorted { $0.register < $1.register },
                          arrays: compiler.arrays.values.sorted { $0.index < $1.index })
    }

    private init(lowerer: Lowerer, kernel: ScalarKernel, info: FunctionInfo?) {
        self.lowerer = lowerer
        self.kernel = kernel
        self.info = info
    }

    // MARK: Registers and names

    /// Appends an instruction. A move of a temporary that the instruction before just computed
    /// is folded into it (`n - 1` computed straight into the callee's first register), unless a
    /// jump lands between the two.
    private mutating func emit(_ instruction: KernelInstruction) {
        if case let .move(source, into: destination) = instruction, temporaries.contains(source),
           !jumpTargets.contains(code.count), let last = code.last, last.destination == source,
           let folded = last.retargeted(to: destination) {
            code[code.count - 1] = folded
            return
        }
        code.append(instruction)
    }

    /// A register for an intermediate value, written once and read once.
    private mutating func newTemporary() throws -> Int {
        let register = try newRegister()
        temporaries.insert(register)
        return register
    }

    /// Drops the constant just emitted for `value` when an instruction takes it inline instead.
    private mutating func dropConstant(of value: Value) {
        if case let .constant(_, into: register)? = code.last, register == value.register, temporaries.contains(register),
           !jumpTargets.contains(code.count - 1) {
            code.removeLast()
        }
    }

    private mutating func newRegister() throws -> Int {
        guard kernel.registerCount < ScalarKernel.maximumRegisters else { throw NotAKernel() }
        kernel.registerCount += 1
        return kernel.registerCount - 1
    }

    private mutating func declare(_ name: String, type: SwiftType, isLet: Bool) throws -> Int {
        let register = try newRegister()
        scopes[scopes.count - 1][name] = (register, type, isLet)
        return register
    }

    /// A name's register: a local, a parameter, or (in a loop kernel) a global `Int`, `Double` or `Bool`.
    private mutating func variable(_ name: String) throws -> (register: Int, type: SwiftType, isLet: Bool)? {
        for scope in scopes.reversed() {
            if let found = scope[name] { return found }
        }
        guard allowsGlobals, let global = globals[name],
              case let .variable(_, _, _, isLet)? = lowerer.lookup(name) else { return nil }
        return (global.register, global.type, isLet)
    }

    private mutating func scoped(_ body: (inout ScalarKernelCompiler) throws -> Void) rethrows {
        scopes.append([:])
        defer { scopes.removeLast() }
        try body(&self)
    }

    // MARK: Statements

    private mutating func block(_ statements: CodeBlockItemListSyntax) throws {
        for item in statements {
            switch item.item {
            case let .decl(declaration): try variableDeclaration(declaration)
            case let .stmt(statement): try self.statement(statement)
            case let .expr(expression): try expressionStatement(expression)
            }
        }
    }

    private mutating func variableDeclaration(_ declaration: DeclSyntax) throws {
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
        let register = try declare(pattern.identifier.text, type: value.type, isLet: variable.bindingSpecifier.tokenKind == .keyword(.let))
        emit(.move(value.register, into: register))
    }

    private mutating func statement(_ statement: StmtSyntax) throws {
        if let expressionStatement = statement.as(ExpressionStmtSyntax.self) {
            try self.expressionStatement(expressionStatement.expression)
        } else if let returnStatement = statement.as(ReturnStmtSyntax.self) {
            guard let info, let returned = returnStatement.expression else { throw NotAKernel() }
            let value = try expression(returned, expected: info.resultType)
            guard value.type == info.resultType else { throw NotAKernel() }
            emit(.returnValue(value.register))
        } else if let breakStatement = statement.as(BreakStmtSyntax.self), breakStatement.label == nil, !loops.isEmpty {
            loops[loops.count - 1].breaks.append(code.count)
            emit(.jump(to: -1))
        } else if let continueStatement = statement.as(ContinueStmtSyntax.self), continueStatement.label == nil, !loops.isEmpty {
            if let target = loops[loops.count - 1].continueTarget {
                jumpTargets.insert(target)
                emit(.jump(to: target))
            } else {
                loops[loops.count - 1].continues.append(code.count)
                emit(.jump(to: -1))
            }
        } else if let whileStatement = statement.as(WhileStmtSyntax.self) {
            try whileLoop(whileStatement)
        } else if let forStatement = statement.as(ForStmtSyntax.self) {
            try forLoop(forStatement)
        } else {
            throw NotAKernel()
        }
    }

    private mutating func expressionStatement(_ expression: ExprSyntax) throws {
        if let conditional = expression.as(IfExprSyntax.self) {
            try ifStatement(conditional)
        } else if let infix = expression.as(InfixOperatorExprSyntax.self) {
            try assignment(infix)
        } else {
            throw NotAKernel()
        }
    }

    private mutating func condition(_ conditions: ConditionElementListSyntax) throws -> Int {
        guard conditions.count == 1, case let .expression(expression)? = conditions.first?.condition else { throw NotAKernel() }
        let value = try self.expression(expression, expected: .bool)
        guard value.type == .bool else { throw NotAKernel() }
        return value.register
    }

    /// Sets the target of the jump at `index` to the next instruction.
    private mutating func patch(_ index: Int) {
        patch(index, to: code.count)
    }

    private mutating func patch(_ index: Int, to target: Int) {
        jumpTargets.insert(target)
        switch code[index] {
        case .jump: code[index] = .jump(to: target)
        case let .jumpIfFalse(a, _): code[index] = .jumpIfFalse(a, to: target)
        case let .jumpIfTrue(a, _): code[index] = .jumpIfTrue(a, to: target)
        default: break
        }
    }

    private mutating func ifStatement(_ syntax: IfExprSyntax) throws {
        let test = try condition(syntax.conditions)
        let skip = code.count
        emit(.jumpIfFalse(test, to: -1))
        try scoped { try $0.block(syntax.body.statements) }
        guard let elseBody = syntax.elseBody else {
            patch(skip)
            return
        }
        let end = code.count
        emit(.jump(to: -1))
        patch(skip)
        switch elseBody {
        case let .ifExpr(next): try ifStatement(next)
        case let .codeBlock(block): try scoped { try $0.block(block.statements) }
        }
        patch(end)
    }

    private mutating func whileLoop(_ syntax: WhileStmtSyntax) throws {
        let start = code.count
        let test = try condition(syntax.conditions)
        let exit = code.count
        emit(.jumpIfFalse(test, to: -1))
        emit(.step(at: lowerer.location(of: syntax)))
        loops.append((breaks: [], continueTarget: start, continues: []))
        try scoped { try $0.block(syntax.body.statements) }
        jumpTargets.insert(start)
        emit(.jump(to: start))
        let loop = loops.removeLast()
        patch(exit)
        for index in loop.breaks { patch(index) }
    }

    /// `for i in a..<b` and `for i in a...b` over `Int`s (`_` for no name), as the ordinary form runs them.
    private mutating func forLoop(_ syntax: ForStmtSyntax) throws {
        guard syntax.whereClause == nil, syntax.tryKeyword == nil, syntax.awaitKeyword == nil, syntax.caseKeyword == nil,
              let range = syntax.sequence.as(InfixOperatorExprSyntax.self),
              let op = range.operator.as(BinaryOperatorExprSyntax.self)?.operator.text, op == "..<" || op == "..." else {
            throw NotAKernel()
        }
        let lower = try expression(range.leftOperand, expected: .int)
        let upper = try expression(range.rightOperand, expected: .int)
        guard lower.type == .int, upper.type == .int else { throw NotAKernel() }
        emit(.checkRange(lower.register, upper.register, at: lowerer.location(of: range)))
        // The bounds are read once, before the loop.
        let counter = try newRegister()
        let end = try newRegister()
        let test = try newRegister()
        emit(.move(lower.register, into: counter))
        emit(.move(upper.register, into: end))
        let closed = op == "..."
        try scoped { compiler in
            var name: Int?
            if let identifier = syntax.pattern.as(IdentifierPatternSyntax.self) {
                name = try compiler.declare(identifier.identifier.text, type: .int, isLet: true)
            } else if !syntax.pattern.is(WildcardPatternSyntax.self) {
                throw NotAKernel()
            }
            let start = compiler.code.count
            compiler.emit(closed ? .lessOrEqualInt(counter, end, into: test) : .lessInt(counter, end, into: test))
            let exit = compiler.code.count
            compiler.emit(.jumpIfFalse(test, to: -1))
            compiler.emit(.step(at: compiler.lowerer.location(of: syntax)))
            if let name { compiler.emit(.move(counter, into: name)) }
            compiler.loops.append((breaks: [], continueTarget: nil, continues: []))
            try compiler.block(syntax.body.statements)
            let loop = compiler.loops.removeLast()
            for index in loop.continues { compiler.patch(index) }
            // A closed range may end at Int.max: stop after the last value without counting past it.
            compiler.emit(.equalInt(counter, end, into: test))
            let last = compiler.code.count
            compiler.emit(.jumpIfTrue(test, to: -1))
            compiler.emit(.addIntConstant(counter, 1, into: counter, at: compiler.lowerer.location(of: syntax)))
            compiler.jumpTargets.insert(start)
            compiler.emit(.jump(to: start))
            compiler.patch(exit)
            compiler.patch(last)
            for index in loop.breaks { compiler.patch(index) }
        }
    }

    /// `x = e` and `x op= e` on a `var`, or on an element of a held array (`c[i][j] = total`).
    private mutating func assignment(_ infix: InfixOperatorExprSyntax) throws {
        if infix.leftOperand.is(SubscriptCallExprSyntax.self) {
            try elementAssignment(infix)
            return
        }
        guard let target = infix.leftOperand.as(DeclReferenceExprSyntax.self), target.argumentNames == nil,
              let variable = try variable(target.baseName.text), !variable.isLet else { throw NotAKernel() }
        if globals[target.baseName.text]?.register == variable.register {
            globals[target.baseName.text]?.isAssigned = true
        }
        if infix.operator.is(AssignmentExprSyntax.self) {
            let value = try expression(infix.rightOperand, expected: variable.type)
            guard value.type == variable.type else { throw NotAKernel() }
            emit(.move(value.register, into: variable.register))
            return
        }
        guard let text = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text, text.count == 2, text.hasSuffix("="),
              let op = text.first.map(String.init), ["+", "-", "*", "/", "%"].contains(op) else { throw NotAKernel() }
        let operand = try expression(infix.rightOperand, expected: variable.type)
        guard operand.type == variable.type else { throw NotAKernel() }
        try arithmetic(op, Value(type: variable.type, register: variable.register), operand,
                       into: variable.register, at: lowerer.location(of: target))
    }

    /// `a[i] = e`, `a[i][j] op= e`: the indexes, then the value, then the store, which checks the
    /// indexes (Swift evaluates the right side before the subscript's setter runs).
    private mutating func elementAssignment(_ infix: InfixOperatorExprSyntax) throws {
        guard let access = try elementAccess(infix.leftOperand), !access.array.isLet else { throw NotAKernel() }
        let element = access.array.element
        var value: Value
        if infix.operator.is(AssignmentExprSyntax.self) {
            value = try expression(infix.rightOperand, expected: element)
            guard value.type == element else { throw NotAKernel() }
        } else {
            guard let text = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text, text.count == 2, text.hasSuffix("="),
                  let op = text.first.map(String.init), ["+", "-", "*", "/", "%"].contains(op) else { throw NotAKernel() }
            let current = try newRegister()
            if let j = access.j {
                emit(.loadElement2(array: access.array.index, access.i, j, into: current, at: access.place))
            } else {
                emit(.loadElement(array: access.array.index, access.i, into: current, at: access.place))
            }
            let operand = try expression(infix.rightOperand, expected: element)
            guard operand.type == element else { throw NotAKernel() }
            let result = try newRegister()
            try arithmetic(op, Value(type: element, register: current), operand, into: result, at: access.place)
            value = Value(type: element, register: result)
        }
        if let j = access.j {
            emit(.storeElement2(array: access.array.index, access.i, j, value: value.register, at: access.place))
        } else {
            emit(.storeElement(array: access.array.index, access.i, value: value.register, at: access.place))
        }
        arrays[access.array.name]?.isAssigned = true
    }

    // MARK: Expressions

    /// An expression's result: its type and the register holding it.
    private struct Value {
        var type: SwiftType
        var register: Int
        /// A number literal, whose type may still follow the other operand's.
        var isLiteral = false
        var constantInt: Int?
    }

    /// Compiler state to go back to when an operand is compiled again with another type.
    private var mark: (code: Int, registers: Int) { (code.count, kernel.registerCount) }

    private mutating func rewind(to mark: (code: Int, registers: Int)) {
        code.removeSubrange(mark.code...)
        kernel.registerCount = mark.registers
        temporaries = temporaries.filter { $0 < mark.registers }
        jumpTargets = jumpTargets.filter { $0 <= mark.code }
    }

    private mutating func constant(_ value: UInt64, type: SwiftType) throws -> Value {
        let register = try newTemporary()
        emit(.constant(value, into: register))
        return Value(type: type, register: register)
    }

    private mutating func expression(_ syntax: ExprSyntax, expected: SwiftType?) throws -> Value {
        if let literal = syntax.as(IntegerLiteralExprSyntax.self) {
            return try integerLiteral(literal.literal.text, negative: false, expected: expected)
        }
        if let literal = syntax.as(FloatLiteralExprSyntax.self) {
            guard expected == nil || expected == .double,
                  let value = Double(literal.literal.text.replacingOccurrences(of: "_", with: "")) else { throw NotAKernel() }
            var result = try constant(bits(value), type: .double)
            result.isLiteral = true
            return result
        }
        if let literal = syntax.as(BooleanLiteralExprSyntax.self) {
            return try constant(bits(literal.literal.tokenKind == .keyword(.true)), type: .bool)
        }
        if let reference = syntax.as(DeclReferenceExprSyntax.self), reference.argumentNames == nil {
            guard let variable = try variable(reference.baseName.text) else { throw NotAKernel() }
            return Value(type: variable.type, register: variable.register)
        }
        if let tuple = syntax.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
            return try expression(only.expression, expected: expected)
        }
        if let prefix = syntax.as(PrefixOperatorExprSyntax.self) {
            return try self.prefix(prefix, expected: expected)
        }
        if let infix = syntax.as(InfixOperatorExprSyntax.self) {
            return try self.infix(infix, expected: expected)
        }
        if let ternary = syntax.as(TernaryExprSyntax.self) {
            return try self.ternary(ternary, expected: expected)
        }
        if let call = syntax.as(FunctionCallExprSyntax.self) {
            return try self.call(call)
        }
        if let access = try elementAccess(syntax) {
            let register = try newTemporary()
            switch (access.j, access.array.isNested) {
            case let (j?, true): emit(.loadElement2(array: access.array.index, access.i, j, into: register, at: access.place))
            case (nil, false): emit(.loadElement(array: access.array.index, access.i, into: register, at: access.place))
            default: throw NotAKernel()
            }
            return Value(type: access.array.element, register: register)
        }
        if let member = syntax.as(MemberAccessExprSyntax.self), member.declName.baseName.text == "count",
           let base = member.base?.as(DeclReferenceExprSyntax.self), let array = array(named: base.baseName.text) {
            let register = try newTemporary()
            emit(.arrayCount(array: array.index, into: register))
            return Value(type: .int, register: register)
        }
        throw NotAKernel()
    }

    /// A global array the loop kernel holds, unless a local of the same name hides it.
    private func array(named name: String) -> KernelArrayGlobal? {
        guard allowsGlobals, scopes.allSatisfy({ $0[name] == nil }) else { return nil }
        return arrays[name]
    }

    /// `a[i]` of a flat array or `a[i][j]` of a nested one: the array, the index registers, and
    /// where an index out of range is reported (the start of the expression, as the ordinary form does).
    private mutating func elementAccess(_ syntax: ExprSyntax) throws -> (array: KernelArrayGlobal, i: Int, j: Int?, place: SourceLocation)? {
        guard let outer = syntax.as(SubscriptCallExprSyntax.self), outer.arguments.count == 1,
              let outerIndex = outer.arguments.first, outerIndex.label == nil, outer.trailingClosure == nil else { return nil }
        let place = lowerer.location(of: syntax)
        if let name = outer.calledExpression.as(DeclReferenceExprSyntax.self), let array = array(named: name.baseName.text), !array.isNested {
            let index = try expression(outerIndex.expression, expected: .int)
            guard index.type == .int else { throw NotAKernel() }
            return (array, index.register, nil, place)
        }
        guard let inner = outer.calledExpression.as(SubscriptCallExprSyntax.self), inner.arguments.count == 1,
              let innerIndex = inner.arguments.first, innerIndex.label == nil, inner.trailingClosure == nil,
              let name = inner.calledExpression.as(DeclReferenceExprSyntax.self), let array = array(named: name.baseName.text),
              array.isNested else { return nil }
        let i = try expression(innerIndex.expression, expected: .int)
        let j = try expression(outerIndex.expression, expected: .int)
        guard i.type == .int, j.type == .int else { throw NotAKernel() }
        return (array, i.register, j.register, place)
    }

    /// An integer literal as the ordinary form types it: an `Int`, or a `Double` where one is expected.
    private mutating func integerLiteral(_ text: String, negative: Bool, expected: SwiftType?) throws -> Value {
        let digits = text.replacingOccurrences(of: "_", with: "")
        // Only plain decimal literals; the ordinary form handles `0x…`, `0b…` and `0o…`.
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw NotAKernel() }
        if expected == .double {
            // An integer literal is an integer first: `-0` as a Double is 0.0, not -0.0.
            guard let magnitude = Int(digits) else { throw NotAKernel() }
            let value = Double(negative ? -magnitude : magnitude)
            var result = try constant(bits(value), type: .double)
            result.isLiteral = true
            return result
        }
        guard expected == nil || expected == .int, let value = Int((negative ? "-" : "") + digits) else { throw NotAKernel() }
        var result = try constant(bits(value), type: .int)
        result.isLiteral = true
        result.constantInt = value
        return result
    }

    private mutating func prefix(_ prefix: PrefixOperatorExprSyntax, expected: SwiftType?) throws -> Value {
        switch prefix.operator.text {
        case "-":
            if let literal = prefix.expression.as(IntegerLiteralExprSyntax.self) {
                return try integerLiteral(literal.literal.text, negative: true, expected: expected)
            }
            let operand = try expression(prefix.expression, expected: expected)
            let register = try newTemporary()
            switch operand.type {
            case .int: emit(.negateInt(operand.register, into: register, at: lowerer.location(of: prefix)))
            case .double: emit(.negateDouble(operand.register, into: register))
            default: throw NotAKernel()
            }
            var result = Value(type: operand.type, register: register)
            result.isLiteral = operand.isLiteral
            return result
        case "!":
            let operand = try expression(prefix.expression, expected: .bool)
            guard operand.type == .bool else { throw NotAKernel() }
            let register = try newTemporary()
            emit(.not(operand.register, into: register))
            return Value(type: .bool, register: register)
        default:
            throw NotAKernel()
        }
    }

    private mutating func ternary(_ ternary: TernaryExprSyntax, expected: SwiftType?) throws -> Value {
        let test = try expression(ternary.condition, expected: .bool)
        guard test.type == .bool else { throw NotAKernel() }
        let result = try newTemporary()
        let skip = code.count
        emit(.jumpIfFalse(test.register, to: -1))
        let thenMark = mark
        var first = try expression(ternary.thenExpression, expected: expected)
        // The else branch's type, found by compiling it once and throwing the code away.
        let probe = mark
        let elseType = try expression(ternary.elseExpression, expected: expected ?? first.type).type
        rewind(to: probe)
        if first.type != elseType, first.isLiteral {
            rewind(to: thenMark)
            first = try expression(ternary.thenExpression, expected: elseType)
        }
        guard first.type == elseType else { throw NotAKernel() }
        emit(.move(first.register, into: result))
        let end = code.count
        emit(.jump(to: -1))
        patch(skip)
        let second = try expression(ternary.elseExpression, expected: expected ?? first.type)
        guard second.type == first.type else { throw NotAKernel() }
        emit(.move(second.register, into: result))
        patch(end)
        return Value(type: first.type, register: result)
    }

    private mutating func infix(_ infix: InfixOperatorExprSyntax, expected: SwiftType?) throws -> Value {
        guard let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text else { throw NotAKernel() }
        switch op {
        case "&&", "||":
            let result = try newTemporary()
            let left = try expression(infix.leftOperand, expected: .bool)
            guard left.type == .bool else { throw NotAKernel() }
            emit(.move(left.register, into: result))
            let skip = code.count
            emit(op == "&&" ? .jumpIfFalse(result, to: -1) : .jumpIfTrue(result, to: -1))
            let right = try expression(infix.rightOperand, expected: .bool)
            guard right.type == .bool else { throw NotAKernel() }
            emit(.move(right.register, into: result))
            patch(skip)
            return Value(type: .bool, register: result)
        case "+", "-", "*", "/", "%":
            let (left, right) = try operands(infix, expected: expected)
            let result = try newTemporary()
            try arithmetic(op, left, right, into: result, at: ordinaryLocation(of: infix.leftOperand))
            return Value(type: left.type, register: result)
        case "<", "<=", ">", ">=", "==", "!=":
            let (left, right) = try operands(infix, expected: nil)
            let result = try newTemporary()
            try comparison(op, left, right, into: result)
            return Value(type: .bool, register: result)
        default:
            throw NotAKernel()
        }
    }

    /// Where the ordinary form says an expression is, which is where it reports an operator's
    /// error (at the operator's left operand): parentheses add nothing, an arithmetic or
    /// comparison operator is where its left operand is, `&&` and `||` are at the operator.
    private func ordinaryLocation(of expression: ExprSyntax) -> SourceLocation {
        var current = expression
        while true {
            if let tuple = current.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
                current = only.expression
            } else if let infix = current.as(InfixOperatorExprSyntax.self), let op = infix.operator.as(BinaryOperatorExprSyntax.self) {
                if op.operator.text == "&&" || op.operator.text == "||" { return lowerer.location(of: op) }
                current = infix.leftOperand
            } else {
                return lowerer.location(of: current)
            }
        }
    }

    /// Both operands of a binary operator, a literal taking the type of the other side as in Swift.
    private mutating func operands(_ infix: InfixOperatorExprSyntax, expected: SwiftType?) throws -> (Value, Value) {
        let start = mark
        var left = try expression(infix.leftOperand, expected: expected)
        let afterLeft = mark
        var right = try expression(infix.rightOperand, expected: expected ?? (left.isLiteral ? nil : left.type))
        if left.type != right.type {
            if left.isLiteral, !right.isLiteral || right.type == .double {
                // The left literal takes the right side's type: compile both again in order.
                rewind(to: start)
                left = try expression(infix.leftOperand, expected: right.type)
                right = try expression(infix.rightOperand, expected: left.type)
            } else if right.isLiteral {
                rewind(to: afterLeft)
                right = try expression(infix.rightOperand, expected: left.type)
            }
        }
        guard left.type == right.type else { throw NotAKernel() }
        return (left, right)
    }

    private mutating func arithmetic(_ op: String, _ left: Value, _ right: Value, into d: Int, at place: SourceLocation) throws {
        let (a, b) = (left.register, right.register)
        switch (left.type, op) {
        case (.int, "+") where right.constantInt != nil:
            dropConstant(of: right)
            emit(.addIntConstant(a, right.constantInt ?? 0, into: d, at: place))
        case (.int, "-") where right.constantInt.map({ $0 != Int.min }) == true:
            // `n - k` is `n + (-k)`, with the same overflow.
            dropConstant(of: right)
            emit(.addIntConstant(a, -(right.constantInt ?? 0), into: d, at: place))
        case (.int, "+"): emit(.addInt(a, b, into: d, at: place))
        case (.int, "-"): emit(.subtractInt(a, b, into: d, at: place))
        case (.int, "*"): emit(.multiplyInt(a, b, into: d, at: place))
        case (.int, "/"): emit(.divideInt(a, b, into: d, at: place))
        case (.int, "%"): emit(.remainderInt(a, b, into: d, at: place))
        case (.double, "+"): emit(.addDouble(a, b, into: d))
        case (.double, "-"): emit(.subtractDouble(a, b, into: d))
        case (.double, "*"): emit(.multiplyDouble(a, b, into: d))
        case (.double, "/"): emit(.divideDouble(a, b, into: d))
        default: throw NotAKernel()
        }
    }

    private mutating func comparison(_ op: String, _ left: Value, _ right: Value, into d: Int) throws {
        let (a, b) = (left.register, right.register)
        switch (left.type, op) {
        case (.int, "<") where right.constantInt != nil:
            dropConstant(of: right)
            emit(.lessIntConstant(a, right.constantInt ?? 0, into: d))
        case (.int, "<"): emit(.lessInt(a, b, into: d))
        case (.int, "<="): emit(.lessOrEqualInt(a, b, into: d))
        case (.int, ">"): emit(.lessInt(b, a, into: d))
        case (.int, ">="): emit(.lessOrEqualInt(b, a, into: d))
        case (.int, "=="), (.bool, "=="): emit(.equalInt(a, b, into: d))
        case (.int, "!="), (.bool, "!="): emit(.notEqualInt(a, b, into: d))
        case (.double, "<"): emit(.lessDouble(a, b, into: d))
        case (.double, "<="): emit(.lessOrEqualDouble(a, b, into: d))
        case (.double, ">"): emit(.lessDouble(b, a, into: d))
        case (.double, ">="): emit(.lessOrEqualDouble(b, a, into: d))
        case (.double, "=="): emit(.equalDouble(a, b, into: d))
        case (.double, "!="): emit(.notEqualDouble(a, b, into: d))
        default: throw NotAKernel()
        }
    }

    /// A call of a kernel (this function or one compiled before), `Double(_:)` of an `Int`, or a
    /// math function of a `Double`.
    private mutating func call(_ call: FunctionCallExprSyntax) throws -> Value {
        guard call.trailingClosure == nil, call.additionalTrailingClosures.isEmpty,
              let callee = call.calledExpression.as(DeclReferenceExprSyntax.self), callee.argumentNames == nil,
              try variable(callee.baseName.text) == nil || scopes.allSatisfy({ $0[callee.baseName.text] == nil }) && globals[callee.baseName.text] == nil
        else { throw NotAKernel() }
        let name = callee.baseName.text
        let arguments = Array(call.arguments)
        let place = lowerer.location(of: call)

        if name == "Double", arguments.count == 1, arguments[0].label == nil, lowerer.lookup(name) == nil {
            let value = try expression(arguments[0].expression, expected: nil)
            switch value.type {
            case .double: return value
            case .int:
                let register = try newTemporary()
                emit(.intToDouble(value.register, into: register))
                return Value(type: .double, register: register)
            default: throw NotAKernel()
            }
        }
        let functions: [String: MathFunction] = ["sqrt": .squareRoot, "exp": .exp, "log": .log, "sin": .sin, "cos": .cos, "tanh": .tanh]
        if let function = functions[name], arguments.count == 1, arguments[0].label == nil, lowerer.lookup(name) == nil {
            let value = try expression(arguments[0].expression, expected: .double)
            guard value.type == .double else { throw NotAKernel() }
            let register = try newTemporary()
            emit(.mathFunction(value.register, function, into: register))
            return Value(type: .double, register: register)
        }

        guard case let .function(target, depth)? = lowerer.lookup(name), depth == 0 else { throw NotAKernel() }
        let calleeKernel: ScalarKernel
        if let info, target === info {
            calleeKernel = kernel
        } else if let compiled = target.kernel {
            calleeKernel = compiled
        } else {
            throw NotAKernel()
        }
        guard arguments.count == target.parameters.count, arguments.count <= ScalarKernel.maximumArguments else { throw NotAKernel() }
        // Each argument is computed, then moved into the block of registers the callee starts at.
        // The block is taken after the arguments are computed, above every register in use, so
        // the call (whose registers go on above it) overwrites nothing the caller still needs.
        var values: [Value] = []
        for (argument, parameter) in zip(arguments, target.parameters) {
            guard argument.label?.text == parameter.label else { throw NotAKernel() }
            let value = try expression(argument.expression, expected: parameter.type)
            guard value.type == parameter.type else { throw NotAKernel() }
            values.append(value)
        }
        let base = kernel.registerCount
        for (index, value) in values.enumerated() {
            emit(.move(value.register, into: base + index))
        }
        let result = try newTemporary()
        // The callee's registers may overwrite `result` and everything above `base`: the call's
        // value is written after it returns, and nothing above `base` is live across it.
        if calleeKernel !== kernel, !kernel.callees.contains(where: { $0 === calleeKernel }) { kernel.callees.append(calleeKernel) }
        emit(.call(Unmanaged.passUnretained(calleeKernel), base: base, into: result, at: place))
        // Reserve the argument block for the calls a later statement makes from here.
        while kernel.registerCount < base + values.count + 1 { _ = try newRegister() }
        return Value(type: target.resultType, register: result)
    }
}
