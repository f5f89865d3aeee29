import SwiftSyntax

extension Lowerer {
    // MARK: Blocks

    /// Lowers a list of statements into one: runs them in order until one does not finish normally.
    /// Functions and structs declared in the block are declared first, so they can be used above
    /// their declaration (and call each other), as in Swift.
    func lowerStatements(_ items: CodeBlockItemListSyntax) throws -> StatementCode {
        try declareTypesAndFunctions(in: items)
        markLastUses(in: items)
        var codes: [StatementCode] = []
        for item in items {
            if let code = try lowerItem(item) { codes.append(code) }
        }
        return sequence(codes)
    }

    /// Finds the last use of each `let` declared in a block, as compiled Swift's optimizer does, so
    /// that `predictions - ys` can reuse `predictions`'s storage when nothing reads it again: the
    /// name occurs once after its declaration, in a later statement of the same block, and not
    /// inside a loop or a closure there (which could run it twice). The top level is left out:
    /// its names outlive the code being run, for the cells after it.
    func markLastUses(in items: CodeBlockItemListSyntax) {
        guard scopes.last !== globals else { return }
        let list = Array(items)
        for (index, item) in list.enumerated() {
            guard case let .decl(declaration) = item.item, let variable = declaration.as(VariableDeclSyntax.self),
                  variable.bindingSpecifier.tokenKind == .keyword(.let), variable.bindings.count == 1,
                  let pattern = variable.bindings.first?.pattern.as(IdentifierPatternSyntax.self) else { continue }
            let name = pattern.identifier.tokenKind
            var uses: [(token: TokenSyntax, statement: CodeBlockItemSyntax)] = []
            for later in list[(index + 1)...] {
                for token in later.tokens(viewMode: .sourceAccurate) where token.tokenKind == name {
                    uses.append((token, later))
                }
            }
            guard uses.count == 1, let use = uses.first, let reference = use.token.parent?.as(DeclReferenceExprSyntax.self),
                  reference.argumentNames == nil,
                  !(reference.parent?.as(MemberAccessExprSyntax.self).map { $0.declName.id == reference.id } ?? false) else { continue }
            var node = reference.parent
            var repeats = false
            while let current = node, current.id != use.statement.id {
                if current.is(ForStmtSyntax.self) || current.is(WhileStmtSyntax.self) || current.is(RepeatStmtSyntax.self)
                    || current.is(ClosureExprSyntax.self) || current.is(FunctionDeclSyntax.self) {
                    repeats = true
                    break
                }
                node = current.parent
            }
            if !repeats { lastUses.insert(reference.id) }
        }
    }

    /// Statements run in order until one does not finish normally. Folded into nested pairs rather
    /// than kept in an array: closures stored in an array are called through a thunk each time.
    func sequence(_ codes: [StatementCode]) -> StatementCode {
        guard var combined = codes.last else { return { _ in .normal } }
        for code in codes.dropLast().reversed() {
            let (first, rest) = (code, combined)
            combined = { frame in
                let flow = try first(frame)
                guard case .normal = flow else { return flow }
                return try rest(frame)
            }
        }
        return combined
    }

    func lowerBlock(_ block: CodeBlockSyntax) throws -> StatementCode {
        try withScope { try lowerStatements(block.statements) }
    }

    func lowerItem(_ item: CodeBlockItemSyntax) throws -> StatementCode? {
        switch item.item {
        case let .decl(declaration): return try lowerDeclaration(declaration)
        case let .stmt(statement): return try lowerStatement(statement)
        case let .expr(expression): return try lowerExpressionStatement(expression)
        }
    }

    func lowerExpressionStatement(_ syntax: ExprSyntax) throws -> StatementCode {
        if let ifExpression = syntax.as(IfExprSyntax.self) { return try lowerIf(ifExpression) }
        if let switchExpression = syntax.as(SwitchExprSyntax.self) { return try lowerSwitch(switchExpression) }
        let expression = try lowerExpression(syntax, expected: nil, discarded: true)
        let code = expression.code
        return { frame in
            _ = try code(frame)
            return .normal
        }
    }

