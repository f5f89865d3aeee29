import MathCore
import SwiftSyntax

/// The free functions and type members that Swift-math provides without a declaration: the
/// standard library's (`print`, `min`, `stride`, `Int.max`), Foundation's math functions, and
/// every public function of MathCore, under the same names, labels and types.
enum Builtins {
    static let functionNames: Set<String> = [
        "print", "fatalError", "precondition", "assert", "min", "max", "abs", "sqrt", "pow", "exp", "log", "log2", "log10",
        "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "floor", "ceil", "round", "tanh", "stride", "zip", "Array", "Double", "Int",
        "String", "Bool", "Tensor", "Variable", "dot", "matmul", "norm", "cosineSimilarity", "sum", "mean", "variance",
        "standardDeviation", "argmax", "sigmoid", "relu", "softmax", "meanSquaredError", "crossEntropy", "binaryCrossEntropy",
        "hingeLoss", "zeros", "ones", "identity", "linspace", "seed", "randomUniform", "randomNormal", "derivative",
        "gradient", "valueWithGradient", "valueWithGradients", "plot", "scatter", "histogram", "bar", "heatmap", "Figure",
    ]

    static func isFunctionName(_ name: String) -> Bool { functionNames.contains(name) }

    /// A bare name that stands for a value: MathCore's public constants.
    static func constant(_ name: String) -> (type: SwiftType, value: Value)? {
        switch name {
        case "probabilityFloor": return (.double, .double(probabilityFloor))
        case "centralDifferenceStep": return (.double, .double(centralDifferenceStep))
        default: return nil
        }
    }

    /// `Int.max`, `Double.pi` and the other constants of the number types.
    static func staticMember(_ typeName: String, _ name: String) -> (type: SwiftType, value: Value)? {
        switch (typeName, name) {
        case ("Int", "max"): return (.int, .int(.max))
        case ("Int", "min"): return (.int, .int(.min))
        case ("Double", "pi"): return (.double, .double(.pi))
        case ("Double", "infinity"): return (.double, .double(.infinity))
        case ("Double", "nan"): return (.double, .double(.nan))
        case ("Double", "greatestFiniteMagnitude"): return (.double, .double(.greatestFiniteMagnitude))
        case ("Double", "leastNormalMagnitude"): return (.double, .double(.leastNormalMagnitude))
        case ("Double", "leastNonzeroMagnitude"): return (.double, .double(.leastNonzeroMagnitude))
        case ("Double", "ulpOfOne"): return (.double, .double(.ulpOfOne))
        case ("Double", "zero"), ("Double", "zero "): return (.double, .double(0))
        default: return nil
        }
    }

    static func lowerStaticCall(_ typeName: String, _ name: String, arguments: [Argument], call: FunctionCallExprSyntax, lowerer: Lowerer) throws -> Expression? {
        if name == "init" { return try lowerCall(typeName, arguments: arguments, call: call, expected: nil, lowerer: lowerer) }
        if ["Double", "Int", "Bool"].contains(typeName), name == "random" { throw lowerer.unsupported(call, "random (use MathCore's seeded randomUniform)") }
        return nil
    }

    // MARK: Calls

