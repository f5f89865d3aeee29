import MathCore
import Plotting
import SwiftSyntax

/// Plotting's functions and `Figure`'s builders, callable from Swift-math with the same names,
/// labels and types. Calling `plot`, `scatter`, `histogram`, `bar` or `heatmap`, or `show()`, or
/// printing a figure shows it: its text form goes into the output, exactly as compiled Swift
/// prints it, and the figure itself into `RunResult.figures`.
enum PlottingFunctions {
    /// Labels after the positional arguments: each optional, in this order, of these types.
    private static func options(_ site: CallSite, after positional: Int, _ allowed: [(String, SwiftType)]) throws -> [String: Code]? {
        let labels = site.labels
        guard labels.count >= positional, labels.prefix(positional).allSatisfy({ $0 == nil }) else { return nil }
        var result: [String: Code] = [:]
        var next = 0
        for index in positional..<labels.count {
            guard let label = labels[index], let found = allowed[next...].firstIndex(where: { $0.0 == label }) else { return nil }
            result[label] = try site.argument(index, allowed[found].1).code
            next = found + 1
        }
        return result
    }

    private static var titles: [(String, SwiftType)] { [("title", .string), ("xLabel", .string), ("yLabel", .string)] }

    /// A sequence of numbers given as a `Tensor` or a `[Double]`.
    private static func numbers(_ site: CallSite, _ index: Int) throws -> Code {
        let syntax = site.arguments[index].expression
        let value = try site.lowerer.lowerExpression(syntax, expected: .array(.double))
        switch value.type {
        case .tensor:
            return value.code
        case .array(.double):
            let code = value.code
            return { frame in .tensor(Tensor(try code(frame).array.map(\.double))) }
        default:
            throw site.lowerer.error(syntax, "cannot convert value of type '\(value.type)' to expected argument type 'Tensor'")
        }
    }

    static func lowerCall(_ site: CallSite) throws -> Expression? {
        let place = site.place
        // Every function but `Figure(...)` shows the figure it makes.
        let shows = site.name != "Figure"
        func make(_ codes: [String: Code], _ build: @escaping ([String: Value], Frame) throws -> Figure) -> Expression {
            Expression(type: .figure, location: place) { frame in
                var values: [String: Value] = [:]
                for (key, code) in codes { values[key] = try code(frame) }
                let figure = try build(values, frame)
                if shows { try frame.context.show(figure, at: place) }
                return .figure(figure)
            }
        }
        func text(_ values: [String: Value], _ key: String) -> String { values[key]?.string ?? "" }
        switch site.name {
        case "plot" where site.labels.count >= 3 && site.labels[1] == "from" && site.labels[2] == "to":
            guard var codes = try options(site, after: 1, [("from", .double), ("to", .double)] + titles) else { return nil }
            codes["f"] = try site.argument(0, .function([.double], .double)).code
            return make(codes) { values, frame in
                guard case let .function(function)? = values["f"] else { return Figure() }
                var failure: Error?
                let sample: (Double) -> Double = { x in
                    do { return try Lowerer.call(function, with: [.double(x)], context: frame.context, at: place).double } catch {
                        failure = failure ?? error
                        return .nan
                    }
                }
                let start = values["from"]?.double ?? 0, end = values["to"]?.double ?? 1
                guard start.isFinite, end.isFinite, start < end else {
                    throw RuntimeError(message: "plot(_:from:to:): needs finite bounds with from < to, but got from \(start) to \(end)", location: place)
                }
                var figure = Figure(title: text(values, "title"), xLabel: text(values, "xLabel"), yLabel: text(values, "yLabel"))
                figure.line(sample, from: start, to: end)
                if let failure { throw failure }
                return figure
            }
        case "plot", "scatter":
            guard site.arguments.count >= 2, var codes = try options(site, after: 2, titles) else { return nil }
            codes["xs"] = try numbers(site, 0)
            codes["ys"] = try numbers(site, 1)
            let isLine = site.name == "plot"
            return make(codes) { values, _ in
                let (xs, ys) = (values["xs"]?.tensor ?? Tensor(shape: [0], scalars: []), values["ys"]?.tensor ?? Tensor(shape: [0], scalars: []))
                return isLine
                    ? Figure.line(xs, ys, title: text(values, "title"), xLabel: text(values, "xLabel"), yLabel: text(values, "yLabel"))
                    : Figure.points(xs, ys, title: text(values, "title"), xLabel: text(values, "xLabel"), yLabel: text(values, "yLabel"))
            }
        case "histogram":
            guard site.arguments.count >= 1, var codes = try options(site, after: 1, [("bins", .int)] + titles) else { return nil }
            codes["data"] = try numbers(site, 0)
            return make(codes) { values, _ in
                Figure.histogram(values["data"]?.tensor ?? Tensor(shape: [0], scalars: []), bins: values["bins"]?.int ?? 10,
                          title: text(values, "title"), xLabel: text(values, "xLabel"), yLabel: text(values, "yLabel"))
            }
        case "bar":
            guard site.arguments.count >= 2, var codes = try options(site, after: 2, titles) else { return nil }
            codes["labels"] = try site.argument(0, .array(.string)).code
            codes["values"] = try numbers(site, 1)
            return make(codes) { values, _ in
                Figure.bars(values["labels"]?.array.map(\.string) ?? [], values["values"]?.tensor ?? Tensor(shape: [0], scalars: []),
                    title: text(values, "title"), xLabel: text(values, "xLabel"), yLabel: text(values, "yLabel"))
            }
        case "heatmap":
            guard site.arguments.count >= 1,
                  var codes = try options(site, after: 1, [("rowLabels", .array(.string)), ("columnLabels", .array(.string))] + titles) else { return nil }
            codes["matrix"] = try site.argument(0, .tensor).code
            return make(codes) { values, _ in
                Figure.heatmap(values["matrix"]?.tensor ?? Tensor(shape: [0], scalars: []), rowLabels: values["rowLabels"]?.array.map(\.string),
                        columnLabels: values["columnLabels"]?.array.map(\.string),
                        title: text(values, "title"), xLabel: text(values, "xLabel"), yLabel: text(values, "yLabel"))
            }
        case "Figure":
            guard let codes = try options(site, after: 0, titles) else { return nil }
            return make(codes) { values, _ in
                Figure(title: text(values, "title"), xLabel: text(values, "xLabel"), yLabel: text(values, "yLabel"))
            }
        default:
            return nil
        }
    }

