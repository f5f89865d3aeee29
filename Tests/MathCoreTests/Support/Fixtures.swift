import Foundation
import Testing
@testable import MathCore

// The NumPy oracle: Fixtures/numpy.json, written by Fixtures/generate_fixtures.py (run
// `python3 Tests/MathCoreTests/Fixtures/generate_fixtures.py` from the package root to regenerate).
// Each section of the file decodes into an array of cases; every case has a `name` that
// parameterised tests show for each argument and that the expectations print on failure.

/// A number in the fixtures: a JSON number, or one of the strings `"inf"`, `"-inf"`, `"nan"`
/// (JSON has no literal for them).
struct FixtureNumber: Decodable, Sendable {
    let value: Double

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            value = number
            return
        }
        switch try container.decode(String.self) {
        case "inf": value = .infinity
        case "-inf": value = -.infinity
        case "nan": value = .nan
        case let other:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a number: \(other)")
        }
    }
}

/// A tensor in the fixtures: `{"shape": [...], "data": [...]}` with the data flat in row-major order.
struct FixtureTensor: Decodable, Sendable {
    let tensor: Tensor

    private enum CodingKeys: String, CodingKey { case shape, data }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let shape = try container.decode([Int].self, forKey: .shape)
        let data = try container.decode([FixtureNumber].self, forKey: .data).map(\.value)
        do {
            tensor = try Throwing.tensor(shape: shape, scalars: data)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .data, in: container, debugDescription: error.description)
        }
    }
}

/// A fixture case: decodable, and shown by its name in test results.
protocol FixtureCase: Decodable, Sendable, CustomTestStringConvertible {
    var name: String { get }
}

extension FixtureCase {
    var testDescription: String { name }
}

struct RoundTripCase: Decodable, Sendable, CustomTestStringConvertible {
    let value: Double
    let bits: String
    var testDescription: String { "\(value)" }
}

struct BinaryCase: FixtureCase {
    let name: String
    let op: String
    let a: FixtureTensor
    let b: FixtureTensor
    let expected: FixtureTensor
}

struct ScalarBinaryCase: FixtureCase {
    let name: String
    let op: String
    /// `"right"`: `tensor op scalar`; `"left"`: `scalar op tensor`.
    let side: String
    let tensor: FixtureTensor
    let scalar: Double
    let expected: FixtureTensor
}

struct ExpressionCase: FixtureCase {
    let name: String
    let a: FixtureTensor
    let b: FixtureTensor
    let c: FixtureTensor
    let r: FixtureTensor
    let expected: FixtureTensor
}

struct UnaryCase: FixtureCase {
    let name: String
    let function: String
    let x: FixtureTensor
    let expected: FixtureTensor
}

struct PowScalarCase: FixtureCase {
    let name: String
    /// `"exponent"`: `pow(tensor, scalar)`; `"base"`: `pow(scalar, tensor)`.
    let side: String
    let tensor: FixtureTensor
    let scalar: Double
    let expected: FixtureTensor
}

struct LinspaceCase: FixtureCase {
    let name: String
    let start: Double
    let end: Double
    let count: Int
    let expected: FixtureTensor
}

struct IdentityCase: FixtureCase {
    let name: String
    let n: Int
    let expected: FixtureTensor
}

struct PairCase: FixtureCase {
    let name: String
    let a: FixtureTensor
    let b: FixtureTensor
    let expected: FixtureTensor
}

struct PairToNumberCase: FixtureCase {
    let name: String
    let a: FixtureTensor
    let b: FixtureTensor
    let expected: FixtureNumber
}

struct TensorCase: FixtureCase {
    let name: String
    let x: FixtureTensor
    let expected: FixtureTensor
}

struct ReshapeCase: FixtureCase {
    let name: String
    let x: FixtureTensor
    let shape: [Int]
    let expected: FixtureTensor
}

struct TensorToNumberCase: FixtureCase {
    let name: String
    let x: FixtureTensor
    let expected: FixtureNumber
}

struct ReductionCase: FixtureCase {
    struct Result: Decodable, Sendable {
        let function: String
        /// `nil`: the whole tensor, giving a rank-0 `expected`.
        let axis: Int?
        let expected: FixtureTensor
    }