    static func lowerCall(_ name: String, arguments: [Argument], call: FunctionCallExprSyntax, expected: SwiftType?, lowerer: Lowerer) throws -> Expression? {
        let site = CallSite(name: name, arguments: arguments, call: call, lowerer: lowerer)
        switch name {
        case "print": return try lowerPrint(site)
        case "fatalError":
            let message = arguments.isEmpty ? nil : try site.argument(0, .string).code
            let place = site.place
            return Expression(type: .never, location: place) { frame in
                let text = try message.map { try $0(frame).string } ?? ""
                throw RuntimeError(message: text.isEmpty ? "fatal error" : "fatal error: \(text)", location: place)
            }
        case "precondition", "assert":
            guard (1...2).contains(arguments.count) else { return nil }
            let condition = try site.argument(0, .bool).asBool
            let message = arguments.count == 2 ? try site.argument(1, .string).code : nil
            let place = site.place
            let kind = name == "precondition" ? "precondition failed" : "assertion failed"
            return Expression(type: .void, location: place) { frame in
                if try !condition(frame) {
                    let text = try message.map { try $0(frame).string } ?? ""
                    throw RuntimeError(message: text.isEmpty ? kind : "\(kind): \(text)", location: place)
                }
                return .void
            }
        case "min", "max": return try lowerMinMax(site)
        case "abs": return try lowerAbs(site)
        case "stride": return try lowerStride(site)
        case "zip": return try lowerZip(site)
        case "Array": return try lowerArrayInit(site)
        case "Double", "Int", "String": return try lowerConversion(site)
        case "Optional":
            guard site.arguments.count == 1, site.arguments[0].label == nil else { return nil }
            let value = try site.lowerer.lowerExpression(site.arguments[0].expression, expected: nil)
            return try site.lowerer.requireType(value, .optional(value.type), at: site.call)
        case "sqrt", "exp", "log", "sin", "cos", "tan", "tanh", "floor", "ceil", "round", "log2", "log10", "asin", "acos", "atan", "sinh", "cosh",
             "pow", "atan2":
            return try lowerMathFunction(site, expected: expected)
        case "plot", "scatter", "histogram", "bar", "heatmap", "Figure":
            return try PlottingFunctions.lowerCall(site)
        default:
            return try MathCoreFunctions.lowerCall(site, expected: expected)
        }
    }

    static func lowerPrint(_ site: CallSite) throws -> Expression {
        var items: [Expression] = []
        var separator: Code?, terminator: Code?
        for (index, argument) in site.arguments.enumerated() {
            switch argument.label {
            case nil:
                guard separator == nil, terminator == nil else { throw site.lowerer.error(argument.node, "unnamed argument after labelled ones") }
                if let shown = try lowerAsAny(argument.expression, lowerer: site.lowerer) {
                    items.append(shown)
                    continue
                }
                let value = try site.lowerer.lowerExpression(argument.expression, expected: nil)
                if value.type == .nilLiteral { throw site.lowerer.error(argument.node, "'nil' is not compatible with expected argument type 'Any'") }
                items.append(value)
            case "separator": separator = try site.argument(index, .string).code
            case "terminator": terminator = try site.argument(index, .string).code
            default: throw site.lowerer.error(argument.node, "extraneous argument label '\(argument.label ?? "_"):' in call")
            }
        }
        let parts = items.map { ($0.code, $0.type) }
        let place = site.place
        return Expression(type: .void, location: place) { frame in
            let between = try separator.map { try $0(frame).string } ?? " "
            let end = try terminator.map { try $0(frame).string } ?? "\n"
            var text = ""
            var shown: [ShownFigure] = []
            for (index, (code, type)) in parts.enumerated() {
                if index > 0 { text += between }
                let value = try code(frame)
                if case let .figure(figure) = value {
                    // A figure prints as its text form; the run also keeps the figure itself.
                    let offset = frame.context.output.utf8.count + text.utf8.count
                    do { text += try figure.text() } catch { throw RuntimeError(message: String(describing: error), location: place) }
                    shown.append(ShownFigure(figure: figure, outputOffset: offset))
                } else {
                    text += Printing.description(of: value, as: type)
                }
            }
            try frame.context.write(text + end)
            frame.context.figures += shown
            return .void
        }
    }

