import SwiftSyntax

/// Turns a swift-syntax tree into the compiled form: resolves names to slots, checks types as
/// Swift would, and rejects what Swift-math does not support before anything runs.
final class Lowerer {
    let converter: SourceLocationConverter
    /// Innermost last.
    var scopes: [Scope] = []
    /// The function being lowered, innermost last; index 0 is the top level.
    var functions: [FunctionContext] = []
    /// Names of the top-level scope that persist across the cells of a session.
    let globals: Scope
    /// Whether top-level functions of numbers get scalar kernels (see `ScalarKernel.swift`).
    var usesKernels = true
    /// Reads of a tensor `let` that are its last use in its block (see `markLastUses`): the value
    /// is moved out of its slot, so that MathCore may reuse its storage.
    var lastUses: Set<SyntaxIdentifier> = []
    /// How many top-level loops were compiled to kernels (for the tests).
    var loopKernelCount = 0
    /// Locations already found, by node (see `location(of:)`).
    private var locations: [SyntaxIdentifier: SourceLocation] = [:]

    init(converter: SourceLocationConverter, globals: Scope, globalSlotCount: Int) {
        self.converter = converter
        self.globals = globals
        self.scopes = [globals]
        self.functions = [FunctionContext(depth: 0, slotCount: globalSlotCount, resultType: nil)]
    }

    var function: FunctionContext { functions[functions.count - 1] }

    // MARK: Positions and errors

    /// Where a node's first token starts. Memoised and found through the node's first child:
    /// swift-syntax's `positionAfterSkippingLeadingTrivia` walks down to the first token every
    /// time, which made a 20,000-term sum take seconds (each operator walked the whole left spine).
    func location(of node: some SyntaxProtocol) -> SourceLocation {
        let syntax = Syntax(node)
        if let cached = locations[syntax.id] { return cached }
        let result: SourceLocation
        if let token = syntax.as(TokenSyntax.self) {
            let place = converter.location(for: token.positionAfterSkippingLeadingTrivia)
            result = SourceLocation(line: place.line, column: place.column)
        } else if let first = syntax.children(viewMode: .sourceAccurate).first(where: { $0.totalLength.utf8Length > 0 }) {
            result = location(of: first)
        } else {
            let place = converter.location(for: syntax.positionAfterSkippingLeadingTrivia)
            result = SourceLocation(line: place.line, column: place.column)
        }
        locations[syntax.id] = result
        return result
    }

    func error(_ node: some SyntaxProtocol, _ message: String) -> Diagnostic {
        Diagnostic(.compile, at: location(of: node), message)
    }

    func unsupported(_ node: some SyntaxProtocol, _ construct: String) -> Diagnostic {
        error(node, "\(construct) is not supported in Swift-math")
    }

    // MARK: Scopes

    func withScope<T>(_ body: () throws -> T) rethrows -> T {
        scopes.append(Scope())
        defer { scopes.removeLast() }
        return try body()
    }

    func lookup(_ name: String) -> Binding? {
        for scope in scopes.reversed() {
            if let binding = scope.names[name] { return binding }
        }
        return nil
    }

    /// A property of `self` named without `self.` inside a method (or a closure in one), unless a
    /// local name of the method hides it.
    func implicitSelfProperty(_ name: String) -> Int? {
        guard let method = functions.last(where: { $0.owner != nil }), let owner = method.owner,
              let index = owner.properties.firstIndex(where: { $0.name == name }) else { return nil }
        for scopeIndex in stride(from: scopes.count - 1, through: method.baseScopeIndex, by: -1) where scopes[scopeIndex].names[name] != nil {
            return nil
        }
        return index
    }

    /// Declares a variable in the innermost scope and returns its slot.
    func declareVariable(_ name: String, type: SwiftType, isLet: Bool, at node: some SyntaxProtocol) throws -> Int {
        let scope = scopes[scopes.count - 1]
        // At the top level a later cell may declare a name again (it then hides the earlier one,
        // as in a notebook); within one piece of code, as in Swift, it may not.
        if case .variable? = scope.names[name], scopes.count > 1 || functions.count > 1 || scope.declaredInThisRun.contains(name) {
            throw error(node, "invalid redeclaration of '\(name)'")
        }
        scope.declaredInThisRun.insert(name)
        let slot = function.newSlot()
        scopes[scopes.count - 1].names[name] = .variable(slot: slot, depth: function.depth, type: type, isLet: isLet)
        return slot
    }

    // MARK: Types

