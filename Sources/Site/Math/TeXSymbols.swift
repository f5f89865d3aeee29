/// TeX's class for an atom, which decides the spacing TeX puts around it.
enum TeXClass: Sendable, Equatable {
    case ordinary, binary, relation, opening, closing, punctuation
}

/// How an `<mo>` must depart from MathML Core's operator dictionary to look as it does in TeX.
enum OperatorStyle: Sendable, Equatable {
    /// The dictionary's spacing and stretching already match TeX.
    case dictionary
    /// The dictionary stretches it, but TeX only does after `\left`, `\right` or `\big`.
    case nonStretchy
    /// An ordinary symbol in TeX to which the dictionary would give operator spacing.
    case unspaced
}

/// An operator symbol: its text in `<mo>`, its TeX class and its departure from the dictionary.
struct OperatorSymbol: Sendable, Equatable {
    var text: String
    var texClass: TeXClass
    var style: OperatorStyle = .dictionary
}

/// An ordinary symbol rendered as `<mi>`, with whether it must be kept upright.
struct OrdinarySymbol: Sendable, Equatable {
    var text: String
    /// MathML Core italicises single letters, ∇ and ∂ by default; TeX shows this one upright.
    var upright: Bool = false
}

/// A big operator such as ∑ or ∫, and whether TeX puts its limits above and below in display style.
struct LargeOperator: Sendable, Equatable {
    var text: String
    var limits: Bool
}

/// A named function such as sin or max, and whether TeX puts its limits below in display style.
struct FunctionName: Sendable, Equatable {
    var name: String
    var limits: Bool
}

/// An accent or brace drawn over or under its argument.
struct TeXAccent: Sendable, Equatable {
    var mark: String
    /// Whether the mark grows with its base, as `\widehat` does and `\hat` does not.
    var stretchy: Bool
    var below: Bool = false
    /// Braces are not accents: they sit further from the base and take their scripts as limits.
    var isBrace: Bool = false
}

/// A matrix-like environment: the delimiters around its table and how its columns align.
struct EnvironmentStyle: Sendable, Equatable {
    var open: String?
    var close: String?
    var columnAlignment: String?
}

/// A math alphabet chosen by `\mathbf`, `\mathbb`, `\mathrm` and the like.
enum MathFont: Sendable, Equatable {
    case upright, italic, bold, boldItalic, doubleStruck, script, fraktur, sansSerif, monospace
}

/// The tables that map TeX commands and characters to MathML text; one entry per command.
enum TeXSymbols {
    /// Lowercase Greek letters, italic by default as in TeX.
    static let lowercaseGreek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π",
        "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
        "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    ]

    /// Uppercase Greek letters, upright in TeX (MathML Core would italicise them).
    static let uppercaseGreek: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Ordinary symbols rendered as `<mi>`; dots are here because the dictionary would space them as operators.
    static let ordinarySymbols: [String: OrdinarySymbol] = [
        "infty": .init(text: "∞"), "partial": .init(text: "∂"), "nabla": .init(text: "∇", upright: true),
        "emptyset": .init(text: "∅"), "varnothing": .init(text: "∅"), "ell": .init(text: "ℓ"),
        "hbar": .init(text: "ℏ"), "aleph": .init(text: "ℵ"), "Re": .init(text: "ℜ"), "Im": .init(text: "ℑ"),
        "wp": .init(text: "℘"), "imath": .init(text: "ı"), "jmath": .init(text: "ȷ"),
        "top": .init(text: "⊤"), "bot": .init(text: "⊥"), "intercal": .init(text: "⊺"),
        "angle": .init(text: "∠"), "triangle": .init(text: "△"), "square": .init(text: "□"),
        "ldots": .init(text: "…"), "dots": .init(text: "…"), "cdots": .init(text: "⋯"),
        "vdots": .init(text: "⋮"), "ddots": .init(text: "⋱"),
        "%": .init(text: "%"), "#": .init(text: "#"), "$": .init(text: "$"), "&": .init(text: "&"),
        "_": .init(text: "_"),
    ]

    /// Binary operators: TeX spaces them medium on both sides.
    static let binaryOperators: [String: String] = [
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆",
        "circ": "∘", "bullet": "∙", "oplus": "⊕", "ominus": "⊖", "otimes": "⊗", "oslash": "⊘",
        "odot": "⊙", "cup": "∪", "cap": "∩", "sqcup": "⊔", "sqcap": "⊓", "setminus": "∖",
        "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨", "dagger": "†", "ddagger": "‡",
        "uplus": "⊎", "diamond": "⋄",
    ]

