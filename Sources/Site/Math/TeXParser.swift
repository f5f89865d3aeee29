/// A token of TeX math source, with the UTF-8 span it came from.
struct TeXToken: Sendable, Equatable {
    /// What the token is; whitespace never becomes a token, as in TeX's math mode.
    enum Kind: Sendable, Equatable {
        /// `\name` or `\x`, without the backslash.
        case command(String)
        /// A letter, digit or other character.
        case character(Character)
        case openBrace, closeBrace, caret, underscore, alignment
    }

    var kind: Kind
    /// The UTF-8 offset of the token's first byte.
    var offset: Int
    /// The UTF-8 offset just past the token.
    var end: Int
}

/// Splits TeX source into tokens, rejecting characters that XML cannot carry or TeX would misread.
enum TeXTokenizer {
    /// The tokens of `source`, in order.
    static func tokens(in source: String) throws(MathError) -> [TeXToken] {
        let characters = Array(source)
        var offsets: [Int] = []
        offsets.reserveCapacity(characters.count + 1)
        var offset = 0
        for character in characters {
            offsets.append(offset)
            offset += character.utf8.count
        }
        offsets.append(offset)

        var tokens: [TeXToken] = []
        tokens.reserveCapacity(characters.count)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let start = offsets[index]
            try validate(character, at: start)
            if character.isWhitespace {
                index += 1
                continue
            }
            let kind: TeXToken.Kind
            var next = index + 1
            switch character {
            case "\\":
                guard index + 1 < characters.count else { throw .loneBackslash(at: start) }
                let first = characters[index + 1]
                try validate(first, at: offsets[index + 1])
                if first.isTeXLetter {
                    while next < characters.count, characters[next].isTeXLetter {
                        next += 1
                    }
                    kind = .command(String(characters[(index + 1)..<next]))
                } else {
                    // A backslash before a space or newline is TeX's control space.
                    kind = .command(first.isWhitespace ? " " : String(first))
                    next = index + 2
                }
            case "{": kind = .openBrace
            case "}": kind = .closeBrace
            case "^": kind = .caret
            case "_": kind = .underscore
            case "&": kind = .alignment
            case "%": throw .percentSign(at: start)
            case "$": throw .dollarSign(at: start)
            case "#": throw .hashSign(at: start)
            default: kind = .character(character)
            }
            tokens.append(TeXToken(kind: kind, offset: start, end: offsets[next]))
            index = next
        }
        return tokens
    }

    /// Rejects control characters, which XML 1.0 forbids, and combining marks on TeX syntax characters.
    private static func validate(_ character: Character, at offset: Int) throws(MathError) {
        var scalarOffset = offset
        for scalar in character.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF {
                throw .controlCharacter(scalar, at: scalarOffset)
            }
            scalarOffset += UTF8.width(scalar)
        }
        let scalars = character.unicodeScalars
        if scalars.count > 1, let first = scalars.first, first.isASCII, character != "\r\n",
            !Character(first).isTeXLetter
        {
            throw .combiningMark(after: character, at: offset)
        }
    }
}

/// A parsed formula node; ``MathMLRenderer`` turns each into MathML elements.
indirect enum MathNode: Sendable, Equatable {
    /// Digits with at most one decimal point, e.g. `3.14`; `font` styles them, as `\mathbf{1}` does.
    case number(String, font: MathFont?)
    /// A letter or symbol in `<mi>`; a nil font leaves MathML's default (single letters italic).
    case identifier(String, font: MathFont?)
    case `operator`(OperatorSymbol)
    case largeOperator(LargeOperator)
    case function(FunctionName)
    case text(String)
    /// Horizontal space of a CSS width, e.g. `0.1667em`.
    case space(String)
    /// A braced group, an ordinary atom in TeX.
    case group([MathNode])
    case fraction(MathNode, MathNode, style: FractionStyle)
    case binomial(MathNode, MathNode)
    case root(MathNode, index: MathNode?)
    /// A base with scripts; `limits` is `\limits` (true) or `\nolimits` (false) when given.
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool?)
    case accent(MathNode, TeXAccent)
    case underOver(MathNode, under: MathNode?, over: MathNode?)
    /// `\left … \right`, or an environment's delimiters; nil is the invisible delimiter `.`.
    case fenced(open: String?, body: [MathNode], close: String?)
    /// A `\middle` delimiter inside ``fenced(open:body:close:)``.
    case middle(String)
    /// A delimiter of fixed size from `\big` and its relatives.
    case sizedDelimiter(String, size: String, texClass: TeXClass)
    /// Rows of cells of nodes.
    case table([[[MathNode]]], columnAlignment: String?)
    /// `\displaystyle` or `\textstyle` and the rest of its group.
    case style(display: Bool, [MathNode])
    case phantom(MathNode)
}

