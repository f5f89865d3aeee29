import MathCore
import SwiftSyntax

/// Properties and methods of the built-in types (`Array`, `String`, `Dictionary`, `Double`,
/// `Int`, ranges, MathCore's `Tensor` and `Variable`), each checked and lowered by its types.
enum Members {
    static func lowerProperty(_ base: Expression, name: String, at node: MemberAccessExprSyntax, lowerer: Lowerer) throws -> Expression? {
        let code = base.code
        let place = lowerer.location(of: node.declName)
        func make(_ type: SwiftType, _ body: @escaping (Value) throws -> Value) -> Expression {
            Expression(type: type, location: place) { frame in try body(try code(frame)) }
        }
        switch (base.type, name) {
        case (.array, "count"): return .int(place) { frame in try code(frame).array.count }
        case (.array, "isEmpty"): return .bool(place) { frame in try code(frame).array.isEmpty }
        case (.array(let element), "first"): return make(.optional(element)) { $0.array.first.map { .some($0) } ?? .none }
        case (.array(let element), "last"): return make(.optional(element)) { $0.array.last.map { .some($0) } ?? .none }
        case (.array, "indices"): return make(.range(closed: false)) { .range(0, $0.array.count) }
        case (.string, "count"): return .int(place) { frame in try code(frame).string.count }
        case (.string, "first"): return make(.optional(.character)) { $0.string.first.map { .some(.string(String($0))) } ?? .none }
        case (.string, "last"): return make(.optional(.character)) { $0.string.last.map { .some(.string(String($0))) } ?? .none }
        case (.string, "isEmpty"): return .bool(place) { frame in try code(frame).string.isEmpty }
        case (.dictionary, "count"): return .int(place) { frame in try code(frame).dictionaryEntries.count }
        case (.dictionary, "isEmpty"): return .bool(place) { frame in try code(frame).dictionaryEntries.isEmpty }
        case (.dictionary(let key, _), "keys"): return make(.array(key)) { .array($0.dictionaryEntries.keys.map(\.value)) }
        case (.dictionary(_, let value), "values"): return make(.array(value)) { .array(Array($0.dictionaryEntries.values)) }
        case (.double, "isNaN"): return .bool(place) { frame in try code(frame).double.isNaN }
        case (.double, "isInfinite"): return .bool(place) { frame in try code(frame).double.isInfinite }
        case (.double, "isFinite"): return .bool(place) { frame in try code(frame).double.isFinite }
        case (.double, "magnitude"): return .double(place) { frame in try code(frame).double.magnitude }
        case (.int, "magnitude"): return make(.int) { .int(Int(bitPattern: $0.int.magnitude)) }
        case (.range, "count"): return make(.int) { value in
                guard case let .range(lower, upper) = value else { return .int(0) }
                if case .range(closed: true) = base.type { return .int(upper - lower + 1) }
                return .int(upper - lower)
            }
        case (.range, "isEmpty"): return make(.bool) { value in
                guard case let .range(lower, upper) = value else { return .bool(true) }
                if case .range(closed: true) = base.type { return .bool(false) }
                return .bool(lower == upper)
            }
        case (.range, "lowerBound"): return make(.int) { value in
                guard case let .range(lower, _) = value else { return .int(0) }
                return .int(lower)
            }
        case (.range, "upperBound"): return make(.int) { value in
                guard case let .range(_, upper) = value else { return .int(0) }
                return .int(upper)
            }
        case (.tensor, "shape"): return make(.array(.int)) { .array($0.tensor.shape.map { .int($0) }) }
        case (.tensor, "rank"): return .int(place) { frame in try code(frame).tensor.rank }
        case (.tensor, "count"): return .int(place) { frame in try code(frame).tensor.count }
        case (.tensor, "scalars"): return make(.array(.double)) { .array($0.tensor.scalars.map { .double($0) }) }
        case (.variable, "value"): return make(.tensor) { value in
                guard case let .variable(v) = value else { return .void }
                return .tensor(v.value)
            }
        case (.variable, "gradient"): return make(.tensor) { value in
                guard case let .variable(v) = value else { return .void }
                return .tensor(v.gradient)
            }
        default:
            return nil
        }
    }

