/// How far the numbers in an output may stray from the recorded ones and still match.
public struct OutputTolerance: Equatable, Sendable {
    /// The allowed difference as a share of the larger magnitude: `1e-9` for nine significant digits.
    public var relative: Double
    /// The allowed difference regardless of magnitude, which numbers near zero need.
    public var absolute: Double

    /// A tolerance of `relative` plus `absolute`: `|a − b| ≤ absolute + relative · max(|a|, |b|)`.
    public init(relative: Double, absolute: Double = 0) {
        self.relative = relative
        self.absolute = absolute
    }
}

/// A mistake in the options of an output fence (the words after `output` in its info string).
enum OutputOptionError: Error, Equatable {
    /// A word that names no option.
    case unknownOption(String)
    /// A word that sets an option already set by an earlier word.
    case repeatedOption(String)
    /// A word whose value is missing, not a number, negative, or not finite.
    case invalidValue(String)

    /// The error in plain English, naming the offending word.
    var message: String {
        switch self {
        case .unknownOption(let word):
            return "unknown output option '\(word)' (known: tolerance=, absolute=)"
        case .repeatedOption(let word):
            return "the output option '\(word.prefix { $0 != "=" })' is given twice"
        case .invalidValue(let word):
            return "output option '\(word)' needs a non-negative finite number, as in tolerance=1e-9"
        }
    }
}

/// Decides whether a block's actual output matches its recorded output.
enum OutputComparison {
    /// Whether `actual` matches `recorded`: byte for byte without a tolerance; with one, the text
    /// between numbers byte for byte and each pair of numbers within the tolerance.
    static func matches(recorded: String, actual: String, tolerance: OutputTolerance?) -> Bool {
        // Swift's `==` on strings equates canonically equivalent Unicode; outputs must match in bytes.
        guard let tolerance else { return recorded.utf8.elementsEqual(actual.utf8) }
        let recordedScalars = Array(recorded.unicodeScalars)
        let actualScalars = Array(actual.unicodeScalars)
        let recordedTokens = NumberTokenizer.tokens(of: recordedScalars)
        let actualTokens = NumberTokenizer.tokens(of: actualScalars)
        guard recordedTokens.count == actualTokens.count else { return false }
        for (expected, found) in zip(recordedTokens, actualTokens) {
            switch (expected, found) {
            case let (.text(a), .text(b)):
                guard recordedScalars[a].elementsEqual(actualScalars[b]) else { return false }
            case let (.number(a), .number(b)):
                guard numbersMatch(a, b, tolerance: tolerance) else { return false }
            default:
                return false
            }
        }
        return true
    }

    /// Whether a recorded and an actual number agree within the tolerance.
    static func numbersMatch(_ a: Double, _ b: Double, tolerance: OutputTolerance) -> Bool {
        if a == b || (a.isNaN && b.isNaN) { return true }
        // An infinity matches only itself; the formula below would let any number near it.
        guard a.isFinite, b.isFinite else { return false }
        return abs(a - b) <= tolerance.absolute + tolerance.relative * max(abs(a), abs(b))
    }

    /// The tolerance set by the words after `output` in a fence's info string (`tolerance=R`,
    /// `absolute=A`), or nil when there are none; empty words are skipped.
    static func parseOptions(_ words: [Substring]) throws(OutputOptionError) -> OutputTolerance? {
        var relative: Double?
        var absolute: Double?
        for word in words where !word.isEmpty {
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0]
            guard name == "tolerance" || name == "absolute" else { throw .unknownOption(String(word)) }
            guard parts.count == 2, let value = Double(parts[1]), value.isFinite, value >= 0 else {
                throw .invalidValue(String(word))
            }
            if name == "tolerance" {
                guard relative == nil else { throw .repeatedOption(String(word)) }
                relative = value
            } else {
                guard absolute == nil else { throw .repeatedOption(String(word)) }
                absolute = value
            }
        }
        if relative == nil, absolute == nil { return nil }
        return OutputTolerance(relative: relative ?? 0, absolute: absolute ?? 0)
    }
}

