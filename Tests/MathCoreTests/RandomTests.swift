import Testing
@testable import MathCore

// The cross-platform determinism contract of RandomGenerator: one seed gives the same numbers
// everywhere. The expected values come from the pure-Python generator in
// Fixtures/generate_fixtures.py (SplitMix64, xoshiro256**, uniform = (next() >> 11)·2⁻⁵³,
// Marsaglia's polar method with fdlibm's log) and must match bit for bit.

@Suite("RandomGenerator against the reference generator")
struct RandomGeneratorTests {
    @Test(arguments: Fixtures.cases(\.random))
    func rawBits(_ test: RandomCase) throws {
        let seed = try #require(UInt64(test.seed), "\(test.name): bad seed")
        var generator = RandomGenerator(seed: seed)
        let expected = try test.next.map { try #require(UInt64($0), "\(test.name): bad value \($0)") }
        let actual = (0..<expected.count).map { _ in generator.next() }
        #expect(actual == expected, "\(test.name): next()")
    }

    @Test(arguments: Fixtures.cases(\.random))
    func uniforms(_ test: RandomCase) throws {
        var generator = RandomGenerator(seed: try #require(UInt64(test.seed)))
        for (i, expected) in test.uniform.enumerated() {
            let value = generator.nextUniform()
            expectIdentical(value, expected, "\(test.name): uniform \(i)")
            #expect(value >= 0 && value < 1, "\(test.name): uniform \(i) in [0, 1)")
        }
    }

    /// Nine normals: four accepted pairs and the first of a fifth, so the kept spare is checked too.
    @Test(arguments: Fixtures.cases(\.random))
    func normals(_ test: RandomCase) throws {
        var generator = RandomGenerator(seed: try #require(UInt64(test.seed)))
        for (i, expected) in test.normal.enumerated() {
            expectIdentical(generator.nextNormal(), expected, "\(test.name): normal \(i)")
        }
    }

    @Test(arguments: Fixtures.cases(\.random))
    func tensorsFromOneGenerator(_ test: RandomCase) throws {
        var generator = RandomGenerator(seed: try #require(UInt64(test.seed)))
        let uniform = randomUniform(shape: [2, 3], low: -2, high: 3, using: &generator)
        let normal = randomNormal(shape: [5], mean: 1, standardDeviation: 2, using: &generator)
        expectClose(uniform, test.tensorUniform.tensor, "\(test.name): randomUniform", tolerance: .exact)
        expectClose(normal, test.tensorNormal.tensor, "\(test.name): randomNormal", tolerance: .exact)
    }

    @Test func copiesContinueIndependently() {
        var first = RandomGenerator(seed: 99)
        _ = first.nextNormal()  // leaves a spare behind
        var second = first
        #expect(first.nextNormal() == second.nextNormal())
        #expect(first.next() == second.next())
        #expect(first.nextUniform() == second.nextUniform())
    }

    @Test func emptyShapesDrawNothing() {
        var generator = RandomGenerator(seed: 5)
        var untouched = generator
        #expect(randomUniform(shape: [0, 4], using: &generator).shape == [0, 4])
        #expect(randomNormal(shape: [3, 0], using: &generator).shape == [3, 0])
        #expect(generator.next() == untouched.next())
    }

    /// Not an oracle but a sanity check of the distributions: 20 000 draws from a fixed seed, so
    /// the bounds (about six standard errors) can never flake.
    @Test func distributionsHaveTheRightMoments() {
        var generator = RandomGenerator(seed: 2024)
        let u = randomUniform(shape: [20_000], using: &generator)
        #expect(Swift.abs(mean(u) - 0.5) < 0.013)
        #expect(Swift.abs(variance(u) - 1.0 / 12) < 0.004)
        #expect(u.min() >= 0 && u.max() < 1)
        let n = randomNormal(shape: [20_000], mean: 3, standardDeviation: 2, using: &generator)
        #expect(Swift.abs(mean(n) - 3) < 0.085)
        #expect(Swift.abs(standardDeviation(n) - 2) < 0.06)
    }
}

@Suite("portableLog")
struct PortableLogTests {
    /// Within 1 ulp of the C library's log (which glibc rounds correctly in practice), over
    /// subnormals, 1 and its neighbours, values near 1, every binade and huge values.
    @Test(arguments: Fixtures.cases(\.logs))
    func withinOneUlpOfTheCLibrary(_ test: LogCase) {
        let actual = portableLog(test.x)
        #expect(ulpDistance(actual, test.libm) <= 1, "log(\(test.x)): \(actual), math.log \(test.libm)")
    }

    /// The same bits as fdlibm's e_log.c, transcribed independently in the generator: this is
    /// what makes normals the same on every platform.
    @Test(arguments: Fixtures.cases(\.logs))
    func identicalToFdlibm(_ test: LogCase) {
        expectIdentical(portableLog(test.x), test.fdlibm, "log(\(test.x))")
    }

    @Test(arguments: Fixtures.cases(\.logSpecials))
    func specialValues(_ test: LogSpecialCase) {
        let actual = portableLog(test.x.value)
        if test.fdlibm.value.isNaN {
            #expect(actual.isNaN, "log(\(test.x.value)): \(actual)")
        } else {
            #expect(actual == test.fdlibm.value, "log(\(test.x.value)): \(actual)")
        }
    }

    @Test func exactValues() {
        #expect(portableLog(1) == 0)
        #expect(portableLog(1).sign == .plus)
        #expect(portableLog(0) == -.infinity)
        #expect(portableLog(-0.0) == -.infinity)
        #expect(portableLog(.infinity) == .infinity)
        #expect(portableLog(-1).isNaN)
        #expect(portableLog(.nan).isNaN)
        #expect(portableLog(2) == 0.6931471805599453)
    }
}
