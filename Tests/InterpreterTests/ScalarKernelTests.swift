@testable import Interpreter
import Testing

/// Scalar kernels against the ordinary compiled form: each program runs both ways and must print
/// the same and fail the same, at the same place. (The corpus compares both with swiftc too.)
@Suite("Scalar kernels")
struct ScalarKernelTests {
    /// Output and diagnostics with kernels, and the same without.
    func bothWays(_ source: String, limits: Limits = .standard) -> (kernels: RunResult, ordinary: RunResult) {
        let withKernels = Session(limits: limits)
        let without = Session(limits: limits)
        without.usesKernels = false
        return (withKernels.run(source), without.run(source))
    }

    /// Whether the top-level function `name` was compiled to a kernel.
    func isKernel(_ name: String, in source: String) -> Bool {
        let session = Session()
        _ = session.run(source)
        guard case let .function(info, _)? = session.globals.names[name] else { return false }
        return info.kernel != nil
    }

    static let programs: [String] = [
        // Recursion, ternaries, Int arithmetic.
        "func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }\nprint(fib(20), fib(1), fib(0))",
        // Loops, locals, compound assignment, break and continue, closed ranges.
        """
        func sumOfOdds(upTo n: Int) -> Int {
            var total = 0
            for i in 0...n {
                if i % 2 == 0 { continue }
                if i > 99 { break }
                total += i
            }
            return total
        }
        print(sumOfOdds(upTo: 10), sumOfOdds(upTo: 1000), sumOfOdds(upTo: 0))
        """,
        // Doubles, literals typed by context, Double(_:), math functions, several arguments.
        """
        func f(_ x: Double) -> Double { (x - 3) * (x - 3) }
        func slope(_ x: Double, _ h: Double) -> Double { (f(x + h) - f(x - h)) / (2 * h) }
        func blend(_ a: Int, _ b: Double, _ c: Double, weight: Double) -> Double {
            let mixed = Double(a) * weight + b * (1 - weight)
            return sqrt(mixed * mixed) + exp(0) + log(1) - c / 2
        }
        print(slope(0, 1e-6), slope(5, 0.5), blend(2, 4, 1, weight: 0.25))
        print(f(1) / 0, -f(3), 7 / 2, 7.0 / 2)
        """,
        // Bools, while loops, nested ifs, negative numbers and remainders.
        """
        func isPrime(_ n: Int) -> Bool {
            if n < 2 { return false }
            var d = 2
            while d * d <= n {
                if n % d == 0 { return false } else if d > 1000 { break }
                d += 1
            }
            return true
        }
        func sign(_ x: Int) -> Int { x > 0 ? 1 : (x == 0 ? 0 : -1) }
        print(isPrime(97), isPrime(91), isPrime(2), isPrime(-7), sign(-5), sign(0), -7 % 3, -7 / 2)
        print((1...30).filter { isPrime($0) })
        """,
        // Errors: overflow, division by zero, a bad range, each at its place.
        "func grow(_ n: Int) -> Int {\n    var x = 1\n    for _ in 0..<n { x *= 10 }\n    return x\n}\nprint(grow(18))\nprint(grow(19))",
        "func half(_ n: Int, by d: Int) -> Int { n / d }\nprint(half(9, by: 2))\nprint(half(1, by: 0))",
        "func count(_ a: Int, _ b: Int) -> Int {\n    var n = 0\n    for _ in a..<b { n += 1 }\n    return n\n}\nprint(count(2, 5))\nprint(count(5, 2))",
        "func neg(_ x: Int) -> Int { -x }\nprint(neg(Int.max))\nprint(neg(Int.min))",
        // Recursion deeper than the limit.
        "func down(_ n: Int) -> Int { down(n + 1) + 1 }\nprint(down(0))",
        // Shadowing and a later function calling an earlier one.
        """
        func square(_ x: Double) -> Double { x * x }
        func norm(_ a: Double, _ b: Double) -> Double {
            let square = a * a + b * b
            return sqrt(square)
        }
        func area(_ r: Double) -> Double { 3 * square(r) }
        print(norm(3, 4), area(2))
        """,
        // Top-level loops over globals, calling kernels, nested, with break and continue.
        """
        func f(_ x: Double) -> Double { (x - 3) * (x - 3) }
        var x = 0.0
        let h = 1e-6
        for _ in 0..<2_000 {
            let slope = (f(x + h) - f(x - h)) / (2 * h)
            x -= 0.01 * slope
        }
        print(x)
        var total = 0
        var steps = 0
        for i in 1...20 {
            if i % 3 == 0 { continue }
            for j in 0..<i where j > 100 { print(j) }
            var k = i
            while k > 0 {
                k -= 4
                steps += 1
                if steps > 1_000 { break }
            }
            total += i * k
            if total > 10_000 { break }
        }
        print(total, steps)
        var found = false
        var n = 0
        while !found && n < 100 { n += 7; found = n % 5 == 0 }
        print(found, n)
        """,
        // A loop stopped by an error leaves the globals as they were at the error.
        "var product = 1\nvar i = 1\nwhile true {\n    product *= i\n    i += 1\n}\nprint(product)",
        // Shadowing a global inside the loop, and a global `let`.
        "let limit = 5\nvar count = 0\nfor count in 0..<limit { print(count) }\nfor i in 0..<limit { let count = i * 2; _ = count }\nfor _ in 0..<limit { count += 1 }\nprint(count)",
        // Arrays of numbers in top-level loops: reads, writes, compound writes, counts, errors.
        """
        let n = 12
        var a = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        var b = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n {
                a[i][j] = Double((i * j) % 7)
                b[i][j] = Double((i + j) % 5)
            }
        }
        var c = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n {
                var total = 0.0
                for k in 0..<n { total += a[i][k] * b[k][j] }
                c[i][j] = total
            }
        }
        print(c[5][11], c[n - 2][3], c.count)
        var counts = [0, 0, 0]
        var flags = [true, false]
        for i in 0..<30 { counts[i % 3] += i; if i == 7 { flags[1] = !flags[0] } }
        print(counts, flags, counts.count)
        let fixed = [1, 2, 3]
        var sum = 0
        for i in 0..<fixed.count { sum += fixed[i] * fixed[fixed.count - 1 - i] }
        print(sum)
        """,
        "var grid = [[1, 2], [3]]\nvar seen = 0\nfor i in 0..<2 {\n    for j in 0..<2 {\n        seen += grid[i][j]\n    }\n}\nprint(seen)",
        "var grid = [[1.0, 2.0], [3.0]]\nfor i in 0..<3 {\n    grid[i][0] = 5\n}\nprint(grid)",
        "var xs = [Int.max, 1]\nfor i in 0..<2 {\n    xs[i] += 1\n}\nprint(xs)",
    ]

