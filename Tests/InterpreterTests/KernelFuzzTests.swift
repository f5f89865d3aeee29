@testable import Interpreter
import MathCore
import Testing

/// Random programs of numbers, each run with scalar kernels and without: the two compiled forms
/// must print the same and fail the same, at the same place. The programs come from a seeded
/// generator, so a failure names a seed that reproduces it.
@Suite("Scalar kernels against the ordinary form, on generated programs")
struct KernelFuzzTests {
    /// MathCore's documented generator: the same sequence for a seed on every platform.
    struct Generator {
        var source: RandomGenerator

        init(seed: UInt64) { source = RandomGenerator(seed: seed) }

        mutating func below(_ bound: Int) -> Int { Int(source.next() % UInt64(bound)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// Writes one program: two functions of numbers and a top-level loop that calls them.
    struct ProgramWriter {
        var random: Generator
        var ints: [String] = []
        var doubles: [String] = []
        /// The names that are `var`s (parameters and loop counters are constants).
        var variables: Set<String> = []
        var depth = 0
        /// How deep the statement being written is nested in ifs and loops.
        var nesting = 0

        init(seed: UInt64) { random = Generator(seed: seed) }

        mutating func intExpression() -> String {
            depth += 1
            defer { depth -= 1 }
            if depth > 3 || random.chance(35) {
                return random.chance(50) && !ints.isEmpty ? random.pick(ints) : String(random.below(13) - 3)
            }
            switch random.below(6) {
            case 0: return "(\(intExpression()) + \(intExpression()))"
            case 1: return "(\(intExpression()) - \(intExpression()))"
            case 2: return "(\(intExpression()) * \(intExpression()))"
            case 3: return "(\(intExpression()) / \(intExpression()))"
            case 4: return "(\(intExpression()) % \(intExpression()))"
            default: return "(\(boolExpression()) ? \(intExpression()) : \(intExpression()))"
            }
        }

        mutating func doubleExpression() -> String {
            depth += 1
            defer { depth -= 1 }
            if depth > 3 || random.chance(35) {
                switch random.below(3) {
                case 0 where !doubles.isEmpty: return random.pick(doubles)
                case 1: return "Double(\(intExpression()))"
                default: return random.pick(["0.5", "2", "1e-3", "3.25", "-1.5", "0"])
                }
            }
            switch random.below(6) {
            case 0: return "(\(doubleExpression()) + \(doubleExpression()))"
            case 1: return "(\(doubleExpression()) - \(doubleExpression()))"
            case 2: return "(\(doubleExpression()) * \(doubleExpression()))"
            case 3: return "(\(doubleExpression()) / \(doubleExpression()))"
            case 4: return "sqrt(\(doubleExpression()) * \(doubleExpression()))"
            default: return "(\(boolExpression()) ? \(doubleExpression()) : \(doubleExpression()))"
            }
        }

        mutating func boolExpression() -> String {
            depth += 1
            defer { depth -= 1 }
            switch random.below(5) {
            case 0: return "\(intExpression()) < \(intExpression())"
            case 1: return "\(intExpression()) == \(intExpression())"
            case 2: return "\(doubleExpression()) >= \(doubleExpression())"
            case 3 where depth < 3: return "(\(boolExpression()) && !(\(boolExpression())))"
            default: return "\(intExpression()) != \(intExpression())"
            }
        }

        mutating func statements(_ count: Int, indent: String, inLoop: Bool) -> String {
            var lines: [String] = []
            nesting += 1
            defer { nesting -= 1 }
            for _ in 0..<count {
                // Below three levels, only simple statements: the program stays small.
                let kinds = nesting > 3 ? 4 : (inLoop ? 7 : 5)
                switch random.below(kinds) {
                case 0:
                    let name = "v\(ints.count + doubles.count)"
                    lines.append("\(indent)var \(name) = \(intExpression())")
                    ints.append(name)
                    variables.insert(name)
                case 1:
                    let name = "d\(ints.count + doubles.count)"
                    lines.append("\(indent)var \(name): Double = \(doubleExpression())")
                    doubles.append(name)
                    variables.insert(name)
                case 2 where ints.contains(where: variables.contains):
                    let target = random.pick(ints.filter(variables.contains))
                    lines.append("\(indent)\(target) \(random.pick(["=", "+=", "-=", "*="])) \(intExpression())")
                case 3 where doubles.contains(where: variables.contains):
                    let target = random.pick(doubles.filter(variables.contains))
                    lines.append("\(indent)\(target) \(random.pick(["=", "+=", "*=", "/="])) \(doubleExpression())")
                case 4:
                    let saved = (ints, doubles)
                    lines.append("\(indent)if \(boolExpression()) {")
                    lines.append(statements(2, indent: indent + "    ", inLoop: inLoop))
                    (ints, doubles) = saved
                    lines.append("\(indent)} else {")
                    lines.append(statements(1, indent: indent + "    ", inLoop: inLoop))
                    (ints, doubles) = saved
                    lines.append("\(indent)}")
                case 5:
                    lines.append("\(indent)if \(boolExpression()) { \(random.pick(["break", "continue"])) }")
                case 0..<4:
                    // A declaration when an assignment had no target.
                    let name = "w\(ints.count + doubles.count)"
                    lines.append("\(indent)let \(name) = \(intExpression())")
                    ints.append(name)
                default:
                    let saved = (ints, doubles)
                    let counter = "i\(depth)\(lines.count)"
                    lines.append("\(indent)for \(counter) in \(random.below(3))\(random.pick(["..<", "..."]))\(random.below(6)) {")
                    ints.append(counter)
                    lines.append(statements(2, indent: indent + "    ", inLoop: true))
                    (ints, doubles) = saved
                    lines.append("\(indent)}")
                }
            }
            return lines.joined(separator: "\n")
        }

        mutating func program() -> String {
            var text = "func f(_ a: Int, _ b: Double) -> Double {\n"
            ints = ["a"]
            doubles = ["b"]
            text += statements(4, indent: "    ", inLoop: false) + "\n"
            text += "    return \(doubleExpression()) + Double(\(intExpression()))\n}\n"
            ints = ["n"]
            doubles = []
            text += "func g(_ n: Int) -> Int { n < 1 ? \(intExpression()) : g(n - 1) + \(intExpression()) }\n"
            ints = []
            doubles = []
            text += "var total = 0.0\nvar count = 0\n"
            ints = ["count"]
            doubles = ["total"]
            variables = ["count", "total"]
            text += "for k in 0..<\(random.below(12)) {\n"
            ints.append("k")
            text += statements(3, indent: "    ", inLoop: true) + "\n"
            text += "    total += f(k, total * 0.5)\n    count += g(k % 4)\n}\n"
            text += "print(total, count)\n"
            return text
        }
    }

    @Test func generatedProgramsRunTheSameBothWays() {
        var kernelPrograms = 0
        for seed in UInt64(1)...250 {
            var writer = ProgramWriter(seed: seed)
            let source = writer.program()
            let withKernels = Session()
            let without = Session()
            without.usesKernels = false
            let (a, b) = (withKernels.run(source), without.run(source))
            #expect(a.output == b.output, "seed \(seed):\n\(source)")
            #expect(a.diagnostics.map(\.description) == b.diagnostics.map(\.description), "seed \(seed):\n\(source)")
            if case let .function(info, _)? = withKernels.globals.names["f"], info.kernel != nil { kernelPrograms += 1 }
        }
        // Most programs must really exercise the kernels (the generator writes only their subset).
        #expect(kernelPrograms > 200, "only \(kernelPrograms) of 250 programs compiled f to a kernel")
    }
}
