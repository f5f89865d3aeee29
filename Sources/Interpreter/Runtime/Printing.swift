import MathCore
import Plotting

/// Writes values exactly as Swift's `print` and string interpolation do.
///
/// `print` uses each value's `description`; inside a collection, a tuple or an optional, Swift
/// uses `debugDescription` instead, which quotes strings: `["a", "b"]`, `Optional("x")`.
enum Printing {
    /// The text `print(value)` writes for a value of `type`.
    static func description(of value: Value, as type: SwiftType) -> String {
        switch (type, value) {
        case (.string, .string(let text)), (.character, .string(let text)): return text
        default: return debugDescription(of: value, as: type)
        }
    }

    /// A type as Swift names it in a generic's description: `Array<Int>`, `Optional<Double>`.
    static func genericName(of type: SwiftType) -> String {
        switch type {
        case let .array(element): return "Array<\(genericName(of: element))>"
        case let .optional(wrapped): return "Optional<\(genericName(of: wrapped))>"
        case let .dictionary(key, value): return "Dictionary<\(genericName(of: key)), \(genericName(of: value))>"
        default: return type.description
        }
    }

    /// The text of a value nested in a collection, tuple or optional.
    static func debugDescription(of value: Value, as type: SwiftType) -> String {
        switch (type, value) {
        case (_, .int(let x)): return x.description
        case (_, .double(let x)): return x.description
        case (_, .bool(let x)): return x.description
        case (.character, .string(let x)): return (x.first ?? " ").debugDescription
        case (_, .string(let x)): return x.debugDescription
        case (.array(let element), .array(let items)):
            return "[" + items.map { debugDescription(of: $0, as: element) }.joined(separator: ", ") + "]"
        case (.dictionary(let keyType, let valueType), .dictionary(let entries)):
            if entries.isEmpty { return "[:]" }
            return "[" + entries.map { key, value in
                debugDescription(of: key.value, as: keyType) + ": " + debugDescription(of: value, as: valueType)
            }.joined(separator: ", ") + "]"
        case (.tuple(let elements), .tuple(let items)):
            return "(" + zip(elements, items).map { element, item in
                (element.label.map { "\($0): " } ?? "") + debugDescription(of: item, as: element.type)
            }.joined(separator: ", ") + ")"
        case (.structure(let info), .tuple(let items)):
            return info.name + "(" + zip(info.properties, items).map { property, item in
                "\(property.name): " + debugDescription(of: item, as: property.type)
            }.joined(separator: ", ") + ")"
        case (.optional, .none): return "nil"
        case (.optional(let wrapped), .some(let inner)): return "Optional(\(debugDescription(of: inner, as: wrapped)))"
        case (_, .tensor(let t)): return t.description
        case (_, .figure(let figure)): return (try? figure.text()) ?? "Figure(\(figure.series.count) series)"
        case (_, .variable(let v)): return v.description
        case (.range(let closed), .range(let lower, let upper)): return closed ? "\(lower)...\(upper)" : "\(lower)..<\(upper)"
        case (_, .function): return "(Function)"
        case (_, .void): return "()"
        default: return "\(value)"
        }
    }
}