    /// Relations: TeX spaces them thick on both sides.
    static let relations: [String: String] = [
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "lt": "<", "gt": ">",
        "leqslant": "⩽", "geqslant": "⩾", "ll": "≪", "gg": "≫", "approx": "≈", "equiv": "≡",
        "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝", "doteq": "≐", "triangleq": "≜",
        "coloneqq": "≔", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆",
        "supset": "⊃", "supseteq": "⊇", "subsetneq": "⊊", "supsetneq": "⊋", "mid": "∣",
        "nmid": "∤", "parallel": "∥", "perp": "⊥", "models": "⊨", "vdash": "⊢", "prec": "≺",
        "succ": "≻", "preceq": "⪯", "succeq": "⪰", "asymp": "≍",
    ]

    /// Arrows, relations in TeX; MathML Core stretches the vertical ones, so those are marked.
    static let arrows: [String: String] = [
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
        "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹", "impliedby": "⟸",
        "iff": "⟺", "mapsto": "↦", "longmapsto": "⟼", "longrightarrow": "⟶", "longleftarrow": "⟵",
        "longleftrightarrow": "⟷", "Longrightarrow": "⟹", "Longleftarrow": "⟸",
        "Longleftrightarrow": "⟺", "hookrightarrow": "↪", "hookleftarrow": "↩", "leadsto": "⇝",
        "rightleftharpoons": "⇌", "nearrow": "↗", "searrow": "↘", "swarrow": "↙", "nwarrow": "↖",
    ]

    /// Vertical arrows: relations that must not stretch to the height of their row.
    static let verticalArrows: [String: String] = [
        "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑", "Downarrow": "⇓",
        "Updownarrow": "⇕",
    ]

    /// Opening delimiters written without `\left`: TeX keeps them at their natural size.
    static let openingDelimiters: [String: String] = [
        "{": "{", "lbrace": "{", "langle": "⟨", "lfloor": "⌊", "lceil": "⌈", "lvert": "|", "lVert": "‖",
        "lbrack": "[",
    ]

    /// Closing delimiters written without `\right`.
    static let closingDelimiters: [String: String] = [
        "}": "}", "rbrace": "}", "rangle": "⟩", "rfloor": "⌋", "rceil": "⌉", "rvert": "|", "rVert": "‖",
        "rbrack": "]",
    ]

    /// Bars that TeX treats as ordinary symbols, as in `|x|` and `\|x\|`.
    static let bars: [String: String] = ["|": "‖", "vert": "|", "Vert": "‖"]

    /// Prefix and other operators that MathML Core's dictionary already spaces as TeX does.
    static let otherOperators: [String: String] = [
        "forall": "∀", "exists": "∃", "nexists": "∄", "neg": "¬", "lnot": "¬", "prime": "′",
        "colon": ":", "backslash": "\\",
    ]

    /// Every operator command, merged from the class tables above.
    static let operatorCommands: [String: OperatorSymbol] = {
        var table: [String: OperatorSymbol] = [:]
        /// Adds one class table, keeping the first entry if a name were listed twice.
        func add(_ entries: [String: String], _ texClass: TeXClass, _ style: OperatorStyle) {
            for (name, text) in entries where table[name] == nil {
                table[name] = OperatorSymbol(text: text, texClass: texClass, style: style)
            }
        }
        add(binaryOperators, .binary, .dictionary)
        add(relations, .relation, .dictionary)
        add(arrows, .relation, .dictionary)
        add(verticalArrows, .relation, .nonStretchy)
        add(openingDelimiters, .opening, .nonStretchy)
        add(closingDelimiters, .closing, .nonStretchy)
        add(bars, .ordinary, .nonStretchy)
        add(otherOperators, .ordinary, .dictionary)
        return table
    }()

    /// Single characters that are operators; `-` becomes the minus sign and `*` the asterisk operator, as in TeX.
    static let characterOperators: [Character: OperatorSymbol] = [
        "+": .init(text: "+", texClass: .binary),
        "-": .init(text: "−", texClass: .binary),
        "*": .init(text: "∗", texClass: .binary),
        "=": .init(text: "=", texClass: .relation),
        "<": .init(text: "<", texClass: .relation),
        ">": .init(text: ">", texClass: .relation),
        ":": .init(text: ":", texClass: .relation),
        ",": .init(text: ",", texClass: .punctuation),
        ";": .init(text: ";", texClass: .punctuation),
        "!": .init(text: "!", texClass: .closing),
        "?": .init(text: "?", texClass: .closing),
        "(": .init(text: "(", texClass: .opening, style: .nonStretchy),
        "[": .init(text: "[", texClass: .opening, style: .nonStretchy),
        ")": .init(text: ")", texClass: .closing, style: .nonStretchy),
        "]": .init(text: "]", texClass: .closing, style: .nonStretchy),
        "|": .init(text: "|", texClass: .ordinary, style: .nonStretchy),
        // The dictionary spaces a solidus and a full stop like binary operators; in TeX they are ordinary.
        "/": .init(text: "/", texClass: .ordinary, style: .unspaced),
        ".": .init(text: ".", texClass: .ordinary, style: .unspaced),
        "'": .init(text: "′", texClass: .ordinary),
    ]

