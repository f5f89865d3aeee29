/// A formula of a lesson: inline `$…$` or display `$$…$$`, its TeX exactly as written.
public struct MathSpan: Equatable, Sendable {
    public var tex: String
    public var display: Bool
    /// The line of the lesson where the formula starts.
    public var line: Int
}

/// Finds the math in Markdown prose and swaps each formula for a placeholder word that cmark
/// leaves alone, so that no emphasis or escape is read inside a formula.
///
/// The rules are pandoc's: `$` opens inline math only when a non-space character follows it, and
/// closes it only after a non-space character and when no digit follows (so "costs $5 and $10"
/// stays text); `$$` opens and closes display math, which may span lines; `\$` is a dollar sign;
/// nothing inside a code span counts; no formula runs across a blank line.
struct MathExtractor {
    /// The prefix of the placeholders: letters only, not found in the text.
    let prefix: String

    init(text: String) {
        var prefix = "mathbookmath"
        while text.contains(prefix) { prefix += "x" }
        self.prefix = prefix
    }

    /// The placeholder of formula `index`: a word cmark keeps as it is.
    func placeholder(_ index: Int) -> String { "\(prefix)\(index)q" }

    /// `text` with each formula replaced by its placeholder, and the formulas in order. Lines in
    /// `skipping` (code blocks, counted from `firstLine`) are copied as they are.
    func extract(from text: String, firstLine: Int = 1, skipping: Set<Int> = []) -> (text: String, spans: [MathSpan]) {
        let characters = Array(text)
        var result = ""
        var spans: [MathSpan] = []
        var index = 0
        var line = firstLine
        var atLineStart = true

        func startsBlankLine(at position: Int) -> Bool {
            var cursor = position
            while cursor < characters.count, characters[cursor] == " " || characters[cursor] == "\t" || characters[cursor] == "\r" { cursor += 1 }
            return cursor >= characters.count || characters[cursor] == "\n"
        }

        while index < characters.count {
            let character = characters[index]
            if atLineStart && skipping.contains(line) {
                // Copy the whole line.
                while index < characters.count && characters[index] != "\n" {
                    result.append(characters[index])
                    index += 1
                }
                if index < characters.count {
                    result.append("\n")
                    index += 1
                    line += 1
                }
                continue
            }
            atLineStart = false
            switch character {
            case "\n":
                result.append(character)
                index += 1
                line += 1
                atLineStart = true
            case "\\" where index + 1 < characters.count:
                result.append(character)
                result.append(characters[index + 1])
                if characters[index + 1] == "\n" {
                    line += 1
                    atLineStart = true
                }
                index += 2
            case "`":
                // A code span: a run of backticks up to the next run of the same length.
                var run = 0
                while index + run < characters.count && characters[index + run] == "`" { run += 1 }
                var cursor = index + run
                var closing: Int?
                while cursor < characters.count {
                    if characters[cursor] == "`" {
                        var other = 0
                        while cursor + other < characters.count && characters[cursor + other] == "`" { other += 1 }
                        if other == run {
                            closing = cursor + other
                            break
                        }
                        cursor += other
                    } else if characters[cursor] == "\n" && startsBlankLine(at: cursor + 1) {
                        break
                    } else {
                        cursor += 1
                    }
                }
                let end = closing ?? index + run
                for position in index..<end {
                    result.append(characters[position])
                    if characters[position] == "\n" { line += 1 }
                }
                index = end
            case "$":
                if let (span, end) = formula(at: index, in: characters, line: line, startsBlankLine: startsBlankLine) {
                    result += placeholder(spans.count)
                    spans.append(span)
                    line += characters[index..<end].count(where: { $0 == "\n" })
                    index = end
                } else {
                    result.append(character)
                    index += 1
                }
            default:
                result.append(character)
                index += 1
            }
        }
        return (result, spans)
    }

    /// The formula starting at the `$` at `start`, and the index after it; nil when the dollar
    /// opens no formula.
    private func formula(
        at start: Int, in characters: [Character], line: Int, startsBlankLine: (Int) -> Bool
    ) -> (MathSpan, Int)? {
        let display = start + 1 < characters.count && characters[start + 1] == "$"
        let open = display ? 2 : 1
        var cursor = start + open
        guard cursor < characters.count, !characters[cursor].isWhitespace || display else { return nil }
        while cursor < characters.count {
            let character = characters[cursor]
            if character == "\\" {
                cursor += 2
                continue
            }
            if character == "\n" {
                if !display || startsBlankLine(cursor + 1) { return nil }
            }
            // A code span is never inside inline math (`$x$` in backticks is code).
            if character == "`" && !display { return nil }
            if character == "$" {
                if display {
                    guard cursor + 1 < characters.count, characters[cursor + 1] == "$" else { return nil }
                    let tex = String(characters[(start + 2)..<cursor]).trimmingWhitespaceAndNewlines
                    guard !tex.isEmpty else { return nil }
                    return (MathSpan(tex: tex, display: true, line: line), cursor + 2)
                }
                let previous = characters[cursor - 1]
                let next = cursor + 1 < characters.count ? characters[cursor + 1] : " "
                if !previous.isWhitespace && !next.isNumber {
                    return (MathSpan(tex: String(characters[(start + 1)..<cursor]), display: false, line: line), cursor + 1)
                }
                return nil
            }
            cursor += 1
        }
        return nil
    }
}

extension String {
    /// The text without whitespace and newlines at either end.
    var trimmingWhitespaceAndNewlines: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