    // MARK: Statements

    /// A top-level loop over numbers runs as a scalar kernel (see `ScalarKernel.swift`), once its
    /// ordinary lowering has checked it: the globals it names are loaded into registers before it
    /// and the ones it assigns are stored back after it, even when it stops with an error.
    private func kernelOrOrdinary(_ syntax: StmtSyntax, label: String?, ordinary: () throws -> StatementCode) throws -> StatementCode {
        let code = try ordinary()
        guard usesKernels, label == nil, function.depth == 0, let loop = ScalarKernelCompiler.compileLoop(syntax, lowerer: self) else {
            return code
        }
        loopKernelCount += 1
        let loaded = loop.globals
        let stored = loop.globals.filter(\.isAssigned)
        let arrays = loop.arrays
        let kernel = loop.kernel
        return { frame in
            let stack = frame.context.kernelStack
            let registers = stack.base
            // The arrays, copied into registers for the loop and back after it when it changed them.
            let held = UnsafeMutablePointer<KernelArray>.allocate(capacity: max(arrays.count, 1))
            for array in arrays {
                (held + array.index).initialize(to: KernelArray(frame.slots[array.slot], isNested: array.isNested))
            }
            stack.arrays = held
            defer {
                for array in arrays {
                    if array.isAssigned { frame.slots[array.slot] = held[array.index].value(element: array.element) }
                    held[array.index].deallocate()
                }
                (held).deinitialize(count: arrays.count)
                held.deallocate()
                stack.arrays = nil
            }
            for global in loaded {
                switch frame.slots[global.slot] {
                case let .int(value): registers[global.register] = bits(value)
                case let .double(value): registers[global.register] = bits(value)
                case let .bool(value): registers[global.register] = bits(value)
                default: registers[global.register] = 0
                }
            }
            defer {
                for global in stored {
                    let value = registers[global.register]
                    switch global.type {
                    case .int: frame.slots[global.slot] = .int(intValue(value))
                    case .double: frame.slots[global.slot] = .double(doubleValue(value))
                    default: frame.slots[global.slot] = .bool(value != 0)
                    }
                }
            }
            _ = try stack.run { try kernel.run(registers, stack) }
            return .normal
        }
    }

    func lowerStatement(_ syntax: StmtSyntax, label: String? = nil) throws -> StatementCode {
        if let expression = syntax.as(ExpressionStmtSyntax.self) { return try lowerExpressionStatement(expression.expression) }
        if let labeled = syntax.as(LabeledStmtSyntax.self) {
            return try lowerStatement(labeled.statement, label: labeled.label.text)
        }
        if let loop = syntax.as(ForStmtSyntax.self) { return try kernelOrOrdinary(syntax, label: label) { try lowerFor(loop, label: label) } }
        if let loop = syntax.as(WhileStmtSyntax.self) { return try kernelOrOrdinary(syntax, label: label) { try lowerWhile(loop, label: label) } }
        if let loop = syntax.as(RepeatStmtSyntax.self) { return try lowerRepeat(loop, label: label) }
        if let guardStatement = syntax.as(GuardStmtSyntax.self) { return try lowerGuard(guardStatement) }
        if let returnStatement = syntax.as(ReturnStmtSyntax.self) { return try lowerReturn(returnStatement) }
        if let breakStatement = syntax.as(BreakStmtSyntax.self) {
            let label = breakStatement.label?.text
            try checkLoopLabel(label, at: breakStatement, keyword: "break")
            return { _ in .breakLoop(label: label) }
        }
        if let continueStatement = syntax.as(ContinueStmtSyntax.self) {
            let label = continueStatement.label?.text
            try checkLoopLabel(label, at: continueStatement, keyword: "continue")
            return { _ in .continueLoop(label: label) }
        }
        if let doStatement = syntax.as(DoStmtSyntax.self) {
            if !doStatement.catchClauses.isEmpty { throw unsupported(doStatement, "do-catch") }
            return try lowerBlock(doStatement.body)
        }
        if syntax.is(ThrowStmtSyntax.self) { throw unsupported(syntax, "throw") }
        if syntax.is(DeferStmtSyntax.self) { throw unsupported(syntax, "defer") }
        if syntax.is(FallThroughStmtSyntax.self) { throw unsupported(syntax, "fallthrough") }
        if syntax.is(DiscardStmtSyntax.self) { throw unsupported(syntax, "discard") }
        throw unsupported(syntax, "this statement")
    }