    /// Two items `print` shows as Swift does, where its `Any` parameter changes how Swift types
    /// them (as a `String` to print): `xs.reversed()` stays a lazy `ReversedCollection`, printed
    /// with its base, and in `a?.b ?? 0` with `b: Double` the literal stays an `Int`.
    static func lowerAsAny(_ syntax: ExprSyntax, lowerer: Lowerer) throws -> Expression? {
        let place = lowerer.location(of: syntax)
        if let call = syntax.as(FunctionCallExprSyntax.self), call.arguments.isEmpty, call.trailingClosure == nil,
           let member = call.calledExpression.as(MemberAccessExprSyntax.self), member.declName.baseName.text == "reversed",
           let base = member.base {
            let value = try lowerer.lowerExpression(base, expected: nil)
            let code = value.code
            switch value.type {
            case .string:
                return Expression(type: .string, location: place) { frame in
                    .string("ReversedCollection<String>(_base: \(Printing.debugDescription(of: try code(frame), as: .string)))")
                }
            case .array:
                let name = "ReversedCollection<\(Printing.genericName(of: value.type))>"
                let type = value.type
                return Expression(type: .string, location: place) { frame in
                    .string("\(name)(_base: \(Printing.debugDescription(of: try code(frame), as: type)))")
                }
            default:
                return nil
            }
        }
        if let infix = syntax.as(InfixOperatorExprSyntax.self), infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text == "??",
           infix.leftOperand.tokens(viewMode: .sourceAccurate).contains(where: { $0.tokenKind == .postfixQuestionMark }),
           let literal = infix.rightOperand.as(IntegerLiteralExprSyntax.self), let fallback = Int(literal.literal.text.replacingOccurrences(of: "_", with: "")) {
            // Only after optional chaining (`item?.price ?? 0`): for a plain `Double?`, Swift
            // still makes the literal a Double.
            let optional = try lowerer.lowerExpression(infix.leftOperand, expected: nil)
            guard case .optional(.double) = optional.type else { return nil }
            let code = optional.code
            return Expression(type: .string, location: place) { frame in
                if case let .some(wrapped) = try code(frame) { return .string(Printing.description(of: wrapped, as: .double)) }
                return .string(fallback.description)
            }
        }
        return nil
    }

    static func lowerMinMax(_ site: CallSite) throws -> Expression? {
        guard site.arguments.count >= 2, site.arguments.allSatisfy({ $0.label == nil }) else { return nil }
        var values = try site.arguments.map { try site.lowerer.lowerExpression($0.expression, expected: nil) }
        // Mixed literal and Double: the literals become Doubles (`max(0, x)` with `x: Double`).
        if values.contains(where: { $0.type == .double }) {
            values = try zip(site.arguments, values).map { argument, value in
                value.type == .int && value.isLiteral ? try site.lowerer.lowerExpression(argument.expression, expected: .double) : value
            }
        }
        let type = values[0].type
        for (argument, value) in zip(site.arguments, values) where value.type != type {
            throw site.lowerer.error(argument.node, "conflicting arguments to generic parameter 'T' ('\(type)' vs. '\(value.type)')")
        }
        guard let less = Ordering.less(type) else { throw site.lowerer.error(site.call, "global function '\(site.name)' requires that '\(type)' conform to 'Comparable'") }
        let codes = values.map(\.code)
        let isMin = site.name == "min"
        return Expression(type: type, location: site.place) { frame in
            var best = try codes[0](frame)
            for code in codes.dropFirst() {
                let next = try code(frame)
                // Swift's min keeps the first of equals, max the last.
                if isMin ? less(next, best) : !less(next, best) { best = next }
            }
            return best
        }
    }

    static func lowerAbs(_ site: CallSite) throws -> Expression? {
        guard site.arguments.count == 1, site.arguments[0].label == nil else { return nil }
        let value = try site.lowerer.lowerExpression(site.arguments[0].expression, expected: nil)
        let place = site.place
        switch value.type {
        case .int:
            let code = value.asInt
            return .int(place) { frame in
                let x = try code(frame)
                if x == .min { throw RuntimeError(message: "arithmetic overflow", location: place) }
                return Swift.abs(x)
            }
        case .double:
            let code = value.asDouble
            return .double(place) { frame in Swift.abs(try code(frame)) }
        default:
            return try MathCoreFunctions.lowerCall(site, expected: nil)
        }
    }