    /// `figure.line(xs, ys, label:)` and the other builders: each changes the figure in place.
    static func lowerMethodCall(
        _ base: Expression, baseSyntax: ExprSyntax, name: String, arguments: [Argument], call: FunctionCallExprSyntax, lowerer: Lowerer
    ) throws -> Expression? {
        let site = CallSite(name: name, arguments: arguments, call: call, lowerer: lowerer)
        let place = site.place
        var codes: [String: Code] = [:]
        let build: (inout Figure, [String: Value], Frame) throws -> Void
        func label(_ values: [String: Value]) -> String? { values["label"]?.string }
        if name == "show", arguments.isEmpty {
            let code = base.code
            return Expression(type: .void, location: place) { frame in
                guard case let .figure(figure) = try code(frame) else { return .void }
                try frame.context.show(figure, at: place)
                return .void
            }
        }
        switch name {
        case "line" where site.labels.count >= 3 && site.labels[1] == "from":
            guard let found = try options(site, after: 1, [("from", .double), ("to", .double), ("label", .string)]) else { return nil }
            codes = found
            codes["f"] = try site.argument(0, .function([.double], .double)).code
            build = { figure, values, frame in
                guard case let .function(function)? = values["f"] else { return }
                var failure: Error?
                figure.line({ x in
                    do { return try Lowerer.call(function, with: [.double(x)], context: frame.context, at: place).double } catch {
                        failure = failure ?? error
                        return .nan
                    }
                }, from: values["from"]?.double ?? 0, to: values["to"]?.double ?? 1, label: label(values))
                if let failure { throw failure }
            }
        case "line", "points":
            guard site.arguments.count >= 2, let found = try options(site, after: 2, [("label", .string)]) else { return nil }
            codes = found
            codes["xs"] = try numbers(site, 0)
            codes["ys"] = try numbers(site, 1)
            let isLine = name == "line"
            build = { figure, values, _ in
                let (xs, ys) = (values["xs"]?.tensor ?? Tensor(shape: [0], scalars: []), values["ys"]?.tensor ?? Tensor(shape: [0], scalars: []))
                if isLine { figure.line(xs, ys, label: label(values)) } else { figure.points(xs, ys, label: label(values)) }
            }
        case "mark":
            guard site.labels.starts(with: ["x", "y"]), let found = try options(site, after: 0, [("x", .double), ("y", .double), ("label", .string)]) else { return nil }
            codes = found
            build = { figure, values, _ in figure.mark(x: values["x"]?.double ?? 0, y: values["y"]?.double ?? 0, label: label(values)) }
        case "verticalRule", "horizontalRule":
            guard site.labels.first == "at", let found = try options(site, after: 0, [("at", .double), ("label", .string)]) else { return nil }
            codes = found
            let vertical = name == "verticalRule"
            build = { figure, values, _ in
                let at = values["at"]?.double ?? 0
                if vertical { figure.verticalRule(at: at, label: label(values)) } else { figure.horizontalRule(at: at, label: label(values)) }
            }
        case "bars":
            guard site.arguments.count >= 2, let found = try options(site, after: 2, [("label", .string)]) else { return nil }
            codes = found
            codes["labels"] = try site.argument(0, .array(.string)).code
            codes["values"] = try site.argument(1, .array(.double)).code
            build = { figure, values, _ in
                figure.bars(values["labels"]?.array.map(\.string) ?? [], values["values"]?.array.map(\.double) ?? [], label: label(values))
            }
        case "histogram":
            guard site.arguments.count >= 1, let found = try options(site, after: 1, [("bins", .int), ("label", .string)]) else { return nil }
            codes = found
            codes["data"] = try site.argument(0, .array(.double)).code
            build = { figure, values, _ in
                figure.histogram(values["data"]?.array.map(\.double) ?? [], bins: values["bins"]?.int ?? 10, label: label(values))
            }
        case "heatmap":
            guard site.arguments.count >= 1, let found = try options(site, after: 1, [("rowLabels", .array(.string)), ("columnLabels", .array(.string))]) else { return nil }
            codes = found
            codes["matrix"] = try site.argument(0, .tensor).code
            build = { figure, values, _ in
                figure.heatmap(values["matrix"]?.tensor ?? Tensor(shape: [0], scalars: []),
                               rowLabels: values["rowLabels"]?.array.map(\.string), columnLabels: values["columnLabels"]?.array.map(\.string))
            }
        default:
            return nil
        }
        let memberName = call.calledExpression.as(MemberAccessExprSyntax.self).map { Syntax($0.declName) } ?? Syntax(call)
        let target = try lowerer.lowerPlace(baseSyntax, .mutatingMember(memberName))
        let arguments = codes
        _ = base
        return Expression(type: .void, location: place) { frame in
            var values: [String: Value] = [:]
            for (key, code) in arguments { values[key] = try code(frame) }
            try target.modify(frame) { stored in
                guard case var .figure(figure) = stored else { return }
                stored = .void
                defer { stored = .figure(figure) }
                try build(&figure, values, frame)
            }
            return .void
        }
    }
}
