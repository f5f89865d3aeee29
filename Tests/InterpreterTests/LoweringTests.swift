import Interpreter
import Testing

/// What lowering checks before anything runs: each case is a program Swift rejects (or Swift-math
/// does not support) and the exact diagnostic, and nothing of the program may run.
@Suite("Lowering")
struct LoweringTests {
    static let rejected: [(source: String, diagnostic: String)] = [
        ("print(1)\nlet x: Int = 2.5", "2:14: error: cannot convert value of type 'Double' to specified type 'Int'"),
        ("print(1)\nlet s: String = 1", "2:17: error: cannot convert value of type 'Int' to specified type 'String'"),
        ("print(1)\nlet n = 1\nlet d = 2.0\nprint(n + d)", "4:9: error: binary operator '+' cannot be applied to operands of type 'Int' and 'Double'"),
        ("print(1)\nlet x = 1\nswitch x {\ncase 1: print(1)\n}", "3:1: error: switch must be exhaustive"),
        ("func f(_ x: Int) -> Int {\n    guard x > 0 else { print(x) }\n    return x\n}", "2:17: error: 'guard' body must not fall through, consider using a 'return' or 'throw' to exit the scope"),
        ("func f() -> Int {\n    print(1)\n}", "2:5: error: cannot convert return expression of type '()' to return type 'Int'"),
        ("func f(_ x: Int) -> Int {\n    if x > 0 { return 1 }\n    print(x)\n}", "4:1: error: missing return in global function expected to return 'Int'"),
        ("print(1)\nprint(undefined)", "2:7: error: cannot find 'undefined' in scope"),
        ("let xs = [1, 2]\nprint(xs.size)", "2:10: error: value of type '[Int]' has no member 'size'"),
        ("func f(x: Int) {}\nf(1)", "2:3: error: missing argument label 'x:' in call"),
        ("func f(_ x: Int) {}\nf(x: 1)", "2:3: error: extraneous argument label 'x:' in call"),
        ("func f(_ x: Int) {}\nf()", "2:1: error: missing argument for parameter #1 in call"),
        ("let o: Int? = 1\nif let v = 3 { print(v) }", "2:4: error: initializer for conditional binding must have Optional type, not 'Int'"),
        ("let x = 1\nprint(x!)", "2:8: error: cannot force unwrap value of non-optional type 'Int'"),
        ("var a = [Int]()\na.append(\"x\")", "2:10: error: cannot convert value of type 'String' to specified type 'Int'"),
        ("let e = []", "1:9: error: empty collection literal requires an explicit type"),
        ("print(1)\nbreak", "2:1: error: 'break' is only allowed inside a loop, if, do, or switch"),
        ("print(1)\nreturn 1", "2:1: error: return invalid outside of a func"),
        ("struct P { var x: Int }\nlet p = P(x: 1)\np.x = 2", "3:3: error: cannot assign to property: 'p' is a 'let' constant"),
        ("print(1)\nclass C {}", "2:1: error: class is not supported in Swift-math"),
        ("import Darwin", "1:1: error: import Darwin is not supported in Swift-math"),
        ("let f: Float = 1", "1:8: error: Float is not supported in Swift-math"),
        ("let v = 1\nlet v = 2", "2:5: error: invalid redeclaration of 'v'"),
    ]

    @Test(arguments: rejected.indices)
    func rejectedBeforeRunning(_ index: Int) {
        let (source, diagnostic) = Self.rejected[index]
        let result = Session().run(source)
        #expect(result.diagnostics.map(\.description) == [diagnostic], "\(source)")
        #expect(result.output.isEmpty, "nothing runs when lowering fails: \(source)")
        #expect(result.diagnostics.first?.phase == .compile)
    }

    @Test func literalsTakeTheirTypeFromContext() {
        let result = Session().run("""
        let a = 1
        let b: Double = 1
        let c = 1 + 2.5
        let d: [Double] = [1, 2]
        let e = [1, 2.5]
        let f: Double? = 3
        let g = 2 * 3 + 0.5
        print(a, b, c, d, e, f as Any, g, 7 / 2, -7 % 3, Double(7 / 2))
        """)
        #expect(result.output == "1 1.0 3.5 [1.0, 2.0] [1.0, 2.5] Optional(3.0) 6.5 3 -1 3.0\n")
    }

    @Test func operatorsPrecedenceFollowsSwift() {
        let result = Session().run("print(1 + 2 * 3, (1 + 2) * 3, 2 - 3 - 4, 1 < 2 && 3 > 4 || true, 10 / 3 * 3)\nlet A: Matrix = [[1, 2], [3, 4]]\nprint(A • A + A)")
        #expect(result.output == "7 9 -5 true 9\n[[ 8.0, 12.0],\n [18.0, 26.0]]\n")
    }
}
