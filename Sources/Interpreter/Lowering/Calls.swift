import MathCore
import SwiftSyntax

/// One argument at a call site, before lowering.
/// Whether arguments match the labels a built-in expects; a trailing closure matches any label.
func labelsMatch(_ arguments: [Argument], _ expected: [String?]) -> Bool {
    arguments.count == expected.count && zip(arguments, expected).allSatisfy { $0.label == $1 || $0.isTrailingClosure }
}

struct Argument {
    var label: String?
    var expression: ExprSyntax
    var node: Syntax
    /// Whether it was written as a trailing closure.
    var isTrailingClosure = false
}

extension Lowerer {
    func arguments(of call: FunctionCallExprSyntax) throws -> [Argument] {
        if !call.additionalTrailingClosures.isEmpty { throw unsupported(call.additionalTrailingClosures, "several trailing closures") }
        var result = call.arguments.map { Argument(label: $0.label?.text, expression: $0.expression, node: Syntax($0)) }
        if let trailing = call.trailingClosure {
            result.append(Argument(label: nil, expression: ExprSyntax(trailing), node: Syntax(trailing), isTrailingClosure: true))
        }
        return result
    }

    func lowerCall(_ call: FunctionCallExprSyntax, expected: SwiftType?) throws -> Expression {
        let arguments = try arguments(of: call)
        let place = location(of: call)
        // A method or a member function: `xs.append(1)`, `x.squareRoot()`, `Tensor.init`.
        if let member = call.calledExpression.as(MemberAccessExprSyntax.self) {
            return try lowerMethodCall(member, arguments: arguments, call: call, expected: expected)
        }
        if let reference = call.calledExpression.as(DeclReferenceExprSyntax.self) {
            let name = reference.baseName.text
            // A method called without `self.` inside another method of the same struct.
            if let method = functions.last(where: { $0.owner != nil }), let owner = method.owner, let target = owner.methods[name],
               !(method.baseScopeIndex..<scopes.count).contains(where: { scopes[$0].names[name] != nil }),
               let selfBinding = lookup("self"), case let .variable(slot, depth, _, isLet) = selfBinding {
                let base = try variableExpression(selfBinding, name: "self", at: reference)
                return try structMethodCall(owner, target, base: base, arguments: arguments, call: call, member: Syntax(reference)) {
                    if isLet { throw self.letError("self", at: reference, .mutatingMember(Syntax(reference))) }
                    return self.variablePlace(slot: slot, depth: depth, type: .structure(owner))
                }
            }
            switch lookup(name) {
            case let .function(info, depth)?:
                return try callFunction(info, environmentDepth: depth, arguments: arguments, call: call)
            case let .structure(info)?:
                return try constructStruct(info, arguments: arguments, call: call)
            case .variable?:
                let callee = try lowerReference(reference, expected: nil)
                return try callValue(callee, arguments: arguments, call: call)
            case nil:
                if let builtin = try Builtins.lowerCall(name, arguments: arguments, call: call, expected: expected, lowerer: self) {
                    return builtin
                }
                throw error(reference, "cannot find '\(name)' in scope")
            }
        }
        if let type = typeFromExpression(call.calledExpression) {
            guard arguments.isEmpty else { throw unsupported(call, "this initializer") }
            let empty: Value = type.isArray ? .array([]) : .dictionary([:])
            return Expression(type: type, location: place) { _ in empty }
        }
        let callee = try lowerExpression(call.calledExpression, expected: nil)
        guard case .function = callee.type else {
            throw error(call.calledExpression, "cannot call value of non-function type '\(callee.type)'")
        }
        _ = place
        return try callValue(callee, arguments: arguments, call: call)
    }

    /// The type an expression names, as in `[Int]()` or `[String: Double]()`.
    func typeFromExpression(_ syntax: ExprSyntax) -> SwiftType? {
        if let array = syntax.as(ArrayExprSyntax.self), array.elements.count == 1, let element = array.elements.first {
            return typeFromExpression(element.expression).map { .array($0) }
        }
        if let dictionary = syntax.as(DictionaryExprSyntax.self), case let .elements(elements) = dictionary.content, elements.count == 1,
           let pair = elements.first, let key = typeFromExpression(pair.key), let value = typeFromExpression(pair.value) {
            return .dictionary(key, value)
        }
        if let reference = syntax.as(DeclReferenceExprSyntax.self) {
            switch reference.baseName.text {
            case "Int": return .int
            case "Double": return .double
            case "Bool": return .bool
            case "String": return .string
            case "Character": return .character
            case "Tensor", "Vector", "Matrix": return .tensor
            default:
                if case let .structure(info)? = lookup(reference.baseName.text) { return .structure(info) }
                return nil
            }
        }
        return nil
    }

