import Foundation

/// Elements after which text is a new word.
private let blockElements: Set<String> = [
    "p", "li", "ul", "ol", "br", "div", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table",
    "blockquote", "section", "figure", "details", "summary", "mtd", "mtr",
]

/// Gives the headings cmark rendered (`<h2>…</h2>`, no attributes) their `id`s.
enum HeadingAnchors {
    /// `html` with each `<hN>` given the id `anchor(level, innerHTML)` returns, or removed (with its
    /// content) when it returns nil.
    static func addIDs(to html: String, anchor: (Int, String) -> String?) -> String {
        var result = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<h") {
            let afterH = rest[open.upperBound...]
            guard let digit = afterH.first, let level = digit.wholeNumberValue, (1...6).contains(level),
                  afterH.dropFirst().first == ">" else {
                result += rest[..<open.upperBound]
                rest = afterH
                continue
            }
            let contentStart = afterH.index(afterH.startIndex, offsetBy: 2)
            guard let close = rest[contentStart...].range(of: "</h\(level)>") else {
                result += rest[..<open.upperBound]
                rest = afterH
                continue
            }
            let content = String(rest[contentStart..<close.lowerBound])
            result += rest[..<open.lowerBound]
            if let id = anchor(level, content) {
                result += "<h\(level) id=\"\(HTML.escape(id))\">\(content)</h\(level)>"
            } else if rest[close.upperBound...].first == "\n" {
                rest = rest[rest.index(after: close.upperBound)...]
                continue
            }
            rest = rest[close.upperBound...]
        }
        result += rest
        return result
    }

    /// The text a reader sees in `html`: tags dropped (and the TeX annotation of MathML, and SVG
    /// figures), entities decoded, runs of whitespace made one space.
    static func plainText(ofHTML html: String) -> String {
        var text = html
        for element in ["annotation", "svg", "script", "style"] {
            while let start = text.range(of: "<\(element)"), let end = text[start.upperBound...].range(of: "</\(element)>") {
                text.replaceSubrange(start.lowerBound..<end.upperBound, with: " ")
            }
        }
        var plain = ""
        var inTag = false
        var tag = ""
        for character in text {
            if character == "<" {
                inTag = true
                tag = ""
                continue
            }
            if character == ">" && inTag {
                inTag = false
                // A block ends a word: `</p><p>` must not glue the last word to the next.
                let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
                if blockElements.contains(name) { plain.append(" ") }
                continue
            }
            if inTag { tag.append(character) } else { plain.append(character) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            plain = plain.replacingOccurrences(of: entity, with: character)
        }
        return plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Turns heading texts into anchors (`Gradient descent` → `gradient-descent`), unique on a page.
struct AnchorNamer {
    /// The prefix of the ids the theme's own elements and scripts use (`mathbook-main`,
    /// `mathbook-result-3`, …); a heading never gets one.
    static let themePrefix = "mathbook-"

    private var used: Set<String>

    /// `reserved`: ids already on the page (the theme's, the code blocks'), which headings must not take.
    init(reserved: Set<String> = []) {
        used = reserved
    }

    mutating func anchor(for text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if (character == " " || character == "-" || character == "_") && !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        if slug.isEmpty || slug.hasPrefix(Self.themePrefix) { slug = "section" + (slug.isEmpty ? "" : "-" + slug) }
        var candidate = slug
        var number = 2
        while used.contains(candidate) {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}

/// Links between lessons are written to the `.md` files; on the site they go to the pages.
enum LinkRewriter {
    /// `href="02-vectors.md#x"` → `href="02-vectors.html#x"` for every lesson of the course.
    static func rewriteLessonLinks(in html: String, pageNames: [String: String]) -> String {
        var result = html
        for (fileName, pageName) in pageNames.sorted(by: { $0.key < $1.key }) {
            for prefix in ["href=\"", "href=\"./"] {
                result = result.replacingOccurrences(of: prefix + fileName + "\"", with: "href=\"" + pageName + "\"")
                result = result.replacingOccurrences(of: prefix + fileName + "#", with: "href=\"" + pageName + "#")
            }
        }
        return result
    }
}