    func checkLoopLabel(_ label: String?, at node: some SyntaxProtocol, keyword: String) throws {
        if let label {
            guard function.loops.contains(label) else { throw error(node, "cannot find label '\(label)' in scope") }
        } else if function.loops.isEmpty {
            throw error(node, "'\(keyword)' is only allowed inside a loop, if, do, or switch")
        }
    }

    func lowerReturn(_ syntax: ReturnStmtSyntax) throws -> StatementCode {
        guard functions.count > 1 else { throw error(syntax, "return invalid outside of a func") }
        let declared = function.resultType
        guard let value = syntax.expression else {
            if let declared, declared != .void {
                throw error(syntax, "non-void function should return a value")
            }
            return { frame in
                frame.context.returnValue = .void
                return .returned
            }
        }
        var expression = try lowerExpression(value, expected: declared)
        if let declared {
            if declared == .void && expression.type != .void {
                throw error(value, "unexpected non-void return value in void function")
            }
            expression = try requireType(expression, declared, at: value, role: "return expression")
        } else {
            function.resultType = expression.type
        }
        let code = expression.code
        return { frame in
            frame.context.returnValue = try code(frame)
            return .returned
        }
    }

    // MARK: Conditions

    /// Lowers the conditions of `if`, `while` and `guard` (`x > 0, let y = f()`) into one test
    /// that also binds the unwrapped optionals, declared in the current scope.
    func lowerConditions(_ conditions: ConditionElementListSyntax) throws -> BoolCode {
        var tests: [BoolCode] = []
        for element in conditions {
            switch element.condition {
            case let .expression(syntax):
                let condition = try requireType(try lowerExpression(syntax, expected: .bool), .bool, at: syntax, role: "condition")
                tests.append(condition.asBool)
            case let .optionalBinding(binding):
                guard let identifier = binding.pattern.as(IdentifierPatternSyntax.self) else {
                    throw unsupported(binding.pattern, "this pattern")
                }
                let name = identifier.identifier.text
                let value: Expression
                if let initializer = binding.initializer {
                    value = try lowerExpression(initializer.value, expected: nil)
                } else {
                    value = try lowerExpression(ExprSyntax(DeclReferenceExprSyntax(baseName: identifier.identifier)), expected: nil)
                }
                guard case var .optional(wrapped) = value.type else {
                    throw error(binding, "initializer for conditional binding must have Optional type, not '\(value.type)'")
                }
                if let annotation = binding.typeAnnotation {
                    let declared = try resolveType(annotation.type)
                    guard declared == wrapped else { throw error(annotation, "cannot convert value of type '\(wrapped)' to specified type '\(declared)'") }
                    wrapped = declared
                }
                let slot = try declareVariable(name, type: wrapped, isLet: binding.bindingSpecifier.tokenKind == .keyword(.let), at: identifier)
                let code = value.code
                tests.append { frame in
                    guard case let .some(inner) = try code(frame) else { return false }
                    frame.slots[slot] = inner
                    return true
                }
            case .availability, .matchingPattern:
                throw unsupported(element, "this condition")
            }
        }
        if tests.count == 1 { return tests[0] }
        return { frame in
            for test in tests where try !test(frame) { return false }
            return true
        }
    }

    // MARK: if, guard, switch

