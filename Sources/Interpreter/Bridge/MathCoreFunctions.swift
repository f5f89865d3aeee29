import MathCore
import SwiftSyntax

/// MathCore's public functions, callable from Swift-math with the same names, labels and types.
/// Each runs MathCore's throwing form, so a bad shape is a runtime error at the call.
enum MathCoreFunctions {
    /// Runs a MathCore operation, turning its error into a runtime error at `place`.
    @inline(__always)
    static func run(at place: SourceLocation, _ body: () throws -> Value) throws -> Value {
        do { return try body() } catch let error as MathCoreError {
            throw RuntimeError(message: error.description, location: place)
        }
    }

    static func lowerCall(_ site: CallSite, expected: SwiftType?) throws -> Expression? {
        let lowerer = site.lowerer
        let place = site.place
        let labels = site.labels
        func make(_ type: SwiftType, _ codes: [Code], _ body: @escaping ([Value], Frame) throws -> Value) -> Expression {
            Expression(type: type, location: place) { frame in
                var values: [Value] = []
                values.reserveCapacity(codes.count)
                for code in codes { values.append(try code(frame)) }
                return try run(at: place) { try body(values, frame) }
            }
        }
        /// The first argument's type decides between the Double, Tensor and Variable forms.
        func firstType() throws -> SwiftType {
            guard let first = site.arguments.first else { return .void }
            var type = try lowerer.lowerExpression(first.expression, expected: nil).type
            if case .array = type, first.expression.is(ArrayExprSyntax.self) { type = .tensor }
            return type
        }

        switch site.name {
        case "exp", "log", "sqrt", "abs", "tanh", "sin", "cos", "sigmoid", "relu", "softmax":
            guard labels == [nil] else { return nil }
            let type = try firstType()
            if type == .variable {
                let x = try site.argument(0, .variable).code
                let name = site.name
                return make(.variable, [x]) { values, _ in
                    guard case let .variable(v) = values[0] else { return .void }
                    switch name {
                    case "exp": return .variable(exp(v))
                    case "log": return .variable(log(v))
                    case "sqrt": return .variable(sqrt(v))
                    case "tanh": return .variable(tanh(v))
                    case "sigmoid": return .variable(sigmoid(v))
                    case "relu": return .variable(relu(v))
                    case "softmax": return .variable(softmax(v))
                    default: throw MathCoreError.invalidArgument(operation: name, message: "is not defined on a Variable")
                    }
                }
            }
            if type == .double || type == .int, ["sigmoid", "relu"].contains(site.name) {
                let x = try site.argument(0, .double).asDouble
                let isSigmoid = site.name == "sigmoid"
                return .double(place) { frame in
                    let value = try x(frame)
                    return isSigmoid ? sigmoid(value) : relu(value)
                }
            }
            guard type == .tensor else { return nil }
            let x = try site.argument(0, .tensor).code
            let function: (Tensor) -> Tensor
            switch site.name {
            case "exp": function = { exp($0) }
            case "log": function = { log($0) }
            case "sqrt": function = { sqrt($0) }
            case "abs": function = { abs($0) }
            case "tanh": function = { tanh($0) }
            case "sin": function = { sin($0) }
            case "cos": function = { cos($0) }
            case "sigmoid": function = { sigmoid($0) }
            case "relu": function = { relu($0) }
            default: function = { softmax($0) }
            }
            return make(.tensor, [x]) { values, _ in .tensor(function(values[0].tensor)) }
        case "pow":
            guard labels == [nil, nil] else { return nil }
            let type = try firstType()
            let exponentType = try lowerer.lowerExpression(site.arguments[1].expression, expected: .double).type
            if type == .variable {
                let (x, p) = (try site.argument(0, .variable).code, try site.argument(1, .double).code)
                return make(.variable, [x, p]) { values, _ in
                    guard case let .variable(v) = values[0] else { return .void }
                    return .variable(pow(v, values[1].double))
                }
            }
            if type == .tensor && exponentType == .tensor {
                let (x, p) = (try site.argument(0, .tensor).code, try site.argument(1, .tensor).code)
                return make(.tensor, [x, p]) { values, _ in .tensor(try Throwing.pow(values[0].tensor, values[1].tensor)) }
            }
            if type == .tensor {
                let (x, p) = (try site.argument(0, .tensor).code, try site.argument(1, .double).code)
                return make(.tensor, [x, p]) { values, _ in .tensor(pow(values[0].tensor, values[1].double)) }
            }
            if exponentType == .tensor {
                let (x, p) = (try site.argument(0, .double).code, try site.argument(1, .tensor).code)
                return make(.tensor, [x, p]) { values, _ in .tensor(pow(values[0].double, values[1].tensor)) }
            }
            return nil
        case "dot", "cosineSimilarity":
            guard labels == [nil, nil] else { return nil }
            let (a, b) = (try site.argument(0, .tensor).code, try site.argument(1, .tensor).code)
            let isDot = site.name == "dot"
            return make(.double, [a, b]) { values, _ in
                .double(isDot ? try Throwing.dot(values[0].tensor, values[1].tensor) : try Throwing.cosineSimilarity(values[0].tensor, values[1].tensor))
            }
        case "matmul":
            guard labels == [nil, nil] else { return nil }
            let (a, b) = (try site.argument(0, .tensor).code, try site.argument(1, .tensor).code)
            return make(.tensor, [a, b]) { values, _ in .tensor(try Throwing.matmul(values[0].tensor, values[1].tensor)) }
        case "norm":
            guard labels == [nil] else { return nil }
            let x = try site.argument(0, .tensor).code
            return make(.double, [x]) { values, _ in .double(norm(values[0].tensor)) }
        case "sum", "mean", "variance", "standardDeviation":
            let type = try firstType()
            let name = site.name
            if type == .variable {
                let x = try site.argument(0, .variable).code
                if labels == [nil] {
                    return make(.variable, [x]) { values, _ in
                        guard case let .variable(v) = values[0] else { return .void }
                        switch name {
                        case "sum": return .variable(sum(v))
                        case "mean": return .variable(try Throwing.mean(v))
                        default: throw MathCoreError.invalidArgument(operation: name, message: "is not defined on a Variable")
                        }
                    }
                }
                guard labels == [nil, "axis"] else { return nil }
                let axis = try site.argument(1, .int).code
                return make(.variable, [x, axis]) { values, _ in
                    guard case let .variable(v) = values[0] else { return .void }
                    switch name {
                    case "sum": return .variable(try Throwing.sum(v, axis: values[1].int))
                    case "mean": return .variable(try Throwing.mean(v, axis: values[1].int))
                    default: throw MathCoreError.invalidArgument(operation: name, message: "is not defined on a Variable")
                    }
                }
            }
            let x = try site.argument(0, .tensor).code
            if labels == [nil] {
                return make(.double, [x]) { values, _ in
                    let t = values[0].tensor
                    switch name {
                    case "sum": return .double(sum(t))
                    case "mean": return .double(try Throwing.mean(t))
                    case "variance": return .double(try Throwing.variance(t))
                    default: return .double(try Throwing.standardDeviation(t))
                    }
                }
            }
            guard labels == [nil, "axis"] else { return nil }
            let axis = try site.argument(1, .int).code
            return make(.tensor, [x, axis]) { values, _ in
                let (t, a) = (values[0].tensor, values[1].int)
                switch name {
                case "sum": return .tensor(try Throwing.sum(t, axis: a))
                case "mean": return .tensor(try Throwing.mean(t, axis: a))
                case "variance": return .tensor(try Throwing.variance(t, axis: a))
                default: return .tensor(try Throwing.standardDeviation(t, axis: a))
                }
            }
        case "argmax":
            guard labels == [nil] else { return nil }
            let x = try site.argument(0, .tensor).code
            return make(.int, [x]) { values, _ in .int(try Throwing.argmax(values[0].tensor)) }
        case "meanSquaredError", "crossEntropy", "binaryCrossEntropy", "hingeLoss":
            guard labels == [nil, nil] else { return nil }
            let name = site.name
            if try firstType() == .variable {
                let (p, t) = (try site.argument(0, .variable).code, try site.argument(1, .tensor).code)
                return make(.variable, [p, t]) { values, _ in
                    guard case let .variable(v) = values[0] else { return .void }
                    let targets = values[1].tensor
                    switch name {
                    case "meanSquaredError": return .variable(try Throwing.meanSquaredError(v, targets))
                    case "crossEntropy": return .variable(try Throwing.crossEntropy(v, targets))
                    case "binaryCrossEntropy": return .variable(try Throwing.binaryCrossEntropy(v, targets))
                    default: return .variable(try Throwing.hingeLoss(v, targets))
                    }
                }
            }
            let (p, t) = (try site.argument(0, .tensor).code, try site.argument(1, .tensor).code)
            return make(.double, [p, t]) { values, _ in
                let (a, b) = (values[0].tensor, values[1].tensor)
                switch name {
                case "meanSquaredError": return .double(try Throwing.meanSquaredError(a, b))
                case "crossEntropy": return .double(try Throwing.crossEntropy(a, b))
                case "binaryCrossEntropy": return .double(try Throwing.binaryCrossEntropy(a, b))
                default: return .double(try Throwing.hingeLoss(a, b))
                }
            }
        case "zeros", "ones":
            guard labels.allSatisfy({ $0 == nil }) else { return nil }
            let lengths = try (0..<site.arguments.count).map { try site.argument($0, .int).code }
            let isZeros = site.name == "zeros"
            return make(.tensor, lengths) { values, frame in
                let shape = values.map(\.int)
                try checkElementLimit(shape, frame: frame)
                return .tensor(isZeros ? try Throwing.zeros(shape) : try Throwing.ones(shape))
            }
        case "identity":
            guard labels == [nil] else { return nil }
            let n = try site.argument(0, .int).code
            return make(.tensor, [n]) { values, frame in
                try checkElementLimit([values[0].int, values[0].int], frame: frame)
                return .tensor(try Throwing.identity(values[0].int))
            }
        case "linspace":
            guard labels == [nil, nil, "count"] else { return nil }
            let codes = [try site.argument(0, .double).code, try site.argument(1, .double).code, try site.argument(2, .int).code]
            return make(.tensor, codes) { values, frame in
                try checkElementLimit([values[2].int], frame: frame)
                return .tensor(try Throwing.linspace(values[0].double, values[1].double, count: values[2].int))
            }
        case "seed":
            guard labels == [nil] else { return nil }
            let value = try site.argument(0, .int).code
            return make(.void, [value]) { values, frame in
                frame.context.generator = RandomGenerator(seed: UInt64(bitPattern: Int64(values[0].int)))
                return .void
            }
        case "randomUniform" where labels.first == "shape" && labels.last == "using", "randomNormal" where labels.first == "shape" && labels.last == "using":
            let isUniform = site.name == "randomUniform"
            let optionLabels: [String] = isUniform ? ["low", "high"] : ["mean", "standardDeviation"]
            let options = Array(labels.dropFirst().dropLast())
            guard options.allSatisfy({ $0.map(optionLabels.contains) ?? false }),
                  let inoutArgument = site.arguments.last?.expression.as(InOutExprSyntax.self) else { return nil }
            let shape = try site.argument(0, .array(.int)).code
            var first: Code?, second: Code?
            for (offset, label) in options.enumerated() {
                let code = try site.argument(1 + offset, .double).code
                if label == optionLabels[0] { first = code } else { second = code }
            }
            let target = try lowerer.lowerPlace(inoutArgument.expression, .inoutArgument)
            guard target.type == .randomGenerator else {
                throw lowerer.error(inoutArgument.expression, "cannot convert value of type '\(target.type)' to expected argument type 'RandomGenerator'")
            }
            let (a, b) = (first, second)
            return Expression(type: .tensor, location: place) { frame in
                let dimensions = try shape(frame).array.map(\.int)
                _ = try run(at: place) { try checkElementLimit(dimensions, frame: frame); return .void }
                let x = try a.map { try $0(frame).double } ?? 0
                let y = try b.map { try $0(frame).double } ?? 1
                var result = Value.void
                try target.modify(frame) { value in
                    guard case var .randomGenerator(generator) = value else { return }
                    defer { value = .randomGenerator(generator) }
                    result = try run(at: place) {
                        isUniform ? .tensor(try Throwing.randomUniform(shape: dimensions, low: x, high: y, using: &generator))
                            : .tensor(try Throwing.randomNormal(shape: dimensions, mean: x, standardDeviation: y, using: &generator))
                    }
                }
                return result
            }
        case "randomUniform", "randomNormal":
            let isUniform = site.name == "randomUniform"
            let optionLabels: [String] = isUniform ? ["low", "high"] : ["mean", "standardDeviation"]
            let shapeCount = labels.prefix { $0 == nil }.count
            let options = labels.dropFirst(shapeCount).compactMap { $0 }
            guard options.count == labels.count - shapeCount, options.allSatisfy(optionLabels.contains) else { return nil }
            let lengths = try (0..<shapeCount).map { try site.argument($0, .int).code }
            var first: Code?, second: Code?
            for (offset, label) in options.enumerated() {
                let code = try site.argument(shapeCount + offset, .double).code
                if label == optionLabels[0] { first = code } else { second = code }
            }
            let (a, b) = (first, second)
            return make(.tensor, lengths) { values, frame in
                let shape = values.map(\.int)
                try checkElementLimit(shape, frame: frame)
                let x = try a.map { try $0(frame).double } ?? 0
                let y = try b.map { try $0(frame).double } ?? 1
                let context = frame.context
                if isUniform { return .tensor(try Throwing.randomUniform(shape: shape, low: x, high: y, using: &context.generator)) }
                return .tensor(try Throwing.randomNormal(shape: shape, mean: x, standardDeviation: y, using: &context.generator))
            }
        case "derivative":
            guard labels == ["of", "at"] else { return nil }
            let f = try site.argument(0, .function([.double], .double)).code
            let x = try site.argument(1, .double).code
            return make(.double, [f, x]) { values, frame in
                guard case let .function(function) = values[0] else { return .void }
                return .double(try derivative(of: { try Lowerer.call(function, with: [.double($0)], context: frame.context, at: place).double }, at: values[1].double))
            }
        case "gradient":
            guard labels == ["of", "at"] else { return nil }
            let f = try site.argument(0, .function([.tensor], .double)).code
            let x = try site.argument(1, .tensor).code
            return make(.tensor, [f, x]) { values, frame in
                guard case let .function(function) = values[0] else { return .void }
                return .tensor(try gradient(of: { try Lowerer.call(function, with: [.tensor($0)], context: frame.context, at: place).double }, at: values[1].tensor))
            }
        case "valueWithGradient":
            guard labels == ["at", "of"] else { return nil }
            let x = try site.argument(0, .tensor).code
            let f = try site.argument(1, .function([.variable], .variable)).code
            let result = SwiftType.tuple([.init(label: "value", type: .double), .init(label: "gradient", type: .tensor)])
            return make(result, [x, f]) { values, frame in
                guard case let .function(function) = values[1] else { return .void }
                var failure: Error?
                let (value, gradient) = try Throwing.valueWithGradient(at: values[0].tensor) { variable throws(MathCoreError) -> Variable in
                    do {
                        guard case let .variable(result) = try Lowerer.call(function, with: [.variable(variable)], context: frame.context, at: place) else {
                            return variable
                        }
                        return result
                    } catch {
                        failure = error
                        throw MathCoreError.invalidArgument(operation: "valueWithGradient", message: "the function failed")
                    }
                }
                if let failure { throw failure }
                return .tuple([.double(value), .tensor(gradient)])
            }
        case "valueWithGradients":
            guard labels == ["at", "of"] else { return nil }
            let xs = try site.argument(0, .array(.tensor)).code
            let f = try site.argument(1, .function([.array(.variable)], .variable)).code
            let result = SwiftType.tuple([.init(label: "value", type: .double), .init(label: "gradients", type: .array(.tensor))])
            return make(result, [xs, f]) { values, frame in
                guard case let .function(function) = values[1] else { return .void }
                var failure: Error?
                let tensors = values[0].array.map(\.tensor)
                let (value, gradients) = try Throwing.valueWithGradients(at: tensors) { variables throws(MathCoreError) -> Variable in
                    do {
                        let argument = Value.array(variables.map { .variable($0) })
                        guard case let .variable(result) = try Lowerer.call(function, with: [argument], context: frame.context, at: place) else {
                            throw MathCoreError.invalidArgument(operation: "valueWithGradients", message: "the function returned no Variable")
                        }
                        return result
                    } catch let error as MathCoreError {
                        throw error
                    } catch {
                        failure = error
                        throw MathCoreError.invalidArgument(operation: "valueWithGradients", message: "the function failed")
                    }
                }
                if let failure { throw failure }
                return .tuple([.double(value), .array(gradients.map { .tensor($0) })])
            }
        case "Tensor":
            return try lowerTensorInit(site)
        case "GradientDescent", "Momentum", "Adam":
            let name = site.name
            let parameterNames: [String] = name == "GradientDescent" ? ["learningRate"]
                : name == "Momentum" ? ["learningRate", "momentum"] : ["learningRate", "beta1", "beta2", "epsilon"]
            let given = labels.compactMap { $0 }
            guard given.count == labels.count, given.allSatisfy(parameterNames.contains),
                  given == parameterNames.filter(given.contains), name == "Adam" || given.contains("learningRate") else { return nil }
            var codes: [String: Code] = [:]
            for (index, label) in given.enumerated() { codes[label] = try site.argument(index, .double).code }
            let values = codes
            return Expression(type: .optimizer(name), location: place) { frame in
                func value(_ label: String, _ fallback: Double) throws -> Double { try values[label].map { try $0(frame).double } ?? fallback }
                switch name {
                case "GradientDescent": return .optimizer(GradientDescent(learningRate: try value("learningRate", 0)))
                case "Momentum": return .optimizer(Momentum(learningRate: try value("learningRate", 0), momentum: try value("momentum", 0.9)))
                default:
                    return .optimizer(Adam(learningRate: try value("learningRate", 0.001), beta1: try value("beta1", 0.9),
                                           beta2: try value("beta2", 0.999), epsilon: try value("epsilon", 1e-8)))
                }
            }
        case "RandomGenerator":
            guard labels == ["seed"] else { return nil }
            let seed = try site.argument(0, .int).code
            return make(.randomGenerator, [seed]) { values, _ in .randomGenerator(RandomGenerator(seed: UInt64(bitPattern: Int64(values[0].int)))) }
        case "Variable":
            guard labels == [nil] else { return nil }
            let type = try firstType()
            let x = try site.argument(0, type == .double || type == .int ? .double : .tensor).code
            return make(.variable, [x]) { values, _ in
                if case let .double(scalar) = values[0] { return .variable(Variable(scalar)) }
                return .variable(Variable(values[0].tensor))
            }
        default:
            return nil
        }
    }