    static func lowerStride(_ site: CallSite) throws -> Expression? {
        let labels = site.arguments.map(\.label)
        guard labels == ["from", "to", "by"] || labels == ["from", "through", "by"] else { return nil }
        var from = try site.lowerer.lowerExpression(site.arguments[0].expression, expected: nil)
        if from.type == .int, site.arguments.dropFirst().contains(where: { $0.expression.is(FloatLiteralExprSyntax.self) }) {
            from = try site.lowerer.lowerExpression(site.arguments[0].expression, expected: .double)
        }
        let type = from.type
        guard type == .int || type == .double else { throw site.lowerer.unsupported(site.call, "stride over '\(type)'") }
        let to = try site.argument(1, type).code, by = try site.argument(2, type).code
        let start = from.code
        let through = labels[1] == "through"
        let place = site.place
        return Expression(type: .stride(type), location: place) { frame in
            let (a, b, c) = (try start(frame), try to(frame), try by(frame))
            if type == .int {
                if c.int == 0 { throw RuntimeError(message: "stride size must not be zero", location: place) }
                return .stride(from: Double(a.int), to: Double(b.int), by: Double(c.int), through: through)
            }
            if c.double == 0 { throw RuntimeError(message: "stride size must not be zero", location: place) }
            return .stride(from: a.double, to: b.double, by: c.double, through: through)
        }
    }

    static func lowerZip(_ site: CallSite) throws -> Expression? {
        guard site.arguments.count == 2, site.arguments.allSatisfy({ $0.label == nil }) else { return nil }
        let first = try site.lowerer.lowerExpression(site.arguments[0].expression, expected: nil)
        let second = try site.lowerer.lowerExpression(site.arguments[1].expression, expected: nil)
        func elements(_ expression: Expression) throws -> (SwiftType, (Value) -> [Value]) {
            switch expression.type {
            case let .array(element): return (element, { $0.array })
            case let .range(closed):
                return (.int, { value in
                    guard case let .range(lower, upper) = value else { return [] }
                    return closed ? (lower...upper).map { .int($0) } : (lower..<upper).map { .int($0) }
                })
            default: throw site.lowerer.error(site.call, "global function 'zip' requires that '\(expression.type)' conform to 'Sequence'")
            }
        }
        let (firstType, firstItems) = try elements(first)
        let (secondType, secondItems) = try elements(second)
        let (a, b) = (first.code, second.code)
        return Expression(type: .array(.tuple([.init(label: nil, type: firstType), .init(label: nil, type: secondType)])), location: site.place) { frame in
            .array(zip(firstItems(try a(frame)), secondItems(try b(frame))).map { .tuple([$0, $1]) })
        }
    }

    static func lowerArrayInit(_ site: CallSite) throws -> Expression? {
        let labels = site.arguments.map(\.label)
        if labels == ["repeating", "count"] {
            let value = try site.lowerer.lowerExpression(site.arguments[0].expression, expected: nil)
            let count = try site.argument(1, .int).asInt
            let code = value.code
            let place = site.place
            return Expression(type: .array(value.type), location: place) { frame in
                let (item, n) = (try code(frame), try count(frame))
                guard n >= 0 else { throw RuntimeError(message: "can't construct Array with count < 0", location: place) }
                guard n <= frame.context.limits.maximumElements else {
                    throw RuntimeError(message: "an array of \(n) elements exceeds the limit of \(frame.context.limits.maximumElements)", location: place)
                }
                return .array(Array(repeating: item, count: n))
            }
        }
        if labels == [nil] {
            let value = try site.lowerer.lowerExpression(site.arguments[0].expression, expected: nil)
            let code = value.code
            switch value.type {
            case .array: return value
            case .string:
                return Expression(type: .array(.character), location: site.place) { frame in .array(try code(frame).string.map { .string(String($0)) }) }
            case let .stride(element):
                return Expression(type: .array(element), location: site.place) { frame in
                    guard case let .stride(from, to, by, through) = try code(frame) else { return .array([]) }
                    if element == .int {
                        let items = through ? Array(Swift.stride(from: Int(from), through: Int(to), by: Int(by))) : Array(Swift.stride(from: Int(from), to: Int(to), by: Int(by)))
                        return .array(items.map { .int($0) })
                    }
                    let items = through ? Array(Swift.stride(from: from, through: to, by: by)) : Array(Swift.stride(from: from, to: to, by: by))
                    return .array(items.map { .double($0) })
                }
            case let .range(closed):
                return Expression(type: .array(.int), location: site.place) { frame in
                    guard case let .range(lower, upper) = try code(frame) else { return .array([]) }
                    return .array(closed ? (lower...upper).map { .int($0) } : (lower..<upper).map { .int($0) })
                }
            default: return nil
            }
        }
        return nil
    }

