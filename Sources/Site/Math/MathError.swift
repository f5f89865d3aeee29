/// A problem in a TeX formula: what is wrong, and the UTF-8 offset in the TeX where it is.
///
/// ```swift
/// do { _ = try MathML.render(#"\frac{1}"#, display: false) } catch { print(error) }
/// // \frac needs two arguments (at offset 0)
/// ```
public struct MathError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, in words a lesson author can act on, e.g. `unsupported TeX command \foo`.
    public var message: String
    /// The UTF-8 offset in the TeX source of the character or command at fault.
    public var offset: Int

    /// Creates an error with a message and the UTF-8 offset it points at.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The message followed by the offset, for build logs.
    public var description: String {
        "\(message) (at offset \(offset))"
    }
}

/// The constructors of every message, so that wording stays consistent and tests can name them.
extension MathError {
    /// A command that no table or rule knows, e.g. `\foo`.
    static func unsupportedCommand(_ name: String, at offset: Int) -> MathError {
        MathError(message: "unsupported TeX command \\\(name)", offset: offset)
    }

    /// A character that has no meaning in math mode, e.g. `@`.
    static func unsupportedCharacter(_ character: Character, at offset: Int) -> MathError {
        MathError(message: "unsupported character '\(character)'", offset: offset)
    }

    /// A `{` whose group runs to the end of the formula.
    static func unclosedBrace(at offset: Int) -> MathError {
        MathError(message: "unbalanced braces: '{' at offset \(offset) is never closed", offset: offset)
    }

    /// A `}` with no group to close.
    static func unopenedBrace(at offset: Int) -> MathError {
        MathError(message: "unbalanced braces: '}' at offset \(offset) has no matching '{'", offset: offset)
    }

    /// A command missing some of its arguments, e.g. `\frac needs two arguments`.
    static func missingArguments(_ command: String, count: Int, at offset: Int) -> MathError {
        let needed = count == 1 ? "an argument" : count == 2 ? "two arguments" : "\(count) arguments"
        return MathError(message: "\(command) needs \(needed)", offset: offset)
    }

    /// A `^` with nothing to raise.
    static func missingSuperscript(at offset: Int) -> MathError {
        MathError(message: "superscript '^' needs an argument", offset: offset)
    }

    /// A `_` with nothing to lower.
    static func missingSubscript(at offset: Int) -> MathError {
        MathError(message: "subscript '_' needs an argument", offset: offset)
    }

    /// A second superscript on one base, as in `x^2^3`, which TeX rejects too.
    static func doubleSuperscript(at offset: Int) -> MathError {
        MathError(message: "double superscript: use braces, as in x^{2^3} or {x^2}^3", offset: offset)
    }

    /// A second subscript on one base, as in `x_1_2`.
    static func doubleSubscript(at offset: Int) -> MathError {
        MathError(message: "double subscript: use braces, as in x_{1_2} or {x_1}_2", offset: offset)
    }

    /// `\limits` or `\nolimits` after something that is not a big operator.
    static func misplacedLimits(_ command: String, at offset: Int) -> MathError {
        MathError(message: "\\\(command) must follow a big operator such as \\sum or \\lim", offset: offset)
    }

    /// An environment name that no table knows, e.g. `align`.
    static func unknownEnvironment(_ name: String, at offset: Int) -> MathError {
        MathError(message: "unknown environment '\(name)'", offset: offset)
    }

    /// `\begin` or `\end` without a `{name}`.
    static func missingEnvironmentName(_ command: String, at offset: Int) -> MathError {
        MathError(message: "\\\(command) needs an environment name in braces, as in \\\(command){matrix}", offset: offset)
    }

    /// An environment that runs to the end of its group or of the formula.
    static func unendedEnvironment(_ name: String, at offset: Int) -> MathError {
        MathError(message: "\\begin{\(name)} has no matching \\end{\(name)}", offset: offset)
    }

    /// `\begin{a}` closed by `\end{b}`.
    static func mismatchedEnvironment(begun: String, ended: String, at offset: Int) -> MathError {
        MathError(message: "\\begin{\(begun)} ended by \\end{\(ended)}", offset: offset)
    }

    /// `\end` with no environment open at its level.
    static func unbegunEnvironment(at offset: Int) -> MathError {
        MathError(message: "\\end has no matching \\begin", offset: offset)
    }

    /// `&` outside the top level of a matrix or cases cell.
    static func misplacedAlignment(at offset: Int) -> MathError {
        MathError(message: "misplaced '&': it separates cells of a matrix or cases environment", offset: offset)
    }