    /// Primes by count, as single characters where Unicode has one.
    static let primes: [String] = ["′", "″", "‴", "⁗"]

    /// Big operators; those with `limits` take them above and below in display style.
    static let largeOperators: [String: LargeOperator] = [
        "sum": .init(text: "∑", limits: true), "prod": .init(text: "∏", limits: true),
        "coprod": .init(text: "∐", limits: true), "bigcup": .init(text: "⋃", limits: true),
        "bigcap": .init(text: "⋂", limits: true), "bigoplus": .init(text: "⨁", limits: true),
        "bigotimes": .init(text: "⨂", limits: true), "bigodot": .init(text: "⨀", limits: true),
        "bigvee": .init(text: "⋁", limits: true), "bigwedge": .init(text: "⋀", limits: true),
        "bigsqcup": .init(text: "⨆", limits: true), "int": .init(text: "∫", limits: false),
        "iint": .init(text: "∬", limits: false), "iiint": .init(text: "∭", limits: false),
        "oint": .init(text: "∮", limits: false),
    ]

    /// Named functions, set upright; those with `limits` take them below in display style.
    /// `\liminf` has TeX's thin space inside, U+2006 SIX-PER-EM SPACE.
    static let functions: [String: FunctionName] = [
        "sin": .init(name: "sin", limits: false), "cos": .init(name: "cos", limits: false),
        "tan": .init(name: "tan", limits: false), "cot": .init(name: "cot", limits: false),
        "sec": .init(name: "sec", limits: false), "csc": .init(name: "csc", limits: false),
        "arcsin": .init(name: "arcsin", limits: false), "arccos": .init(name: "arccos", limits: false),
        "arctan": .init(name: "arctan", limits: false), "sinh": .init(name: "sinh", limits: false),
        "cosh": .init(name: "cosh", limits: false), "tanh": .init(name: "tanh", limits: false),
        "coth": .init(name: "coth", limits: false), "log": .init(name: "log", limits: false),
        "ln": .init(name: "ln", limits: false), "lg": .init(name: "lg", limits: false),
        "exp": .init(name: "exp", limits: false), "arg": .init(name: "arg", limits: false),
        "deg": .init(name: "deg", limits: false), "dim": .init(name: "dim", limits: false),
        "ker": .init(name: "ker", limits: false), "hom": .init(name: "hom", limits: false),
        "lim": .init(name: "lim", limits: true), "max": .init(name: "max", limits: true),
        "min": .init(name: "min", limits: true), "sup": .init(name: "sup", limits: true),
        "inf": .init(name: "inf", limits: true), "det": .init(name: "det", limits: true),
        "gcd": .init(name: "gcd", limits: true), "Pr": .init(name: "Pr", limits: true),
        "liminf": .init(name: "lim\u{2006}inf", limits: true), "limsup": .init(name: "lim\u{2006}sup", limits: true),
        "argmax": .init(name: "argmax", limits: true), "argmin": .init(name: "argmin", limits: true),
    ]

    /// Accents and braces over or under their argument; the non-stretchy marks are those TeX keeps small.
    static let accents: [String: TeXAccent] = [
        "hat": .init(mark: "^", stretchy: false), "widehat": .init(mark: "^", stretchy: true),
        "check": .init(mark: "ˇ", stretchy: false), "widecheck": .init(mark: "ˇ", stretchy: true),
        "tilde": .init(mark: "~", stretchy: false), "widetilde": .init(mark: "~", stretchy: true),
        "bar": .init(mark: "¯", stretchy: false), "overline": .init(mark: "‾", stretchy: true),
        "vec": .init(mark: "→", stretchy: false), "overrightarrow": .init(mark: "→", stretchy: true),
        "overleftarrow": .init(mark: "←", stretchy: true), "dot": .init(mark: "˙", stretchy: false),
        "ddot": .init(mark: "¨", stretchy: false), "acute": .init(mark: "´", stretchy: false),
        "grave": .init(mark: "`", stretchy: false), "breve": .init(mark: "˘", stretchy: false),
        "mathring": .init(mark: "˚", stretchy: false),
        "underline": .init(mark: "_", stretchy: true, below: true),
        "overbrace": .init(mark: "⏞", stretchy: true, isBrace: true),
        "underbrace": .init(mark: "⏟", stretchy: true, below: true, isBrace: true),
    ]