/// Splits printed output into the numbers Swift prints for `Int` and `Double` and the text between.
///
/// A number is `-`? digits (`.` digits)? (`e`|`E` (`+`|`-`)? digits)?, or one of the words `inf`,
/// `nan`, `snan` with the same optional sign. It must stand on its own: not right after a letter,
/// digit, `_` or `.` (so `x1`, `v1.2` and `t.0` stay text) and not right before a letter, digit or `_`
/// (so `2nd` and `info` stay text). The `-` is a sign only where it cannot be an operator: not right
/// after a letter, digit, `_`, `.`, `)` or `]`; in `x-1` and `f(2)-1` it is text, in `[-1.5]` and
/// `= -2` it belongs to the number.
enum NumberTokenizer {
    /// A stretch of text (a range of the scalars) or a number.
    enum Token: Equatable {
        case text(Range<Int>)
        case number(Double)
    }

    /// The tokens of a text, with adjacent text merged so that numbers and text alternate.
    static func tokens(of scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var textStart = 0
        var index = 0
        while index < scalars.count {
            guard let (end, value) = number(in: scalars, at: index) else {
                index += 1
                continue
            }
            if textStart < index { tokens.append(.text(textStart..<index)) }
            tokens.append(.number(value))
            index = end
            textStart = end
        }
        if textStart < scalars.count { tokens.append(.text(textStart..<scalars.count)) }
        return tokens
    }

    /// The end and value of the number starting at `start`, if one does.
    static func number(in scalars: [Unicode.Scalar], at start: Int) -> (end: Int, value: Double)? {
        let previous = start > 0 ? scalars[start - 1] : nil
        if let previous, isWordScalar(previous) || previous == "." { return nil }
        var index = start
        var negative = false
        if scalars[index] == "-" {
            if let previous, previous == ")" || previous == "]" { return nil }
            negative = true
            index += 1
        }
        let body = index
        var value: Double?
        if let word = words.first(where: { spells($0.spelling, in: scalars, at: body) }) {
            index += word.spelling.count
            value = word.value
        } else {
            guard index < scalars.count, isDigit(scalars[index]) else { return nil }
            index = digitsEnd(in: scalars, from: index)
            if index + 1 < scalars.count, scalars[index] == ".", isDigit(scalars[index + 1]) {
                index = digitsEnd(in: scalars, from: index + 1)
            }
            if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
                var exponent = index + 1
                if exponent < scalars.count, scalars[exponent] == "+" || scalars[exponent] == "-" { exponent += 1 }
                if exponent < scalars.count, isDigit(scalars[exponent]) {
                    index = digitsEnd(in: scalars, from: exponent)
                }
            }
            var digits = String.UnicodeScalarView()
            digits.append(contentsOf: scalars[body..<index])
            // Digits too many for a Double would parse as infinity and match any other such number;
            // Swift never prints them for an `Int` or a `Double`, so they stay text.
            value = Double(String(digits)).flatMap { $0.isFinite ? $0 : nil }
        }
        if index < scalars.count, isWordScalar(scalars[index]) { return nil }
        guard let value else { return nil }
        return (index, negative ? -value : value)
    }

    /// The words Swift prints for non-finite doubles.
    static let words: [(spelling: [Unicode.Scalar], value: Double)] = [
        (Array("inf".unicodeScalars), .infinity),
        (Array("nan".unicodeScalars), .nan),
        (Array("snan".unicodeScalars), .nan),
    ]

    /// Whether `word` is spelled at `index`.
    static func spells(_ word: [Unicode.Scalar], in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + word.count <= scalars.count else { return false }
        return scalars[index..<(index + word.count)].elementsEqual(word)
    }

    /// The index after the run of ASCII digits starting at `index`.
    static func digitsEnd(in scalars: [Unicode.Scalar], from index: Int) -> Int {
        var end = index
        while end < scalars.count, isDigit(scalars[end]) { end += 1 }
        return end
    }

    /// Whether a scalar is an ASCII digit, the only digits Swift prints in numbers.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    /// Whether a scalar can be part of an identifier-like word: a letter, a digit or `_`.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