    static func lowerConversion(_ site: CallSite) throws -> Expression? {
        if site.name == "String", site.labels == ["repeating", "count"] {
            let text = try site.lowerer.lowerExpression(site.arguments[0].expression, expected: nil)
            guard text.type == .string || text.type == .character else { return nil }
            let count = try site.argument(1, .int).asInt
            let place = site.place
            let code = text.code
            return Expression(type: .string, location: place) { frame in
                let (piece, n) = (try code(frame).string, try count(frame))
                guard n >= 0 else { throw RuntimeError(message: "negative count not allowed", location: place) }
                guard piece.utf8.count * n <= frame.context.limits.maximumElements else {
                    throw RuntimeError(message: "a string of \(piece.utf8.count * n) bytes exceeds the limit of \(frame.context.limits.maximumElements)", location: place)
                }
                return .string(String(repeating: piece, count: n))
            }
        }
        guard site.arguments.count == 1, site.arguments[0].label == nil else {
            if site.name == "String", site.arguments.map(\.label) == ["describing"] {
                let value = try site.lowerer.lowerExpression(site.arguments[0].expression, expected: nil)
                let (code, type) = (value.code, value.type)
                return Expression(type: .string, location: site.place) { frame in .string(Printing.description(of: try code(frame), as: type)) }
            }
            return nil
        }
        let target: SwiftType = site.name == "Double" ? .double : site.name == "Int" ? .int : .string
        // `Double(7)` with a literal is the literal typed as a Double; `Double(7 / 2)` converts an Int.
        let argument = site.arguments[0].expression
        let isLiteral = argument.is(IntegerLiteralExprSyntax.self) || argument.is(FloatLiteralExprSyntax.self)
            || (argument.as(PrefixOperatorExprSyntax.self).map { $0.expression.is(IntegerLiteralExprSyntax.self) || $0.expression.is(FloatLiteralExprSyntax.self) } ?? false)
        let value = try site.lowerer.lowerExpression(argument, expected: isLiteral && target != .string ? target : nil)
        let place = site.place
        switch (target, value.type) {
        case (.double, .double), (.int, .int), (.string, .string): return value
        case (.double, .int):
            let code = value.asInt
            return .double(place) { frame in Double(try code(frame)) }
        case (.int, .double):
            let code = value.asDouble
            return .int(place) { frame in
                let x = try code(frame)
                guard x.isFinite else { throw RuntimeError(message: "double value cannot be converted to Int because it is either infinite or NaN", location: place) }
                guard let result = Int(exactly: x.rounded(.towardZero)) else {
                    throw RuntimeError(message: x > 0 ? "double value cannot be converted to Int because the result would be greater than Int.max" : "double value cannot be converted to Int because the result would be less than Int.min", location: place)
                }
                return result
            }
        case (.double, .string):
            let code = value.code
            return Expression(type: .optional(.double), location: place) { frame in Double(try code(frame).string).map { .some(.double($0)) } ?? .none }
        case (.int, .string):
            let code = value.code
            return Expression(type: .optional(.int), location: place) { frame in Int(try code(frame).string).map { .some(.int($0)) } ?? .none }
        case (.string, .character): return Expression(type: .string, location: place, code: value.code)
        case (.string, .array(.character)):
            let code = value.code
            return Expression(type: .string, location: place) { frame in .string(try code(frame).array.map(\.string).joined()) }
        case (.string, _):
            let (code, type) = (value.code, value.type)
            guard type == .int || type == .double || type == .bool else { return nil }
            return Expression(type: .string, location: place) { frame in .string(Printing.description(of: try code(frame), as: type)) }
        default:
            throw site.lowerer.error(site.call, "no exact matches in call to initializer of '\(site.name)' with an argument of type '\(value.type)'")
        }
    }