    /// Spacing commands and their widths; `~` and `\ ` are TeX's interword space.
    static let spaces: [String: String] = [
        ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em", "medspace": "0.2222em",
        ";": "0.2778em", "thickspace": "0.2778em", " ": "0.3333em", "enspace": "0.5em", "quad": "1em",
        "qquad": "2em", "!": "-0.1667em", "negthinspace": "-0.1667em", "negmedspace": "-0.2222em",
        "negthickspace": "-0.2778em",
    ]

    /// The width of `~`, a tie: an interword space.
    static let tieWidth = "0.3333em"

    /// Delimiters accepted after `\left`, `\right`, `\middle` and `\big`, keyed by the TeX that names them.
    static let delimiters: [String: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "\\{": "{", "\\}": "}", "\\lbrace": "{", "\\rbrace": "}",
        "\\lbrack": "[", "\\rbrack": "]", "|": "|", "\\|": "‖", "\\vert": "|", "\\Vert": "‖", "\\lvert": "|",
        "\\rvert": "|", "\\lVert": "‖", "\\rVert": "‖", "\\langle": "⟨", "\\rangle": "⟩", "<": "⟨",
        ">": "⟩", "\\lfloor": "⌊", "\\rfloor": "⌋", "\\lceil": "⌈", "\\rceil": "⌉", "/": "/",
        "\\backslash": "\\", "\\uparrow": "↑", "\\downarrow": "↓", "\\updownarrow": "↕",
        "\\Uparrow": "⇑", "\\Downarrow": "⇓", "\\Updownarrow": "⇕",
    ]

    /// `\big` and its relatives: the delimiter's fixed size and the TeX class the suffix gives it.
    static let sizedDelimiters: [String: (size: String, texClass: TeXClass)] = [
        "big": ("1.2em", .ordinary), "Big": ("1.623em", .ordinary), "bigg": ("2.047em", .ordinary),
        "Bigg": ("2.470em", .ordinary), "bigl": ("1.2em", .opening), "Bigl": ("1.623em", .opening),
        "biggl": ("2.047em", .opening), "Biggl": ("2.470em", .opening), "bigr": ("1.2em", .closing),
        "Bigr": ("1.623em", .closing), "biggr": ("2.047em", .closing), "Biggr": ("2.470em", .closing),
    ]

    /// Font commands and the alphabet each selects for letters (and digits) in its argument.
    static let fonts: [String: MathFont] = [
        "mathbf": .bold, "mathrm": .upright, "mathit": .italic, "mathbb": .doubleStruck,
        "mathcal": .script, "mathscr": .script, "mathfrak": .fraktur, "mathsf": .sansSerif,
        "mathtt": .monospace, "boldsymbol": .boldItalic, "bm": .boldItalic,
    ]

    /// Environments that build a table, with the delimiters around it.
    static let environments: [String: EnvironmentStyle] = [
        "matrix": .init(), "pmatrix": .init(open: "(", close: ")"), "bmatrix": .init(open: "[", close: "]"),
        "Bmatrix": .init(open: "{", close: "}"), "vmatrix": .init(open: "|", close: "|"),
        "Vmatrix": .init(open: "‖", close: "‖"), "cases": .init(open: "{", columnAlignment: "left"),
    ]

    /// What `\not` makes of the relation after it, keyed by the TeX that names the relation.
    static let negations: [String: String] = [
        "=": "≠", "<": "≮", ">": "≯", "\\in": "∉", "\\ni": "∌", "\\equiv": "≢", "\\sim": "≁",
        "\\approx": "≉", "\\simeq": "≄", "\\cong": "≇", "\\leq": "≰", "\\le": "≰", "\\geq": "≱",
        "\\ge": "≱", "\\subset": "⊄", "\\supset": "⊅", "\\subseteq": "⊈", "\\supseteq": "⊉",
        "\\mid": "∤", "\\parallel": "∦", "\\exists": "∄",
    ]

