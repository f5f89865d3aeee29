import MathCore
import Plotting

/// A Swift-math value at run time. Its static type (known from lowering) says how to read it.
///
/// `Int`, `Double` and `Bool` are stored inline, never boxed; arrays, strings and tensors keep
/// Swift's own copy-on-write value semantics.
enum Value {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case array([Value])
    case dictionary([DictionaryKey: Value])
    /// A tuple's elements, or a struct's stored properties in declaration order.
    case tuple([Value])
    case none
    indirect case some(Value)
    case tensor(Tensor)
    case variable(Variable)
    case optimizer(any Optimizer)
    case randomGenerator(RandomGenerator)
    case figure(Figure)
    case function(FunctionValue)
    /// A range's bounds: `lower..<upper`, or `lower...upper` when its type says closed.
    case range(Int, Int)
    /// `stride(from:to:by:)` and `stride(from:through:by:)` over `Int` or `Double` (as doubles).
    case stride(from: Double, to: Double, by: Double, through: Bool)
    case void

    var int: Int { if case let .int(x) = self { return x }; return 0 }
    var double: Double { if case let .double(x) = self { return x }; return 0 }
    var bool: Bool { if case let .bool(x) = self { return x }; return false }
    var string: String { if case let .string(x) = self { return x }; return "" }
    var array: [Value] { if case let .array(x) = self { return x }; return [] }
    var tuple: [Value] { if case let .tuple(x) = self { return x }; return [] }
    var tensor: Tensor { if case let .tensor(x) = self { return x }; return Tensor(scalar: 0) }

    /// The tensor moved out of a value that is not used again: a temporary (`w * xs` in
    /// `w * xs + b`) stays the only owner of its storage, which MathCore then reuses in place.
    consuming func takeTensor() -> Tensor {
        switch consume self {
        case let .tensor(x): return x
        default: return Tensor(scalar: 0)
        }
    }

    /// Element `index` of a tuple or struct value. Lowering checks every index, so the fallback
    /// only keeps a broken invariant from crashing the host.
    @inline(__always)
    func field(_ index: Int) -> Value {
        guard case let .tuple(items) = self, items.indices.contains(index) else { return .void }
        return items[index]
    }
}

/// A dictionary key: the hashable kinds of value Swift-math allows as keys.
enum DictionaryKey: Hashable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)

    init?(_ value: Value) {
        switch value {
        case let .int(x): self = .int(x)
        case let .double(x): self = .double(x)
        case let .bool(x): self = .bool(x)
        case let .string(x): self = .string(x)
        default: return nil
        }
    }

    var value: Value {
        switch self {
        case let .int(x): return .int(x)
        case let .double(x): return .double(x)
        case let .bool(x): return .bool(x)
        case let .string(x): return .string(x)
        }
    }
}

/// A function or closure value: its compiled body and the frame it was created in.
final class FunctionValue {
    let info: FunctionInfo
    /// The frame the function was defined in: its captured variables, shared by reference.
    let environment: Frame?

    init(info: FunctionInfo, environment: Frame?) {
        self.info = info
        self.environment = environment
    }
}