    static func lowerTensorInit(_ site: CallSite) throws -> Expression? {
        let place = site.place
        func make(_ codes: [Code], _ body: @escaping ([Value]) throws -> Tensor) -> Expression {
            Expression(type: .tensor, location: place) { frame in
                var values: [Value] = []
                for code in codes { values.append(try code(frame)) }
                return try run(at: place) { .tensor(try body(values)) }
            }
        }
        switch site.labels {
        case [nil]:
            if let vector = try? site.argument(0, .array(.double)) {
                return make([vector.code]) { values in Tensor(values[0].array.map(\.double)) }
            }
            let rows = try site.argument(0, .array(.array(.double)))
            return make([rows.code]) { values in try Throwing.tensor(rows: values[0].array.map { $0.array.map(\.double) }) }
        case ["shape", "scalars"]:
            let shape = try site.argument(0, .array(.int)), scalars = try site.argument(1, .array(.double))
            return make([shape.code, scalars.code]) { values in
                try Throwing.tensor(shape: values[0].array.map(\.int), scalars: values[1].array.map(\.double))
            }
        case ["scalar"]:
            let value = try site.argument(0, .double)
            return make([value.code]) { values in Tensor(scalar: values[0].double) }
        case ["repeating", "shape"]:
            let value = try site.argument(0, .double), shape = try site.argument(1, .array(.int))
            return make([value.code, shape.code]) { values in
                try Throwing.tensor(repeating: values[0].double, shape: values[1].array.map(\.int))
            }
        default:
            return nil
        }
    }

