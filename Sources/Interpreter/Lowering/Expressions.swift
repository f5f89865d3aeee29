import MathCore
import SwiftSyntax

extension Lowerer {
    /// Lowers an expression. `expected` is the type its context wants (a variable's annotation, a
    /// parameter's type), which is how literals get their types: `1` is an `Int` unless a `Double`
    /// is expected, `[1, 2]` an `[Int]` unless a `Tensor` is.
    func lowerExpression(_ syntax: ExprSyntax, expected: SwiftType?, discarded: Bool = false) throws -> Expression {
        let place = location(of: syntax)
        switch syntax.as(ExprSyntaxEnum.self) {
        case let .integerLiteralExpr(literal):
            return try lowerIntegerLiteral(literal, expected: expected)
        case let .floatLiteralExpr(literal):
            guard let value = Double(literal.literal.text.replacingOccurrences(of: "_", with: "")) else {
                throw error(literal, "invalid floating-point literal")
            }
            var expression = Expression.double(place) { _ in value }
            expression.isLiteral = true
            expression.constant = .double(value)
            return expression
        case let .booleanLiteralExpr(literal):
            let value = literal.literal.tokenKind == .keyword(.true)
            var expression = Expression.bool(place) { _ in value }
            expression.isLiteral = true
            return expression
        case let .stringLiteralExpr(literal):
            let text = try lowerStringLiteral(literal)
            if expected == .character || expected == .optional(.character) {
                guard text.isLiteral, literal.segments.count <= 1 else { throw error(literal, "cannot convert value of type 'String' to specified type 'Character'") }
                let code = text.code
                var character = Expression(type: .character, location: text.location, code: code)
                character.isLiteral = true
                return character
            }
            return text
        case .nilLiteralExpr:
            if let expected, case .optional = expected {
                return Expression(type: expected, location: place) { _ in .none }
            }
            return Expression(type: .nilLiteral, location: place) { _ in .none }
        case let .arrayExpr(array):
            return try lowerArrayLiteral(array, expected: expected)
        case let .dictionaryExpr(dictionary):
            return try lowerDictionaryLiteral(dictionary, expected: expected)
        case let .tupleExpr(tuple):
            return try lowerTuple(tuple, expected: expected)
        case let .declReferenceExpr(reference):
            return try lowerReference(reference, expected: expected)
        case let .infixOperatorExpr(infix):
            return try lowerInfix(infix, expected: expected)
        case let .prefixOperatorExpr(prefix):
            return try lowerPrefix(prefix, expected: expected)
        case let .postfixOperatorExpr(postfix):
            throw unsupported(postfix, "the postfix operator '\(postfix.operator.text)' here")
        case let .forceUnwrapExpr(unwrap):
            let value = try lowerExpression(unwrap.expression, expected: expected.map { .optional($0) })
            guard case let .optional(wrapped) = value.type else {
                throw error(unwrap.exclamationMark, "cannot force unwrap value of non-optional type '\(value.type)'")
            }
            let code = value.code
            let at = place
            return Expression(type: wrapped, location: place) { frame in
                guard case let .some(inner) = try code(frame) else {
                    throw RuntimeError(message: "unexpectedly found nil while unwrapping an Optional value", location: at)
                }
                return inner
            }
        case let .ternaryExpr(ternary):
            let condition = try requireType(try lowerExpression(ternary.condition, expected: .bool), .bool, at: ternary.condition, role: "condition").asBool
            var first = try lowerExpression(ternary.thenExpression, expected: expected)
            var second = try lowerExpression(ternary.elseExpression, expected: expected ?? first.type)
            if first.type != second.type, first.isLiteral {
                first = try lowerExpression(ternary.thenExpression, expected: second.type)
            }
            second = try requireType(second, first.type, at: ternary.elseExpression)
            // Typed branches stay unboxed: `n < 2 ? n : fib(n - 1) + fib(n - 2)`.
            switch first.type {
            case .int:
                let (then, otherwise) = (first.asInt, second.asInt)
                return .int(place) { frame in try condition(frame) ? try then(frame) : try otherwise(frame) }
            case .double:
                let (then, otherwise) = (first.asDouble, second.asDouble)
                return .double(place) { frame in try condition(frame) ? try then(frame) : try otherwise(frame) }
            default:
                let (then, otherwise) = (first.code, second.code)
                return Expression(type: first.type, location: place) { frame in try condition(frame) ? try then(frame) : try otherwise(frame) }
            }
        case let .functionCallExpr(call):
            return try lowerCall(call, expected: expected)
        case let .memberAccessExpr(member):
            return try lowerMemberAccess(member, expected: expected)
        case let .subscriptCallExpr(subscriptCall):
            return try lowerSubscript(subscriptCall)
        case let .closureExpr(closure):
            return try lowerClosure(closure, expected: expected)
        case let .asExpr(cast):
            guard cast.questionOrExclamationMark == nil else { throw unsupported(cast, "as? and as!") }
            // `x as Any` (to print an optional without a warning) changes nothing that prints.
            if cast.type.trimmedDescription == "Any" { return try lowerExpression(cast.expression, expected: nil) }
            let type = try resolveType(cast.type)
            return try requireType(try lowerExpression(cast.expression, expected: type), type, at: cast.expression)
        case let .sequenceExpr(sequence):
            throw error(sequence, "internal error: operators were not folded")
        case .tryExpr: throw unsupported(syntax, "try")
        case .awaitExpr: throw unsupported(syntax, "await")
        case .keyPathExpr: throw unsupported(syntax, "key paths")
        case .ifExpr: throw unsupported(syntax, "if as an expression")
        case .switchExpr: throw unsupported(syntax, "switch as an expression")
        case .isExpr: throw unsupported(syntax, "is")
        case .optionalChainingExpr: throw error(syntax, "optional chaining needs a member after '?'")
        case .regexLiteralExpr: throw unsupported(syntax, "regular expressions")
        case .macroExpansionExpr: throw unsupported(syntax, "macros")
        case .inOutExpr: throw unsupported(syntax, "inout")
        case .superExpr: throw unsupported(syntax, "super")
        default:
            throw unsupported(syntax, "this expression")
        }
    }

