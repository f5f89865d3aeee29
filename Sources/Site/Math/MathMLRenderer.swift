/// Converts TeX math, as written in lessons between `$…$` and `$$…$$`, to MathML Core.
public enum MathML {
    /// The `<math>` element for `tex`, with the TeX kept in an annotation for copying and assistive tools.
    ///
    /// ```swift
    /// try MathML.render("x^2", display: false)
    /// // <math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><semantics><mrow>
    /// // <msup><mi>x</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">x^2</annotation>
    /// // </semantics></math>   (one line in reality)
    /// ```
    ///
    /// `display` selects block layout and TeX's display style: big operators get their limits above and
    /// below. Anything the converter does not support is a ``MathError`` naming it, never dropped.
    public static func render(_ tex: String, display: Bool) throws(MathError) -> String {
        let nodes = try TeXParser.parse(tex)
        var renderer = MathMLRenderer(displayStyle: display)
        renderer.renderRow(nodes)
        return "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"\(display ? "block" : "inline")\">"
            + "<semantics><mrow>" + renderer.output + "</mrow>"
            + "<annotation encoding=\"application/x-tex\">" + MathMLRenderer.escaped(tex) + "</annotation>"
            + "</semantics></math>"
    }
}

/// Writes ``MathNode``s as MathML Core elements, tracking TeX's display style to place limits.
struct MathMLRenderer {
    /// TeX's thin space, which it puts between a function name and an ordinary atom.
    private static let thinSpace = "<mspace width=\"0.1667em\"/>"
    /// U+2061 FUNCTION APPLICATION, which tells readers that `sin x` is sine applied to x.
    private static let functionApplication = "<mo>\u{2061}</mo>"

    private(set) var output = ""
    /// Whether the current position is in TeX's display style: top level of display math only.
    private var displayStyle: Bool

    /// A renderer for a formula in display or inline style.
    init(displayStyle: Bool) {
        self.displayStyle = displayStyle
    }

    /// The characters that XML text must escape.
    static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The nodes of a row, with function application marks and the thin spaces TeX puts around function names.
    mutating func renderRow(_ nodes: [MathNode]) {
        for (index, node) in nodes.enumerated() {
            let appliesFunction = node.appliesFunction
            if appliesFunction, index > 0, [.ordinary, .closing].contains(nodes[index - 1].rightSpacingClass) {
                output += Self.thinSpace
            }
            render(node)
            if appliesFunction {
                output += Self.functionApplication
                if index + 1 < nodes.count, [.ordinary, .function].contains(nodes[index + 1].leftSpacingClass) {
                    output += Self.thinSpace
                }
            }
        }
    }

    /// One node as one element; a function name alone is its `<mi>`, the row adds the application mark.
    mutating func render(_ node: MathNode) {
        switch node {
        case .number(let text, let font):
            element("mn", Self.escaped(font?.styled(text) ?? text))
        case .identifier(let text, let font):
            renderIdentifier(text, font: font)
        case .operator(let symbol):
            renderOperator(symbol)
        case .largeOperator(let symbol):
            // The dictionary makes ∑ and ∫ large in display style, and ∑'s limits movable.
            element("mo", Self.escaped(symbol.text))
        case .function(let function):
            renderIdentifier(function.name, font: .upright)
        case .text(let text):
            element("mtext", Self.escaped(text))
        case .space(let width):
            output += "<mspace width=\"\(width)\"/>"
        case .group(let nodes):
            output += "<mrow>"
            renderRow(nodes)
            output += "</mrow>"
        case .fraction(let numerator, let denominator, let style):
            renderFraction(numerator, denominator, style: style)
        case .binomial(let top, let bottom):
            output += "<mrow>" + Self.fence("(", form: "prefix") + "<mfrac linethickness=\"0\">"
            renderInTextStyle(top)
            renderInTextStyle(bottom)
            output += "</mfrac>" + Self.fence(")", form: "postfix") + "</mrow>"
        case .root(let radicand, let index):
            renderRoot(radicand, index: index)
        case .scripts(let base, let sub, let sup, let limits):
            renderScripts(base, sub: sub, sup: sup, limits: limits)
        case .accent(let base, let accent):
            renderAccent(base, accent)
        case .underOver(let base, let under, let over):
            renderUnderOver(base, under: under, over: over)
        case .fenced(let open, let body, let close):
            output += "<mrow>"
            if let open { output += Self.fence(open, form: "prefix") }
            renderRow(body)
            if let close { output += Self.fence(close, form: "postfix") }
            output += "</mrow>"
        case .middle(let delimiter):
            output += Self.fence(delimiter, form: "infix")
        case .sizedDelimiter(let delimiter, let size, _):
            output += "<mo maxsize=\"\(size)\" minsize=\"\(size)\" stretchy=\"true\">" + Self.escaped(delimiter) + "</mo>"
        case .table(let rows, let columnAlignment):
            renderTable(rows, columnAlignment: columnAlignment)
        case .style(let display, let nodes):
            output += "<mstyle displaystyle=\"\(display)\">"
            let saved = displayStyle
            displayStyle = display
            renderRow(nodes)
            displayStyle = saved
            output += "</mstyle>"
        case .phantom(let content):
            output += "<mphantom>"
            renderArgument(content)
            output += "</mphantom>"
        }
    }

