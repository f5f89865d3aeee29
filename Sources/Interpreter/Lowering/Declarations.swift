import SwiftSyntax

extension Lowerer {
    /// The first pass over a block: declares its structs and functions (signatures only), so that
    /// the statements can use them wherever they stand.
    func declareTypesAndFunctions(in items: CodeBlockItemListSyntax) throws {
        for item in items {
            guard case let .decl(declaration) = item.item else { continue }
            if let structure = declaration.as(StructDeclSyntax.self) {
                let name = structure.name.text
                if lookup(name) != nil, case .structure? = scopes[scopes.count - 1].names[name] {
                    throw error(structure.name, "invalid redeclaration of '\(name)'")
                }
                let info = StructInfo(name: name)
                info.depth = function.depth
                scopes[scopes.count - 1].names[name] = .structure(info)
            }
        }
        for item in items {
            guard case let .decl(declaration) = item.item else { continue }
            if let structure = declaration.as(StructDeclSyntax.self) { try declareStructMembers(structure) }
            if let function = declaration.as(FunctionDeclSyntax.self) {
                let info = try functionSignature(function, owner: nil)
                if case .function? = scopes[scopes.count - 1].names[info.name] {
                    throw error(function.name, "invalid redeclaration of '\(info.name)'")
                }
                scopes[scopes.count - 1].names[info.name] = .function(info, depth: self.function.depth)
            }
        }
    }

    func lowerDeclaration(_ declaration: DeclSyntax) throws -> StatementCode? {
        if let variable = declaration.as(VariableDeclSyntax.self) { return try lowerVariable(variable) }
        if let function = declaration.as(FunctionDeclSyntax.self) {
            guard case let .function(info, _)? = scopes[scopes.count - 1].names[function.name.text] else { return nil }
            try lowerFunctionBody(function, info: info)
            // A top-level function of numbers also gets a kernel, which later calls run.
            if self.function.depth == 0 && usesKernels {
                info.kernel = ScalarKernelCompiler.compile(function, info: info, lowerer: self)
            }
            return nil
        }
        if let structure = declaration.as(StructDeclSyntax.self) {
            try lowerStructMethods(structure)
            return nil
        }
        if let importDeclaration = declaration.as(ImportDeclSyntax.self) {
            let module = importDeclaration.path.map(\.name.text).joined(separator: ".")
            guard importDeclaration.importKindSpecifier == nil, ["Foundation", "MathCore", "Plotting"].contains(module) else {
                throw unsupported(importDeclaration, "import \(module)")
            }
            return nil
        }
        let construct: String
        switch declaration.kind {
        case .classDecl: construct = "class"
        case .enumDecl: construct = "enum"
        case .protocolDecl: construct = "protocol"
        case .extensionDecl: construct = "extension"
        case .actorDecl: construct = "actor"
        case .typeAliasDecl: construct = "typealias"
        case .operatorDecl, .precedenceGroupDecl: construct = "declaring operators"
        case .initializerDecl: construct = "init outside a struct"
        case .subscriptDecl: construct = "subscript"
        case .macroDecl, .macroExpansionDecl: construct = "macros"
        default: construct = "this declaration"
        }
        throw unsupported(declaration, construct)
    }

    // MARK: Variables

    func lowerVariable(_ syntax: VariableDeclSyntax) throws -> StatementCode? {
        if !syntax.attributes.isEmpty { throw unsupported(syntax.attributes, "attributes") }
        if let modifier = syntax.modifiers.first { throw unsupported(modifier, modifier.name.text) }
        let isLet = syntax.bindingSpecifier.tokenKind == .keyword(.let)
        var codes: [StatementCode] = []
        for binding in syntax.bindings {
            if binding.accessorBlock != nil { throw unsupported(binding, "a computed variable outside a struct") }
            var declared: SwiftType?
            if let annotation = binding.typeAnnotation { declared = try resolveType(annotation.type) }
            guard let initializer = binding.initializer else {
                guard let declared else { throw error(binding, "type annotation missing in pattern") }
                guard let identifier = binding.pattern.as(IdentifierPatternSyntax.self) else { throw unsupported(binding.pattern, "this pattern") }
                let slot = try declareVariable(identifier.identifier.text, type: declared, isLet: isLet, at: identifier)
                if case .optional = declared, !isLet {
                    codes.append { frame in
                        frame.slots[slot] = .none
                        return .normal
                    }
                } else {
                    scopes[scopes.count - 1].uninitialised.insert(identifier.identifier.text)
                }
                continue
            }
            var value = try lowerExpression(initializer.value, expected: declared)
            if let declared {
                value = try requireType(value, declared, at: initializer.value)
            } else if value.type == .nilLiteral {
                throw error(initializer.value, "'nil' requires a contextual type")
            } else if value.type == .void, binding.pattern.is(IdentifierPatternSyntax.self) {
                // Swift allows it with a warning; the value is the empty tuple.
            }
            let bind = try lowerBindingPattern(binding.pattern, type: value.type, isLet: isLet)
            let code = value.code
            codes.append { frame in
                bind(frame, try code(frame))
                return .normal
            }
        }
        return sequence(codes)
    }