    func lowerIf(_ syntax: IfExprSyntax) throws -> StatementCode {
        let (condition, body) = try withScope { (try lowerConditions(syntax.conditions), try lowerStatements(syntax.body.statements)) }
        var otherwise: StatementCode?
        switch syntax.elseBody {
        case let .ifExpr(elseIf)?: otherwise = try lowerIf(elseIf)
        case let .codeBlock(block)?: otherwise = try lowerBlock(block)
        case nil: break
        }
        if let otherwise {
            return { frame in try condition(frame) ? try body(frame) : try otherwise(frame) }
        }
        return { frame in try condition(frame) ? try body(frame) : .normal }
    }

    func lowerGuard(_ syntax: GuardStmtSyntax) throws -> StatementCode {
        // The bindings of a guard stay visible after it, so they go in the enclosing scope.
        let condition = try lowerConditions(syntax.conditions)
        let body = try lowerBlock(syntax.body)
        guard blockAlwaysExits(syntax.body.statements) else {
            throw error(syntax.elseKeyword, "'guard' body must not fall through, consider using a 'return' or 'throw' to exit the scope")
        }
        return { frame in try condition(frame) ? .normal : try body(frame) }
    }

    /// Whether a block ends by leaving its scope (`return`, `break`, `continue`, a call to `fatalError`).
    func blockAlwaysExits(_ statements: CodeBlockItemListSyntax) -> Bool {
        guard let last = statements.last else { return false }
        switch last.item {
        case let .stmt(statement):
            if statement.is(ReturnStmtSyntax.self) || statement.is(BreakStmtSyntax.self) || statement.is(ContinueStmtSyntax.self) { return true }
            if loopRunsForever(statement) { return true }
            if let expression = statement.as(ExpressionStmtSyntax.self) { return expressionNeverReturns(expression.expression) }
            return false
        case let .expr(expression):
            return expressionNeverReturns(expression)
        default:
            return false
        }
    }

    private func expressionNeverReturns(_ expression: ExprSyntax) -> Bool {
        if let call = expression.as(FunctionCallExprSyntax.self),
           let name = call.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text {
            return name == "fatalError"
        }
        if let ifExpression = expression.as(IfExprSyntax.self) {
            guard blockAlwaysExits(ifExpression.body.statements) else { return false }
            switch ifExpression.elseBody {
            case let .codeBlock(otherwise)?: return blockAlwaysExits(otherwise.statements)
            case let .ifExpr(elseIf)?: return expressionNeverReturns(ExprSyntax(elseIf))
            case nil: return false
            }
        }
        if let switchExpression = expression.as(SwitchExprSyntax.self) {
            // Exhaustiveness is checked where the switch is lowered; here every case must leave.
            return !switchExpression.cases.isEmpty && switchExpression.cases.allSatisfy { element in
                guard case let .switchCase(switchCase) = element else { return false }
                return blockAlwaysExits(switchCase.statements)
            }
        }
        return false
    }

    /// Whether a loop never ends but by `return`: `while true` or `repeat … while true` with no
    /// `break` of its own inside.
    private func loopRunsForever(_ statement: StmtSyntax) -> Bool {
        let condition: ExprSyntax?
        let body: CodeBlockSyntax
        if let loop = statement.as(WhileStmtSyntax.self), loop.conditions.count == 1, case let .expression(expression)? = loop.conditions.first?.condition {
            (condition, body) = (expression, loop.body)
        } else if let loop = statement.as(RepeatStmtSyntax.self) {
            (condition, body) = (loop.condition, loop.body)
        } else {
            return false
        }
        guard condition?.as(BooleanLiteralExprSyntax.self)?.literal.tokenKind == .keyword(.true) else { return false }
        return !body.statements.tokens(viewMode: .sourceAccurate).contains { $0.tokenKind == .keyword(.break) }
    }

