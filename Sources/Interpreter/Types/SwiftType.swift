/// The static type of a Swift-math expression, as the Swift compiler would infer it.
///
/// Types are checked while lowering, so a type error is reported before anything runs, and the
/// runtime never has to ask what kind of value it holds: `7 / 2` is integer division because both
/// operands are `Int`, and `print` knows to write `Optional(1.5)` because the type says so.
import SwiftSyntax

indirect enum SwiftType: Equatable, Hashable, CustomStringConvertible {
    case int
    case double
    case bool
    case string
    /// `Character`: stored as a one-character `String`.
    case character
    case void
    case array(SwiftType)
    case dictionary(SwiftType, SwiftType)
    case tuple([TupleElement])
    case optional(SwiftType)
    case function([SwiftType], SwiftType)
    case range(closed: Bool)
    case stride(SwiftType)
    case structure(StructInfo)
    /// MathCore's `Tensor` (and its names `Vector` and `Matrix`).
    case tensor
    /// MathCore's autodiff `Variable`.
    case variable
    /// One of MathCore's optimisers (`GradientDescent`, `Momentum`, `Adam`), by name.
    case optimizer(String)
    /// MathCore's `RandomGenerator`.
    case randomGenerator
    /// Plotting's `Figure`.
    case figure
    /// `Never`: the type of `fatalError(_:)`.
    case never
    /// The type of `nil` before its context gives it one.
    case nilLiteral

    struct TupleElement: Equatable, Hashable {
        var label: String?
        var type: SwiftType
    }

    var description: String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        case .string: return "String"
        case .character: return "Character"
        case let .optimizer(name): return name
        case .randomGenerator: return "RandomGenerator"
        case .figure: return "Figure"
        case .void: return "()"
        case let .array(element): return "[\(element)]"
        case let .dictionary(key, value): return "[\(key): \(value)]"
        case let .tuple(elements):
            return "(" + elements.map { ($0.label.map { "\($0): " } ?? "") + $0.type.description }.joined(separator: ", ") + ")"
        case let .optional(wrapped):
            if case .function = wrapped { return "(\(wrapped))?" }
            return "\(wrapped)?"
        case let .function(parameters, result):
            return "(" + parameters.map(\.description).joined(separator: ", ") + ") -> \(result)"
        case let .range(closed): return closed ? "ClosedRange<Int>" : "Range<Int>"
        case let .stride(element): return "StrideTo<\(element)>"
        case let .structure(info): return info.name
        case .tensor: return "Tensor"
        case .variable: return "Variable"
        case .never: return "Never"
        case .nilLiteral: return "nil"
        }
    }

    /// Whether values of this type are numbers that arithmetic operators accept.
    var isNumeric: Bool { self == .int || self == .double }
}

/// What the lowering knows of a `struct`: its name and stored properties, in order.
final class StructInfo: Hashable {
    let name: String
    var properties: [(name: String, type: SwiftType, isLet: Bool)] = []
    var methods: [String: FunctionInfo] = [:]
    /// The function depth the struct is declared at: its methods' environment.
    var depth = 0
    /// Default values of stored properties, by name: a `var` with one may be left out of the
    /// memberwise initializer; a `let` with one is not in it at all.
    var defaultValues: [String: Expression] = [:]
    /// Computed properties: a getter, and a setter for `get set` ones.
    var computed: [String: (type: SwiftType, getter: FunctionInfo, setter: FunctionInfo?)] = [:]
    /// Accessor bodies waiting to be lowered with the methods.
    var pendingAccessors: [(FunctionInfo, CodeBlockItemListSyntax, TokenSyntax)] = []

    init(name: String) {
        self.name = name
    }

    static func == (lhs: StructInfo, rhs: StructInfo) -> Bool { lhs === rhs }
    func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