    /// `\\` outside the top level of a matrix or cases cell.
    static func misplacedNewRow(at offset: Int) -> MathError {
        MathError(message: "misplaced \\\\: it separates rows of a matrix or cases environment", offset: offset)
    }

    /// `\\[2pt]`: row spacing, which the converter does not support.
    static func unsupportedRowSpacing(at offset: Int) -> MathError {
        MathError(message: "row spacing \\\\[…] is not supported", offset: offset)
    }

    /// A `\left` whose group or formula ends before its `\right`.
    static func unclosedLeft(at offset: Int) -> MathError {
        MathError(message: "\\left has no matching \\right", offset: offset)
    }

    /// A `\right` or `\middle` outside any `\left … \right`.
    static func unopenedDelimiter(_ command: String, at offset: Int) -> MathError {
        MathError(message: "\\\(command) has no matching \\left", offset: offset)
    }

    /// `\left`, `\right`, `\middle` or `\big` followed by something that is not a delimiter.
    static func notADelimiter(_ command: String, found: String?, at offset: Int) -> MathError {
        let what = found.map { ", not '\($0)'" } ?? ""
        return MathError(message: "\\\(command) must be followed by a delimiter such as ( [ \\{ | or .\(what)", offset: offset)
    }

    /// `\sqrt[` whose index never reaches `]`.
    static func unclosedRootIndex(at offset: Int) -> MathError {
        MathError(message: "\\sqrt[ has no closing ']'", offset: offset)
    }

    /// Braces nested past ``TeXParser/maximumNesting``; a guard against hostile input.
    static func nestedTooDeeply(at offset: Int) -> MathError {
        MathError(message: "formula is nested too deeply (more than \(TeXParser.maximumNesting) levels)", offset: offset)
    }

    /// A command that needs a braced argument read as text, e.g. `\text x`.
    static func missingBracedArgument(_ command: String, at offset: Int) -> MathError {
        MathError(message: "\\\(command) needs an argument in braces", offset: offset)
    }

    /// A character that \text cannot hold, e.g. `^`.
    static func misplacedInText(_ character: Character, at offset: Int) -> MathError {
        MathError(message: "'\(character)' is not allowed in \\text", offset: offset)
    }

    /// An `\operatorname` whose name is not plain letters.
    static func invalidOperatorName(at offset: Int) -> MathError {
        MathError(message: "\\operatorname needs a name made of letters, digits, '-' or '.'", offset: offset)
    }

    /// `\not` before something it cannot negate.
    static func unsupportedNegation(_ found: String?, at offset: Int) -> MathError {
        let what = found.map { " '\($0)'" } ?? ""
        return MathError(message: "\\not cannot negate\(what); use a negated symbol such as \\neq or \\notin", offset: offset)
    }

    /// A row that ends where its caller expected more; a guard the grammar should never reach.
    static func unexpectedEnd(at offset: Int) -> MathError {
        MathError(message: "the formula ends too early", offset: offset)
    }

    /// A `\` with nothing after it.
    static func loneBackslash(at offset: Int) -> MathError {
        MathError(message: "a lone '\\' ends the formula", offset: offset)
    }

    /// `%`, which would start a TeX comment and silently hide the rest of the line.
    static func percentSign(at offset: Int) -> MathError {
        MathError(message: "unescaped '%' (TeX comments are not supported; write \\% for a percent sign)", offset: offset)
    }

    /// `$` inside a formula, usually a delimiter typed twice.
    static func dollarSign(at offset: Int) -> MathError {
        MathError(message: "unexpected '$' inside math (write \\$ for a dollar sign)", offset: offset)
    }

    /// `#`, a macro parameter in TeX.
    static func hashSign(at offset: Int) -> MathError {
        MathError(message: "unexpected '#' (write \\# for a number sign)", offset: offset)
    }

    /// A control character, which XML cannot carry.
    static func controlCharacter(_ scalar: Unicode.Scalar, at offset: Int) -> MathError {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return MathError(message: "control character U+\(padded) is not allowed", offset: offset)
    }

    /// A combining mark on a TeX syntax character, e.g. `{` followed by U+0301.
    static func combiningMark(after character: Character, at offset: Int) -> MathError {
        let base = character.unicodeScalars.first.map { String($0) } ?? ""
        return MathError(message: "combining mark after '\(base)' is not supported", offset: offset)
    }
}