    func lowerSwitch(_ syntax: SwitchExprSyntax) throws -> StatementCode {
        let subject = try lowerExpression(syntax.subject, expected: nil)
        let subjectType = subject.type
        guard [.int, .double, .string, .bool].contains(subjectType) || subjectType.isTuple else {
            throw unsupported(syntax.subject, "a switch over a value of type '\(subjectType)'")
        }
        let subjectSlot = function.newSlot()
        var cases: [(test: BoolCode, body: StatementCode)] = []
        var exhaustive = false
        var seenTrue = false, seenFalse = false
        function.loops.append(nil)  // `break` inside a case leaves the switch.
        defer { function.loops.removeLast() }
        for element in syntax.cases {
            guard case let .switchCase(switchCase) = element else { throw unsupported(element, "#if") }
            if switchCase.statements.isEmpty {
                throw error(switchCase, "'\(switchCase.label.trimmedDescription)' label in a 'switch' must have at least one executable statement")
            }
            let (test, body): (BoolCode, StatementCode) = try withScope {
                switch switchCase.label {
                case .default:
                    exhaustive = true
                    return ({ _ in true }, try lowerStatements(switchCase.statements))
                case let .case(label):
                    var tests: [BoolCode] = []
                    for item in label.caseItems {
                        var test = try lowerCasePattern(item.pattern, subjectType: subjectType, subjectSlot: subjectSlot, exhaustive: &exhaustive)
                        if case .bool = subjectType, let literal = item.pattern.as(ExpressionPatternSyntax.self)?.expression.as(BooleanLiteralExprSyntax.self) {
                            if literal.literal.tokenKind == .keyword(.true) { seenTrue = true } else { seenFalse = true }
                        }
                        if let whereClause = item.whereClause {
                            let condition = try requireType(try lowerExpression(whereClause.condition, expected: .bool), .bool, at: whereClause.condition, role: "condition").asBool
                            let pattern = test
                            test = { frame in try pattern(frame) && condition(frame) }
                            if exhaustive && label.caseItems.count == 1 { exhaustive = false }
                        }
                        tests.append(test)
                    }
                    let combined: BoolCode = tests.count == 1 ? tests[0] : { frame in
                        for test in tests where try test(frame) { return true }
                        return false
                    }
                    return (combined, try lowerStatements(switchCase.statements))
                }
            }
            cases.append((test, body))
        }
        if seenTrue && seenFalse { exhaustive = true }
        guard exhaustive else { throw error(syntax.switchKeyword, "switch must be exhaustive") }
        let subjectCode = subject.code
        return { frame in
            frame.slots[subjectSlot] = try subjectCode(frame)
            for (test, body) in cases where try test(frame) {
                let flow = try body(frame)
                if case .breakLoop(label: nil) = flow { return .normal }
                return flow
            }
            return .normal
        }
    }

    /// One pattern of a `case`: a value, a range, `_`, or `let name` (which binds the subject).
    private func lowerCasePattern(_ pattern: PatternSyntax, subjectType: SwiftType, subjectSlot: Int, exhaustive: inout Bool) throws -> BoolCode {
        if pattern.is(WildcardPatternSyntax.self) {
            exhaustive = true
            return { _ in true }
        }
        if let binding = pattern.as(ValueBindingPatternSyntax.self),
           let identifier = binding.pattern.as(IdentifierPatternSyntax.self) {
            exhaustive = true
            let slot = try declareVariable(identifier.identifier.text, type: subjectType, isLet: binding.bindingSpecifier.tokenKind == .keyword(.let), at: identifier)
            return { frame in
                frame.slots[slot] = frame.slots[subjectSlot]
                return true
            }
        }
        guard let expressionPattern = pattern.as(ExpressionPatternSyntax.self) else {
            throw unsupported(pattern, "this pattern")
        }
        let subject = Expression(type: subjectType, location: location(of: pattern)) { $0.slots[subjectSlot] }
        let value = expressionPattern.expression
        // A range matches by containment (`~=`), anything else by equality.
        if let range = try lowerRangePattern(value, subjectType: subjectType) {
            let subjectValue = subject.code
            return { frame in try range(frame, subjectValue(frame)) }
        }
        let candidate = try lowerExpression(value, expected: subjectType)
        let equal = try binaryOperation("==", subject, candidate, at: value)
        return equal.asBool
    }

