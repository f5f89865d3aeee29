import MathCore
import SwiftSyntax

extension Lowerer {
    func lowerMemberAccess(_ member: MemberAccessExprSyntax, expected: SwiftType?) throws -> Expression {
        let name = member.declName.baseName.text
        let place = location(of: member)
        guard let baseSyntax = member.base else {
            // An implicit member: `.pi` or `.infinity` where a Double is expected.
            // Without a context, `.pi` and its kin can only be Doubles in Swift-math.
            let typeName = expected.map { $0 == .double || $0.acceptsDoubleLiteral ? "Double" : "\($0)" } ?? "Double"
            if let constant = Builtins.staticMember(typeName, name) {
                return Expression(type: constant.type, location: place) { _ in constant.value }
            }
            throw error(member, "cannot infer contextual base in reference to member '\(name)'")
        }
        if let typeName = baseSyntax.as(DeclReferenceExprSyntax.self)?.baseName.text, lookup(typeName) == nil || typeName == "Int" || typeName == "Double" {
            if let constant = Builtins.staticMember(typeName, name) {
                return Expression(type: constant.type, location: place) { _ in constant.value }
            }
        }
        if let chain = baseSyntax.as(OptionalChainingExprSyntax.self) {
            return try lowerOptionalChain(chain) { base in try memberAccess(on: base, member) }
        }
        return try memberAccess(on: try lowerExpression(baseSyntax, expected: nil), member)
    }

    /// `base.name` for a lowered base.
    func memberAccess(on base: Expression, _ member: MemberAccessExprSyntax) throws -> Expression {
        let name = member.declName.baseName.text
        let place = location(of: member)
        let code = base.code
        switch base.type {
        case let .structure(info):
            if let computed = info.computed[name] {
                return computedProperty(computed.getter, of: info, type: computed.type, on: code, at: place)
            }
            guard let index = info.properties.firstIndex(where: { $0.name == name }) else {
                if info.methods[name] != nil { throw unsupported(member, "a method used as a value") }
                throw error(member.declName, "value of type '\(info.name)' has no member '\(name)'")
            }
            return Expression(type: info.properties[index].type, location: place) { frame in try code(frame).field(index) }
        case let .tuple(elements):
            let index = Int(name) ?? elements.firstIndex { $0.label == name }
            guard let index, index < elements.count else {
                throw error(member.declName, "value of tuple type '\(base.type)' has no member '\(name)'")
            }
            return Expression(type: elements[index].type, location: place) { frame in try code(frame).field(index) }
        default:
            if let property = try Members.lowerProperty(base, name: name, at: member, lowerer: self) { return property }
            throw error(member.declName, "value of type '\(base.type)' has no member '\(name)'")
        }
    }

    /// A computed property read: its getter run with `self` set to the value of `base`.
    func computedProperty(_ getter: FunctionInfo, of info: StructInfo, type: SwiftType, on base: @escaping Code, at place: SourceLocation) -> Expression {
        let distance = function.depth - info.depth
        return Expression(type: type, location: place) { frame in
            let callee = Frame(slotCount: getter.slotCount, parent: frame.ancestor(distance), context: frame.context)
            callee.slots[0] = try base(frame)
            return try Lowerer.invoke(getter, in: callee, at: place)
        }
    }

    /// `optional?.rest`: `rest` is lowered on the unwrapped value; the whole is `nil` when the
    /// optional is, and an optional of `rest`'s type otherwise (not doubly optional).
    func lowerOptionalChain(_ chain: OptionalChainingExprSyntax, _ rest: (Expression) throws -> Expression) throws -> Expression {
        let optional = try lowerExpression(chain.expression, expected: nil)
        guard case let .optional(wrapped) = optional.type else {
            throw error(chain.questionMark, "cannot use optional chaining on non-optional value of type '\(optional.type)'")
        }
        let slot = function.newSlot()
        let unwrapped = Expression(type: wrapped, location: optional.location) { frame in frame.slots[slot] }
        let inner = try rest(unwrapped)
        let alreadyOptional = inner.type.isOptional
        let (outer, body) = (optional.code, inner.code)
        return Expression(type: alreadyOptional ? inner.type : .optional(inner.type), location: inner.location) { frame in
            guard case let .some(value) = try outer(frame) else { return .none }
            frame.slots[slot] = value
            let result = try body(frame)
            return alreadyOptional ? result : .some(result)
        }
    }

    func lowerSubscript(_ syntax: SubscriptCallExprSyntax) throws -> Expression {
        if syntax.trailingClosure != nil { throw unsupported(syntax, "trailing closures in subscripts") }
        let base = try lowerExpression(syntax.calledExpression, expected: nil)
        let place = location(of: syntax)
        let code = base.code
        switch base.type {
        case let .array(element):
            if syntax.arguments.count == 1, let argument = syntax.arguments.first, argument.label == nil {
                let index = try lowerExpression(argument.expression, expected: .int)
                if case let .range(closed) = index.type {
                    let range = index.code
                    return Expression(type: .array(element), location: place) { frame in
                        let items = try code(frame).array
                        guard case let .range(lower, upper) = try range(frame) else { return .array([]) }
                        let end = closed ? upper + 1 : upper
                        guard lower >= 0, end <= items.count else { throw RuntimeError(message: "index out of range", location: place) }
                        return .array(Array(items[lower..<end]))
                    }
                }
            }
            let index = try singleIndex(syntax, type: .int).asInt
            return Expression(type: element, location: place) { frame in
                try Collections.element(of: try code(frame).array, at: try index(frame), place: place)
            }
        case let .dictionary(keyType, valueType):
            if syntax.arguments.count == 2, let last = syntax.arguments.last, last.label?.text == "default",
               let first = syntax.arguments.first, first.label == nil {
                let key = try requireType(try lowerExpression(first.expression, expected: keyType), keyType, at: first.expression).code
                let fallback = try requireType(try lowerExpression(last.expression, expected: valueType), valueType, at: last.expression).code
                return Expression(type: valueType, location: place) { frame in
                    guard let hashable = DictionaryKey(try key(frame)) else { return try fallback(frame) }
                    return try code(frame).dictionaryEntries[hashable] ?? fallback(frame)
                }
            }
            let key = try singleIndex(syntax, type: keyType).code
            return Expression(type: .optional(valueType), location: place) { frame in
                guard let hashable = DictionaryKey(try key(frame)), let value = try code(frame).dictionaryEntries[hashable] else { return .none }
                return .some(value)
            }
        case .tensor:
            let indices = try syntax.arguments.map { argument -> IntCode in
                if let label = argument.label { throw error(argument, "extraneous argument label '\(label.text):' in subscript") }
                return try requireType(try lowerExpression(argument.expression, expected: .int), .int, at: argument.expression, role: "index").asInt
            }
            return .double(place) { frame in
                let tensor = try code(frame).tensor
                let at = try indices.map { try $0(frame) }
                do { return try Throwing.element(tensor, at: at) } catch { throw RuntimeError(message: String(describing: error), location: place) }
            }
        case .string:
            throw unsupported(syntax, "subscripting a String (Swift indexes strings by String.Index)")
        default:
            throw error(syntax, "value of type '\(base.type)' has no subscripts")
        }
    }
}