    private mutating func element(_ name: String, _ escapedText: String) {
        output += "<\(name)>" + escapedText + "</\(name)>"
    }

    /// An `<mi>`; upright single letters need `mathvariant="normal"`, other alphabets use Unicode's math letters.
    private mutating func renderIdentifier(_ text: String, font: MathFont?) {
        switch font {
        case nil:
            element("mi", Self.escaped(text))
        case .upright?:
            if Self.isItalicisedByDefault(text) {
                output += "<mi mathvariant=\"normal\">" + Self.escaped(text) + "</mi>"
            } else {
                element("mi", Self.escaped(text))
            }
        case let font?:
            // MathML Core supports no mathvariant but normal; the math alphabets render everywhere.
            element("mi", Self.escaped(font.styled(text)))
        }
    }

    /// Whether MathML Core's `text-transform: math-auto` would italicise this `<mi>` text.
    private static func isItalicisedByDefault(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return false }
        return MathFont.italic.styled(scalar) != scalar || scalar == "ı" || scalar == "ȷ"
    }

    private mutating func renderOperator(_ symbol: OperatorSymbol) {
        let text = Self.escaped(symbol.text)
        switch symbol.style {
        case .dictionary: output += "<mo>" + text + "</mo>"
        case .nonStretchy: output += "<mo stretchy=\"false\">" + text + "</mo>"
        case .unspaced: output += "<mo lspace=\"0em\" rspace=\"0em\">" + text + "</mo>"
        }
    }

    /// A delimiter from `\left`, `\right`, `\middle` or an environment, which stretches to its row.
    private static func fence(_ delimiter: String, form: String) -> String {
        "<mo fence=\"true\" form=\"\(form)\" stretchy=\"true\">" + escaped(delimiter) + "</mo>"
    }

    /// An argument as one element: a braced group of several nodes, or one with a function, becomes an `<mrow>`.
    private mutating func renderArgument(_ node: MathNode) {
        let nodes: [MathNode]
        if case .group(let grouped) = node {
            nodes = grouped
        } else {
            nodes = [node]
        }
        if nodes.count == 1, let only = nodes.first, !only.appliesFunction {
            render(only)
        } else {
            output += "<mrow>"
            renderRow(nodes)
            output += "</mrow>"
        }
    }

    /// An argument in TeX's text style, as fraction parts, scripts, indices and table cells are.
    private mutating func renderInTextStyle(_ node: MathNode) {
        let saved = displayStyle
        displayStyle = false
        renderArgument(node)
        displayStyle = saved
    }

    private mutating func renderFraction(_ numerator: MathNode, _ denominator: MathNode, style: FractionStyle) {
        let wrapper: String? = switch style {
        case .inherited: nil
        case .display: "<mstyle displaystyle=\"true\">"
        case .text: "<mstyle displaystyle=\"false\">"
        }
        if let wrapper { output += wrapper }
        output += "<mfrac>"
        renderInTextStyle(numerator)
        renderInTextStyle(denominator)
        output += "</mfrac>"
        if wrapper != nil { output += "</mstyle>" }
    }

    private mutating func renderRoot(_ radicand: MathNode, index: MathNode?) {
        guard let index else {
            // <msqrt> takes a row of children, so a group needs no extra <mrow>.
            output += "<msqrt>"
            if case .group(let nodes) = radicand {
                renderRow(nodes)
            } else {
                renderRow([radicand])
            }
            output += "</msqrt>"
            return
        }
        output += "<mroot>"
        renderArgument(radicand)
        renderInTextStyle(index)
        output += "</mroot>"
    }

    /// Scripts beside the base, or limits above and below it for big operators in display style.
    private mutating func renderScripts(_ base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool?) {
        let name: String
        switch (placesLimits(on: base, override: limits), sub != nil, sup != nil) {
        case (true, true, true): name = "munderover"
        case (true, true, false): name = "munder"
        case (true, false, _): name = "mover"
        case (false, true, true): name = "msubsup"
        case (false, true, false): name = "msub"
        case (false, false, _): name = "msup"
        }
        output += "<\(name)>"
        if case .function = base {
            render(base)
        } else {
            renderArgument(base)
        }
        if let sub { renderInTextStyle(sub) }
        if let sup { renderInTextStyle(sup) }
        output += "</\(name)>"
    }

    private func placesLimits(on base: MathNode, override: Bool?) -> Bool {
        switch base {
        case .largeOperator(let symbol): return override ?? (symbol.limits && displayStyle)
        case .function(let function): return override ?? (function.limits && displayStyle)
        case .accent(_, let accent) where accent.isBrace: return true
        default: return false
        }
    }

    private mutating func renderAccent(_ base: MathNode, _ accent: TeXAccent) {
        let name = accent.below ? "munder" : "mover"
        let attribute = accent.isBrace ? "" : accent.below ? " accentunder=\"true\"" : " accent=\"true\""
        output += "<\(name)\(attribute)>"
        renderArgument(base)
        output += "<mo stretchy=\"\(accent.stretchy)\">" + Self.escaped(accent.mark) + "</mo></\(name)>"
    }

    private mutating func renderUnderOver(_ base: MathNode, under: MathNode?, over: MathNode?) {
        let name = under == nil ? "mover" : over == nil ? "munder" : "munderover"
        output += "<\(name)>"
        renderArgument(base)
        if let under { renderInTextStyle(under) }
        if let over { renderInTextStyle(over) }
        output += "</\(name)>"
    }

    private mutating func renderTable(_ rows: [[[MathNode]]], columnAlignment: String?) {
        // MathML Core has no column alignment: Firefox honours the attribute, Chromium needs the site's CSS.
        output += columnAlignment.map { "<mtable columnalign=\"\($0)\">" } ?? "<mtable>"
        let saved = displayStyle
        displayStyle = false
        for row in rows {
            output += "<mtr>"
            for cell in row {
                output += "<mtd>"
                renderRow(cell)
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        displayStyle = saved
        output += "</mtable>"
    }
}

/// The classes that decide whether a thin space goes next to a function name.
private enum SpacingClass: Equatable {
    case ordinary, function, largeOperator, binary, relation, opening, closing, punctuation, space
}

extension SpacingClass {
    init(_ texClass: TeXClass) {
        switch texClass {
        case .ordinary: self = .ordinary
        case .binary: self = .binary
        case .relation: self = .relation
        case .opening: self = .opening
        case .closing: self = .closing
        case .punctuation: self = .punctuation
        }
    }
}

extension MathNode {
    /// Whether this is a function name, perhaps with scripts, which is followed by U+2061 FUNCTION APPLICATION.
    fileprivate var appliesFunction: Bool {
        switch self {
        case .function: return true
        case .scripts(let base, _, _, _): return base.appliesFunction
        default: return false
        }
    }

    /// The class of the node's left edge, as the atom after a function name sees it.
    fileprivate var leftSpacingClass: SpacingClass {
        switch self {
        case .style(_, let nodes): return nodes.first?.leftSpacingClass ?? .space
        case .fenced, .binomial: return .opening
        default: return edgeClass
        }
    }

    /// The class of the node's right edge, as the function name after it sees it.
    fileprivate var rightSpacingClass: SpacingClass {
        switch self {
        case .style(_, let nodes): return nodes.last?.rightSpacingClass ?? .space
        case .fenced, .binomial: return .closing
        default: return edgeClass
        }
    }

    private var edgeClass: SpacingClass {
        switch self {
        case .operator(let symbol): return SpacingClass(symbol.texClass)
        case .sizedDelimiter(_, _, let texClass): return SpacingClass(texClass)
        case .largeOperator: return .largeOperator
        case .function: return .function
        case .space: return .space
        case .middle: return .relation
        case .scripts(let base, _, _, _): return base.edgeClass
        default: return .ordinary
        }
    }
}
