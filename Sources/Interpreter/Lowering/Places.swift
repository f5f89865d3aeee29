import MathCore
import SwiftSyntax

/// Something that can be assigned to: a variable, or an element or property inside one.
struct Place {
    var type: SwiftType
    var read: Code
    /// Runs `body` on the stored value in place (so arrays and tensors are not copied).
    var modify: (Frame, (inout Value) throws -> Void) throws -> Void
}

/// Why a place is being lowered, which decides Swift's message when its root is a `let`.
enum Mutation {
    /// `x = …`, `p.x = …` (the member named is where Swift points), `a[i] = …`.
    case assignment(member: Syntax?, throughSubscript: Bool)
    /// `x += …`: Swift points at the operator.
    case compound(operator: Syntax)
    /// `xs.append(…)`: Swift points at the member.
    case mutatingMember(Syntax)
    /// `&generator`.
    case inoutArgument

    static let direct = Mutation.assignment(member: nil, throughSubscript: false)

    /// The mutation as seen from the base of a member access.
    func throughMember(_ member: Syntax) -> Mutation {
        if case .assignment(nil, false) = self { return .assignment(member: member, throughSubscript: false) }
        return self
    }

    /// The mutation as seen from the base of a subscript.
    var throughSubscript: Mutation {
        if case .assignment(nil, false) = self { return .assignment(member: nil, throughSubscript: true) }
        return self
    }
}

extension Lowerer {
    /// The error for mutating the `let` named `name` (at `reference`) in the way `mutation` says.
    func letError(_ name: String, at reference: some SyntaxProtocol, _ mutation: Mutation) -> Diagnostic {
        let what = name == "self" ? "'self' is immutable" : "'\(name)' is a 'let' constant"
        switch mutation {
        case let .assignment(member?, _): return error(member, "cannot assign to property: \(what)")
        case .assignment(nil, true): return error(reference, "cannot assign through subscript: \(what)")
        case .assignment(nil, false): return error(reference, name == "self" ? "cannot assign to value: 'self' is immutable" : "cannot assign to value: \(what)")
        case let .compound(op): return error(op, "left side of mutating operator isn't mutable: \(what)")
        case let .mutatingMember(member): return error(member, "cannot use mutating member on immutable value: \(what)")
        case .inoutArgument: return error(reference, "cannot pass immutable value as inout argument: \(what)")
        }
    }