    static func lowerMethodCall(
        _ base: Expression, baseSyntax: ExprSyntax, name: String, arguments: [Argument], call: FunctionCallExprSyntax, lowerer: Lowerer
    ) throws -> Expression? {
        let code = base.code
        let place = lowerer.location(of: call)
        let labels = arguments.map(\.label)
        func argument(_ index: Int, _ type: SwiftType) throws -> Expression {
            let syntax = arguments[index].expression
            return try lowerer.requireType(try lowerer.lowerExpression(syntax, expected: type), type, at: syntax, role: "value")
        }
        func signature(_ expected: [String?]) -> Bool { labelsMatch(arguments, expected) }
        func make(_ type: SwiftType, _ body: @escaping (Frame, Value) throws -> Value) -> Expression {
            Expression(type: type, location: place) { frame in try body(frame, try code(frame)) }
        }
        /// Mutates the receiver in place (`xs.append(1)`), which must be a `var`.
        /// The arguments are evaluated before the receiver is opened for the change, as in Swift
        /// (`history.append(count)` reads `count` first).
        func mutate(_ type: SwiftType, _ codes: [Code] = [], _ body: @escaping (Frame, inout Value, [Value]) throws -> Value) throws -> Expression {
            let memberName = call.calledExpression.as(MemberAccessExprSyntax.self).map { Syntax($0.declName) } ?? Syntax(call)
            let target = try lowerer.lowerPlace(baseSyntax, .mutatingMember(memberName))
            return Expression(type: type, location: place) { frame in
                var values: [Value] = []
                for code in codes { values.append(try code(frame)) }
                var result = Value.void
                try target.modify(frame) { value in result = try body(frame, &value, values) }
                return result
            }
        }
        func closure(_ index: Int, _ parameters: [SwiftType], _ result: SwiftType?) throws -> Expression {
            let syntax = arguments[index].expression
            let value = try lowerer.lowerExpression(syntax, expected: .function(parameters, result ?? .never))
            guard case let .function(actualParameters, _) = value.type, actualParameters == parameters else {
                throw lowerer.error(syntax, "cannot convert value of type '\(value.type)' to expected argument type '\(SwiftType.function(parameters, result ?? .void))'")
            }
            if let result, case let .function(_, actualResult) = value.type, actualResult != result {
                throw lowerer.error(syntax, "cannot convert value of type '\(value.type)' to expected argument type '\(SwiftType.function(parameters, result))'")
            }
            return value
        }
        func callClosure(_ function: Value, _ arguments: [Value], _ frame: Frame) throws -> Value {
            guard case let .function(value) = function else { return .void }
            return try Lowerer.call(value, with: arguments, context: frame.context, at: place)
        }

        switch base.type {
        case let .array(element):
            switch (name, labels.count) {
            case ("append", 1) where signature([nil]):
                let item = try argument(0, element).code
                return try mutate(.void, [item]) { frame, value, arguments in
                    let new = arguments[0]
                    guard case var .array(items) = value else { return .void }
                    try Limits.checkGrowth(to: items.count + 1, in: frame, at: place)
                    value = .void
                    items.append(new)
                    value = .array(items)
                    return .void
                }
            case ("append", 1) where signature(["contentsOf"]):
                let items = try argument(0, base.type).code
                return try mutate(.void, [items]) { frame, value, arguments in
                    let extra = arguments[0].array
                    guard case var .array(stored) = value else { return .void }
                    try Limits.checkGrowth(to: stored.count + extra.count, in: frame, at: place)
                    value = .void
                    stored.append(contentsOf: extra)
                    value = .array(stored)
                    return .void
                }
            case ("insert", 2) where signature([nil, "at"]):
                let item = try argument(0, element).code, index = try argument(1, .int).code
                return try mutate(.void, [item, index]) { _, value, arguments in
                    let (new, i) = (arguments[0], arguments[1].int)
                    guard case var .array(items) = value else { return .void }
                    guard i >= 0 && i <= items.count else { throw RuntimeError(message: "index out of range", location: place) }
                    value = .void
                    items.insert(new, at: i)
                    value = .array(items)
                    return .void
                }
            case ("remove", 1) where signature(["at"]):
                let index = try argument(0, .int).code
                return try mutate(element, [index]) { _, value, arguments in
                    let i = arguments[0].int
                    guard case var .array(items) = value else { return .void }
                    guard items.indices.contains(i) else { throw RuntimeError(message: "index out of range", location: place) }
                    value = .void
                    let removed = items.remove(at: i)
                    value = .array(items)
                    return removed
                }
            case ("removeLast", 0):
                return try mutate(element) { _, value, _ in
                    guard case var .array(items) = value else { return .void }
                    guard !items.isEmpty else { throw RuntimeError(message: "can't remove last element from an empty collection", location: place) }
                    value = .void
                    let removed = items.removeLast()
                    value = .array(items)
                    return removed
                }
            case ("removeAll", 0):
                return try mutate(.void) { _, value, _ in
                    value = .array([])
                    return .void
                }
            case ("map", 1) where signature([nil]):
                let transform = try closure(0, [element], nil)
                guard case let .function(_, result) = transform.type else { return nil }
                let f = transform.code
                return make(.array(result)) { frame, value in
                    let function = try f(frame)
                    return .array(try value.array.map { try callClosure(function, [$0], frame) })
                }
            case ("filter", 1) where signature([nil]):
                let f = try closure(0, [element], .bool).code
                return make(base.type) { frame, value in
                    let function = try f(frame)
                    return .array(try value.array.filter { try callClosure(function, [$0], frame).bool })
                }
            case ("reduce", 2) where signature([nil, nil]):
                var initial = try lowerer.lowerExpression(arguments[0].expression, expected: nil)
                if initial.isLiteral, initial.type != element, let retyped = try? lowerer.lowerExpression(arguments[0].expression, expected: element),
                   retyped.type == element {
                    initial = retyped
                }
                let f = try closure(1, [initial.type, element], initial.type).code
                let start = initial.code
                return make(initial.type) { frame, value in
                    let function = try f(frame)
                    var accumulator = try start(frame)
                    for item in value.array { accumulator = try callClosure(function, [accumulator, item], frame) }
                    return accumulator
                }
            case ("forEach", 1) where signature([nil]):
                let f = try closure(0, [element], .void).code
                return make(.void) { frame, value in
                    let function = try f(frame)
                    for item in value.array { _ = try callClosure(function, [item], frame) }
                    return .void
                }
            // A trailing closure is the `where:` argument (`xs.contains { $0 > 1 }`), as in Swift.
            case ("contains", 1) where signature(["where"]):
                let f = try closure(0, [element], .bool).code
                return make(.bool) { frame, value in
                    let function = try f(frame)
                    return .bool(try value.array.contains { try callClosure(function, [$0], frame).bool })
                }
            case ("contains", 1) where signature([nil]):
                let item = try argument(0, element).code
                return .bool(place) { frame in
                    let (items, target) = (try code(frame).array, try item(frame))
                    return items.contains { Equality.equal($0, target) }
                }
            case ("allSatisfy", 1) where signature([nil]):
                let f = try closure(0, [element], .bool).code
                return make(.bool) { frame, value in
                    let function = try f(frame)
                    return .bool(try value.array.allSatisfy { try callClosure(function, [$0], frame).bool })
                }
            case ("first", 1) where signature(["where"]):
                let f = try closure(0, [element], .bool).code
                return make(.optional(element)) { frame, value in
                    let function = try f(frame)
                    return try value.array.first { try callClosure(function, [$0], frame).bool }.map { .some($0) } ?? .none
                }
            case ("firstIndex", 1) where signature(["where"]):
                let f = try closure(0, [element], .bool).code
                return make(.optional(.int)) { frame, value in
                    let function = try f(frame)
                    return try value.array.firstIndex { try callClosure(function, [$0], frame).bool }.map { .some(.int($0)) } ?? .none
                }
            case ("firstIndex", 1) where signature(["of"]):
                let item = try argument(0, element).code
                return make(.optional(.int)) { frame, value in
                    let target = try item(frame)
                    return value.array.firstIndex { Equality.equal($0, target) }.map { .some(.int($0)) } ?? .none
                }
            case ("sorted", 0):
                guard let less = Ordering.less(element) else { return nil }
                return make(base.type) { _, value in .array(value.array.sorted(by: less)) }
            case ("sorted", 1) where signature(["by"]):
                let f = try closure(0, [element, element], .bool).code
                return make(base.type) { frame, value in
                    let function = try f(frame)
                    return .array(try value.array.sorted { try callClosure(function, [$0, $1], frame).bool })
                }
            case ("min", 0), ("max", 0):
                guard let less = Ordering.less(element) else { return nil }
                let isMin = name == "min"
                return make(.optional(element)) { _, value in
                    let items = value.array
                    let found = isMin ? items.min(by: less) : items.max(by: less)
                    return found.map { .some($0) } ?? .none
                }
            case ("reversed", 0):
                return make(base.type) { _, value in .array(value.array.reversed()) }
            case ("enumerated", 0):
                return make(.array(.tuple([.init(label: "offset", type: .int), .init(label: "element", type: element)]))) { _, value in
                    .array(value.array.enumerated().map { .tuple([.int($0.offset), $0.element]) })
                }
            case ("joined", 1) where signature(["separator"]) && element == .string:
                let separator = try argument(0, .string).code
                return make(.string) { frame, value in .string(value.array.map(\.string).joined(separator: try separator(frame).string)) }
            case ("joined", 0) where element == .string:
                return make(.string) { _, value in .string(value.array.map(\.string).joined()) }
            default:
                return nil
            }
        case .string:
            switch (name, labels) {
            case ("append", [nil]):
                let other = try lowerer.lowerExpression(arguments[0].expression, expected: nil)
                guard other.type == .string || other.type == .character else { return nil }
                return try mutate(.void, [other.code]) { frame, value, arguments in
                    let extra = arguments[0].string
                    guard case var .string(stored) = value else { return .void }
                    try Limits.checkGrowth(to: stored.utf8.count + extra.utf8.count, in: frame, at: place)
                    value = .void
                    stored += extra
                    value = .string(stored)
                    return .void
                }
            case ("uppercased", []): return make(.string) { _, value in .string(value.string.uppercased()) }
            case ("lowercased", []): return make(.string) { _, value in .string(value.string.lowercased()) }
            case ("hasPrefix", [nil]):
                let other = try argument(0, .string).code
                return make(.bool) { frame, value in .bool(value.string.hasPrefix(try other(frame).string)) }
            case ("hasSuffix", [nil]):
                let other = try argument(0, .string).code
                return make(.bool) { frame, value in .bool(value.string.hasSuffix(try other(frame).string)) }
            case ("contains", [nil]) where !arguments[0].isTrailingClosure:
                let other = try argument(0, .string).code
                return make(.bool) { frame, value in .bool(value.string.contains(try other(frame).string)) }
            case ("enumerated", []), ("reversed", []), ("map", _), ("filter", _), ("sorted", _), ("contains", _), ("forEach", _):
                // A String is a collection of Characters.
                let characters = Expression(type: .array(.character), location: base.location) { frame in
                    .array(try code(frame).string.map { .string(String($0)) })
                }
                return try lowerMethodCall(characters, baseSyntax: baseSyntax, name: name, arguments: arguments, call: call, lowerer: lowerer)
            default: return nil
            }
        case .double:
            switch (name, labels) {
            case ("squareRoot", []): return .double(place) { frame in try code(frame).double.squareRoot() }
            case ("rounded", []): return .double(place) { frame in try code(frame).double.rounded() }
            case ("truncatingRemainder", ["dividingBy"]):
                let other = try argument(0, .double).asDouble
                return .double(place) { frame in try code(frame).double.truncatingRemainder(dividingBy: try other(frame)) }
            default: return nil
            }
        case .int:
            switch (name, labels) {
            case ("isMultiple", ["of"]):
                let other = try argument(0, .int).asInt
                return .bool(place) { frame in try code(frame).int.isMultiple(of: try other(frame)) }
            default: return nil
            }
        case let .dictionary(keyType, valueType) where ["sorted", "map", "filter", "forEach", "contains", "min", "max"].contains(name):
            // A dictionary is a collection of (key:, value:) pairs.
            let pairs = Expression(type: .array(.tuple([.init(label: "key", type: keyType), .init(label: "value", type: valueType)])), location: base.location) { frame in
                .array(try code(frame).dictionaryEntries.map { .tuple([$0.key.value, $0.value]) })
            }
            return try lowerMethodCall(pairs, baseSyntax: baseSyntax, name: name, arguments: arguments, call: call, lowerer: lowerer)
        case let .dictionary(keyType, valueType):
            switch (name, labels) {
            case ("removeValue", ["forKey"]):
                let key = try argument(0, keyType).code
                return try mutate(.optional(valueType), [key]) { _, value, arguments in
                    guard let hashable = DictionaryKey(arguments[0]), case var .dictionary(entries) = value else { return .none }
                    value = .void
                    let removed = entries.removeValue(forKey: hashable)
                    value = .dictionary(entries)
                    return removed.map { .some($0) } ?? .none
                }
            default: return nil
            }
        case .optimizer:
            guard name == "update", signature([nil]) else { return nil }
            let variables = try argument(0, .array(.variable)).code
            return try mutate(.void, [variables]) { _, value, arguments in
                let list = arguments[0].array.compactMap { item -> Variable? in
                    if case let .variable(v) = item { return v }
                    return nil
                }
                guard case var .optimizer(optimizer) = value else { return .void }
                value = .void
                defer { value = .optimizer(optimizer) }
                var parameters = list.map(\.value)
                do {
                    try Throwing.update(&optimizer, &parameters, gradients: list.map(\.gradient))
                } catch {
                    throw RuntimeError(message: String(describing: error), location: place)
                }
                for (variable, parameter) in zip(list, parameters) { variable.value = parameter }
                return .void
            }
        case .range:
            // Ranges are collections of Int: their members work on the elements.
            let asArray = Expression(type: .array(.int), location: base.location) { frame in
                guard case let .range(lower, upper) = try code(frame) else { return .array([]) }
                if case .range(closed: true) = base.type { return .array((lower...upper).map { .int($0) }) }
                return .array((lower..<upper).map { .int($0) })
            }
            if name == "contains", labels == [nil] {
                let item = try argument(0, .int).asInt
                let closed = base.type == .range(closed: true)
                return .bool(place) { frame in
                    guard case let .range(lower, upper) = try code(frame) else { return false }
                    let x = try item(frame)
                    return x >= lower && (closed ? x <= upper : x < upper)
                }
            }
            guard ["map", "filter", "reduce", "forEach", "reversed", "sorted", "min", "max", "enumerated"].contains(name) else { return nil }
            return try lowerMethodCall(asArray, baseSyntax: baseSyntax, name: name, arguments: arguments, call: call, lowerer: lowerer)
        case .tensor, .variable:
            return try MathCoreMembers.lowerMethodCall(base, name: name, arguments: arguments, call: call, lowerer: lowerer)
        case .figure:
            return try PlottingFunctions.lowerMethodCall(base, baseSyntax: baseSyntax, name: name, arguments: arguments, call: call, lowerer: lowerer)
        default:
            return nil
        }
    }
}

/// `<` for the element types Swift can sort.
enum Ordering {
    static func less(_ type: SwiftType) -> ((Value, Value) -> Bool)? {
        switch type {
        case .int: return { $0.int < $1.int }
        case .double: return { $0.double < $1.double }
        case .string: return { $0.string < $1.string }
        default: return nil
        }
    }
}