    /// Matches arguments to parameters by label, filling in defaults, as Swift does.
    func matchArguments(_ arguments: [Argument], to parameters: [FunctionInfo.Parameter], call: some SyntaxProtocol) throws -> [Expression] {
        var result: [Expression] = []
        var next = 0
        for (index, parameter) in parameters.enumerated() {
            if next < arguments.count {
                let argument = arguments[next]
                let isLastFunctionParameter = argument.isTrailingClosure && index == parameters.count - 1
                if argument.label == parameter.label || isLastFunctionParameter {
                    let value = try lowerExpression(argument.expression, expected: parameter.type)
                    result.append(try requireType(value, parameter.type, at: argument.expression, role: "value"))
                    next += 1
                    continue
                }
            }
            if let defaultValue = parameter.defaultValue {
                result.append(defaultValue)
                continue
            }
            if next < arguments.count, let label = parameter.label, arguments[next].label == nil {
                throw error(arguments[next].node, "missing argument label '\(label):' in call")
            }
            if next < arguments.count, arguments[next].label != nil, parameter.label == nil {
                throw error(arguments[next].node, "extraneous argument label '\(arguments[next].label ?? "_"):' in call")
            }
            if next < arguments.count {
                throw error(arguments[next].node, "incorrect argument label in call (have '\(arguments[next].label ?? "_"):', expected '\(parameter.label ?? "_"):')")
            }
            throw error(call, "missing argument for parameter \(parameter.label.map { "'\($0)'" } ?? "#\(index + 1)") in call")
        }
        if next < arguments.count {
            throw error(arguments[next].node, "extra argument\(arguments[next].label.map { " '\($0)'" } ?? "") in call")
        }
        return result
    }

    func callFunction(_ info: FunctionInfo, environmentDepth: Int, arguments: [Argument], call: some SyntaxProtocol) throws -> Expression {
        let matched = try matchArguments(arguments, to: info.parameters, call: call)
        let place = location(of: call)
        if let kernel = info.kernel, let expression = kernelCall(kernel, arguments: matched, place: place) {
            return expression
        }
        let values = matched.map(\.code)
        let distance = function.depth - environmentDepth
        // Calls of one or two arguments keep them in constants, not an array (see `sequence`).
        let call = try lowerCallBody(info, values: values, distance: distance, place: place)
        // A call whose result is an Int or a Double gives it unboxed to the operator around it.
        switch info.resultType {
        case .int:
            let code = call.code
            var expression = Expression.int(place) { frame in try code(frame).int }
            expression.code = code
            return expression
        case .double:
            let code = call.code
            var expression = Expression.double(place) { frame in try code(frame).double }
            expression.code = code
            return expression
        default:
            return call
        }
    }

    /// A call of a scalar kernel from ordinary code: the arguments, computed unboxed, go into the
    /// first registers of the run's kernel stack (no kernel is running while ordinary code runs).
    private func kernelCall(_ kernel: ScalarKernel, arguments: [Expression], place: SourceLocation) -> Expression? {
        var codes: [(Frame) throws -> UInt64] = []
        for (argument, type) in zip(arguments, kernel.parameterTypes) {
            guard argument.type == type else { return nil }
            switch type {
            case .int: let code = argument.asInt; codes.append { frame in bits(try code(frame)) }
            case .double: let code = argument.asDouble; codes.append { frame in bits(try code(frame)) }
            default: let code = argument.asBool; codes.append { frame in bits(try code(frame)) }
            }
        }
        let run: (Frame) throws -> UInt64
        switch codes.count {
        case 0:
            run = { frame in
                let stack = frame.context.kernelStack
                return try stack.run { try kernel.call(stack.base, stack, at: place) }
            }
        case 1:
            let first = codes[0]
            run = { frame in
                let a = try first(frame)
                let stack = frame.context.kernelStack
                stack.base[0] = a
                return try stack.run { try kernel.call(stack.base, stack, at: place) }
            }
        case 2:
            let (first, second) = (codes[0], codes[1])
            run = { frame in
                let (a, b) = (try first(frame), try second(frame))
                let stack = frame.context.kernelStack
                stack.base[0] = a
                stack.base[1] = b
                return try stack.run { try kernel.call(stack.base, stack, at: place) }
            }
        default:
            run = { frame in
                var values: [UInt64] = []
                for code in codes { values.append(try code(frame)) }
                let stack = frame.context.kernelStack
                for (index, value) in values.enumerated() { stack.base[index] = value }
                return try stack.run { try kernel.call(stack.base, stack, at: place) }
            }
        }
        switch kernel.resultType {
        case .int:
            var expression = Expression.int(place) { frame in intValue(try run(frame)) }
            expression.code = { frame in .int(intValue(try run(frame))) }
            return expression
        case .double:
            var expression = Expression.double(place) { frame in doubleValue(try run(frame)) }
            expression.code = { frame in .double(doubleValue(try run(frame))) }
            return expression
        default:
            var expression = Expression.bool(place) { frame in try run(frame) != 0 }
            expression.code = { frame in .bool(try run(frame) != 0) }
            return expression
        }
    }

    private func lowerCallBody(_ info: FunctionInfo, values: [Code], distance: Int, place: SourceLocation) throws -> Expression {
        switch values.count {
        case 1:
            let first = values[0]
            return Expression(type: info.resultType, location: place) { frame in
                let argument = try first(frame)
                let callee = info.frame(parent: frame.ancestor(distance), context: frame.context)
                callee.slots[0] = argument
                let result = try Lowerer.invoke(info, in: callee, at: place)
                info.release(callee)
                return result
            }
        case 2:
            let (first, second) = (values[0], values[1])
            return Expression(type: info.resultType, location: place) { frame in
                let (a, b) = (try first(frame), try second(frame))
                let callee = info.frame(parent: frame.ancestor(distance), context: frame.context)
                callee.slots[0] = a
                callee.slots[1] = b
                let result = try Lowerer.invoke(info, in: callee, at: place)
                info.release(callee)
                return result
            }
        default:
            return Expression(type: info.resultType, location: place) { frame in
                var arguments: [Value] = []
                arguments.reserveCapacity(values.count)
                for value in values { arguments.append(try value(frame)) }
                let callee = Frame(slotCount: info.slotCount, parent: frame.ancestor(distance), context: frame.context)
                for (index, argument) in arguments.enumerated() { callee.slots[index] = argument }
                return try Lowerer.invoke(info, in: callee, at: place)
            }
        }
    }

    /// Runs a function body in its prepared frame, within the call-depth and step limits.
    static func invoke(_ info: FunctionInfo, in callee: Frame, at place: SourceLocation) throws -> Value {
        let context = callee.context
        context.callDepth += 1
        defer { context.callDepth -= 1 }
        if context.callDepth > context.limits.maximumCallDepth {
            throw RuntimeError(message: "call depth exceeds \(context.limits.maximumCallDepth) (the recursion limit)", location: place)
        }
        try context.step(at: place)
        if let expression = info.expressionBody { return try expression(callee) }
        context.returnValue = .void
        _ = try info.body(callee)
        let result = context.returnValue
        context.returnValue = .void
        return result
    }

    /// Calls a function value (a closure, or a function passed around).
    func callValue(_ callee: Expression, arguments: [Argument], call: some SyntaxProtocol) throws -> Expression {
        guard case let .function(parameterTypes, resultType) = callee.type else {
            throw error(call, "cannot call value of non-function type '\(callee.type)'")
        }
        if let labelled = arguments.first(where: { $0.label != nil }) {
            throw error(labelled.node, "extraneous argument label '\(labelled.label ?? "_"):' in call")
        }
        guard arguments.count == parameterTypes.count else {
            throw error(call, "expected \(parameterTypes.count) argument\(parameterTypes.count == 1 ? "" : "s") in call, got \(arguments.count)")
        }
        let values = try zip(arguments, parameterTypes).map { argument, type in
            try requireType(try lowerExpression(argument.expression, expected: type), type, at: argument.expression, role: "value").code
        }
        let calleeCode = callee.code
        let place = location(of: call)
        return Expression(type: resultType, location: place) { frame in
            guard case let .function(function) = try calleeCode(frame) else { return .void }
            var arguments: [Value] = []
            arguments.reserveCapacity(values.count)
            for value in values { arguments.append(try value(frame)) }
            return try Lowerer.call(function, with: arguments, context: frame.context, at: place)
        }
    }

    /// Calls a function value with evaluated arguments (also used by built-ins such as `map`).
    static func call(_ function: FunctionValue, with arguments: [Value], context: ExecutionContext, at place: SourceLocation) throws -> Value {
        let callee = Frame(slotCount: function.info.slotCount, parent: function.environment, context: context)
        for (index, argument) in arguments.enumerated() { callee.slots[index] = argument }
        return try invoke(function.info, in: callee, at: place)
    }

    func constructStruct(_ info: StructInfo, arguments: [Argument], call: some SyntaxProtocol) throws -> Expression {
        // The memberwise initializer: every stored property but a `let` with a default, in order.
        var parameters: [FunctionInfo.Parameter] = []
        var fieldSources: [Int?] = []
        var constants: [Int: Code] = [:]
        for (index, property) in info.properties.enumerated() {
            let defaultValue = info.defaultValues[property.name]
            if property.isLet, let defaultValue {
                constants[index] = defaultValue.code
                fieldSources.append(nil)
                continue
            }
            fieldSources.append(parameters.count)
            parameters.append(.init(label: property.name, name: property.name, type: property.type, defaultValue: defaultValue))
        }
        let matched = try matchArguments(arguments, to: parameters, call: call).map(\.code)
        let values: [Code] = fieldSources.enumerated().map { index, source in
            source.map { matched[$0] } ?? constants[index] ?? { _ in .void }
        }
        return Expression(type: .structure(info), location: location(of: call)) { frame in
            var fields: [Value] = []
            fields.reserveCapacity(values.count)
            for value in values { fields.append(try value(frame)) }
            return .tuple(fields)
        }
    }

    func lowerMethodCall(_ member: MemberAccessExprSyntax, arguments: [Argument], call: FunctionCallExprSyntax, expected: SwiftType?) throws -> Expression {
        let name = member.declName.baseName.text
        guard let baseSyntax = member.base else {
            // `.init(...)` or an implicit member call such as `.random()`: not in the subset.
            throw unsupported(member, "implicit member calls")
        }
        // Static members and initialisers of built-in types: `Array(repeating:count:)`, `Double.random`.
        if let typeName = baseSyntax.as(DeclReferenceExprSyntax.self)?.baseName.text, lookup(typeName) == nil,
           let builtin = try Builtins.lowerStaticCall(typeName, name, arguments: arguments, call: call, lowerer: self) {
            return builtin
        }
        if let chain = baseSyntax.as(OptionalChainingExprSyntax.self) {
            return try lowerOptionalChain(chain) { base in
                if case let .structure(info) = base.type, info.methods[name]?.isMutating == true {
                    throw unsupported(call, "calling a mutating method through optional chaining")
                }
                return try methodCall(on: base, baseSyntax: baseSyntax, member, arguments: arguments, call: call)
            }
        }
        return try methodCall(on: try lowerExpression(baseSyntax, expected: nil), baseSyntax: baseSyntax, member, arguments: arguments, call: call)
    }

    /// `base.name(arguments)` for a lowered base.
    func methodCall(on base: Expression, baseSyntax: ExprSyntax, _ member: MemberAccessExprSyntax, arguments: [Argument], call: FunctionCallExprSyntax) throws -> Expression {
        let name = member.declName.baseName.text
        if case let .structure(info) = base.type, let method = info.methods[name] {
            return try structMethodCall(info, method, base: base, arguments: arguments, call: call, member: Syntax(member.declName)) {
                try self.lowerPlace(baseSyntax, .mutatingMember(Syntax(member.declName)))
            }
        }
        if case let .structure(info) = base.type, let index = info.properties.firstIndex(where: { $0.name == name }),
           case .function = info.properties[index].type {
            let property = try memberAccess(on: base, member)
            return try callValue(property, arguments: arguments, call: call)
        }
        if let builtin = try Members.lowerMethodCall(base, baseSyntax: baseSyntax, name: name, arguments: arguments, call: call, lowerer: self) {
            return builtin
        }
        throw error(member.declName, "value of type '\(base.type)' has no member '\(name)'")
    }

    /// A call of a struct's method on `base`; a `mutating` one works on the place `receiver` gives.
    func structMethodCall(
        _ info: StructInfo, _ method: FunctionInfo, base: Expression, arguments: [Argument], call: FunctionCallExprSyntax,
        member: Syntax, receiver: () throws -> Place
    ) throws -> Expression {
        let values = try matchArguments(arguments, to: method.parameters, call: call).map(\.code)
        let distance = function.depth - info.depth
        let place = location(of: call)
        if method.isMutating {
            let target = try receiver()
            return Expression(type: method.resultType, location: place) { frame in
                let callee = Frame(slotCount: method.slotCount, parent: frame.ancestor(distance), context: frame.context)
                for (index, value) in values.enumerated() { callee.slots[index + 1] = try value(frame) }
                var result = Value.void
                try target.modify(frame) { selfValue in
                    callee.slots[0] = selfValue
                    selfValue = .void
                    defer { selfValue = callee.slots[0] }
                    result = try Lowerer.invoke(method, in: callee, at: place)
                }
                return result
            }
        }
        let receiverValue = base.code
        return Expression(type: method.resultType, location: place) { frame in
            let callee = Frame(slotCount: method.slotCount, parent: frame.ancestor(distance), context: frame.context)
            callee.slots[0] = try receiverValue(frame)
            for (index, value) in values.enumerated() { callee.slots[index + 1] = try value(frame) }
            return try Lowerer.invoke(method, in: callee, at: place)
        }
    }

    // MARK: Closures

    func lowerClosure(_ closure: ClosureExprSyntax, expected: SwiftType?) throws -> Expression {
        var parameterNames: [String] = []
        var parameterTypes: [SwiftType] = []
        var declaredResult: SwiftType?
        var expectedParameters: [SwiftType]?
        var expectedResult: SwiftType?
        if case let .function(parameters, result)? = expected {
            expectedParameters = parameters
            expectedResult = result == .never ? nil : result
        }
        if let signature = closure.signature {
            if signature.capture != nil { throw unsupported(signature, "capture lists") }
            if signature.effectSpecifiers != nil { throw unsupported(signature, "throws and async") }
            if let returnClause = signature.returnClause { declaredResult = try resolveType(returnClause.type) }
            switch signature.parameterClause {
            case let .simpleInput(names)?:
                parameterNames = names.map(\.name.text)
            case let .parameterClause(clause)?:
                for parameter in clause.parameters {
                    parameterNames.append((parameter.secondName ?? parameter.firstName).text)
                    if let type = parameter.type {
                        parameterTypes.append(try resolveType(type))
                    }
                }
            case nil:
                break
            }
        }
        let usesShorthand = closure.signature == nil
        if usesShorthand {
            let count = expectedParameters?.count ?? highestShorthandIndex(in: Syntax(closure.statements)).map { $0 + 1 } ?? 0
            parameterNames = (0..<count).map { "$\($0)" }
        }
        if parameterTypes.count != parameterNames.count {
            guard let expectedParameters, expectedParameters.count == parameterNames.count else {
                if let expectedParameters {
                    throw error(closure, "contextual closure type expects \(expectedParameters.count) argument\(expectedParameters.count == 1 ? "" : "s"), but \(parameterNames.count) \(parameterNames.count == 1 ? "was" : "were") used in closure body")
                }
                throw error(closure, "unable to infer type of a closure parameter; add a type annotation")
            }
            parameterTypes = expectedParameters
        }
        let context = FunctionContext(depth: function.depth + 1, slotCount: 0, resultType: declaredResult ?? expectedResult)
        functions.append(context)
        scopes.append(Scope())
        defer {
            scopes.removeLast()
            functions.removeLast()
        }
        for (name, type) in zip(parameterNames, parameterTypes) {
            _ = try declareVariable(name, type: type, isLet: true, at: closure)
        }
        let info = FunctionInfo(name: "closure", parameters: zip(parameterNames, parameterTypes).map {
            .init(label: nil, name: $0, type: $1, defaultValue: nil)
        }, resultType: .void)
        // A closure of one expression returns it; its type is the closure's result type.
        if closure.statements.count == 1, let only = closure.statements.first, case let .expr(expression) = only.item,
           !expression.is(IfExprSyntax.self), !expression.is(SwitchExprSyntax.self) {
            var value = try lowerExpression(expression, expected: context.resultType)
            if let declared = context.resultType, declared != .void {
                value = try requireType(value, declared, at: expression, role: "value")
            }
            let code = value.code
            let returnsValue = context.resultType != .void
            info.resultType = returnsValue ? value.type : .void
            info.expressionBody = returnsValue ? code : { frame in
                _ = try code(frame)
                return .void
            }
        } else {
            info.body = try lowerStatements(closure.statements)
            info.resultType = context.resultType ?? .void
        }
        info.slotCount = context.slotCount
        let type = info.type
        return Expression(type: type, location: location(of: closure)) { frame in
            .function(FunctionValue(info: info, environment: frame))
        }
    }

    private func highestShorthandIndex(in node: Syntax) -> Int? {
        var highest: Int?
        for token in node.tokens(viewMode: .sourceAccurate) {
            if case let .dollarIdentifier(text) = token.tokenKind, let index = Int(text.dropFirst()) {
                highest = max(highest ?? index, index)
            }
        }
        return highest
    }
}