    /// Lowers the left side of an assignment, checking that it can be assigned.
    func lowerPlace(_ syntax: ExprSyntax, _ mutation: Mutation = .direct) throws -> Place {
        if let reference = syntax.as(DeclReferenceExprSyntax.self) {
            let name = reference.baseName.text
            if let index = implicitSelfProperty(name), case let .structure(info)? = lookup("self").flatMap({ binding -> SwiftType? in
                if case let .variable(_, _, type, _) = binding { return type }
                return nil
            }) {
                if info.properties[index].isLet { throw error(reference, "cannot assign to property: '\(name)' is a 'let' constant") }
                guard case let .variable(slot, depth, _, isLet)? = lookup("self") else { throw error(reference, "cannot find 'self' in scope") }
                if isLet { throw letError("self", at: reference, mutation.throughMember(Syntax(reference))) }
                let selfPlace = variablePlace(slot: slot, depth: depth, type: .structure(info))
                return tupleElementPlace(selfPlace, index: index, type: info.properties[index].type)
            }
            guard let binding = lookup(name), case let .variable(slot, depth, type, isLet) = binding else {
                if lookup(name) != nil { throw error(reference, "cannot assign to value: '\(name)' is not a variable") }
                throw error(reference, "cannot find '\(name)' in scope")
            }
            if isLet {
                if let scope = scopes.last(where: { $0.names[name] != nil }), scope.uninitialised.contains(name), case .assignment(nil, false) = mutation {
                    scope.uninitialised.remove(name)
                } else {
                    throw letError(name, at: reference, mutation)
                }
            }
            return variablePlace(slot: slot, depth: depth, type: type)
        }
        if let member = syntax.as(MemberAccessExprSyntax.self), let baseSyntax = member.base {
            let base = try lowerPlace(baseSyntax, mutation.throughMember(Syntax(member.declName)))
            let name = member.declName.baseName.text
            if case let .structure(info) = base.type, let computed = info.computed[name] {
                guard let setter = computed.setter else {
                    throw error(member.declName, "cannot assign to property: '\(name)' is a get-only property")
                }
                return computedPlace(base, info: info, getter: computed.getter, setter: setter, type: computed.type, at: member)
            }
            if case let .structure(info) = base.type {
                guard let index = info.properties.firstIndex(where: { $0.name == name }) else {
                    throw error(member.declName, "value of type '\(info.name)' has no member '\(name)'")
                }
                if info.properties[index].isLet {
                    throw error(member.declName, "cannot assign to property: '\(name)' is a 'let' constant")
                }
                return tupleElementPlace(base, index: index, type: info.properties[index].type)
            }
            if case let .tuple(elements) = base.type {
                let index = Int(name) ?? elements.firstIndex { $0.label == name }
                guard let index, index < elements.count else {
                    throw error(member.declName, "value of tuple type '\(base.type)' has no member '\(name)'")
                }
                return tupleElementPlace(base, index: index, type: elements[index].type)
            }
            if base.type == .variable && name == "value" {
                let read = base.read
                return Place(type: .tensor, read: { frame in
                    guard case let .variable(v) = try read(frame) else { return .void }
                    return .tensor(v.value)
                }, modify: { frame, body in
                    guard case let .variable(v) = try read(frame) else { return }
                    var value = Value.tensor(v.value)
                    try body(&value)
                    v.value = value.tensor
                })
            }
            throw error(member, "cannot assign to property: '\(name)' is a get-only property")
        }
        if let subscriptCall = syntax.as(SubscriptCallExprSyntax.self) {
            let base = try lowerPlace(subscriptCall.calledExpression, mutation.throughSubscript)
            return try subscriptPlace(base, subscriptCall)
        }
        if let unwrap = syntax.as(ForceUnwrapExprSyntax.self) {
            let base = try lowerPlace(unwrap.expression, mutation)
            guard case let .optional(wrapped) = base.type else {
                throw error(unwrap.exclamationMark, "cannot force unwrap value of non-optional type '\(base.type)'")
            }
            let place = location(of: unwrap)
            let (read, modify) = (base.read, base.modify)
            let unexpectedNil = RuntimeError(message: "unexpectedly found nil while unwrapping an Optional value", location: place)
            return Place(
                type: wrapped,
                read: { frame in
                    guard case let .some(inner) = try read(frame) else { throw unexpectedNil }
                    return inner
                },
                modify: { frame, body in
                    try modify(frame) { value in
                        guard case var .some(inner) = value else { throw unexpectedNil }
                        value = .none
                        defer { value = .some(inner) }
                        try body(&inner)
                    }
                }
            )
        }
        if let tuple = syntax.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first {
            return try lowerPlace(only.expression, mutation)
        }
        throw error(syntax, "cannot assign to this expression")
    }

    /// A computed property as a place: read through its getter, written through its setter.
    private func computedPlace(_ base: Place, info: StructInfo, getter: FunctionInfo, setter: FunctionInfo, type: SwiftType, at node: some SyntaxProtocol) -> Place {
        let distance = function.depth - info.depth
        let place = location(of: node)
        // The getter reads `self` from a slot that holds the receiver for the duration of the read.
        let receiverSlot = function.newSlot()
        let getCode = computedProperty(getter, of: info, type: type, on: { frame in frame.slots[receiverSlot] }, at: place).code
        let get: (Frame, Value) throws -> Value = { frame, selfValue in
            frame.slots[receiverSlot] = selfValue
            defer { frame.slots[receiverSlot] = .void }
            return try getCode(frame)
        }
        let read = base.read
        return Place(
            type: type,
            read: { frame in try get(frame, try read(frame)) },
            modify: { frame, body in
                try base.modify(frame) { selfValue in
                    var value = try get(frame, selfValue)
                    try body(&value)
                    let callee = Frame(slotCount: setter.slotCount, parent: frame.ancestor(distance), context: frame.context)
                    callee.slots[0] = selfValue
                    callee.slots[1] = value
                    _ = try Lowerer.invoke(setter, in: callee, at: place)
                    selfValue = callee.slots[0]
                }
            }
        )
    }