/// Whether a fraction keeps the surrounding style (`\frac`), or forces display (`\dfrac`) or text (`\tfrac`).
enum FractionStyle: Sendable, Equatable {
    case inherited, display, text
}

/// Questions the parser asks about a node it has read.
extension MathNode {
    /// Whether `\limits` and `\nolimits` may follow, as they may after big operators and named functions.
    var takesLimits: Bool {
        switch self {
        case .largeOperator, .function: return true
        default: return false
        }
    }
}

/// Parses TeX math into ``MathNode``s, with nesting capped so that hostile input cannot exhaust the stack.
struct TeXParser {
    /// The deepest nesting of groups, arguments, `\left` and environments accepted.
    ///
    /// Real formulas stay under ten levels. A level costs up to about 7 KiB of stack in debug builds
    /// (1 KiB optimised), so 50 levels fit in the 512 KiB of a secondary thread, as on macOS.
    static let maximumNesting = 50

    /// Why a row of nodes stopped; the terminator itself is left unread for the caller.
    private enum RowEnd: Equatable {
        case endOfInput, closeBrace, closeBracket, alignment, newRow, right, middle, end
    }

    /// Commands that end a row, and so can never be an argument.
    private static let rowEndingCommands: Set<String> = [
        "\\", "right", "middle", "end", "limits", "nolimits", "displaystyle", "textstyle",
    ]

    private let tokens: [TeXToken]
    private let utf8: [UInt8]
    /// The index of each `{` token's matching `}` token.
    private let closingBraces: [Int: Int]
    private var position = 0
    private var depth = 0
    /// The alphabet chosen by the innermost font command being read.
    private var font: MathFont?

    /// The nodes of a whole formula.
    static func parse(_ source: String) throws(MathError) -> [MathNode] {
        var parser = try TeXParser(source)
        return try parser.parseFormula()
    }

    /// A parser at the start of `source`, whose tokens and braces are already checked.
    private init(_ source: String) throws(MathError) {
        tokens = try TeXTokenizer.tokens(in: source)
        utf8 = Array(source.utf8)
        closingBraces = try Self.matchBraces(tokens)
    }