    // MARK: Functions

    /// A function's signature: labels, parameter types and defaults, and result type.
    func functionSignature(_ syntax: FunctionDeclSyntax, owner: StructInfo?) throws -> FunctionInfo {
        if syntax.genericParameterClause != nil { throw unsupported(syntax.genericParameterClause!, "generics") }
        if let effects = syntax.signature.effectSpecifiers {
            if let asyncSpecifier = effects.asyncSpecifier { throw unsupported(asyncSpecifier, "async") }
            throw unsupported(effects, "throws")
        }
        for modifier in syntax.modifiers where !(owner != nil && ["mutating", "static"].contains(modifier.name.text) || modifier.name.text == "private") {
            throw unsupported(modifier, modifier.name.text)
        }
        if syntax.modifiers.contains(where: { $0.name.text == "static" }) { throw unsupported(syntax, "static") }
        var parameters: [FunctionInfo.Parameter] = []
        for parameter in syntax.signature.parameterClause.parameters {
            if parameter.ellipsis != nil { throw unsupported(parameter, "variadic parameters") }
            if let attributed = parameter.type.as(AttributedTypeSyntax.self), !attributed.specifiers.isEmpty { throw unsupported(parameter.type, "inout") }
            let type = try resolveType(parameter.type)
            let label = parameter.firstName.tokenKind == .wildcard ? nil : parameter.firstName.text
            let name = (parameter.secondName ?? parameter.firstName).text
            var defaultValue: Expression?
            if let value = parameter.defaultValue {
                defaultValue = try requireType(try lowerExpression(value.value, expected: type), type, at: value.value, role: "default argument value")
            }
            parameters.append(.init(label: label, name: name, type: type, defaultValue: defaultValue))
        }
        let result = try syntax.signature.returnClause.map { try resolveType($0.type) } ?? .void
        let info = FunctionInfo(name: syntax.name.text, parameters: parameters, resultType: result)
        info.owner = owner
        info.isMutating = syntax.modifiers.contains { $0.name.text == "mutating" }
        return info
    }

    /// Lowers a function's body in a new frame: parameters take the first slots (after `self`).
    func lowerFunctionBody(_ syntax: FunctionDeclSyntax, info: FunctionInfo) throws {
        guard let body = syntax.body else { throw error(syntax, "expected '{' in body of function declaration") }
        try lowerBody(body.statements, end: body.rightBrace, info: info, at: syntax.name)
    }

    /// Lowers the body of a function, method or property accessor in a new frame: `self` first
    /// (for a method), then the parameters, then the body's own variables.
    func lowerBody(_ statements: CodeBlockItemListSyntax, end: TokenSyntax, info: FunctionInfo, at nameNode: some SyntaxProtocol) throws {
        // A frame escapes its call only through a closure or a nested function made in the body.
        info.framesCanEscape = statements.tokens(viewMode: .sourceAccurate).contains { token in
            token.tokenKind == .keyword(.func) || (token.tokenKind == .leftBrace && token.parent?.is(ClosureExprSyntax.self) == true)
        }
        let context = FunctionContext(depth: function.depth + 1, slotCount: 0, resultType: info.resultType)
        context.owner = info.owner
        context.baseScopeIndex = scopes.count
        functions.append(context)
        scopes.append(Scope())
        defer {
            info.slotCount = context.slotCount
            scopes.removeLast()
            functions.removeLast()
        }
        if let owner = info.owner {
            _ = try declareVariable("self", type: .structure(owner), isLet: !info.isMutating, at: nameNode)
        }
        for parameter in info.parameters {
            _ = try declareVariable(parameter.name, type: parameter.type, isLet: true, at: nameNode)
        }
        if info.resultType != .void, bodyIsSingleExpression(statements), case let .expr(expression)? = statements.first?.item {
            // A body of one expression returns it (SE-0255).
            let value = try requireType(try lowerExpression(expression, expected: info.resultType), info.resultType, at: expression, role: "return expression")
            info.expressionBody = value.code
        } else {
            let code = try lowerStatements(statements)
            // Swift's definite-return rule: the body must end in `return`, `fatalError`, an
            // `if`/`else` or `switch` whose every branch does, or a loop that never ends.
            let missingReturn = "missing return in \(info.owner == nil ? "global function" : "instance method") expected to return '\(info.resultType)'"
            guard info.resultType != .void && info.resultType != .never else {
                info.body = code
                return
            }
            if !blockAlwaysExits(statements) { throw error(end, missingReturn) }
            // A safety net behind the check above: a value-returning body that still ends without
            // `return` stops the run instead of handing on no value.
            let place = location(of: end)
            info.body = { frame in
                let flow = try code(frame)
                if case .returned = flow { return flow }
                throw RuntimeError(message: missingReturn, location: place)
            }
        }
    }