    /// A variable's slot as a place.
    func variablePlace(slot: Int, depth: Int, type: SwiftType) -> Place {
        let distance = function.depth - depth
        return Place(
            type: type,
            read: { frame in frame.ancestor(distance).slots[slot] },
            modify: { frame, body in
                let owner = frame.ancestor(distance)
                // Move the value out while it is changed, so that its storage stays unique.
                var value = owner.slots[slot]
                owner.slots[slot] = .void
                defer { owner.slots[slot] = value }
                try body(&value)
            }
        )
    }

    private func tupleElementPlace(_ base: Place, index: Int, type: SwiftType) -> Place {
        let read = base.read
        let modify = base.modify
        return Place(
            type: type,
            read: { frame in try read(frame).field(index) },
            modify: { frame, body in
                try modify(frame) { value in
                    guard case var .tuple(items) = value else { return }
                    value = .void
                    defer { value = .tuple(items) }
                    try body(&items[index])
                }
            }
        )
    }

    private func subscriptPlace(_ base: Place, _ syntax: SubscriptCallExprSyntax) throws -> Place {
        let place = location(of: syntax)
        let modify = base.modify
        switch base.type {
        case let .array(element):
            let index = try singleIndex(syntax, type: .int).asInt
            return Place(
                type: element,
                read: { frame in try Collections.element(of: try base.read(frame).array, at: try index(frame), place: place) },
                modify: { frame, body in
                    let i = try index(frame)
                    try modify(frame) { value in
                        guard case var .array(items) = value else { return }
                        value = .void
                        defer { value = .array(items) }
                        guard items.indices.contains(i) else { throw RuntimeError(message: "index out of range", location: place) }
                        try body(&items[i])
                    }
                }
            )
        case let .dictionary(keyType, valueType):
            if syntax.arguments.count == 2, let first = syntax.arguments.first, first.label == nil,
               let last = syntax.arguments.last, last.label?.text == "default" {
                // `counts[key, default: 0] += 1`: a missing entry reads as the default and is then stored.
                let key = try requireType(try lowerExpression(first.expression, expected: keyType), keyType, at: first.expression).code
                let fallback = try requireType(try lowerExpression(last.expression, expected: valueType), valueType, at: last.expression).code
                return Place(
                    type: valueType,
                    read: { frame in
                        guard let hashable = DictionaryKey(try key(frame)) else { return try fallback(frame) }
                        return try base.read(frame).dictionaryEntries[hashable] ?? fallback(frame)
                    },
                    modify: { frame, body in
                        guard let hashable = DictionaryKey(try key(frame)) else { return }
                        let initial = try fallback(frame)
                        try modify(frame) { value in
                            guard case var .dictionary(entries) = value else { return }
                            value = .void
                            defer { value = .dictionary(entries) }
                            var entry = entries[hashable] ?? initial
                            try body(&entry)
                            entries[hashable] = entry
                        }
                    }
                )
            }
            let key = try singleIndex(syntax, type: keyType).code
            return Place(
                type: .optional(valueType),
                read: { frame in
                    guard let hashable = DictionaryKey(try key(frame)) else { return .none }
                    return try base.read(frame).dictionaryEntries[hashable].map { .some($0) } ?? .none
                },
                modify: { frame, body in
                    guard let hashable = DictionaryKey(try key(frame)) else { return }
                    try modify(frame) { value in
                        guard case var .dictionary(entries) = value else { return }
                        value = .void
                        defer { value = .dictionary(entries) }
                        var entry: Value = entries[hashable].map { .some($0) } ?? .none
                        try body(&entry)
                        if case let .some(inner) = entry { entries[hashable] = inner } else { entries[hashable] = nil }
                    }
                }
            )
        case .tensor:
            let indices = try syntax.arguments.map { argument -> IntCode in
                guard argument.label == nil else { throw error(argument, "extraneous argument label '\(argument.label?.text ?? "_"):' in subscript") }
                return try requireType(try lowerExpression(argument.expression, expected: .int), .int, at: argument.expression, role: "index").asInt
            }
            return Place(
                type: .double,
                read: { frame in
                    let t = try base.read(frame).tensor
                    let at = try indices.map { try $0(frame) }
                    do { return .double(try Throwing.element(t, at: at)) } catch { throw RuntimeError(message: String(describing: error), location: place) }
                },
                modify: { frame, body in
                    let at = try indices.map { try $0(frame) }
                    try modify(frame) { value in
                        guard case var .tensor(t) = value else { return }
                        value = .void
                        defer { value = .tensor(t) }
                        var element: Value
                        do { element = .double(try Throwing.element(t, at: at)) } catch { throw RuntimeError(message: String(describing: error), location: place) }
                        try body(&element)
                        do { try Throwing.setElement(&t, at: at, to: element.double) } catch { throw RuntimeError(message: String(describing: error), location: place) }
                    }
                }
            )
        default:
            throw error(syntax, "value of type '\(base.type)' has no subscripts")
        }
    }