    /// Commands allowed inside `\text`, and the characters they stand for.
    static let textEscapes: [String: String] = [
        "{": "{", "}": "}", "$": "$", "%": "%", "&": "&", "#": "#", "_": "_", " ": " ",
        "textbackslash": "\\",
    ]

    /// Commands whose argument is read as text.
    static let textCommands: Set<String> = ["text", "textrm", "textnormal", "mbox"]
}

/// The start of each Unicode math alphabet, and the letters that live elsewhere in Unicode.
private struct MathAlphabet {
    var capitals: UInt32?
    var smalls: UInt32?
    var digits: UInt32?
    /// The first of 58 Greek slots: Α–Ω with ϴ, ∇, then α–ω, ∂, ϵ, ϑ, ϰ, ϕ, ϱ, ϖ.
    var greek: UInt32?
    /// Letters whose styled form was encoded before the math alphabets, in Letterlike Symbols.
    var exceptions: [Unicode.Scalar: UInt32] = [:]
}

/// Mapping letters and digits into Unicode's math alphabets.
extension MathFont {
    /// The alphabets, from Unicode's Mathematical Alphanumeric Symbols block.
    private var alphabet: MathAlphabet? {
        switch self {
        case .upright:
            return nil
        case .italic:
            return MathAlphabet(capitals: 0x1D434, smalls: 0x1D44E, greek: 0x1D6E2, exceptions: ["h": 0x210E])
        case .bold:
            return MathAlphabet(capitals: 0x1D400, smalls: 0x1D41A, digits: 0x1D7CE, greek: 0x1D6A8)
        case .boldItalic:
            return MathAlphabet(capitals: 0x1D468, smalls: 0x1D482, digits: 0x1D7CE, greek: 0x1D71C)
        case .doubleStruck:
            return MathAlphabet(
                capitals: 0x1D538, smalls: 0x1D552, digits: 0x1D7D8,
                exceptions: ["C": 0x2102, "H": 0x210D, "N": 0x2115, "P": 0x2119, "Q": 0x211A, "R": 0x211D, "Z": 0x2124]
            )
        case .script:
            return MathAlphabet(
                capitals: 0x1D49C, smalls: 0x1D4B6,
                exceptions: [
                    "B": 0x212C, "E": 0x2130, "F": 0x2131, "H": 0x210B, "I": 0x2110, "L": 0x2112, "M": 0x2133,
                    "R": 0x211B, "e": 0x212F, "g": 0x210A, "o": 0x2134,
                ]
            )
        case .fraktur:
            return MathAlphabet(
                capitals: 0x1D504, smalls: 0x1D51E,
                exceptions: ["C": 0x212D, "H": 0x210C, "I": 0x2111, "R": 0x211C, "Z": 0x2128]
            )
        case .sansSerif:
            return MathAlphabet(capitals: 0x1D5A0, smalls: 0x1D5BA, digits: 0x1D7E2)
        case .monospace:
            return MathAlphabet(capitals: 0x1D670, smalls: 0x1D68A, digits: 0x1D7F6)
        }
    }

    /// The character in this alphabet, or the character itself where Unicode has no styled form.
    func styled(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard let alphabet else { return scalar }
        if let exception = alphabet.exceptions[scalar], let mapped = Unicode.Scalar(exception) {
            return mapped
        }
        let value = scalar.value
        let base: UInt32?
        let index: UInt32
        switch value {
        case 0x41...0x5A: (base, index) = (alphabet.capitals, value - 0x41)
        case 0x61...0x7A: (base, index) = (alphabet.smalls, value - 0x61)
        case 0x30...0x39: (base, index) = (alphabet.digits, value - 0x30)
        default:
            guard let slot = Self.greekSlot(value) else { return scalar }
            (base, index) = (alphabet.greek, slot)
        }
        guard let base, let mapped = Unicode.Scalar(base + index) else { return scalar }
        return mapped
    }

    /// The slot of a Greek letter in the math alphabets' order, where ϴ sits between Ρ and Σ.
    private static func greekSlot(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x391...0x3A1, 0x3A3...0x3A9: return value - 0x391
        case 0x3F4: return 17
        case 0x2207: return 25
        case 0x3B1...0x3C9: return 26 + value - 0x3B1
        case 0x2202: return 51
        case 0x3F5: return 52
        case 0x3D1: return 53
        case 0x3F0: return 54
        case 0x3D5: return 55
        case 0x3F1: return 56
        case 0x3D6: return 57
        default: return nil
        }
    }

    /// Every character of a string in this alphabet.
    func styled(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(styled(scalar))
        }
        return String(result)
    }
}