    // MARK: Literals

    func lowerIntegerLiteral(_ literal: IntegerLiteralExprSyntax, expected: SwiftType?) throws -> Expression {
        let place = location(of: literal)
        let text = literal.literal.text.replacingOccurrences(of: "_", with: "")
        let parsed: Int?
        if text.hasPrefix("0x") { parsed = Int(text.dropFirst(2), radix: 16) }
        else if text.hasPrefix("0b") { parsed = Int(text.dropFirst(2), radix: 2) }
        else if text.hasPrefix("0o") { parsed = Int(text.dropFirst(2), radix: 8) }
        else { parsed = Int(text) }
        if let expected, expected.acceptsDoubleLiteral {
            guard let value = Double(text.hasPrefix("0") && text.count > 1 && !text.hasPrefix("0.") ? String(parsed ?? 0) : text) else {
                throw error(literal, "invalid integer literal")
            }
            var expression = Expression.double(place) { _ in value }
            expression.isLiteral = true
            expression.constant = .double(value)
            return expression
        }
        guard let value = parsed else {
            throw error(literal, "integer literal '\(literal.literal.text)' overflows when stored into 'Int'")
        }
        var expression = Expression.int(place) { _ in value }
        expression.isLiteral = true
        expression.constant = .int(value)
        return expression
    }

    func lowerStringLiteral(_ literal: StringLiteralExprSyntax) throws -> Expression {
        if literal.openingPounds != nil { throw unsupported(literal, "raw strings") }
        var parts: [(Frame) throws -> String] = []
        var constant = ""
        for segment in literal.segments {
            switch segment {
            case let .stringSegment(text):
                constant += try unescape(text.content.text, at: text)
            case let .expressionSegment(interpolation):
                guard interpolation.expressions.count == 1, let argument = interpolation.expressions.first, argument.label == nil else {
                    throw unsupported(interpolation, "this interpolation")
                }
                let value = try lowerExpression(argument.expression, expected: nil)
                if !constant.isEmpty {
                    let text = constant
                    parts.append { _ in text }
                    constant = ""
                }
                let code = value.code, type = value.type
                parts.append { frame in Printing.description(of: try code(frame), as: type) }
            }
        }
        let place = location(of: literal)
        if parts.isEmpty {
            let text = constant
            var expression = Expression(type: .string, location: place) { _ in .string(text) }
            expression.isLiteral = true
            return expression
        }
        if !constant.isEmpty {
            let text = constant
            parts.append { _ in text }
        }
        return Expression(type: .string, location: place) { frame in
            var result = ""
            for part in parts { result += try part(frame) }
            return .string(result)
        }
    }

