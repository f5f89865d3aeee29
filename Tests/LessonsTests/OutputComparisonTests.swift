import Foundation
@testable import Lessons
import Testing

@Suite struct OutputComparisonTests {
    /// Whether the outputs match within `tolerance` (nine significant digits unless given).
    private func close(_ recorded: String, _ actual: String, _ tolerance: OutputTolerance? = OutputTolerance(relative: 1e-9)) -> Bool {
        OutputComparison.matches(recorded: recorded, actual: actual, tolerance: tolerance)
    }

    @Test func withoutToleranceOutputsMatchByteForByte() {
        #expect(close("x = 1\n", "x = 1\n", nil))
        #expect(!close("x = 1\n", "x = 1", nil))
        #expect(!close("0.3", "0.30000000000000004", nil))
        // Equal to Swift's `==` (canonically equivalent), but not the same bytes.
        #expect(!close("caf\u{E9}", "cafe\u{301}", nil))
        #expect(!close("caf\u{E9}", "cafe\u{301}"))
    }

    @Test func numbersMatchWithinTheTolerance() {
        #expect(close("0.3", "0.30000000000000004"))
        #expect(close("[1.0, 2.5]", "[1.0000000001, 2.5]"))
        #expect(!close("[1.0, 2.5]", "[1.0000000001, 2.5]", OutputTolerance(relative: 1e-12)))
        #expect(!close("[1.0, 2.5]", "[1.001, 2.5]"))
        #expect(close("mean: 1\n", "mean: 1.0\n"))
        #expect(close("-0.0", "0.0"))
    }

    @Test func absoluteToleranceCoversNumbersNearZero() {
        #expect(!close("0.0", "1e-12"))
        #expect(close("0.0", "1e-12", OutputTolerance(relative: 1e-9, absolute: 1e-9)))
        #expect(close("0.0", "1e-12", OutputTolerance(relative: 0, absolute: 1e-9)))
        #expect(!close("0.0", "1e-08", OutputTolerance(relative: 0, absolute: 1e-9)))
    }

    @Test func exponentsAndNegativeNumbers() {
        #expect(close("1e-07", "1.0000000001e-07"))
        #expect(!close("1e-07", "1e-06"))
        #expect(close("1.5e+20", "1.5000000001e+20"))
        #expect(close("-1.5", "-1.5000000001"))
        #expect(!close("-1.5", "1.5"))
        #expect(close("[-2.0, -3e-05]", "[-2.0000000001, -3.0000000001e-05]"))
    }

    @Test func textBetweenNumbersMustBeEqual() {
        #expect(!close("loss: 0.5", "Loss: 0.5"))
        #expect(!close("loss: 0.5", "loss:  0.5"))
        #expect(!close("[1.0, 2.0]", "[1.0; 2.0]"))
    }

    @Test func numberCountsMustBeEqual() {
        #expect(!close("1 2", "1 2 3"))
        #expect(!close("[1.0, 2.0]", "[1.0, 2.0, 3.0]"))
        #expect(!close("1", ""))
    }

    @Test func infinitiesAndNaNs() {
        #expect(close("nan", "nan"))
        #expect(close("[inf, -inf]", "[inf, -inf]"))
        #expect(close("-nan", "nan"))
        #expect(!close("inf", "-inf"))
        #expect(!close("nan", "1.0"))
        #expect(!close("inf", "1e+308", OutputTolerance(relative: 1, absolute: 1e308)))
        // Words that only contain `inf` or `nan` are text.
        #expect(close("info: 1.0", "info: 1.0000000001"))
        #expect(!close("info", "inf0"))
    }

    @Test func digitsInIdentifiersAreText() {
        let loose = OutputTolerance(relative: 1, absolute: 100)
        #expect(!close("x1 = 2", "x2 = 2", loose))
        #expect(!close("v1.2.3", "v1.2.4", loose))
        #expect(!close("t.0", "t.1", loose))
        #expect(!close("2nd", "3nd", loose))
        #expect(!close("0x1F", "0x20", loose))
        #expect(close("x1 = 2.0", "x1 = 2.0000000001"))
    }

    @Test func aMinusAfterAnOperandIsAnOperator() {
        let scalars = Array("x-1 f(2)-3 [-1.5] = -2".unicodeScalars)
        let tokens = NumberTokenizer.tokens(of: scalars)
        let described = tokens.map { token -> String in
            switch token {
            case .text(let range): return "'" + String(String.UnicodeScalarView(scalars[range])) + "'"
            case .number(let value): return "\(value)"
            }
        }
        #expect(described == ["'x-'", "1.0", "' f('", "2.0", "')-'", "3.0", "' ['", "-1.5", "'] = '", "-2.0"])
    }

    @Test func optionsGiveATolerance() throws {
        #expect(try OutputComparison.parseOptions([]) == nil)
        #expect(try OutputComparison.parseOptions(["tolerance=1e-9"]) == OutputTolerance(relative: 1e-9))
        #expect(try OutputComparison.parseOptions(["absolute=0.001"]) == OutputTolerance(relative: 0, absolute: 0.001))
        #expect(
            try OutputComparison.parseOptions(["absolute=1e-12", "tolerance=1e-6"])
                == OutputTolerance(relative: 1e-6, absolute: 1e-12)
        )
        #expect(try OutputComparison.parseOptions(["", "tolerance=0"]) == OutputTolerance(relative: 0))
    }

    @Test func badOptionsAreErrors() {
        #expect(throws: OutputOptionError.unknownOption("tolerence=1e-9")) {
            try OutputComparison.parseOptions(["tolerence=1e-9"])
        }
        #expect(throws: OutputOptionError.unknownOption("exact")) { try OutputComparison.parseOptions(["exact"]) }
        #expect(throws: OutputOptionError.repeatedOption("tolerance=1e-6")) {
            try OutputComparison.parseOptions(["tolerance=1e-9", "absolute=0", "tolerance=1e-6"])
        }
        for word: Substring in ["tolerance=-1", "tolerance=abc", "tolerance=", "tolerance", "absolute=inf", "tolerance=nan"] {
            #expect(throws: OutputOptionError.invalidValue(String(word))) { try OutputComparison.parseOptions([word]) }
        }
    }

    @Test func errorMessagesNameTheWord() {
        #expect(
            OutputOptionError.unknownOption("tolerence=1e-9").message
                == "unknown output option 'tolerence=1e-9' (known: tolerance=, absolute=)"
        )
        #expect(
            OutputOptionError.repeatedOption("tolerance=1e-6").message
                == "the output option 'tolerance' is given twice"
        )
        #expect(
            OutputOptionError.invalidValue("absolute=-1").message
                == "output option 'absolute=-1' needs a non-negative finite number, as in tolerance=1e-9"
        )
    }
}