    /// The type a type annotation names.
    func resolveType(_ syntax: TypeSyntax) throws -> SwiftType {
        if let identifier = syntax.as(IdentifierTypeSyntax.self) {
            let name = identifier.name.text
            if let arguments = identifier.genericArgumentClause?.arguments {
                let types = try arguments.map { argument -> SwiftType in
                    guard case let .type(type) = argument.argument else { throw unsupported(argument, "this generic argument") }
                    return try resolveType(type)
                }
                switch (name, types.count) {
                case ("Array", 1): return .array(types[0])
                case ("Optional", 1): return .optional(types[0])
                case ("Dictionary", 2): return .dictionary(types[0], types[1])
                default: throw unsupported(syntax, "generics")
                }
            }
            switch name {
            case "Int": return .int
            case "Double": return .double
            case "Bool": return .bool
            case "String": return .string
            case "Void": return .void
            case "Tensor", "Vector", "Matrix": return .tensor
            case "Variable": return .variable
            case "Character": return .character
            case "GradientDescent", "Momentum", "Adam": return .optimizer(name)
            case "RandomGenerator": return .randomGenerator
            case "Figure": return .figure
            case "Float", "Float32", "Float64", "CGFloat", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64":
                throw unsupported(syntax, name)
            default:
                if case let .structure(info)? = lookup(name) { return .structure(info) }
                throw error(syntax, "cannot find type '\(name)' in scope")
            }
        }
        if let array = syntax.as(ArrayTypeSyntax.self) { return .array(try resolveType(array.element)) }
        if let dictionary = syntax.as(DictionaryTypeSyntax.self) {
            return .dictionary(try resolveType(dictionary.key), try resolveType(dictionary.value))
        }
        if let optional = syntax.as(OptionalTypeSyntax.self) { return .optional(try resolveType(optional.wrappedType)) }
        if let tuple = syntax.as(TupleTypeSyntax.self) {
            let elements = try tuple.elements.map { element -> SwiftType.TupleElement in
                if element.inoutKeyword != nil { throw unsupported(element, "inout") }
                return SwiftType.TupleElement(label: element.firstName?.text, type: try resolveType(element.type))
            }
            if elements.isEmpty { return .void }
            if elements.count == 1 && elements[0].label == nil { return elements[0].type }
            return .tuple(elements)
        }
        if let function = syntax.as(FunctionTypeSyntax.self) {
            if function.effectSpecifiers != nil { throw unsupported(function, "throws and async") }
            let parameters = try function.parameters.map { try resolveType($0.type) }
            return .function(parameters, try resolveType(function.returnClause.type))
        }
        if let attributed = syntax.as(AttributedTypeSyntax.self) {
            // `@escaping` changes nothing here; `inout` and other attributes are outside Swift-math.
            let onlyEscaping = attributed.specifiers.isEmpty && attributed.attributes.allSatisfy {
                $0.as(AttributeSyntax.self)?.attributeName.trimmedDescription == "escaping"
            }
            guard onlyEscaping else { throw unsupported(syntax, "inout and attributes other than @escaping") }
            return try resolveType(attributed.baseType)
        }
        if let implicit = syntax.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
            throw unsupported(implicit, "an implicitly unwrapped optional")
        }
        throw unsupported(syntax, "the type '\(syntax.trimmedDescription)'")
    }

    /// Checks that a value of type `actual` may be used where `expected` is needed.
    func requireType(_ expression: Expression, _ expected: SwiftType, at node: some SyntaxProtocol, role: String = "value") throws -> Expression {
        if expression.type == expected || expression.type == .never { return expression }
        if case let .optional(wrapped) = expected {
            if expression.type == .nilLiteral {
                var result = expression
                result.type = expected
                return result
            }
            if expression.type == wrapped {
                let code = expression.code
                var result = Expression(type: expected, location: expression.location) { .some(try code($0)) }
                result.isLiteral = expression.isLiteral
                return result
            }
        }
        if case let .tuple(targets) = expected, case let .tuple(sources) = expression.type, targets.count == sources.count,
           zip(targets, sources).allSatisfy({ $0.type == $1.type || $0.type == .optional($1.type) || ($1.type == .nilLiteral && $0.type.isOptional) }) {
            let code = expression.code
            let wrap = zip(targets, sources).map { $0.type != $1.type && $1.type != .nilLiteral }
            return Expression(type: expected, location: expression.location) { frame in
                let items = try code(frame).tuple
                return .tuple(zip(items, wrap).map { $1 ? .some($0) : $0 })
            }
        }
        let target = role == "return expression" ? "return type" : "specified type"
        throw error(node, "cannot convert \(role) of type '\(expression.type)' to \(target) '\(expected)'")
    }
}
