import Foundation
import Testing

@testable import Site

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The whole `<math>` element that `MathML.render` should return for `tex` with the given row inside.
private func math(_ row: String, tex: String, display: Bool = false) -> String {
    let escapedTeX = tex.replacingOccurrences(of: "&", with: "&amp;")
        .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    return "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"\(display ? "block" : "inline")\">"
        + "<semantics><mrow>\(row)</mrow><annotation encoding=\"application/x-tex\">\(escapedTeX)</annotation>"
        + "</semantics></math>"
}

// Characters spelled out so that each expected string can be checked by eye against the spec.
private let minus = "\u{2212}"  // U+2212 MINUS SIGN: TeX's binary minus, not the hyphen-minus typed.
private let apply = "<mo>\u{2061}</mo>"  // U+2061 FUNCTION APPLICATION after a function name.
private let thin = "<mspace width=\"0.1667em\"/>"  // TeX's \, and its space around function names.
private let hat = "<mo stretchy=\"false\">^</mo>"  // \hat: a circumflex that does not widen with its base.
private let open = "<mo stretchy=\"false\">(</mo>"  // A plain parenthesis: TeX never stretches it.
private let close = "<mo stretchy=\"false\">)</mo>"
private let boldA = "\u{1D41A}", boldB = "\u{1D41B}", boldW = "\u{1D430}", boldX = "\u{1D431}"  // MATHEMATICAL BOLD SMALL A, B, W, X

/// A reference formula from the course and its MathML, checked by hand against MathML Core.
struct Reference: Sendable, CustomTestStringConvertible {
    var tex: String
    var display: Bool
    var row: String
    var testDescription: String { (display ? "display: " : "inline: ") + tex }
}