    /// Pairs every brace first, so that an unbalanced one is reported where it is, not where parsing gave up.
    private static func matchBraces(_ tokens: [TeXToken]) throws(MathError) -> [Int: Int] {
        var open: [Int] = []
        var matches: [Int: Int] = [:]
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .openBrace:
                open.append(index)
            case .closeBrace:
                guard let opening = open.popLast() else { throw .unopenedBrace(at: token.offset) }
                matches[opening] = index
            default:
                break
            }
        }
        if let first = open.first {
            throw .unclosedBrace(at: tokens[first].offset)
        }
        return matches
    }

    /// The current token, not yet consumed.
    private var peek: TeXToken? {
        position < tokens.count ? tokens[position] : nil
    }

    /// The offset to blame when the formula ends too early.
    private var currentOffset: Int {
        peek?.offset ?? utf8.count
    }

    /// Counts one more level of nesting, failing past ``maximumNesting``; callers `defer { depth -= 1 }`.
    private mutating func enterNesting(at offset: Int) throws(MathError) {
        guard depth < Self.maximumNesting else { throw .nestedTooDeeply(at: offset) }
        depth += 1
    }

    /// The nodes of the whole formula, which must end where the input ends.
    private mutating func parseFormula() throws(MathError) -> [MathNode] {
        let (nodes, end) = try parseRow()
        guard end == .endOfInput else { throw unexpected(end) }
        return nodes
    }

    /// The error for a row that stopped at a terminator its caller does not handle.
    private func unexpected(_ end: RowEnd) -> MathError {
        let offset = currentOffset
        switch end {
        case .alignment: return .misplacedAlignment(at: offset)
        case .newRow: return .misplacedNewRow(at: offset)
        case .right: return .unopenedDelimiter("right", at: offset)
        case .middle: return .unopenedDelimiter("middle", at: offset)
        case .end: return .unbegunEnvironment(at: offset)
        case .closeBrace: return .unopenedBrace(at: offset)
        case .closeBracket, .endOfInput: return .unexpectedEnd(at: offset)
        }
    }

    /// The terminator this token would be for the current row, if any.
    private func rowEnd(of token: TeXToken, closedByBracket: Bool) -> RowEnd? {
        switch token.kind {
        case .closeBrace: return .closeBrace
        case .alignment: return .alignment
        case .command("\\"): return .newRow
        case .command("right"): return .right
        case .command("middle"): return .middle
        case .command("end"): return .end
        case .character("]") where closedByBracket: return .closeBracket
        default: return nil
        }
    }

    /// Whether the token is `\displaystyle` (true) or `\textstyle` (false).
    private func styleSwitch(_ token: TeXToken) -> Bool? {
        switch token.kind {
        case .command("displaystyle"): return true
        case .command("textstyle"): return false
        default: return nil
        }
    }

    /// Nodes up to the next terminator of the current level; `closedByBracket` is for `\sqrt[…]`.
    private mutating func parseRow(closedByBracket: Bool = false) throws(MathError) -> (nodes: [MathNode], end: RowEnd) {
        var nodes: [MathNode] = []
        while let token = peek {
            if let end = rowEnd(of: token, closedByBracket: closedByBracket) {
                return (nodes, end)
            }
            if let display = styleSwitch(token) {
                return try parseStyled(display, after: nodes, closedByBracket: closedByBracket)
            }
            nodes.append(try parseScripted())
        }
        return (nodes, .endOfInput)
    }

    /// A style switch lasts to the end of its group, so the rest of the row goes inside it;
    /// of several switches in a row, the last wins.
    private mutating func parseStyled(
        _ display: Bool, after nodes: [MathNode], closedByBracket: Bool
    ) throws(MathError) -> (nodes: [MathNode], end: RowEnd) {
        try enterNesting(at: currentOffset)
        defer { depth -= 1 }
        var isDisplay = display
        position += 1
        while let next = peek, let display = styleSwitch(next) {
            isDisplay = display
            position += 1
        }
        let (rest, end) = try parseRow(closedByBracket: closedByBracket)
        return (nodes + [.style(display: isDisplay, rest)], end)
    }

    /// The nodes of a `{…}` group at the current token.
    private mutating func parseGroup(_ open: TeXToken) throws(MathError) -> [MathNode] {
        try enterNesting(at: open.offset)
        defer { depth -= 1 }
        position += 1
        let (nodes, end) = try parseRow()
        guard end == .closeBrace else { throw unexpected(end) }
        position += 1
        return nodes
    }

    /// An atom with any primes, superscript, subscript and `\limits` after it.
    private mutating func parseScripted() throws(MathError) -> MathNode {
        switch peek?.kind {
        case .caret?, .underscore?, .character("'")?:
            return try parseScripts(of: .group([]))
        default:
            return try parseScripts(of: try parseAtom())
        }
    }

    /// The scripts after `base`, if any.
    private mutating func parseScripts(of base: MathNode) throws(MathError) -> MathNode {
        var lower: MathNode?
        var upper: MathNode?
        var primes = 0
        var limits: Bool?
        scripts: while let token = peek {
            switch token.kind {
            case .character("'"):
                guard upper == nil else { throw .doubleSuperscript(at: token.offset) }
                primes += 1
                position += 1
            case .caret:
                guard upper == nil else { throw .doubleSuperscript(at: token.offset) }
                position += 1
                upper = try parseArgument(orThrow: .missingSuperscript(at: token.offset))
            case .underscore:
                guard lower == nil else { throw .doubleSubscript(at: token.offset) }
                position += 1
                lower = try parseArgument(orThrow: .missingSubscript(at: token.offset))
            case .command(let name) where name == "limits" || name == "nolimits":
                guard base.takesLimits else { throw .misplacedLimits(name, at: token.offset) }
                limits = name == "limits"
                position += 1
            default:
                break scripts
            }
        }
        if primes > 0 {
            // TeX reads f' as f^{\prime}, and f'^2 as f^{\prime 2}.
            let prime = MathNode.operator(Self.primeSymbol(count: primes))
            upper = upper.map { .group([prime, $0]) } ?? prime
        }
        guard lower != nil || upper != nil else { return base }
        return .scripts(base: base, sub: lower, sup: upper, limits: limits)
    }

    /// One prime symbol for a run of primes: ′, ″, ‴, ⁗, then repeats.
    private static func primeSymbol(count: Int) -> OperatorSymbol {
        let primes = TeXSymbols.primes
        let text = count <= primes.count
            ? primes[count - 1]
            : String(repeating: primes[primes.count - 1], count: count / primes.count)
                + (count % primes.count == 0 ? "" : primes[count % primes.count - 1])
        return OperatorSymbol(text: text, texClass: .ordinary)
    }

    /// One argument as TeX reads it: a braced group, or else a single token (`\frac12` is ½).
    private mutating func parseArgument(orThrow missing: @autoclosure () -> MathError) throws(MathError) -> MathNode {
        guard let token = peek else { throw missing() }
        switch token.kind {
        case .openBrace:
            return .group(try parseGroup(token))
        case .closeBrace, .alignment, .caret, .underscore:
            throw missing()
        case .character(let character) where character.isTeXDigit:
            position += 1
            return .number(String(character), font: font)
        case .character(let character) where character.isLetter:
            position += 1
            return .identifier(String(character), font: font)
        case .character:
            return try parseAtom()
        case .command(let name):
            if Self.rowEndingCommands.contains(name) { throw missing() }
            // Unbraced commands can chain (\hat\hat\hat…), so they count as nesting too.
            try enterNesting(at: token.offset)
            defer { depth -= 1 }
            return try parseAtom()
        }
    }

    /// One atom without scripts, starting at the current token.
    private mutating func parseAtom() throws(MathError) -> MathNode {
        guard let token = peek else { throw .missingSuperscript(at: currentOffset) }
        switch token.kind {
        case .openBrace:
            return .group(try parseGroup(token))
        case .character(let character):
            position += 1
            return try parseCharacter(character, token)
        case .command(let name):
            position += 1
            return try parseCommand(name, at: token.offset)
        case .closeBrace:
            throw .unopenedBrace(at: token.offset)
        case .alignment:
            throw .misplacedAlignment(at: token.offset)
        case .caret:
            throw .missingSuperscript(at: token.offset)
        case .underscore:
            throw .missingSubscript(at: token.offset)
        }
    }

    /// A character token: a number, a letter (or a word in an upright alphabet), a tie or an operator.
    private mutating func parseCharacter(_ character: Character, _ token: TeXToken) throws(MathError) -> MathNode {
        if character.isTeXDigit {
            return .number(readNumber(from: token), font: font)
        }
        if character.isLetter {
            var text = String(character)
            // Upright and italic alphabets set words (\mathrm{softmax}); TeX ignores spaces between letters.
            if font == .upright || font == .italic {
                while let next = peek, case .character(let letter) = next.kind, letter.isLetter {
                    text.append(letter)
                    position += 1
                }
            }
            return .identifier(text, font: font)
        }
        if character == "~" {
            return .space(TeXSymbols.tieWidth)
        }
        if character == ":", peek?.kind == .character("=") {
            // TeX sets := as two relations with no space between; MathML Core knows it as one operator.
            position += 1
            return .operator(OperatorSymbol(text: ":=", texClass: .relation))
        }
        if let symbol = TeXSymbols.characterOperators[character] {
            return .operator(symbol)
        }
        if !character.isASCII {
            return .operator(OperatorSymbol(text: String(character), texClass: .ordinary))
        }
        throw .unsupportedCharacter(character, at: token.offset)
    }

    /// The digits after `first`, with one decimal point, written without spaces: `3.14` is one number.
    private mutating func readNumber(from first: TeXToken) -> String {
        var text = ""
        if case .character(let digit) = first.kind {
            text.append(digit)
        }
        var end = first.end
        var seenPoint = false
        while let next = peek, next.offset == end, case .character(let character) = next.kind {
            if character.isTeXDigit {
                text.append(character)
            } else if character == ".", !seenPoint, position + 1 < tokens.count,
                tokens[position + 1].offset == next.end,
                case .character(let after) = tokens[position + 1].kind, after.isTeXDigit
            {
                seenPoint = true
                text.append(character)
            } else {
                break
            }
            end = next.end
            position += 1
        }
        return text
    }

    /// A command: one with a grammar of its own, or else a symbol from ``TeXSymbols``.
    ///
    /// This sits on every level of recursion, so each construct is parsed in its own function
    /// to keep this frame small: debug builds give every local of a function its own stack slot.
    private mutating func parseCommand(_ name: String, at offset: Int) throws(MathError) -> MathNode {
        guard let construct = Self.constructs[name] else { return try parseSymbol(name, at: offset) }
        switch construct {
        case .fraction: return try parseFraction(name, at: offset)
        case .binomial: return try parseBinomial(at: offset)
        case .root: return try parseRoot(at: offset)
        case .left: return try parseFenced(at: offset)
        case .begin: return try parseEnvironment(at: offset)
        case .style: return .style(display: name == "displaystyle", [])
        case .operatorName: return try parseOperatorName(at: offset)
        case .negation: return try parseNegation(at: offset)
        case .overUnder: return try parseOverUnder(name, at: offset)
        case .phantom: return try parsePhantom(at: offset)
        case .text: return try parseText(name, at: offset)
        case .font: return try parseFontArgument(name, at: offset)
        case .accent: return try parseAccent(name, at: offset)
        case .sizedDelimiter: return try parseSizedDelimiter(name, at: offset)
        case .misplaced: throw Self.misplaced(name, at: offset)
        }
    }

    /// Commands with a grammar of their own, as opposed to the symbols of ``TeXSymbols``.
    private enum Construct {
        case fraction, binomial, root, left, begin, style, operatorName, negation, overUnder, phantom
        case text, font, accent, sizedDelimiter
        /// Commands that are only valid where a row ends or after a big operator.
        case misplaced
    }

    private static let constructs: [String: Construct] = {
        var table: [String: Construct] = [
            "frac": .fraction, "dfrac": .fraction, "tfrac": .fraction, "binom": .binomial, "sqrt": .root,
            "left": .left, "begin": .begin, "displaystyle": .style, "textstyle": .style,
            "operatorname": .operatorName, "not": .negation, "overset": .overUnder, "underset": .overUnder,
            "stackrel": .overUnder, "phantom": .phantom, "right": .misplaced, "middle": .misplaced,
            "end": .misplaced, "\\": .misplaced, "limits": .misplaced, "nolimits": .misplaced,
        ]
        for name in TeXSymbols.textCommands { table[name] = .text }
        for name in TeXSymbols.fonts.keys { table[name] = .font }
        for name in TeXSymbols.accents.keys { table[name] = .accent }
        for name in TeXSymbols.sizedDelimiters.keys { table[name] = .sizedDelimiter }
        return table
    }()

    /// The error for a command met where it cannot stand.
    private static func misplaced(_ name: String, at offset: Int) -> MathError {
        switch name {
        case "right", "middle": return .unopenedDelimiter(name, at: offset)
        case "end": return .unbegunEnvironment(at: offset)
        case "limits", "nolimits": return .misplacedLimits(name, at: offset)
        default: return .misplacedNewRow(at: offset)
        }
    }

    /// `\frac`, `\dfrac` or `\tfrac` and its two arguments.
    private mutating func parseFraction(_ name: String, at offset: Int) throws(MathError) -> MathNode {
        let numerator = try parseArgument(orThrow: .missingArguments("\\" + name, count: 2, at: offset))
        let denominator = try parseArgument(orThrow: .missingArguments("\\" + name, count: 2, at: offset))
        let style: FractionStyle = name == "dfrac" ? .display : name == "tfrac" ? .text : .inherited
        return .fraction(numerator, denominator, style: style)
    }

    /// `\binom{n}{k}`.
    private mutating func parseBinomial(at offset: Int) throws(MathError) -> MathNode {
        let top = try parseArgument(orThrow: .missingArguments("\\binom", count: 2, at: offset))
        let bottom = try parseArgument(orThrow: .missingArguments("\\binom", count: 2, at: offset))
        return .binomial(top, bottom)
    }

    /// `\overset{over}{base}`, `\stackrel{over}{base}` or `\underset{under}{base}`.
    private mutating func parseOverUnder(_ name: String, at offset: Int) throws(MathError) -> MathNode {
        let script = try parseArgument(orThrow: .missingArguments("\\" + name, count: 2, at: offset))
        let base = try parseArgument(orThrow: .missingArguments("\\" + name, count: 2, at: offset))
        return name == "underset" ? .underOver(base, under: script, over: nil) : .underOver(base, under: nil, over: script)
    }

    /// `\phantom{…}`.
    private mutating func parsePhantom(at offset: Int) throws(MathError) -> MathNode {
        .phantom(try parseArgument(orThrow: .missingArguments("\\phantom", count: 1, at: offset)))
    }

    /// An accent or brace command and its argument.
    private mutating func parseAccent(_ name: String, at offset: Int) throws(MathError) -> MathNode {
        guard let accent = TeXSymbols.accents[name] else { throw .unsupportedCommand(name, at: offset) }
        let base = try parseArgument(orThrow: .missingArguments("\\" + name, count: 1, at: offset))
        return .accent(base, accent)
    }

    /// `\big(` and its relatives; `\big.` is an empty space, as in TeX.
    private mutating func parseSizedDelimiter(_ name: String, at offset: Int) throws(MathError) -> MathNode {
        guard let sized = TeXSymbols.sizedDelimiters[name] else { throw .unsupportedCommand(name, at: offset) }
        guard let delimiter = try parseDelimiter(after: name, at: offset) else { return .group([]) }
        return .sizedDelimiter(delimiter, size: sized.size, texClass: sized.texClass)
    }

    /// A command that stands for one symbol, looked up in ``TeXSymbols``'s tables.
    private func parseSymbol(_ name: String, at offset: Int) throws(MathError) -> MathNode {
        // TeX's bold and italic alphabets reach uppercase Greek; only \boldsymbol reaches lowercase Greek and symbols.
        let boldSymbol: MathFont? = font == .boldItalic ? .boldItalic : nil
        if let letter = TeXSymbols.lowercaseGreek[name] {
            return .identifier(letter, font: boldSymbol)
        }
        if let letter = TeXSymbols.uppercaseGreek[name] {
            switch font {
            case .bold?, .boldItalic?: return .identifier(letter, font: .bold)
            case .italic?: return .identifier(letter, font: .italic)
            default: return .identifier(letter, font: .upright)
            }
        }
        if let symbol = TeXSymbols.ordinarySymbols[name] {
            return .identifier(symbol.text, font: boldSymbol ?? (symbol.upright ? .upright : nil))
        }
        if let symbol = TeXSymbols.operatorCommands[name] {
            return .operator(symbol)
        }
        if let symbol = TeXSymbols.largeOperators[name] {
            return .largeOperator(symbol)
        }
        if let function = TeXSymbols.functions[name] {
            return .function(function)
        }
        if let width = TeXSymbols.spaces[name] {
            return .space(width)
        }
        throw .unsupportedCommand(name, at: offset)
    }

    /// The argument of `\mathbf` and its relatives, read with their alphabet.
    private mutating func parseFontArgument(_ name: String, at offset: Int) throws(MathError) -> MathNode {
        guard let newFont = TeXSymbols.fonts[name] else { throw .unsupportedCommand(name, at: offset) }
        let saved = font
        font = newFont
        defer { font = saved }
        let argument = try parseArgument(orThrow: .missingArguments("\\" + name, count: 1, at: offset))
        if case .group(let nodes) = argument, nodes.count == 1, let only = nodes.first {
            return only
        }
        return argument
    }

    /// `\sqrt{x}` or `\sqrt[n]{x}`.
    private mutating func parseRoot(at offset: Int) throws(MathError) -> MathNode {
        var index: MathNode?
        if let open = peek, open.kind == .character("[") {
            position += 1
            try enterNesting(at: open.offset)
            defer { depth -= 1 }
            let (nodes, end) = try parseRow(closedByBracket: true)
            switch end {
            case .closeBracket: position += 1
            case .closeBrace, .endOfInput: throw .unclosedRootIndex(at: offset)
            default: throw unexpected(end)
            }
            index = .group(nodes)
        }
        let radicand = try parseArgument(orThrow: .missingArguments("\\sqrt", count: 1, at: offset))
        return .root(radicand, index: index)
    }

    /// `\left( … \middle| … \right)`.
    private mutating func parseFenced(at offset: Int) throws(MathError) -> MathNode {
        try enterNesting(at: offset)
        defer { depth -= 1 }
        let open = try parseDelimiter(after: "left", at: offset)
        var body: [MathNode] = []
        while true {
            let (nodes, end) = try parseRow()
            body += nodes
            switch end {
            case .middle:
                let middleOffset = currentOffset
                position += 1
                if let delimiter = try parseDelimiter(after: "middle", at: middleOffset) {
                    body.append(.middle(delimiter))
                }
            case .right:
                let rightOffset = currentOffset
                position += 1
                let close = try parseDelimiter(after: "right", at: rightOffset)
                return .fenced(open: open, body: body, close: close)
            case .closeBrace, .end, .endOfInput:
                throw .unclosedLeft(at: offset)
            case .alignment, .newRow, .closeBracket:
                throw unexpected(end)
            }
        }
    }

    /// The delimiter after `\left` and its relatives; nil for `.`, the invisible delimiter.
    private mutating func parseDelimiter(after command: String, at offset: Int) throws(MathError) -> String? {
        guard let token = peek else { throw .notADelimiter(command, found: nil, at: offset) }
        let key: String
        switch token.kind {
        case .character(let character): key = String(character)
        case .command(let name): key = "\\" + name
        case .openBrace: key = "{"
        case .closeBrace: key = "}"
        case .caret: key = "^"
        case .underscore: key = "_"
        case .alignment: key = "&"
        }
        if key == "." {
            position += 1
            return nil
        }
        guard let delimiter = TeXSymbols.delimiters[key] else {
            throw .notADelimiter(command, found: key, at: token.offset)
        }
        position += 1
        return delimiter
    }

    /// `\begin{name} … \end{name}`, with `&` between cells and `\\` between rows.
    private mutating func parseEnvironment(at offset: Int) throws(MathError) -> MathNode {
        let name = try parseEnvironmentName(after: "begin", at: offset)
        guard let style = TeXSymbols.environments[name] else { throw .unknownEnvironment(name, at: offset) }
        try enterNesting(at: offset)
        defer { depth -= 1 }
        var rows: [[[MathNode]]] = []
        var cells: [[MathNode]] = []
        while true {
            let (nodes, end) = try parseRow()
            let terminatorOffset = currentOffset
            switch end {
            case .alignment:
                position += 1
                cells.append(nodes)
            case .newRow:
                position += 1
                if let next = peek, next.kind == .character("[") {
                    throw .unsupportedRowSpacing(at: terminatorOffset)
                }
                cells.append(nodes)
                rows.append(cells)
                cells = []
            case .end:
                position += 1
                let ended = try parseEnvironmentName(after: "end", at: terminatorOffset)
                guard ended == name else {
                    throw .mismatchedEnvironment(begun: name, ended: ended, at: terminatorOffset)
                }
                cells.append(nodes)
                rows.append(cells)
                // A final \\ leaves an empty last row, which TeX does not draw.
                if rows.count > 1, let last = rows.last, last.count == 1, last[0].isEmpty {
                    rows.removeLast()
                }
                let table = MathNode.table(rows, columnAlignment: style.columnAlignment)
                if style.open == nil, style.close == nil {
                    return table
                }
                return .fenced(open: style.open, body: [table], close: style.close)
            case .closeBrace, .endOfInput:
                throw .unendedEnvironment(name, at: offset)
            case .right, .middle, .closeBracket:
                throw unexpected(end)
            }
        }
    }

    /// The `{name}` after `\begin` or `\end`.
    private mutating func parseEnvironmentName(after command: String, at offset: Int) throws(MathError) -> String {
        guard let open = peek, open.kind == .openBrace, let close = closingBraces[position] else {
            throw .missingEnvironmentName(command, at: offset)
        }
        var name = ""
        for token in tokens[(position + 1)..<close] {
            guard case .character(let character) = token.kind, character.isLetter || character == "*" else {
                throw .missingEnvironmentName(command, at: offset)
            }
            name.append(character)
        }
        guard !name.isEmpty else { throw .missingEnvironmentName(command, at: offset) }
        position = close + 1
        return name
    }

    /// `\operatorname{name}` or `\operatorname*{name}`, whose star puts limits below in display style.
    private mutating func parseOperatorName(at offset: Int) throws(MathError) -> MathNode {
        var limits = false
        if peek?.kind == .character("*") {
            limits = true
            position += 1
        }
        guard let open = peek, open.kind == .openBrace, let close = closingBraces[position] else {
            throw .missingBracedArgument("operatorname", at: offset)
        }
        var name = ""
        for token in tokens[(position + 1)..<close] {
            switch token.kind {
            case .character(let character) where character.isLetter || character.isTeXDigit || character == "-" || character == ".":
                name.append(character)
            case .command(","):
                // U+2006 SIX-PER-EM SPACE is exactly TeX's thin space, 3mu.
                name.append("\u{2006}")
            case .command(" "):
                name.append(" ")
            default:
                throw .invalidOperatorName(at: token.offset)
            }
        }
        guard !name.isEmpty else { throw .invalidOperatorName(at: offset) }
        position = close + 1
        return .function(FunctionName(name: name, limits: limits))
    }

    /// `\not` and the relation it strikes through.
    private mutating func parseNegation(at offset: Int) throws(MathError) -> MathNode {
        guard let token = peek else { throw .unsupportedNegation(nil, at: offset) }
        let key: String
        switch token.kind {
        case .character(let character): key = String(character)
        case .command(let name): key = "\\" + name
        default: throw .unsupportedNegation(nil, at: offset)
        }
        guard let negated = TeXSymbols.negations[key] else { throw .unsupportedNegation(key, at: offset) }
        position += 1
        return .operator(OperatorSymbol(text: negated, texClass: .relation))
    }

    /// The braced argument of `\text`, read as text: spaces kept, a few escapes, no math.
    private mutating func parseText(_ command: String, at offset: Int) throws(MathError) -> MathNode {
        guard let open = peek, open.kind == .openBrace, let closeIndex = closingBraces[position] else {
            throw .missingBracedArgument(command, at: offset)
        }
        let close = tokens[closeIndex]
        let raw = String(decoding: utf8[open.end..<close.offset], as: UTF8.self)
        position = closeIndex + 1
        return .text(try Self.readText(raw, at: open.end))
    }

    /// Text-mode TeX: whitespace runs become one space, kept visible at the ends; `--` and `---` become dashes.
    private static func readText(_ raw: String, at start: Int) throws(MathError) -> String {
        let characters = Array(raw)
        var offsets: [Int] = []
        var offset = start
        for character in characters {
            offsets.append(offset)
            offset += character.utf8.count
        }
        var text = ""
        var pendingSpace = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character.isWhitespace {
                pendingSpace = true
                continue
            }
            if character == "{" || character == "}" {
                continue
            }
            if pendingSpace {
                text.append(" ")
                pendingSpace = false
            }
            switch character {
            case "\\":
                let backslashOffset = offsets[index - 1]
                // Braces are balanced, so a backslash here always has a character after it.
                guard index < characters.count else { throw .loneBackslash(at: backslashOffset) }
                let first = characters[index]
                index += 1
                var name = first.isWhitespace ? " " : String(first)
                if first.isTeXLetter {
                    while index < characters.count, characters[index].isTeXLetter {
                        name.append(characters[index])
                        index += 1
                    }
                    // TeX skips the spaces after a control word.
                    while index < characters.count, characters[index].isWhitespace {
                        index += 1
                    }
                }
                guard let escape = TeXSymbols.textEscapes[name] else {
                    throw .unsupportedCommand(name, at: backslashOffset)
                }
                text += escape
            case "~":
                text.append("\u{A0}")
            case "^", "_", "&":
                throw .misplacedInText(character, at: offsets[index - 1])
            case "-":
                var run = 1
                while index < characters.count, characters[index] == "-" {
                    run += 1
                    index += 1
                }
                text += String(repeating: "—", count: run / 3) + (run % 3 == 2 ? "–" : run % 3 == 1 ? "-" : "")
            default:
                text.append(character)
            }
        }
        if pendingSpace {
            text.append(" ")
        }
        // Leading and trailing spaces in token elements are trimmed by renderers; no-break spaces are not.
        if text.first == " " {
            text.replaceSubrange(text.startIndex...text.startIndex, with: "\u{A0}")
        }
        if text.last == " " {
            let last = text.index(before: text.endIndex)
            text.replaceSubrange(last...last, with: "\u{A0}")
        }
        return text
    }
}

/// Character classes in TeX's sense, which are ASCII-only; file-private so as not to clash with other modules' helpers.
fileprivate extension Character {
    /// A–Z or a–z: the letters that make up TeX command names.
    var isTeXLetter: Bool {
        isASCII && isLetter
    }

    /// 0–9.
    var isTeXDigit: Bool {
        guard let value = asciiValue else { return false }
        return value >= 0x30 && value <= 0x39
    }
}