    @Test(arguments: programs)
    func kernelsPrintAndFailAsTheOrdinaryFormDoes(_ source: String) {
        let (kernels, ordinary) = bothWays(source)
        #expect(kernels.output == ordinary.output)
        #expect(kernels.diagnostics.map(\.description) == ordinary.diagnostics.map(\.description))
    }

    @Test func theComparedProgramsDoRunAsKernels() {
        let names = ["fib", "sumOfOdds", "f", "slope", "blend", "isPrime", "sign", "grow", "half", "count", "neg", "down", "square", "norm", "area"]
        var found: [String] = []
        for program in Self.programs {
            let session = Session()
            _ = session.run(program)
            for name in names {
                if case let .function(info, _)? = session.globals.names[name], info.kernel != nil { found.append(name) }
            }
        }
        #expect(Set(found) == Set(names))
    }

    @Test func functionsOfNumbersBecomeKernelsAndOthersDoNot() {
        #expect(isKernel("fib", in: "func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }"))
        #expect(isKernel("f", in: "func f(_ x: Double, scale: Double) -> Double {\n    var y = x\n    while y > 1 { y /= 2 }\n    return y * scale\n}"))
        // Anything outside the subset keeps the ordinary form.
        #expect(!isKernel("p", in: "func p(_ x: Int) -> Int {\n    print(x)\n    return x\n}"))
        #expect(!isKernel("g", in: "var total = 0\nfunc g(_ x: Int) -> Int { total + x }"))
        #expect(!isKernel("h", in: "func h(_ xs: [Int]) -> Int { xs.count }"))
        #expect(!isKernel("d", in: "func d(_ x: Int = 1) -> Int { x }"))
        #expect(!isKernel("s", in: "func s(_ x: Int) -> String { \"\\(x)\" }"))
        #expect(!isKernel("c", in: "func c(_ x: Double) -> Double { [1.0, 2.0].reduce(x, +) }"))
    }

    @Test func aLoopStoppedByAnErrorLeavesItsGlobalsForTheNextCell() {
        for usesKernels in [true, false] {
            let session = Session()
            session.usesKernels = usesKernels
            let first = session.run("var product = 1\nvar i = 1\nwhile true {\n    product *= i\n    i += 1\n}")
            #expect(first.diagnostics.map(\.description) == ["4:5: error: arithmetic overflow"])
            #expect(session.run("print(product, i)").output == "2432902008176640000 21\n")
            // An array written before the error keeps what was written.
            _ = session.run("var grid = [[1.0], [2.0]]\nfor i in 0..<3 { grid[i][0] = 9 }")
            #expect(session.run("print(grid)").output == "[[9.0], [9.0]]\n")
        }
    }

    @Test func topLevelLoopsOfNumbersRunAsKernels() throws {
        let lowered = { (source: String) -> Bool in
            let session = Session()
            _ = session.run("var x = 0.0\nvar n = 0\nvar xs = [1.0]")
            _ = session.run(source)
            return session.loopKernelsInLastRun == 1
        }
        #expect(lowered("for i in 0..<10 { x += Double(i) }"))
        #expect(lowered("while n < 10 { n += 1 }"))
        #expect(!lowered("for i in 0..<10 { print(i) }"))
        #expect(!lowered("for v in xs { x += v }"))
        #expect(lowered("for i in 0..<xs.count { x += xs[i] }"))
        #expect(lowered("for i in 0..<xs.count { xs[i] *= 2 }"))
        #expect(!lowered("while n < 10 { xs.append(1); n += 1 }"))
    }

    @Test func anEndlessLoopInAKernelStopsAtTheTimeLimit() {
        let limits = Limits(timeLimit: .milliseconds(200))
        let source = "func spin(_ n: Int) -> Int {\n    var i = n\n    while i >= 0 { i += 1; i -= 1 }\n    return i\n}\nprint(spin(1))"
        let (kernels, ordinary) = bothWays(source, limits: limits)
        #expect(kernels.diagnostics.map(\.message) == ["execution stopped after 0.2 seconds (the time limit)"])
        #expect(kernels.diagnostics.map(\.location) == ordinary.diagnostics.map(\.location))
    }

    @Test func stepsInKernelsCountAgainstTheLimit() {
        let source = "func loop(_ n: Int) -> Int {\n    var t = 0\n    for i in 0..<n { t += i }\n    return t\n}\nprint(loop(10_000_000))"
        let (kernels, ordinary) = bothWays(source, limits: Limits(maximumSteps: 100_000))
        #expect(kernels.diagnostics.first?.message == "execution stopped after 100000 steps (the step limit)")
        #expect(kernels.diagnostics.map(\.description) == ordinary.diagnostics.map(\.description))
    }
}