private let references: [Reference] = [
    // Numbers are <mn>, letters <mi>, and an implicit product is just adjacency, as in TeX.
    Reference(tex: "y = 2x + 3", display: false, row: "<mi>y</mi><mo>=</mo><mn>2</mn><mi>x</mi><mo>+</mo><mn>3</mn>"),
    // \hat is an accent over y; \mathbf uses Unicode's bold letters, which MathML Core renders everywhere.
    Reference(
        tex: #"\hat{y} = \sigma(\mathbf{w} \cdot \mathbf{x} + b)"#, display: false,
        row: "<mover accent=\"true\"><mi>y</mi>\(hat)</mover><mo>=</mo><mi>σ</mi>\(open)<mi>\(boldW)</mi>"
            + "<mo>⋅</mo><mi>\(boldX)</mi><mo>+</mo><mi>b</mi>\(close)"
    ),
    // In display style ∑ takes its limits under and over; the square applies to the closing parenthesis, as in TeX.
    Reference(
        tex: #"\frac{1}{n}\sum_{i=1}^{n} (y_i - \hat{y}_i)^2"#, display: true,
        row: "<mfrac><mn>1</mn><mi>n</mi></mfrac><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow>"
            + "<mi>n</mi></munderover>\(open)<msub><mi>y</mi><mi>i</mi></msub><mo>\(minus)</mo>"
            + "<msub><mover accent=\"true\"><mi>y</mi>\(hat)</mover><mi>i</mi></msub><msup>\(close)<mn>2</mn></msup>"
    ),
    // Inline, the same limits go beside ∑.
    Reference(
        tex: #"\frac{1}{n}\sum_{i=1}^{n} (y_i - \hat{y}_i)^2"#, display: false,
        row: "<mfrac><mn>1</mn><mi>n</mi></mfrac><msubsup><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow>"
            + "<mi>n</mi></msubsup>\(open)<msub><mi>y</mi><mi>i</mi></msub><mo>\(minus)</mo>"
            + "<msub><mover accent=\"true\"><mi>y</mi>\(hat)</mover><mi>i</mi></msub><msup>\(close)<mn>2</mn></msup>"
    ),
    // <msqrt> takes a row of children, so the braces need no <mrow>; x_1^2 is one <msubsup>.
    Reference(
        tex: #"\sqrt{x_1^2 + x_2^2}"#, display: false,
        row: "<msqrt><msubsup><mi>x</mi><mn>1</mn><mn>2</mn></msubsup><mo>+</mo>"
            + "<msubsup><mi>x</mi><mn>2</mn><mn>2</mn></msubsup></msqrt>"
    ),
    // cos is an upright <mi> applied to θ, with TeX's thin space before θ; \| is ‖ and does not stretch.
    Reference(
        tex: #"\cos\theta = \frac{\mathbf{a}\cdot\mathbf{b}}{\|\mathbf{a}\|\,\|\mathbf{b}\|}"#, display: false,
        row: "<mi>cos</mi>\(apply)\(thin)<mi>θ</mi><mo>=</mo><mfrac><mrow><mi>\(boldA)</mi><mo>⋅</mo><mi>\(boldB)</mi></mrow>"
            + "<mrow><mo stretchy=\"false\">‖</mo><mi>\(boldA)</mi><mo stretchy=\"false\">‖</mo>\(thin)"
            + "<mo stretchy=\"false\">‖</mo><mi>\(boldB)</mi><mo stretchy=\"false\">‖</mo></mrow></mfrac>"
    ),
    // No thin space before a parenthesis (TeX's Op–Open spacing is zero); the _i attaches to ")".
    Reference(
        tex: #"\operatorname{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}"#, display: false,
        row: "<mi>softmax</mi>\(apply)\(open)<mi>z</mi><msub>\(close)<mi>i</mi></msub><mo>=</mo>"
            + "<mfrac><msup><mi>e</mi><msub><mi>z</mi><mi>i</mi></msub></msup>"
            + "<mrow><msub><mo>∑</mo><mi>j</mi></msub><msup><mi>e</mi><msub><mi>z</mi><mi>j</mi></msub></msup></mrow></mfrac>"
    ),
    // Even in display math a fraction's parts are in text style, so the ∑ in the denominator keeps side scripts.
    Reference(
        tex: #"\operatorname{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}"#, display: true,
        row: "<mi>softmax</mi>\(apply)\(open)<mi>z</mi><msub>\(close)<mi>i</mi></msub><mo>=</mo>"
            + "<mfrac><msup><mi>e</mi><msub><mi>z</mi><mi>i</mi></msub></msup>"
            + "<mrow><msub><mo>∑</mo><mi>j</mi></msub><msup><mi>e</mi><msub><mi>z</mi><mi>j</mi></msub></msup></mrow></mfrac>"
    ),
    // bmatrix is a table between stretchy brackets; the annotation escapes the "&".
    Reference(
        tex: #"A = \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}"#, display: false,
        row: "<mi>A</mi><mo>=</mo><mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">[</mo>"
            + "<mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr><mtr><mtd><mn>3</mn></mtd><mtd><mn>4</mn></mtd></mtr></mtable>"
            + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">]</mo></mrow>"
    ),
    // ∂ is an ordinary symbol, italic as in TeX (MathML Core italicises a lone ∂ in <mi>).
    Reference(
        tex: #"\frac{\partial L}{\partial w}"#, display: false,
        row: "<mfrac><mrow><mi>∂</mi><mi>L</mi></mrow><mrow><mi>∂</mi><mi>w</mi></mrow></mfrac>"
    ),
    // ∇ is upright in TeX, but MathML Core would italicise a lone ∇, hence mathvariant="normal".
    Reference(
        tex: #"w \leftarrow w - \eta \nabla L(w)"#, display: false,
        row: "<mi>w</mi><mo>←</mo><mi>w</mi><mo>\(minus)</mo><mi>η</mi><mi mathvariant=\"normal\">∇</mi><mi>L</mi>\(open)<mi>w</mi>\(close)"
    ),
    // \left( … \right) stretch; \top is the ordinary ⊤; \sqrt of a single node needs no <mrow>.
    Reference(
        tex: #"\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V"#,
        display: true,
        row: "<mi>Attention</mi>\(apply)\(open)<mi>Q</mi><mo>,</mo><mi>K</mi><mo>,</mo><mi>V</mi>\(close)<mo>=</mo>"
            + "<mi>softmax</mi>\(apply)<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo>"
            + "<mfrac><mrow><mi>Q</mi><msup><mi>K</mi><mi>⊤</mi></msup></mrow><msqrt><msub><mi>d</mi><mi>k</mi></msub></msqrt></mfrac>"
            + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo></mrow><mi>V</mi>"
    ),
    // f' is f^{\prime}: a prime operator as superscript.
    Reference(
        tex: #"f'(x) \approx \frac{f(x+h) - f(x-h)}{2h}"#, display: false,
        row: "<msup><mi>f</mi><mo>′</mo></msup>\(open)<mi>x</mi>\(close)<mo>≈</mo>"
            + "<mfrac><mrow><mi>f</mi>\(open)<mi>x</mi><mo>+</mo><mi>h</mi>\(close)<mo>\(minus)</mo>"
            + "<mi>f</mi>\(open)<mi>x</mi><mo>\(minus)</mo><mi>h</mi>\(close)</mrow><mrow><mn>2</mn><mi>h</mi></mrow></mfrac>"
    ),
    Reference(
        tex: #"\max(0, 1 - y \cdot \hat{y})"#, display: false,
        row: "<mi>max</mi>\(apply)\(open)<mn>0</mn><mo>,</mo><mn>1</mn><mo>\(minus)</mo><mi>y</mi><mo>⋅</mo>"
            + "<mover accent=\"true\"><mi>y</mi>\(hat)</mover>\(close)"
    ),
    // A leading minus is a prefix operator; TeX puts thin spaces on both sides of log here.
    Reference(
        tex: #"-\sum_i y_i \log \hat{y}_i"#, display: false,
        row: "<mo>\(minus)</mo><msub><mo>∑</mo><mi>i</mi></msub><msub><mi>y</mi><mi>i</mi></msub>\(thin)<mi>log</mi>\(apply)\(thin)"
            + "<msub><mover accent=\"true\"><mi>y</mi>\(hat)</mover><mi>i</mi></msub>"
    ),
    Reference(
        tex: #"-\sum_i y_i \log \hat{y}_i"#, display: true,
        row: "<mo>\(minus)</mo><munder><mo>∑</mo><mi>i</mi></munder><msub><mi>y</mi><mi>i</mi></msub>\(thin)<mi>log</mi>\(apply)\(thin)"
            + "<msub><mover accent=\"true\"><mi>y</mi>\(hat)</mover><mi>i</mi></msub>"
    ),
    Reference(
        tex: #"\mu = \frac{1}{n}\sum x_i"#, display: false,
        row: "<mi>μ</mi><mo>=</mo><mfrac><mn>1</mn><mi>n</mi></mfrac><mo>∑</mo><msub><mi>x</mi><mi>i</mi></msub>"
    ),
    Reference(tex: #"\sigma^2"#, display: false, row: "<msup><mi>σ</mi><mn>2</mn></msup>"),

    // More of the course's notation.
    Reference(tex: "3.14", display: false, row: "<mn>3.14</mn>"),
    // TeX reads one-token arguments: \frac12 is ½ and x^23 is x² followed by 3.
    Reference(tex: #"\frac12 x^23"#, display: false, row: "<mfrac><mn>1</mn><mn>2</mn></mfrac><msup><mi>x</mi><mn>2</mn></msup><mn>3</mn>"),
    // ℝ lives in Letterlike Symbols, not in the double-struck alphabet.
    Reference(tex: #"\mathbb{R}^n"#, display: false, row: "<msup><mi>ℝ</mi><mi>n</mi></msup>"),
    Reference(tex: #"\sqrt[3]{x}"#, display: false, row: "<mroot><mi>x</mi><mn>3</mn></mroot>"),
    Reference(
        tex: #"x \in \mathbb{R}, \forall \epsilon > 0"#, display: false,
        row: "<mi>x</mi><mo>∈</mo><mi>ℝ</mi><mo>,</mo><mo>∀</mo><mi>ϵ</mi><mo>&gt;</mo><mn>0</mn>"
    ),
    Reference(
        tex: #"\lim_{x \to 0} \frac{\sin x}{x} = 1"#, display: true,
        row: "<munder><mi>lim</mi><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></munder>\(apply)\(thin)"
            + "<mfrac><mrow><mi>sin</mi>\(apply)\(thin)<mi>x</mi></mrow><mi>x</mi></mfrac><mo>=</mo><mn>1</mn>"
    ),
    Reference(
        tex: #"\hat{\theta} = \operatorname*{argmax}_\theta \log p(x \mid \theta)"#, display: true,
        row: "<mover accent=\"true\"><mi>θ</mi>\(hat)</mover><mo>=</mo><munder><mi>argmax</mi><mi>θ</mi></munder>\(apply)\(thin)"
            + "<mi>log</mi>\(apply)\(thin)<mi>p</mi>\(open)<mi>x</mi><mo>∣</mo><mi>θ</mi>\(close)"
    ),
    // cases: a left brace only, left-aligned cells, and \text with visible spaces at its ends.
    Reference(
        tex: #"\operatorname{ReLU}(x) = \begin{cases} x & \text{if } x > 0 \\ 0 & \text{otherwise} \end{cases}"#,
        display: true,
        row: "<mi>ReLU</mi>\(apply)\(open)<mi>x</mi>\(close)<mo>=</mo><mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">{</mo>"
            + "<mtable columnalign=\"left\"><mtr><mtd><mi>x</mi></mtd><mtd><mtext>if\u{A0}</mtext><mi>x</mi><mo>&gt;</mo><mn>0</mn></mtd></mtr>"
            + "<mtr><mtd><mn>0</mn></mtd><mtd><mtext>otherwise</mtext></mtd></mtr></mtable></mrow>"
    ),
    Reference(
        tex: #"\det\begin{vmatrix} a & b \\ c & d \end{vmatrix}"#, display: false,
        row: "<mi>det</mi>\(apply)<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">|</mo><mtable><mtr><mtd><mi>a</mi></mtd>"
            + "<mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>"
            + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">|</mo></mrow>"
    ),
    Reference(
        tex: #"\mathbf{x} = \begin{pmatrix} x_1 \\ \vdots \\ x_n \end{pmatrix}"#, display: false,
        row: "<mi>\(boldX)</mi><mo>=</mo><mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mtable>"
            + "<mtr><mtd><msub><mi>x</mi><mn>1</mn></msub></mtd></mtr><mtr><mtd><mi>⋮</mi></mtd></mtr>"
            + "<mtr><mtd><msub><mi>x</mi><mi>n</mi></msub></mtd></mtr></mtable>"
            + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo></mrow>"
    ),
    // \left. is an invisible delimiter; the evaluation bar takes its subscript beside it.
    Reference(
        tex: #"\left. \frac{df}{dx} \right|_{x=0}"#, display: false,
        row: "<msub><mrow><mfrac><mrow><mi>d</mi><mi>f</mi></mrow><mrow><mi>d</mi><mi>x</mi></mrow></mfrac>"
            + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">|</mo></mrow><mrow><mi>x</mi><mo>=</mo><mn>0</mn></mrow></msub>"
    ),
    // ∫ keeps side limits even in display style; \mathrm{d} is an upright d.
    Reference(
        tex: #"\int_0^1 x^2 \, \mathrm{d}x"#, display: true,
        row: "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup><msup><mi>x</mi><mn>2</mn></msup>\(thin)"
            + "<mi mathvariant=\"normal\">d</mi><mi>x</mi>"
    ),
    Reference(
        tex: #"\langle u, v \rangle = \lvert u \rvert \lVert v \rVert"#, display: false,
        row: "<mo stretchy=\"false\">⟨</mo><mi>u</mi><mo>,</mo><mi>v</mi><mo stretchy=\"false\">⟩</mo><mo>=</mo>"
            + "<mo stretchy=\"false\">|</mo><mi>u</mi><mo stretchy=\"false\">|</mo><mo stretchy=\"false\">‖</mo><mi>v</mi>"
            + "<mo stretchy=\"false\">‖</mo>"
    ),
    // \dfrac forces display style on the fraction; \tfrac forces text style.
    Reference(
        tex: #"\dfrac{a}{b} + \tfrac{c}{d}"#, display: false,
        row: "<mstyle displaystyle=\"true\"><mfrac><mi>a</mi><mi>b</mi></mfrac></mstyle><mo>+</mo>"
            + "<mstyle displaystyle=\"false\"><mfrac><mi>c</mi><mi>d</mi></mfrac></mstyle>"
    ),
    Reference(
        tex: #"\vec{v} + \bar{x} + \tilde{x} + \dot{x}"#, display: false,
        row: "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">→</mo></mover><mo>+</mo>"
            + "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">¯</mo></mover><mo>+</mo>"
            + "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">~</mo></mover><mo>+</mo>"
            + "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">˙</mo></mover>"
    ),
    // 𝓛: ℒ is SCRIPT CAPITAL L in Letterlike Symbols. Uppercase Greek is upright in TeX.
    Reference(
        tex: #"\mathcal{L}(\Theta) = -\ln p"#, display: false,
        row: "<mi>ℒ</mi>\(open)<mi mathvariant=\"normal\">Θ</mi>\(close)<mo>=</mo><mo>\(minus)</mo><mi>ln</mi>\(apply)\(thin)<mi>p</mi>"
    ),
    Reference(
        tex: #"\theta := \theta - \eta \nabla_\theta J"#, display: false,
        row: "<mi>θ</mi><mo>:=</mo><mi>θ</mi><mo>\(minus)</mo><mi>η</mi><msub><mi mathvariant=\"normal\">∇</mi><mi>θ</mi></msub><mi>J</mi>"
    ),
    Reference(
        tex: #"x_{\text{max}} = 1/n"#, display: false,
        row: "<msub><mi>x</mi><mtext>max</mtext></msub><mo>=</mo><mn>1</mn><mo lspace=\"0em\" rspace=\"0em\">/</mo><mi>n</mi>"
    ),
    Reference(
        tex: #"\binom{n}{k} \quad \{1, \ldots, n\}"#, display: false,
        row: "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mfrac linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac>"
            + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo></mrow><mspace width=\"1em\"/>"
            + "<mo stretchy=\"false\">{</mo><mn>1</mn><mo>,</mo><mi>…</mi><mo>,</mo><mi>n</mi><mo stretchy=\"false\">}</mo>"
    ),
    Reference(
        tex: #"A^\top \neq A^T, \quad a \leq b"#, display: false,
        row: "<msup><mi>A</mi><mi>⊤</mi></msup><mo>≠</mo><msup><mi>A</mi><mi>T</mi></msup><mo>,</mo><mspace width=\"1em\"/>"
            + "<mi>a</mi><mo>≤</mo><mi>b</mi>"
    ),
    // Text is escaped: <, > and & never reach the markup raw.
    Reference(
        tex: #"a < b \text{ \& } c > d"#, display: false,
        row: "<mi>a</mi><mo>&lt;</mo><mi>b</mi><mtext>\u{A0}&amp;\u{A0}</mtext><mi>c</mi><mo>&gt;</mo><mi>d</mi>"
    ),
    // Braces group into <mrow>; an empty group is an empty <mrow>.
    Reference(tex: #"{a+b}^2 {}_1"#, display: false, row: "<msup><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></msup><msub><mrow></mrow><mn>1</mn></msub>"),
    Reference(tex: #"f''(x)"#, display: false, row: "<msup><mi>f</mi><mo>″</mo></msup>\(open)<mi>x</mi>\(close)"),
    Reference(
        tex: #"\left( \sum\limits_{i} x_i \middle| y \right) \big( z \big)"#, display: false,
        row: "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><munder><mo>∑</mo><mi>i</mi></munder>"
            + "<msub><mi>x</mi><mi>i</mi></msub><mo fence=\"true\" form=\"infix\" stretchy=\"true\">|</mo><mi>y</mi>"
            + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo></mrow>"
            + "<mo maxsize=\"1.2em\" minsize=\"1.2em\" stretchy=\"true\">(</mo><mi>z</mi>"
            + "<mo maxsize=\"1.2em\" minsize=\"1.2em\" stretchy=\"true\">)</mo>"
    ),
    Reference(
        tex: #"\mathbf{W}^{(1)} \boldsymbol{\alpha} \mathrm{softmax} \mathit{loss}"#, display: false,
        row: "<msup><mi>\u{1D416}</mi><mrow>\(open)<mn>1</mn>\(close)</mrow></msup><mi>\u{1D736}</mi><mi>softmax</mi>"
            + "<mi>\u{1D459}\u{1D45C}\u{1D460}\u{1D460}</mi>"
    ),
]

@Suite struct MathMLReferenceTests {
    @Test(arguments: references)
    func referenceOutput(_ reference: Reference) throws {
        let output = try MathML.render(reference.tex, display: reference.display)
        #expect(output == math(reference.row, tex: reference.tex, display: reference.display))
    }

    @Test func wholeElementSpelledOut() throws {
        #expect(
            try MathML.render("x^2", display: true)
                == #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">x^2</annotation></semantics></math>"#
        )
        #expect(
            try MathML.render("", display: false)
                == #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><semantics><mrow></mrow><annotation encoding="application/x-tex"></annotation></semantics></math>"#
        )
    }

    @Test func outputIsDeterministic() throws {
        for reference in references {
            let first = try MathML.render(reference.tex, display: reference.display)
            #expect(try MathML.render(reference.tex, display: reference.display) == first)
        }
    }
}

/// A TeX input that must fail, with the message and UTF-8 offset it must fail with.
struct Failure: Sendable, CustomTestStringConvertible {
    var tex: String
    var message: String
    var offset: Int
    var testDescription: String { tex.debugDescription }
}

private let failures: [Failure] = [
    Failure(tex: #"x + \foo"#, message: #"unsupported TeX command \foo"#, offset: 4),
    Failure(tex: #"α\foo"#, message: #"unsupported TeX command \foo"#, offset: 2),  // α is two UTF-8 bytes
    Failure(tex: #"\softmax(z)"#, message: #"unsupported TeX command \softmax"#, offset: 0),
    Failure(tex: "abc{d", message: "unbalanced braces: '{' at offset 3 is never closed", offset: 3),
    Failure(tex: "{a{b}", message: "unbalanced braces: '{' at offset 0 is never closed", offset: 0),
    Failure(tex: "a}b", message: "unbalanced braces: '}' at offset 1 has no matching '{'", offset: 1),
    Failure(tex: #"\frac{1}"#, message: #"\frac needs two arguments"#, offset: 0),
    Failure(tex: #"y = \frac"#, message: #"\frac needs two arguments"#, offset: 4),
    Failure(tex: #"\sqrt"#, message: #"\sqrt needs an argument"#, offset: 0),
    Failure(tex: #"\hat{}^2 + \hat"#, message: #"\hat needs an argument"#, offset: 11),
    Failure(tex: #"\mathbf"#, message: #"\mathbf needs an argument"#, offset: 0),
    Failure(tex: #"\begin{align} a &= b \end{align}"#, message: "unknown environment 'align'", offset: 0),
    Failure(tex: #"\begin{array}{cc} a \end{array}"#, message: "unknown environment 'array'", offset: 0),
    Failure(tex: #"\begin{matrix} 1 \end{pmatrix}"#, message: #"\begin{matrix} ended by \end{pmatrix}"#, offset: 17),
    Failure(tex: #"\begin{matrix} 1 & 2"#, message: #"\begin{matrix} has no matching \end{matrix}"#, offset: 0),
    Failure(tex: #"\begin matrix"#, message: #"\begin needs an environment name in braces, as in \begin{matrix}"#, offset: 0),
    Failure(tex: #"a \end{matrix}"#, message: #"\end has no matching \begin"#, offset: 2),
    Failure(tex: #"\begin{matrix} 1 \\[2pt] 2 \end{matrix}"#, message: #"row spacing \\[…] is not supported"#, offset: 17),
    Failure(tex: #"\left( x"#, message: #"\left has no matching \right"#, offset: 0),
    Failure(tex: #"{\left( x} \right)"#, message: #"\left has no matching \right"#, offset: 1),
    Failure(tex: #"x \right)"#, message: #"\right has no matching \left"#, offset: 2),
    Failure(tex: #"x \middle|"#, message: #"\middle has no matching \left"#, offset: 2),
    Failure(tex: #"\left x \right)"#, message: #"\left must be followed by a delimiter such as ( [ \{ | or ., not 'x'"#, offset: 6),
    Failure(tex: #"\left"#, message: #"\left must be followed by a delimiter such as ( [ \{ | or ."#, offset: 0),
    Failure(tex: "x^", message: "superscript '^' needs an argument", offset: 1),
    Failure(tex: "x_}", message: "unbalanced braces: '}' at offset 2 has no matching '{'", offset: 2),
    Failure(tex: "{x_}", message: "subscript '_' needs an argument", offset: 2),
    Failure(tex: "x^2^3", message: "double superscript: use braces, as in x^{2^3} or {x^2}^3", offset: 3),
    Failure(tex: "f^2'", message: "double superscript: use braces, as in x^{2^3} or {x^2}^3", offset: 3),
    Failure(tex: "x_1_2", message: "double subscript: use braces, as in x_{1_2} or {x_1}_2", offset: 3),
    Failure(tex: "a & b", message: "misplaced '&': it separates cells of a matrix or cases environment", offset: 2),
    Failure(tex: #"a \\ b"#, message: #"misplaced \\: it separates rows of a matrix or cases environment"#, offset: 2),
    Failure(tex: #"\sqrt[3{x}"#, message: #"\sqrt[ has no closing ']'"#, offset: 0),
    Failure(tex: #"x \limits"#, message: #"\limits must follow a big operator such as \sum or \lim"#, offset: 2),
    Failure(tex: "50%", message: #"unescaped '%' (TeX comments are not supported; write \% for a percent sign)"#, offset: 2),
    Failure(tex: "$x$", message: #"unexpected '$' inside math (write \$ for a dollar sign)"#, offset: 0),
    Failure(tex: "#1", message: ##"unexpected '#' (write \# for a number sign)"##, offset: 0),
    Failure(tex: #"x\"#, message: #"a lone '\' ends the formula"#, offset: 1),
    Failure(tex: "x @ y", message: "unsupported character '@'", offset: 2),
    Failure(tex: #"\text x"#, message: #"\text needs an argument in braces"#, offset: 0),
    Failure(tex: #"\text{a^b}"#, message: #"'^' is not allowed in \text"#, offset: 7),
    Failure(tex: #"\text{a \foo b}"#, message: #"unsupported TeX command \foo"#, offset: 8),
    Failure(tex: #"\operatorname{a+b}"#, message: #"\operatorname needs a name made of letters, digits, '-' or '.'"#, offset: 15),
    Failure(tex: #"\not\alpha"#, message: #"\not cannot negate '\alpha'; use a negated symbol such as \neq or \notin"#, offset: 0),
    Failure(tex: "x\u{7}", message: "control character U+0007 is not allowed", offset: 1),
    Failure(tex: "{\u{301}}", message: "combining mark after '{' is not supported", offset: 0),
]

@Suite struct MathMLErrorTests {
    @Test(arguments: failures)
    func failsWithMessageAndOffset(_ failure: Failure) {
        #expect(throws: MathError(message: failure.message, offset: failure.offset)) {
            try MathML.render(failure.tex, display: false)
        }
    }

    @Test func descriptionNamesTheOffset() {
        #expect(MathError(message: #"\frac needs two arguments"#, offset: 4).description == #"\frac needs two arguments (at offset 4)"#)
    }

    @Test func tenThousandNestedBracesAreAnErrorNotACrash() {
        let unbalanced = String(repeating: "{", count: 10_000)
        #expect(throws: MathError.unclosedBrace(at: 0)) { try MathML.render(unbalanced, display: true) }
        let balanced = unbalanced + "x" + String(repeating: "}", count: 10_000)
        #expect(throws: MathError.nestedTooDeeply(at: TeXParser.maximumNesting)) { try MathML.render(balanced, display: true) }
        let hats = String(repeating: #"\hat "#, count: 10_000) + "x"
        #expect(throws: MathError.self) { try MathML.render(hats, display: true) }
    }

    @Test func nestingLimitIsExact() throws {
        let limit = TeXParser.maximumNesting
        let atLimit = String(repeating: "{", count: limit) + "x" + String(repeating: "}", count: limit)
        #expect(try MathML.render(atLimit, display: false).contains("<mi>x</mi>"))
        let overLimit = "{" + atLimit + "}"
        #expect(throws: MathError(message: "formula is nested too deeply (more than \(limit) levels)", offset: limit)) {
            try MathML.render(overLimit, display: false)
        }
    }

    /// The deepest formula of each kind renders on a 512 KiB stack, the size of macOS's secondary threads.
    @Test func deepestFormulasFitASmallStack() {
        let n = TeXParser.maximumNesting
        let deepest = [
            String(repeating: "{", count: n) + "x" + String(repeating: "}", count: n),
            String(repeating: #"\frac{"#, count: n) + "x" + String(repeating: "}{y}", count: n),
            String(repeating: #"\sqrt{"#, count: n) + "x" + String(repeating: "}", count: n),
            String(repeating: "x^{", count: n) + "x" + String(repeating: "}", count: n),
            String(repeating: #"\left("#, count: n) + "x" + String(repeating: #"\right)"#, count: n),
            String(repeating: #"\hat "#, count: n) + "x",
            String(repeating: #"\begin{matrix}"#, count: n) + "x" + String(repeating: #"\end{matrix}"#, count: n),
            String(repeating: #"\mathbf{"#, count: n) + "x" + String(repeating: "}", count: n),
            String(repeating: #"\sqrt["#, count: n) + "x" + String(repeating: "]{y}", count: n),
            String(repeating: #"a\displaystyle "#, count: n) + "x",
        ]
        let results = onThread(stackSize: 512 * 1024) {
            deepest.map { tex in Result { () throws(MathError) in try MathML.render(tex, display: true) } }
        }
        for (tex, result) in zip(deepest, results) {
            #expect(throws: Never.self, "\(tex.prefix(20))…") { try result.get() }
        }
    }
}

/// Carries a thread's result back; the semaphore orders the write before the read.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// Runs `body` on a new thread with the given stack size and waits for its result.
private func onThread<T: Sendable>(stackSize: Int, _ body: @escaping @Sendable () -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = body()
        done.signal()
    }
    thread.stackSize = stackSize
    thread.start()
    done.wait()
    guard let value = box.value else { preconditionFailure("the thread returned nothing") }
    return value
}

@Suite struct MathMLPerformanceTests {
    /// A 5,000-character formula converts in well under 50 ms.
    @Test func fiveThousandCharacterFormulaIsFast() throws {
        let term = #"\frac{\partial L}{\partial w_{i}} + \sqrt{x_i^2 + \hat{y}_i} - \sum_{j=1}^{n} \alpha_j \mathbf{x}_j \cdot "#
        var tex = ""
        while tex.utf8.count < 5_000 {
            tex += term
        }
        tex += "z"
        _ = try MathML.render(tex, display: true)
        let clock = ContinuousClock()
        var output = ""
        let elapsed = try clock.measure {
            output = try MathML.render(tex, display: true)
        }
        #expect(output.hasSuffix("</math>"))
        #expect(elapsed < .milliseconds(50), "took \(elapsed)")
    }
}

@Suite struct MathAlphabetTests {
    /// Each styled letter is the Unicode character whose name says so, including those in Letterlike Symbols.
    @Test(arguments: [
        (MathFont.bold, ["MATHEMATICAL BOLD "]), (.italic, ["MATHEMATICAL ITALIC ", "PLANCK CONSTANT"]),
        (.boldItalic, ["MATHEMATICAL BOLD ITALIC "]), (.doubleStruck, ["MATHEMATICAL DOUBLE-STRUCK ", "DOUBLE-STRUCK "]),
        (.script, ["MATHEMATICAL SCRIPT ", "SCRIPT "]), (.fraktur, ["MATHEMATICAL FRAKTUR ", "BLACK-LETTER "]),
        (.sansSerif, ["MATHEMATICAL SANS-SERIF "]), (.monospace, ["MATHEMATICAL MONOSPACE "]),
    ])
    func latinLettersAndDigits(font: MathFont, prefixes: [String]) throws {
        for value in Array(0x41...0x5A) + Array(0x61...0x7A) {
            let letter = try #require(Unicode.Scalar(value))
            let name = try #require(font.styled(letter).properties.name)
            let plain = try #require(letter.properties.name).replacingOccurrences(of: "LATIN ", with: "")
                .replacingOccurrences(of: "LETTER ", with: "")
            #expect(name == "PLANCK CONSTANT" ? letter == "h" : prefixes.contains { name == $0 + plain }, "\(letter) → \(name)")
        }
        for value in 0x30...0x39 {
            let digit = try #require(Unicode.Scalar(value))
            let styled = font.styled(digit)
            if styled != digit {
                let name = try #require(styled.properties.name)
                // Unicode has no bold italic digits; \boldsymbol{1} is bold, as in TeX.
                let digitPrefixes = font == .boldItalic ? ["MATHEMATICAL BOLD "] : prefixes
                #expect(digitPrefixes.contains { name == $0 + (digit.properties.name ?? "") }, "\(digit) → \(name)")
            }
        }
    }

    @Test(arguments: [(MathFont.bold, "MATHEMATICAL BOLD "), (.italic, "MATHEMATICAL ITALIC "), (.boldItalic, "MATHEMATICAL BOLD ITALIC ")])
    func greekLetters(font: MathFont, prefix: String) throws {
        let greek = Array(0x391...0x3A1) + Array(0x3A3...0x3A9) + Array(0x3B1...0x3C9)
            + [0x3F4, 0x2207, 0x2202, 0x3F5, 0x3D1, 0x3F0, 0x3D5, 0x3F1, 0x3D6]
        for value in greek {
            let letter = try #require(Unicode.Scalar(value))
            let name = try #require(font.styled(letter).properties.name)
            let plain = try #require(letter.properties.name).replacingOccurrences(of: "GREEK ", with: "")
                .replacingOccurrences(of: "LETTER ", with: "").replacingOccurrences(of: "LUNATE ", with: "")
            #expect(name == prefix + plain, "\(letter) → \(name)")
        }
    }
}

@Suite struct MathMLWellFormednessTests {
    /// Every output parses as XML, with the MathML namespace and the TeX in its annotation.
    @Test(arguments: references.map(\.tex) + smokeFormulas)
    func outputIsWellFormedXML(_ tex: String) throws {
        for display in [false, true] {
            let output = try MathML.render(tex, display: display)
            let parser = XMLParser(data: Data(output.utf8))
            let collector = AnnotationCollector()
            parser.delegate = collector
            parser.shouldProcessNamespaces = true
            #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "") in \(output)")
            #expect(collector.rootNamespace == "http://www.w3.org/1998/Math/MathML")
            #expect(collector.annotation == tex.replacingOccurrences(of: "\r\n", with: "\n"))
        }
    }

    /// Every command in every table renders, alone and with an argument where it takes one.
    @Test func everyTableEntryRenders() throws {
        var formulas: [String] = []
        let symbolTables: [[String]] = [
            Array(TeXSymbols.lowercaseGreek.keys), Array(TeXSymbols.uppercaseGreek.keys),
            Array(TeXSymbols.ordinarySymbols.keys), Array(TeXSymbols.operatorCommands.keys),
            Array(TeXSymbols.largeOperators.keys), Array(TeXSymbols.functions.keys), Array(TeXSymbols.spaces.keys),
        ]
        formulas += symbolTables.joined().map { #"x \"# + $0 + " y" }
        formulas += TeXSymbols.accents.keys.map { #"\"# + $0 + "{xy}" }
        formulas += TeXSymbols.fonts.keys.map { #"\"# + $0 + #"{Ax1\Gamma\alpha}"# }
        formulas += TeXSymbols.textCommands.map { #"\"# + $0 + "{a b}" }
        formulas += TeXSymbols.delimiters.keys.map { #"\left"# + $0 + #" x \middle"# + $0 + #" \right"# + $0 }
        formulas += TeXSymbols.sizedDelimiters.keys.map { #"\"# + $0 + "( x" }
        formulas += TeXSymbols.environments.keys.map { #"\begin{"# + $0 + #"} a & b \\ c & d \end{"# + $0 + "}" }
        formulas += TeXSymbols.negations.keys.map { #"a \not"# + $0 + " b" }
        formulas += TeXSymbols.characterOperators.keys.map { "a " + String($0) + " b" }
        for tex in formulas {
            let output = try MathML.render(tex, display: true)
            #expect(XMLParser(data: Data(output.utf8)).parse(), "\(tex)")
        }
    }

    /// A command belongs to exactly one table, so that lookups in any order give the same result.
    @Test func tablesDoNotOverlap() {
        let tables: [Set<String>] = [
            Set(TeXSymbols.lowercaseGreek.keys), Set(TeXSymbols.uppercaseGreek.keys),
            Set(TeXSymbols.ordinarySymbols.keys), Set(TeXSymbols.binaryOperators.keys), Set(TeXSymbols.relations.keys),
            Set(TeXSymbols.arrows.keys), Set(TeXSymbols.verticalArrows.keys), Set(TeXSymbols.openingDelimiters.keys),
            Set(TeXSymbols.closingDelimiters.keys), Set(TeXSymbols.bars.keys), Set(TeXSymbols.otherOperators.keys),
            Set(TeXSymbols.largeOperators.keys), Set(TeXSymbols.functions.keys), Set(TeXSymbols.spaces.keys),
            Set(TeXSymbols.accents.keys), Set(TeXSymbols.fonts.keys), TeXSymbols.textCommands,
            Set(TeXSymbols.sizedDelimiters.keys),
            ["frac", "dfrac", "tfrac", "binom", "sqrt", "left", "right", "middle", "begin", "end", "limits", "nolimits",
             "displaystyle", "textstyle", "operatorname", "not", "overset", "underset", "stackrel", "phantom", "\\"],
        ]
        var seen: [String: Int] = [:]
        for (index, table) in tables.enumerated() {
            for name in table {
                #expect(seen[name] == nil, "\\\(name) is in tables \(seen[name] ?? -1) and \(index)")
                seen[name] = index
            }
        }
    }
}

/// Records the root element's namespace and the annotation's text.
private final class AnnotationCollector: NSObject, XMLParserDelegate {
    var rootNamespace: String?
    var annotation = ""
    private var inAnnotation = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        if rootNamespace == nil { rootNamespace = namespaceURI }
        if elementName == "annotation" { inAnnotation = true }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if elementName == "annotation" { inAnnotation = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inAnnotation { annotation += string }
    }
}

/// Formulas that exercise the rest of the grammar, for the well-formedness check.
private let smokeFormulas: [String] = [
    #"\sum_{i=1}^{n} \prod_{j} \int_{0}^{\infty} e^{-x^2} \, dx"#,
    #"P(A \mid B) = \frac{P(B \mid A) P(A)}{P(B)}"#,
    #"\mathbb{E}_{x \sim p}[f(x)] \approx \frac{1}{N}\sum_{n=1}^{N} f(x_n)"#,
    #"\nabla_{\mathbf{w}} L = \mathbf{X}^\top (\mathbf{X}\mathbf{w} - \mathbf{y})"#,
    #"\sigma(z) = \frac{1}{1 + e^{-z}}, \quad \sigma'(z) = \sigma(z)(1 - \sigma(z))"#,
    #"\|x\|_2 = \sqrt{\sum_i x_i^2}, \; \left\| x \right\|_1 = \sum_i \lvert x_i \rvert"#,
    #"\overbrace{a + b}^{n} \underbrace{c + d}_{m} \overline{xy} \underline{z} \widehat{AB} \widetilde{CD}"#,
    #"\overset{\text{def}}{=} \underset{x}{\operatorname{arg\,min}} \stackrel{?}{=} \phantom{x}"#,
    #"\displaystyle \sum_i \textstyle \sum_j x \Big[ \bigl( \biggr) \Bigg\}"#,
    #"\text{loss --- the `error' -- is } 0~\text{if } y = \hat{y}"#,
    #"\lim\limits_{n \to \infty} \int\limits_a^b \sum\nolimits_k \liminf_{n} \limsup_n"#,
    #"\cos^2\theta + \sin^2\theta = 1 \implies \tan\theta = \frac{\sin\theta}{\cos\theta}"#,
    #"f: \mathbb{R}^n \to \mathbb{R}, \; x \mapsto \mathbf{w}^T x + b"#,
    #"\mathsf{A}\mathtt{B}\mathfrak{C}\mathscr{D}\bm{x}\boldsymbol{\nabla}\mathbf{1}\mathbb{1}"#,
    "α + β = γ \u{2264} δ; x\r\ny\tz",
    #"\begin{Bmatrix} 1 \\ 2 \\ \end{Bmatrix} \begin{Vmatrix} \end{Vmatrix} \begin{matrix} a \\ \end{matrix}"#,
    #"\left\langle \frac{a}{b} \right\rangle \left\lfloor x \right\rfloor \left\lceil x \right\rceil \left/ x \right\backslash"#,
    #"x\,y\:z\;w\!v\ u\quad t\qquad s\enspace r"#,
    #"\operatorname{tr}(A) \operatorname{diag}(\lambda) \operatorname{KL}(p \| q) \operatorname{f}"#,
    #"\sqrt[n]{x^{n}} \cdot \frac{\partial^2 f}{\partial x \partial y} \cdots \ddots \dots \ldots"#,
    #"{}^{14}C \quad x^{\prime} \quad a'_i \quad f'''' \quad '"#,
    #"\sin\cos x \quad 2\sin x \quad \log|x| \quad f(x)\log y \quad \exp\left(x\right)"#,
]