    /// The one index of an array or dictionary subscript, of the given type.
    func singleIndex(_ syntax: SubscriptCallExprSyntax, type: SwiftType) throws -> Expression {
        guard syntax.arguments.count == 1, let argument = syntax.arguments.first else {
            throw error(syntax, "subscripts take exactly one index here")
        }
        if let label = argument.label { throw unsupported(argument, "the subscript label '\(label.text):'") }
        return try requireType(try lowerExpression(argument.expression, expected: type), type, at: argument.expression, role: "index")
    }

    func lowerAssignment(target: ExprSyntax, value: ExprSyntax, compound: String?, at node: InfixOperatorExprSyntax) throws -> Expression {
        if target.is(DiscardAssignmentExprSyntax.self) {
            let discarded = try lowerExpression(value, expected: nil).code
            return Expression(type: .void, location: location(of: node)) { frame in
                _ = try discarded(frame)
                return .void
            }
        }
        let at = location(of: node)
        if compound == nil, let tuple = target.as(TupleExprSyntax.self), tuple.elements.count > 1 {
            // `(a, b) = (b, a)`: the right side is evaluated whole, then each part is assigned.
            let places = try tuple.elements.map { try lowerPlace($0.expression) }
            let expected = SwiftType.tuple(places.map { .init(label: nil, type: $0.type) })
            let value = try lowerExpression(value, expected: expected)
            guard case let .tuple(elements) = value.type, elements.map(\.type) == places.map(\.type) else {
                throw error(node, "cannot assign value of type '\(value.type)' to type '\(expected)'")
            }
            let code = value.code
            return Expression(type: .void, location: at) { frame in
                let items = try code(frame).tuple
                for (place, item) in zip(places, items) { try place.modify(frame) { $0 = item } }
                return .void
            }
        }
        let place = try lowerPlace(target, compound == nil ? .direct : .compound(operator: Syntax(node.operator)))
        guard let op = compound else {
            let newValue = try requireType(try lowerExpression(value, expected: place.type), place.type, at: value, role: "value").code
            let modify = place.modify
            return Expression(type: .void, location: at) { frame in
                let computed = try newValue(frame)
                try modify(frame) { $0 = computed }
                return .void
            }
        }
        // `total += x` on a local Int or Double: read, combine and store the slot directly
        // (the inner loop of the benchmark's matrix product).
        if let reference = target.as(DeclReferenceExprSyntax.self), implicitSelfProperty(reference.baseName.text) == nil,
           case let .variable(slot, depth, type, _)? = lookup(reference.baseName.text), depth == function.depth,
           type == .int || type == .double {
            let variable = try variableExpression(.variable(slot: slot, depth: depth, type: type, isLet: false), name: reference.baseName.text, at: reference)
            let operand = try requireType(try lowerExpression(value, expected: type), type, at: value, role: "value")
            let combined = try binaryOperation(op, variable, operand, at: node.operator)
            if type == .int {
                let code = combined.asInt
                return Expression(type: .void, location: at) { frame in
                    frame.slots[slot] = .int(try code(frame))
                    return .void
                }
            }
            let code = combined.asDouble
            return Expression(type: .void, location: at) { frame in
                frame.slots[slot] = .double(try code(frame))
                return .void
            }
        }
        // `x op= y` is `x = x op y`, computed on the value read in place.
        let current = Expression(type: place.type, location: at, code: place.read)
        var operand = try lowerExpression(value, expected: place.type == .tensor ? nil : place.type)
        if place.type == .tensor || place.type == .variable, operand.isLiteral, operand.type == .int {
            operand = try lowerExpression(value, expected: .double)
        }
        if place.type == .tensor, operand.type == .tensor || operand.type == .double {
            // MathCore's compound assignments: in place, and the result must keep the left shape.
            let other = operand.code
            let isTensor = operand.type == .tensor
            let operation: (Double, Double) -> Double
            switch op {
            case "+": operation = (+)
            case "-": operation = (-)
            case "*": operation = (*)
            case "/": operation = (/)
            default: throw error(node.operator, "binary operator '\(op)=' cannot be applied to operands of type 'Tensor' and '\(operand.type)'")
            }
            let name = op + "="
            return Expression(type: .void, location: at) { frame in
                let value = try other(frame)
                try place.modify(frame) { stored in
                    guard case var .tensor(tensor) = stored else { return }
                    stored = .void
                    defer { stored = .tensor(tensor) }
                    if isTensor {
                        do { try Throwing.updateInPlace(&tensor, value.tensor, name, operation) } catch {
                            throw RuntimeError(message: String(describing: error), location: at)
                        }
                    } else {
                        let scalar = value.double
                        tensor = tensor.map { operation($0, scalar) }
                    }
                }
                return .void
            }
        }
        if case .array = place.type, op == "+" {
            let items = try requireType(operand, place.type, at: value).code
            return Expression(type: .void, location: at) { frame in
                let extra = try items(frame).array
                try place.modify(frame) { stored in
                    guard case var .array(array) = stored else { return }
                    try Limits.checkGrowth(to: array.count + extra.count, in: frame, at: at)
                    stored = .void
                    array.append(contentsOf: extra)
                    stored = .array(array)
                }
                return .void
            }
        }
        let slotValue = function.newSlot()
        let operandFromSlot = Expression(type: operand.type, location: operand.location) { frame in frame.slots[slotValue] }
        let currentFromSlot = Expression(type: place.type, location: at) { frame in frame.slots[slotValue + 1] }
        _ = function.newSlot()
        let combined = try binaryOperation(op, currentFromSlot, operandFromSlot, at: node.operator)
        guard combined.type == place.type else {
            throw error(node.operator, "binary operator '\(op)=' cannot be applied to operands of type '\(place.type)' and '\(operand.type)'")
        }
        _ = current
        let operandCode = operand.code, combine = combined.code
        return Expression(type: .void, location: at) { frame in
            frame.slots[slotValue] = try operandCode(frame)
            try place.modify(frame) { stored in
                frame.slots[slotValue + 1] = stored
                stored = .void
                let result = try combine(frame)
                frame.slots[slotValue + 1] = .void
                stored = result
            }
            frame.slots[slotValue] = .void
            return .void
        }
    }
}

extension Value {
    var dictionaryEntries: [DictionaryKey: Value] {
        if case let .dictionary(entries) = self { return entries }
        return [:]
    }
}

/// Element access that traps as Swift does.
enum Collections {
    @inline(__always)
    static func element(of items: [Value], at index: Int, place: SourceLocation) throws -> Value {
        guard items.indices.contains(index) else { throw RuntimeError(message: "index out of range", location: place) }
        return items[index]
    }
}