    /// Foundation's functions on `Double`, and MathCore's element-wise ones on tensors and variables.
    static func lowerMathFunction(_ site: CallSite, expected: SwiftType?) throws -> Expression? {
        let unary: [String: (Double) -> Double] = [
            "sqrt": { $0.squareRoot() }, "exp": { Foundation_exp($0) }, "log": { Foundation_log($0) }, "sin": { Foundation_sin($0) },
            "cos": { Foundation_cos($0) }, "tan": { Foundation_tan($0) }, "tanh": { Foundation_tanh($0) }, "floor": { $0.rounded(.down) },
            "ceil": { $0.rounded(.up) }, "round": { $0.rounded() }, "log2": { Foundation_log2($0) }, "log10": { Foundation_log10($0) },
            "asin": { Foundation_asin($0) }, "acos": { Foundation_acos($0) }, "atan": { Foundation_atan($0) },
            "sinh": { Foundation_sinh($0) }, "cosh": { Foundation_cosh($0) },
        ]
        guard site.arguments.allSatisfy({ $0.label == nil }) else { return nil }
        let types = try site.arguments.map { try site.lowerer.lowerExpression($0.expression, expected: nil).type }
        if types.contains(.tensor) || types.contains(.variable) || types.contains(where: \.isArray) && site.name == "pow" {
            return try MathCoreFunctions.lowerCall(site, expected: expected)
        }
        let place = site.place
        if let f = unary[site.name], site.arguments.count == 1 {
            let x = try site.argument(0, .double).asDouble
            return .double(place) { frame in f(try x(frame)) }
        }
        if site.name == "pow" || site.name == "atan2", site.arguments.count == 2 {
            let x = try site.argument(0, .double).asDouble, y = try site.argument(1, .double).asDouble
            if site.name == "pow" { return .double(place) { frame in Foundation_pow(try x(frame), try y(frame)) } }
            return .double(place) { frame in Foundation_atan2(try x(frame), try y(frame)) }
        }
        return nil
    }
}

/// A call of a built-in function, with helpers to lower its arguments.
struct CallSite {
    let name: String
    let arguments: [Argument]
    let call: FunctionCallExprSyntax
    let lowerer: Lowerer

    var place: SourceLocation { lowerer.location(of: call) }
    /// The argument labels, with a trailing closure given the label the built-in expects there.
    var labels: [String?] {
        arguments.map { argument in
            guard argument.isTrailingClosure else { return argument.label }
            return CallSite.trailingClosureLabels[name] ?? argument.label
        }
    }

    static let trailingClosureLabels: [String: String] = ["valueWithGradient": "of", "valueWithGradients": "of"]

    /// Argument `index`, lowered for and checked against `type`.
    func argument(_ index: Int, _ type: SwiftType) throws -> Expression {
        let syntax = arguments[index].expression
        return try lowerer.requireType(try lowerer.lowerExpression(syntax, expected: type), type, at: syntax, role: "value")
    }
}

// The C library's functions under names that do not collide with the built-ins being defined.
@inline(__always) func Foundation_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) func Foundation_log(_ x: Double) -> Double { log(x) }
@inline(__always) func Foundation_sin(_ x: Double) -> Double { sin(x) }
@inline(__always) func Foundation_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) func Foundation_tan(_ x: Double) -> Double { tan(x) }
@inline(__always) func Foundation_tanh(_ x: Double) -> Double { tanh(x) }
@inline(__always) func Foundation_log2(_ x: Double) -> Double { log2(x) }
@inline(__always) func Foundation_log10(_ x: Double) -> Double { log10(x) }
@inline(__always) func Foundation_asin(_ x: Double) -> Double { asin(x) }
@inline(__always) func Foundation_acos(_ x: Double) -> Double { acos(x) }
@inline(__always) func Foundation_atan(_ x: Double) -> Double { atan(x) }
@inline(__always) func Foundation_sinh(_ x: Double) -> Double { sinh(x) }
@inline(__always) func Foundation_cosh(_ x: Double) -> Double { cosh(x) }
@inline(__always) func Foundation_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) func Foundation_atan2(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