    private func lowerRangePattern(_ syntax: ExprSyntax, subjectType: SwiftType) throws -> ((Frame, Value) throws -> Bool)? {
        guard subjectType == .int || subjectType == .double else { return nil }
        if let infix = syntax.as(InfixOperatorExprSyntax.self), let op = infix.operator.as(BinaryOperatorExprSyntax.self),
           ["...", "..<"].contains(op.operator.text) {
            let lower = try requireType(try lowerExpression(infix.leftOperand, expected: subjectType), subjectType, at: infix.leftOperand).code
            let upper = try requireType(try lowerExpression(infix.rightOperand, expected: subjectType), subjectType, at: infix.rightOperand).code
            let closed = op.operator.text == "..."
            if subjectType == .int {
                return { frame, value in
                    let (low, high, x) = (try lower(frame).int, try upper(frame).int, value.int)
                    return x >= low && (closed ? x <= high : x < high)
                }
            }
            return { frame, value in
                let (low, high, x) = (try lower(frame).double, try upper(frame).double, value.double)
                return x >= low && (closed ? x <= high : x < high)
            }
        }
        if let postfix = syntax.as(PostfixOperatorExprSyntax.self), postfix.operator.text == "..." {
            let lower = try requireType(try lowerExpression(postfix.expression, expected: subjectType), subjectType, at: postfix.expression).code
            return { frame, value in subjectType == .int ? value.int >= (try lower(frame)).int : value.double >= (try lower(frame)).double }
        }
        if let prefix = syntax.as(PrefixOperatorExprSyntax.self), ["...", "..<"].contains(prefix.operator.text) {
            let upper = try requireType(try lowerExpression(prefix.expression, expected: subjectType), subjectType, at: prefix.expression).code
            let closed = prefix.operator.text == "..."
            return { frame, value in
                let bound = try upper(frame)
                if subjectType == .int { return closed ? value.int <= bound.int : value.int < bound.int }
                return closed ? value.double <= bound.double : value.double < bound.double
            }
        }
        return nil
    }

    // MARK: Loops

    /// Runs `body` as a loop body: returns `nil` to go on with the next iteration, or the flow
    /// that ends the loop (a `break` for this loop becomes `.normal`).
    @inline(__always)
    static func loopControl(_ flow: Flow, label: String?) -> Flow? {
        switch flow {
        case .normal: return nil
        case let .continueLoop(target): return target == nil || target == label ? nil : flow
        case let .breakLoop(target): return target == nil || target == label ? .normal : flow
        case .returned: return flow
        }
    }

    func lowerWhile(_ syntax: WhileStmtSyntax, label: String?) throws -> StatementCode {
        function.loops.append(label)
        defer { function.loops.removeLast() }
        let (condition, body) = try withScope { (try lowerConditions(syntax.conditions), try lowerStatements(syntax.body.statements)) }
        let place = location(of: syntax)
        return { frame in
            let context = frame.context
            while try condition(frame) {
                try context.step(at: place)
                if let exit = Lowerer.loopControl(try body(frame), label: label) { return exit }
            }
            return .normal
        }
    }

    func lowerRepeat(_ syntax: RepeatStmtSyntax, label: String?) throws -> StatementCode {
        function.loops.append(label)
        let body = try lowerBlock(syntax.body)
        function.loops.removeLast()
        let condition = try requireType(try lowerExpression(syntax.condition, expected: .bool), .bool, at: syntax.condition, role: "condition").asBool
        let place = location(of: syntax)
        return { frame in
            let context = frame.context
            repeat {
                try context.step(at: place)
                if let exit = Lowerer.loopControl(try body(frame), label: label) { return exit }
            } while try condition(frame)
            return .normal
        }
    }