    private func bodyIsSingleExpression(_ statements: CodeBlockItemListSyntax) -> Bool {
        guard statements.count == 1, let item = statements.first else { return false }
        if case .expr = item.item { return true }
        return false
    }

    // MARK: Structs

    func declareStructMembers(_ syntax: StructDeclSyntax) throws {
        guard case let .structure(info)? = scopes[scopes.count - 1].names[syntax.name.text] else { return }
        if let clause = syntax.inheritanceClause { throw unsupported(clause, "protocol conformances") }
        if let generics = syntax.genericParameterClause { throw unsupported(generics, "generics") }
        for member in syntax.memberBlock.members {
            let declaration = member.decl
            if let variable = declaration.as(VariableDeclSyntax.self) {
                let isLet = variable.bindingSpecifier.tokenKind == .keyword(.let)
                for binding in variable.bindings {
                    guard let identifier = binding.pattern.as(IdentifierPatternSyntax.self) else { throw unsupported(binding.pattern, "this pattern") }
                    let name = identifier.identifier.text
                    if let accessors = binding.accessorBlock {
                        guard let annotation = binding.typeAnnotation else { throw error(binding, "computed property must have an explicit type") }
                        try declareComputedProperty(name, type: try resolveType(annotation.type), accessors: accessors, in: info)
                        continue
                    }
                    var type = try binding.typeAnnotation.map { try resolveType($0.type) }
                    var defaultValue: Expression?
                    if let initializer = binding.initializer {
                        var value = try lowerExpression(initializer.value, expected: type)
                        if let type { value = try requireType(value, type, at: initializer.value) }
                        type = value.type
                        defaultValue = value
                    }
                    guard let type else { throw error(binding, "type annotation missing in pattern") }
                    info.properties.append((name, type, isLet))
                    info.defaultValues[name] = defaultValue
                }
            } else if let method = declaration.as(FunctionDeclSyntax.self) {
                info.methods[method.name.text] = try functionSignature(method, owner: info)
            } else if declaration.is(InitializerDeclSyntax.self) {
                throw unsupported(declaration, "an 'init' of your own (use the memberwise initializer)")
            } else {
                throw unsupported(declaration, "this member")
            }
        }
    }

    /// A computed property: its getter (and setter, a mutating method taking `newValue`) become
    /// methods of the struct, lowered with the other methods.
    private func declareComputedProperty(_ name: String, type: SwiftType, accessors: AccessorBlockSyntax, in info: StructInfo) throws {
        let getter = FunctionInfo(name: name, parameters: [], resultType: type)
        getter.owner = info
        var setter: FunctionInfo?
        switch accessors.accessors {
        case let .getter(statements):
            info.pendingAccessors.append((getter, statements, accessors.rightBrace))
        case let .accessors(list):
            for accessor in list {
                guard let body = accessor.body else { throw error(accessor, "expected '{' in accessor") }
                switch accessor.accessorSpecifier.tokenKind {
                case .keyword(.get):
                    info.pendingAccessors.append((getter, body.statements, body.rightBrace))
                case .keyword(.set):
                    let newName = accessor.parameters?.name.text ?? "newValue"
                    let function = FunctionInfo(name: name, parameters: [.init(label: nil, name: newName, type: type, defaultValue: nil)], resultType: .void)
                    function.owner = info
                    function.isMutating = true
                    info.pendingAccessors.append((function, body.statements, body.rightBrace))
                    setter = function
                default:
                    throw unsupported(accessor, "the accessor '\(accessor.accessorSpecifier.text)'")
                }
            }
        }
        info.computed[name] = (type, getter, setter)
    }

    func lowerStructMethods(_ syntax: StructDeclSyntax) throws {
        guard case let .structure(info)? = scopes[scopes.count - 1].names[syntax.name.text] else { return }
        for (function, statements, end) in info.pendingAccessors {
            try lowerBody(statements, end: end, info: function, at: syntax.name)
        }
        info.pendingAccessors = []
        for member in syntax.memberBlock.members {
            if let method = member.decl.as(FunctionDeclSyntax.self), let signature = info.methods[method.name.text] {
                try lowerFunctionBody(method, info: signature)
            }
        }
    }
}