    let name: String
    let x: FixtureTensor
    let results: [Result]
}

struct ExactSumCase: FixtureCase {
    let name: String
    let x: FixtureTensor
    let sum: FixtureNumber
    let mean: FixtureNumber
    let variance: FixtureNumber
}

struct ArgmaxCase: FixtureCase {
    let name: String
    let x: FixtureTensor
    let expected: Int
}

struct MinMaxCase: FixtureCase {
    let name: String
    let x: FixtureTensor
    let min: FixtureNumber
    let max: FixtureNumber
}

struct LossCase: FixtureCase {
    let name: String
    let loss: String
    let predictions: FixtureTensor
    let targets: FixtureTensor
    let expected: FixtureNumber
}

struct DerivativeCase: FixtureCase {
    let name: String
    let function: String
    let x: Double
    let expected: FixtureNumber
}

struct GradientCase: FixtureCase {
    let name: String
    let function: String
    let x: FixtureTensor
    let parameter: FixtureTensor?
    let expected: FixtureTensor
}

struct RandomCase: FixtureCase {
    let name: String
    /// Decimal strings: a JSON number cannot hold every `UInt64`.
    let seed: String
    let next: [String]
    let uniform: [Double]
    let normal: [Double]
    let tensorUniform: FixtureTensor
    let tensorNormal: FixtureTensor
}

struct LogCase: Decodable, Sendable, CustomTestStringConvertible {
    let x: Double
    /// Python's `math.log` (the C library's).
    let libm: Double
    /// fdlibm's `e_log.c`, transcribed in the generator.
    let fdlibm: Double
    var testDescription: String { "log(\(x))" }
}

struct LogSpecialCase: Decodable, Sendable, CustomTestStringConvertible {
    let x: FixtureNumber
    let fdlibm: FixtureNumber
    var testDescription: String { "log(\(x.value))" }
}

/// The whole of numpy.json.
struct NumPyFixtures: Decodable, Sendable {
    let numpyVersion: String
    let roundTrip: [RoundTripCase]
    let binary: [BinaryCase]
    let scalarBinary: [ScalarBinaryCase]
    let expressions: [ExpressionCase]
    let unary: [UnaryCase]
    let powScalar: [PowScalarCase]
    let linspace: [LinspaceCase]
    let identity: [IdentityCase]
    let matmul: [PairCase]
    let dot: [PairToNumberCase]
    let transposed: [TensorCase]
    let reshaped: [ReshapeCase]
    let norm: [TensorToNumberCase]
    let cosineSimilarity: [PairToNumberCase]
    let reductions: [ReductionCase]
    let exactSums: [ExactSumCase]
    let argmax: [ArgmaxCase]
    let minMax: [MinMaxCase]
    let losses: [LossCase]
    let derivatives: [DerivativeCase]
    let gradients: [GradientCase]
    let random: [RandomCase]
    let logs: [LogCase]
    let logSpecials: [LogSpecialCase]
}

enum Fixtures {
    /// numpy.json, decoded once; a failure is kept and reported by `FixtureLoadingTests`.
    static let numpy: Result<NumPyFixtures, FixtureLoadingError> = load()

    /// One section of numpy.json, or no cases if the file did not load (which its own test reports).
    static func cases<Case>(_ section: KeyPath<NumPyFixtures, [Case]>) -> [Case] {
        (try? numpy.get())?[keyPath: section] ?? []
    }

    private static func load() -> Result<NumPyFixtures, FixtureLoadingError> {
        guard let url = Bundle.module.url(forResource: "numpy", withExtension: "json", subdirectory: "Fixtures") else {
            return .failure(FixtureLoadingError(message: "Fixtures/numpy.json is not in the test bundle"))
        }
        do {
            let data = try Data(contentsOf: url)
            return .success(try JSONDecoder().decode(NumPyFixtures.self, from: data))
        } catch {
            return .failure(FixtureLoadingError(message: "cannot read \(url.lastPathComponent): \(error)"))
        }
    }
}

struct FixtureLoadingError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