    func lowerFor(_ syntax: ForStmtSyntax, label: String?) throws -> StatementCode {
        if syntax.tryKeyword != nil || syntax.awaitKeyword != nil || syntax.caseKeyword != nil {
            throw unsupported(syntax, "this form of 'for'")
        }
        let sequence = try lowerExpression(syntax.sequence, expected: nil)
        let elementType: SwiftType
        switch sequence.type {
        case .range: elementType = .int
        case let .array(element): elementType = element
        case .string: elementType = .character
        case let .stride(element): elementType = element
        case let .dictionary(key, value):
            elementType = .tuple([.init(label: "key", type: key), .init(label: "value", type: value)])
        default:
            throw error(syntax.sequence, "for-in loop requires '\(sequence.type)' to conform to 'Sequence'")
        }
        // Each iteration has its own loop variable in Swift: a closure made in the body keeps the
        // value of its iteration. When the body makes closures, iterations run in frames of their own.
        let freshFrames = syntax.body.statements.tokens(viewMode: .sourceAccurate).contains { $0.tokenKind == .leftBrace && $0.parent?.is(ClosureExprSyntax.self) == true }
        if freshFrames {
            let outer = function
            let iteration = FunctionContext(depth: outer.depth + 1, slotCount: 0, resultType: outer.resultType)
            iteration.owner = outer.owner
            iteration.baseScopeIndex = outer.baseScopeIndex
            iteration.loops = outer.loops
            functions.append(iteration)
            defer {
                outer.resultType = iteration.resultType
                functions.removeLast()
            }
            let body = try lowerForBody(syntax, sequence: sequence, elementType: elementType, label: label)
            return { frame in try body(frame, iteration) }
        }
        let body = try lowerForBody(syntax, sequence: sequence, elementType: elementType, label: label)
        return { frame in try body(frame, nil) }
    }