    static func checkElementLimit(_ shape: [Int], frame: Frame) throws {
        let (count, overflow) = shape.reduce((1, false)) { partial, length in
            let (product, overflowed) = partial.0.multipliedReportingOverflow(by: Swift.max(length, 0))
            return (product, partial.1 || overflowed)
        }
        let limit = frame.context.limits.maximumElements
        if overflow || count > limit {
            throw MathCoreError.invalidArgument(operation: "allocation", message: "a tensor of shape \(shape) exceeds the limit of \(limit) elements")
        }
        if let used = MemoryUsage.bytesInUse(), used + count * MemoryLayout<Double>.stride > frame.context.limits.maximumMemoryBytes {
            throw MathCoreError.invalidArgument(operation: "allocation", message: "a tensor of shape \(shape) would take memory in use past \(frame.context.limits.maximumMemoryBytes >> 20) MiB")
        }
    }
}

/// Methods of `Tensor` and `Variable`.
enum MathCoreMembers {
    static func lowerMethodCall(_ base: Expression, name: String, arguments: [Argument], call: FunctionCallExprSyntax, lowerer: Lowerer) throws -> Expression? {
        let place = lowerer.location(of: call)
        let labels = arguments.map(\.label)
        let code = base.code
        func argument(_ index: Int, _ type: SwiftType) throws -> Expression {
            let syntax = arguments[index].expression
            return try lowerer.requireType(try lowerer.lowerExpression(syntax, expected: type), type, at: syntax, role: "value")
        }
        func make(_ type: SwiftType, _ codes: [Code], _ body: @escaping (Value, [Value]) throws -> Value) -> Expression {
            Expression(type: type, location: place) { frame in
                let receiver = try code(frame)
                var values: [Value] = []
                for code in codes { values.append(try code(frame)) }
                return try MathCoreFunctions.run(at: place) { try body(receiver, values) }
            }
        }
        if base.type == .variable {
            switch (name, labels) {
            case ("backward", []):
                return make(.void, []) { receiver, _ in
                    guard case let .variable(v) = receiver else { return .void }
                    try Throwing.backward(v)
                    return .void
                }
            case ("transposed", []):
                return make(.variable, []) { receiver, _ in
                    guard case let .variable(v) = receiver else { return .void }
                    return .variable(v.transposed())
                }
            default: return nil
            }
        }
        switch (name, labels) {
        case ("min", []), ("max", []):
            let isMin = name == "min"
            return make(.double, []) { receiver, _ in .double(isMin ? try Throwing.min(receiver.tensor) : try Throwing.max(receiver.tensor)) }
        case ("transposed", []):
            return make(.tensor, []) { receiver, _ in .tensor(receiver.tensor.transposed()) }
        case ("reshaped", _) where labels.allSatisfy({ $0 == nil }):
            if labels.count == 1, let shape = try? argument(0, .array(.int)) {
                return make(.tensor, [shape.code]) { receiver, values in .tensor(try Throwing.reshaped(receiver.tensor, values[0].array.map(\.int))) }
            }
            let lengths = try (0..<labels.count).map { try argument($0, .int).code }
            return make(.tensor, lengths) { receiver, values in .tensor(try Throwing.reshaped(receiver.tensor, values.map(\.int))) }
        case ("row", [nil]), ("column", [nil]):
            let index = try argument(0, .int).code
            let isRow = name == "row"
            return make(.tensor, [index]) { receiver, values in
                .tensor(isRow ? try Throwing.row(receiver.tensor, values[0].int) : try Throwing.column(receiver.tensor, values[0].int))
            }
        case ("map", [nil]):
            let f = try lowerer.lowerExpression(arguments[0].expression, expected: .function([.double], .double))
            guard f.type == .function([.double], .double) else {
                throw lowerer.error(arguments[0].expression, "cannot convert value of type '\(f.type)' to expected argument type '(Double) -> Double'")
            }
            let function = f.code
            return Expression(type: .tensor, location: place) { frame in
                let tensor = try code(frame).tensor
                guard case let .function(value) = try function(frame) else { return .void }
                return .tensor(try tensor.map { try Lowerer.call(value, with: [.double($0)], context: frame.context, at: place).double })
            }
        default:
            return nil
        }
    }
}
