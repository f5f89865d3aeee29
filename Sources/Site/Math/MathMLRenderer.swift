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

    /// The text with `&`, `<` and `>` escaped for XML; scalar by scalar, so that no combining mark hides one.
    static func escaped(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
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
    ///
    /// This sits on every level of recursion, so each case renders in its own function
    /// to keep this frame small: debug builds give every local of a function its own stack slot.
    mutating func render(_ node: MathNode) {
        switch node {
        case .number(let text, let font): renderNumber(text, font: font)
        case .identifier(let text, let font): renderIdentifier(text, font: font)
        case .operator(let symbol): renderOperator(symbol)
        // The dictionary makes ∑ and ∫ large in display style, and ∑'s limits movable.
        case .largeOperator(let symbol): element("mo", symbol.text)
        case .function(let function): renderIdentifier(function.name, font: .upright)
        case .text(let text): element("mtext", text)
        case .space(let width): output += "<mspace width=\"\(width)\"/>"
        case .group(let nodes): renderGroup(nodes)
        case .fraction(let numerator, let denominator, let style): renderFraction(numerator, denominator, style: style)
        case .binomial(let top, let bottom): renderBinomial(top, bottom)
        case .root(let radicand, let index): renderRoot(radicand, index: index)
        case .scripts(let base, let sub, let sup, let limits): renderScripts(base, sub: sub, sup: sup, limits: limits)
        case .accent(let base, let accent): renderAccent(base, accent)
        case .underOver(let base, let under, let over): renderUnderOver(base, under: under, over: over)
        case .fenced(let open, let body, let close): renderFenced(open, body, close)
        case .middle(let delimiter): output += Self.fence(delimiter, form: "infix")
        case .sizedDelimiter(let delimiter, let size, _): renderSizedDelimiter(delimiter, size: size)
        case .table(let rows, let columnAlignment): renderTable(rows, columnAlignment: columnAlignment)
        case .style(let display, let nodes): renderStyle(display, nodes)
        case .phantom(let content): renderPhantom(content)
        }
    }

    /// An `<mn>`, in the alphabet of `\mathbf{1}` and the like where Unicode has one.
    private mutating func renderNumber(_ text: String, font: MathFont?) {
        element("mn", font?.styled(text) ?? text)
    }

    /// A braced group: an `<mrow>`, even of one node, as TeX makes it one atom.
    private mutating func renderGroup(_ nodes: [MathNode]) {
        output += "<mrow>"
        renderRow(nodes)
        output += "</mrow>"
    }

    /// `\binom`: a fraction without a bar between stretchy parentheses.
    private mutating func renderBinomial(_ top: MathNode, _ bottom: MathNode) {
        output += "<mrow>" + Self.fence("(", form: "prefix") + "<mfrac linethickness=\"0\">"
        renderInTextStyle(top)
        renderInTextStyle(bottom)
        output += "</mfrac>" + Self.fence(")", form: "postfix") + "</mrow>"
    }

    /// `\left … \right` or an environment's delimiters around their row.
    private mutating func renderFenced(_ open: String?, _ body: [MathNode], _ close: String?) {
        output += "<mrow>"
        if let open { output += Self.fence(open, form: "prefix") }
        renderRow(body)
        if let close { output += Self.fence(close, form: "postfix") }
        output += "</mrow>"
    }

    /// `\big(` and its relatives: a delimiter stretched to exactly the given size.
    private mutating func renderSizedDelimiter(_ delimiter: String, size: String) {
        output += "<mo maxsize=\"\(size)\" minsize=\"\(size)\" stretchy=\"true\">" + Self.escaped(delimiter) + "</mo>"
    }

    /// `\displaystyle` or `\textstyle` over the rest of a group.
    private mutating func renderStyle(_ display: Bool, _ nodes: [MathNode]) {
        output += "<mstyle displaystyle=\"\(display)\">"
        let saved = displayStyle
        displayStyle = display
        renderRow(nodes)
        displayStyle = saved
        output += "</mstyle>"
    }

    /// `\phantom`: space as wide as the content, which stays invisible.
    private mutating func renderPhantom(_ content: MathNode) {
        output += "<mphantom>"
        renderArgument(content)
        output += "</mphantom>"
    }

    /// A token element, with its text escaped.
    private mutating func element(_ name: String, _ text: String) {
        output += "<\(name)>" + Self.escaped(text) + "</\(name)>"
    }

    /// An `<mi>`; upright single letters need `mathvariant="normal"`, other alphabets use Unicode's math letters.
    private mutating func renderIdentifier(_ text: String, font: MathFont?) {
        switch font {
        case nil:
            element("mi", text)
        case .upright?:
            if Self.isItalicisedByDefault(text) {
                output += "<mi mathvariant=\"normal\">" + Self.escaped(text) + "</mi>"
            } else {
                element("mi", text)
            }
        case let font?:
            // MathML Core supports no mathvariant but normal; the math alphabets render everywhere.
            element("mi", font.styled(text))
        }
    }

    /// Whether MathML Core's `text-transform: math-auto` would italicise this `<mi>` text.
    private static func isItalicisedByDefault(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return false }
        return MathFont.italic.styled(scalar) != scalar || scalar == "ı" || scalar == "ȷ"
    }

    /// An `<mo>`, with the attributes that make MathML Core space and stretch it as TeX does.
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

    /// `\frac`, wrapped in `<mstyle>` when `\dfrac` or `\tfrac` forces a style.
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

    /// `\sqrt` as `<msqrt>`, or `<mroot>` with an index.
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

    /// Whether scripts go above and below: `\limits` or `\nolimits` if given, else TeX's rule for the base.
    private func placesLimits(on base: MathNode, override: Bool?) -> Bool {
        switch base {
        case .largeOperator(let symbol): return override ?? (symbol.limits && displayStyle)
        case .function(let function): return override ?? (function.limits && displayStyle)
        case .accent(_, let accent) where accent.isBrace: return true
        default: return false
        }
    }

    /// An accent over or under its base; braces are not accents, so they get no `accent` attribute.
    private mutating func renderAccent(_ base: MathNode, _ accent: TeXAccent) {
        let name = accent.below ? "munder" : "mover"
        let attribute = accent.isBrace ? "" : accent.below ? " accentunder=\"true\"" : " accent=\"true\""
        output += "<\(name)\(attribute)>"
        renderArgument(base)
        output += "<mo stretchy=\"\(accent.stretchy)\">" + Self.escaped(accent.mark) + "</mo></\(name)>"
    }

    /// `\overset`, `\underset` and `\stackrel`: a script set above or below its base.
    private mutating func renderUnderOver(_ base: MathNode, under: MathNode?, over: MathNode?) {
        let name = under == nil ? "mover" : over == nil ? "munder" : "munderover"
        output += "<\(name)>"
        renderArgument(base)
        if let under { renderInTextStyle(under) }
        if let over { renderInTextStyle(over) }
        output += "</\(name)>"
    }

    /// A matrix or cases table, its cells in text style as in TeX.
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

/// Spacing classes from TeX's atom classes.
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

/// How a node's edges take part in the spacing around function names.
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