    /// The loop itself. Given an iteration context, each iteration's variables live in a new frame
    /// of its size; without one, in the loop's own frame.
    private func lowerForBody(
        _ syntax: ForStmtSyntax, sequence: Expression, elementType: SwiftType, label: String?
    ) throws -> (Frame, FunctionContext?) throws -> Flow {
        function.loops.append(label)
        defer { function.loops.removeLast() }
        return try withScope {
            // `for i in a..<b` over a plain name: the counter goes straight into its slot
            // (the loops of the interpreter benchmark's matrix product).
            if case let .range(closed) = sequence.type, syntax.whereClause == nil,
               let identifier = syntax.pattern.as(IdentifierPatternSyntax.self) {
                let slot = try declareVariable(identifier.identifier.text, type: .int, isLet: true, at: identifier)
                let body = try lowerStatements(syntax.body.statements)
                let place = location(of: syntax)
                let sequenceCode = sequence.code
                return { frame, iteration in
                    guard case let .range(lower, upper) = try sequenceCode(frame) else { return .normal }
                    let context = frame.context
                    var i = lower
                    // A closed range ends after `upper`, which may be Int.max: count with a flag.
                    while closed ? i <= upper : i < upper {
                        try context.step(at: place)
                        let inner = iteration.map { Frame(slotCount: $0.slotCount, parent: frame, context: context) } ?? frame
                        inner.slots[slot] = .int(i)
                        if let exit = Lowerer.loopControl(try body(inner), label: label) { return exit }
                        if i == upper { break }
                        i += 1
                    }
                    return .normal
                }
            }
            let bind = try lowerBindingPattern(syntax.pattern, type: elementType, isLet: true)
            var filter: BoolCode?
            if let whereClause = syntax.whereClause {
                filter = try requireType(try lowerExpression(whereClause.condition, expected: .bool), .bool, at: whereClause.condition, role: "condition").asBool
            }
            let body = try lowerStatements(syntax.body.statements)
            let place = location(of: syntax)
            let sequenceCode = sequence.code
            let run: (Frame, Value, FunctionContext?) throws -> Flow? = { frame, element, iteration in
                try frame.context.step(at: place)
                let inner = iteration.map { Frame(slotCount: $0.slotCount, parent: frame, context: frame.context) } ?? frame
                bind(inner, element)
                if let filter, try !filter(inner) { return nil }
                return Lowerer.loopControl(try body(inner), label: label)
            }
            switch sequence.type {
            case let .range(closed):
                return { frame, next in
                    let run = { (frame: Frame, element: Value) in try run(frame, element, next) }
                    guard case let .range(lower, upper) = try sequenceCode(frame) else { return .normal }
                    if closed {
                        if lower <= upper {
                            for i in lower...upper { if let exit = try run(frame, .int(i)) { return exit } }
                        }
                    } else {
                        for i in lower..<upper { if let exit = try run(frame, .int(i)) { return exit } }
                    }
                    return .normal
                }
            case .stride(let element):
                return { frame, next in
                    let run = { (frame: Frame, element: Value) in try run(frame, element, next) }
                    guard case let .stride(from, to, by, through) = try sequenceCode(frame) else { return .normal }
                    if element == .int {
                        let (start, end, step) = (Int(from), Int(to), Int(by))
                        if through {
                            for i in Swift.stride(from: start, through: end, by: step) { if let exit = try run(frame, .int(i)) { return exit } }
                        } else {
                            for i in Swift.stride(from: start, to: end, by: step) { if let exit = try run(frame, .int(i)) { return exit } }
                        }
                    } else if through {
                        for x in Swift.stride(from: from, through: to, by: by) { if let exit = try run(frame, .double(x)) { return exit } }
                    } else {
                        for x in Swift.stride(from: from, to: to, by: by) { if let exit = try run(frame, .double(x)) { return exit } }
                    }
                    return .normal
                }
            case .string:
                return { frame, next in
                    let run = { (frame: Frame, element: Value) in try run(frame, element, next) }
                    for character in try sequenceCode(frame).string {
                        if let exit = try run(frame, .string(String(character))) { return exit }
                    }
                    return .normal
                }
            case .dictionary:
                return { frame, next in
                    let run = { (frame: Frame, element: Value) in try run(frame, element, next) }
                    guard case let .dictionary(entries) = try sequenceCode(frame) else { return .normal }
                    for (key, value) in entries {
                        if let exit = try run(frame, .tuple([key.value, value])) { return exit }
                    }
                    return .normal
                }
            default:
                return { frame, next in
                    let run = { (frame: Frame, element: Value) in try run(frame, element, next) }
                    for element in try sequenceCode(frame).array {
                        if let exit = try run(frame, element) { return exit }
                    }
                    return .normal
                }
            }
        }
    }

    /// Declares the names of a `for` or `let` pattern (`x`, `_`, `(i, x)`) and returns the code that
    /// stores a value of `type` into them.
    func lowerBindingPattern(_ pattern: PatternSyntax, type: SwiftType, isLet: Bool) throws -> (Frame, Value) -> Void {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) {
            let slot = try declareVariable(identifier.identifier.text, type: type, isLet: isLet, at: identifier)
            return { frame, value in frame.slots[slot] = value }
        }
        if pattern.is(WildcardPatternSyntax.self) { return { _, _ in } }
        if let tuple = pattern.as(TuplePatternSyntax.self) {
            guard case let .tuple(elements) = type, elements.count == tuple.elements.count else {
                throw error(tuple, "tuple pattern cannot match values of type '\(type)'")
            }
            let binders = try zip(tuple.elements, elements).map { element, elementType in
                try lowerBindingPattern(element.pattern, type: elementType.type, isLet: isLet)
            }
            return { frame, value in
                let items = value.tuple
                for (binder, item) in zip(binders, items) { binder(frame, item) }
            }
        }
        if let binding = pattern.as(ValueBindingPatternSyntax.self) {
            return try lowerBindingPattern(binding.pattern, type: type, isLet: binding.bindingSpecifier.tokenKind == .keyword(.let))
        }
        throw unsupported(pattern, "this pattern")
    }
}

extension SwiftType {
    var isTuple: Bool {
        if case .tuple = self { return true }
        return false
    }
}
