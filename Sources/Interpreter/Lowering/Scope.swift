/// What a name means where it is used.
enum Binding {
    /// A variable in slot `slot` of the frame at function depth `depth` (0 is the top level).
    case variable(slot: Int, depth: Int, type: SwiftType, isLet: Bool)
    /// A function declared at function depth `depth`; its environment is the frame at that depth.
    case function(FunctionInfo, depth: Int)
    case structure(StructInfo)
}

/// One block's names. Blocks of the same function share the function's frame; their variables
/// take fresh slots, so a name declared in an inner block never overwrites an outer one.
final class Scope {
    var names: [String: Binding] = [:]
    /// Variables declared but not yet initialised (Swift's `let x: Int` then `x = 1`).
    var uninitialised: Set<String> = []
    /// Names declared by the code being lowered now (for the top-level scope, which outlives it).
    var declaredInThisRun: Set<String> = []
}

/// The function being lowered: its depth and the slots it has handed out.
final class FunctionContext {
    let depth: Int
    var slotCount: Int
    /// The declared result type, for checking `return`; `nil` while a closure's is inferred.
    var resultType: SwiftType?
    /// Labels of the loops around the statement being lowered, innermost last.
    var loops: [String?] = []
    /// For a method, the struct whose properties its body may name without `self.`.
    var owner: StructInfo?
    /// The index of the function's outermost scope in the lowerer's scope stack.
    var baseScopeIndex = 0

    init(depth: Int, slotCount: Int, resultType: SwiftType?) {
        self.depth = depth
        self.slotCount = slotCount
        self.resultType = resultType
    }

    func newSlot() -> Int {
        slotCount += 1
        return slotCount - 1
    }
}