    private func unescape(_ text: String, at node: some SyntaxProtocol) throws -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "r": result.append("\r")
            case "0": result.append("\0")
            case "\\": result.append("\\")
            case "\"": result.append("\"")
            case "'": result.append("'")
            case "u":
                var digits = ""
                _ = iterator.next()  // {
                while let next = iterator.next(), next != "}" { digits.append(next) }
                guard let scalar = UInt32(digits, radix: 16).flatMap(Unicode.Scalar.init) else { throw error(node, "invalid unicode scalar") }
                result.unicodeScalars.append(scalar)
            default: throw error(node, "invalid escape sequence in literal")
            }
        }
        return result
    }

    func lowerArrayLiteral(_ array: ArrayExprSyntax, expected: SwiftType?) throws -> Expression {
        let place = location(of: array)
        if expected == .tensor {
            let literal = try tensorLiteral(ExprSyntax(array))
            return Expression(type: .tensor, location: place) { _ in
                do { return .tensor(try Throwing.tensor(literal: literal)) } catch { throw RuntimeError(message: String(describing: error), location: place) }
            }
        }
        var elementType: SwiftType?
        if case let .array(element)? = expected { elementType = element }
        var elements: [Expression] = []
        for element in array.elements {
            var lowered = try lowerExpression(element.expression, expected: elementType)
            if let type = elementType {
                if lowered.type != type, type == .double, !elements.isEmpty || expected != nil {
                    lowered = try requireType(lowered, type, at: element.expression, role: "value")
                } else if lowered.type != type {
                    // `[1, 2.5]` is a `[Double]`: a later Double widens the integer literals before it.
                    if type == .int, lowered.type == .double, elements.allSatisfy(\.isLiteral), expected == nil {
                        elementType = .double
                        elements = try array.elements.prefix(elements.count).map { try lowerExpression($0.expression, expected: .double) }
                    } else {
                        lowered = try requireType(lowered, type, at: element.expression, role: "value")
                    }
                }
            } else {
                if lowered.type == .nilLiteral { throw error(element, "'nil' requires a contextual type") }
                elementType = lowered.type
            }
            elements.append(lowered)
        }
        guard let finalType = elementType else {
            throw error(array, "empty collection literal requires an explicit type")
        }
        let codes = elements.map(\.code)
        var expression = Expression(type: .array(finalType), location: place) { frame in
            var values: [Value] = []
            values.reserveCapacity(codes.count)
            for code in codes { values.append(try code(frame)) }
            return .array(values)
        }
        expression.isLiteral = true
        return expression
    }

    /// A nested array literal of number literals, as MathCore's `TensorLiteral` (what real Swift
    /// accepts for `let A: Matrix = [[1, 2], [3, 4]]`).
    private func tensorLiteral(_ syntax: ExprSyntax) throws -> TensorLiteral {
        if let array = syntax.as(ArrayExprSyntax.self) {
            return .list(try array.elements.map { try tensorLiteral($0.expression) })
        }
        var text = syntax.trimmedDescription.replacingOccurrences(of: "_", with: "")
        var negative = false
        if let prefix = syntax.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "-" {
            negative = true
            text = prefix.expression.trimmedDescription.replacingOccurrences(of: "_", with: "")
            guard prefix.expression.is(IntegerLiteralExprSyntax.self) || prefix.expression.is(FloatLiteralExprSyntax.self) else {
                throw error(syntax, "cannot convert value of type '\(syntax.trimmedDescription)' to expected element type 'TensorLiteral'")
            }
        } else if !(syntax.is(IntegerLiteralExprSyntax.self) || syntax.is(FloatLiteralExprSyntax.self)) {
            throw error(syntax, "cannot convert value to expected element type 'TensorLiteral': a tensor literal holds number literals only")
        }
        guard let value = Double(text) ?? Int(text).map(Double.init) else { throw error(syntax, "invalid number literal") }
        return .scalar(negative ? -value : value)
    }

    func lowerDictionaryLiteral(_ dictionary: DictionaryExprSyntax, expected: SwiftType?) throws -> Expression {
        let place = location(of: dictionary)
        var keyType: SwiftType?, valueType: SwiftType?
        if case let .dictionary(key, value)? = expected { (keyType, valueType) = (key, value) }
        guard case let .elements(elements) = dictionary.content else {
            guard let keyType, let valueType else { throw error(dictionary, "empty collection literal requires an explicit type") }
            return Expression(type: .dictionary(keyType, valueType), location: place) { _ in .dictionary([:]) }
        }
        var pairs: [(Code, Code)] = []
        for element in elements {
            let key = try lowerExpression(element.key, expected: keyType)
            let value = try lowerExpression(element.value, expected: valueType)
            if keyType == nil { keyType = key.type }
            if valueType == nil { valueType = value.type }
            pairs.append((try requireType(key, keyType ?? key.type, at: element.key).code, try requireType(value, valueType ?? value.type, at: element.value).code))
        }
        guard let finalKey = keyType, let finalValue = valueType else { throw error(dictionary, "empty collection literal requires an explicit type") }
        guard [.int, .double, .string, .bool].contains(finalKey) else {
            throw unsupported(dictionary, "a dictionary with keys of type '\(finalKey)'")
        }
        return Expression(type: .dictionary(finalKey, finalValue), location: place) { frame in
            var entries: [DictionaryKey: Value] = [:]
            for (key, value) in pairs {
                guard let hashable = DictionaryKey(try key(frame)) else { continue }
                if entries[hashable] != nil {
                    throw RuntimeError(message: "dictionary literal contains duplicate keys", location: place)
                }
                entries[hashable] = try value(frame)
            }
            return .dictionary(entries)
        }
    }

    func lowerTuple(_ tuple: TupleExprSyntax, expected: SwiftType?) throws -> Expression {
        if tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
            return try lowerExpression(only.expression, expected: expected)
        }
        var expectedElements: [SwiftType.TupleElement]?
        if case let .tuple(elements)? = expected, elements.count == tuple.elements.count { expectedElements = elements }
        var types: [SwiftType.TupleElement] = []
        var codes: [Code] = []
        for (index, element) in tuple.elements.enumerated() {
            let hint = expectedElements?[index]
            var value = try lowerExpression(element.expression, expected: hint?.type)
            if let hint, value.type != hint.type, let converted = try? requireType(value, hint.type, at: element.expression) { value = converted }
            let label = element.label?.text ?? hint?.label
            types.append(.init(label: label, type: value.type))
            codes.append(value.code)
        }
        if types.isEmpty { return Expression(type: .void, location: location(of: tuple)) { _ in .void } }
        return Expression(type: .tuple(types), location: location(of: tuple)) { frame in
            var values: [Value] = []
            for code in codes { values.append(try code(frame)) }
            return .tuple(values)
        }
    }

    // MARK: Names

    func lowerReference(_ reference: DeclReferenceExprSyntax, expected: SwiftType?) throws -> Expression {
        let name = reference.baseName.text
        let place = location(of: reference)
        if reference.argumentNames != nil { throw unsupported(reference, "references with argument names") }
        if case .binaryOperator = reference.baseName.tokenKind {
            return try operatorFunction(name, expected: expected, at: reference)
        }
        if name.hasPrefix("$") {
            guard let binding = lookup(name) else { throw error(reference, "anonymous closure argument not contained in a closure") }
            return try variableExpression(binding, name: name, at: reference)
        }
        if let index = implicitSelfProperty(name), let selfBinding = lookup("self"),
           case let .structure(info) = try variableExpression(selfBinding, name: "self", at: reference).type {
            let base = try variableExpression(selfBinding, name: "self", at: reference).code
            return Expression(type: info.properties[index].type, location: place) { frame in try base(frame).field(index) }
        }
        if let method = functions.last(where: { $0.owner != nil }), let owner = method.owner, let computed = owner.computed[name],
           lookup(name) == nil || !(method.baseScopeIndex..<scopes.count).contains(where: { scopes[$0].names[name] != nil }),
           let selfBinding = lookup("self") {
            let base = try variableExpression(selfBinding, name: "self", at: reference).code
            return computedProperty(computed.getter, of: owner, type: computed.type, on: base, at: place)
        }
        if let binding = lookup(name) {
            switch binding {
            case .variable:
                return try variableExpression(binding, name: name, at: reference)
            case let .function(info, depth):
                let currentDepth = function.depth
                return Expression(type: info.type, location: place) { frame in
                    .function(FunctionValue(info: info, environment: frame.ancestor(currentDepth - depth)))
                }
            case .structure:
                throw error(reference, "expected member name or constructor call after type name")
            }
        }
        if let constant = Builtins.constant(name) {
            return Expression(type: constant.type, location: place) { _ in constant.value }
        }
        if Builtins.isFunctionName(name) {
            throw unsupported(reference, "using the built-in function '\(name)' as a value (wrap it in a closure)")
        }
        throw error(reference, "cannot find '\(name)' in scope")
    }

    /// An operator used as a function (`reduce(0, +)`), typed by its context.
    func operatorFunction(_ name: String, expected: SwiftType?, at node: DeclReferenceExprSyntax) throws -> Expression {
        guard case let .function(parameters, _)? = expected, parameters.count == 2 else {
            throw error(node, "unable to infer the type of the operator '\(name)' here")
        }
        let info = FunctionInfo(name: name, parameters: [
            .init(label: nil, name: "$0", type: parameters[0], defaultValue: nil),
            .init(label: nil, name: "$1", type: parameters[1], defaultValue: nil),
        ], resultType: .void)
        let place = location(of: node)
        let left = Expression(type: parameters[0], location: place) { $0.slots[0] }
        let right = Expression(type: parameters[1], location: place) { $0.slots[1] }
        let operation = try binaryOperation(name, left, right, at: node)
        info.resultType = operation.type
        info.slotCount = 2
        info.expressionBody = operation.code
        return Expression(type: info.type, location: place) { frame in .function(FunctionValue(info: info, environment: frame)) }
    }

    func variableExpression(_ binding: Binding, name: String, at node: some SyntaxProtocol) throws -> Expression {
        guard case let .variable(slot, depth, type, _) = binding else { throw error(node, "cannot find '\(name)' in scope") }
        if scopes.last(where: { $0.names[name] != nil })?.uninitialised.contains(name) == true {
            throw error(node, "constant '\(name)' used before being initialized")
        }
        let place = location(of: node)
        let distance = function.depth - depth
        switch (distance, type) {
        case (0, .int):
            var expression = Expression.int(place) { frame in frame.slots[slot].int }
            expression.localSlot = slot
            return expression
        case (0, .double):
            var expression = Expression.double(place) { frame in frame.slots[slot].double }
            expression.localSlot = slot
            return expression
        case (0, .bool): return .bool(place) { frame in frame.slots[slot].bool }
        case (0, .tensor) where lastUses.contains(Syntax(node).id):
            // Its last use: the tensor leaves the slot, the only owner of its storage.
            return Expression(type: type, location: place) { frame in
                let value = frame.slots[slot]
                frame.slots[slot] = .void
                return value
            }
        case (0, _): return Expression(type: type, location: place) { frame in frame.slots[slot] }
        case (1, _): return Expression(type: type, location: place) { frame in (frame.parent ?? frame).slots[slot] }
        default: return Expression(type: type, location: place) { frame in frame.ancestor(distance).slots[slot] }
        }
    }
}

extension SwiftType {
    /// Whether an integer or float literal becomes a `Double` in this context.
    var acceptsDoubleLiteral: Bool {
        switch self {
        case .double: return true
        case let .optional(wrapped): return wrapped.acceptsDoubleLiteral
        default: return false
        }
    }
}
