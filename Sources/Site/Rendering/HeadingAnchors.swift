import Foundation
import Lessons

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
        while let open = rest.firstRange(ofBytes: "<h") {
            let afterH = rest[open.upperBound...]
            guard let digit = afterH.first, let level = digit.wholeNumberValue, (1...6).contains(level),
                  afterH.dropFirst().first == ">" else {
                result += rest[..<open.upperBound]
                rest = afterH
                continue
            }
            let contentStart = afterH.index(afterH.startIndex, offsetBy: 2)
            guard let close = rest[contentStart...].firstRange(ofBytes: "</h\(level)>") else {
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
    /// figures, scripts and styles with their content), entities decoded, runs of whitespace made
    /// one space. One pass over the UTF-8 bytes: it runs over every page for the search index.
    static func plainText(ofHTML html: String) -> String {
        var input = html
        return input.withUTF8 { bytes in
            var plain: [UInt8] = []
            plain.reserveCapacity(bytes.count / 2)
            var pendingSpace = false
            func append(_ byte: UInt8) {
                if isSpace(byte) {
                    pendingSpace = !plain.isEmpty
                    return
                }
                if pendingSpace { plain.append(UInt8(ascii: " ")) }
                pendingSpace = false
                plain.append(byte)
            }
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    // The tag's name, then its end.
                    var nameEnd = index + 1
                    let isClosing = nameEnd < count && bytes[nameEnd] == UInt8(ascii: "/")
                    if isClosing { nameEnd += 1 }
                    let nameStart = nameEnd
                    while nameEnd < count && isNameByte(bytes[nameEnd]) { nameEnd += 1 }
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self).lowercased()
                    var tagEnd = nameEnd
                    while tagEnd < count && bytes[tagEnd] != UInt8(ascii: ">") { tagEnd += 1 }
                    index = min(tagEnd + 1, count)
                    if !isClosing && skippedElements.contains(name) {
                        // Skip everything up to the matching close tag.
                        let close = Array("</\(name)>".utf8)
                        index = find(close, in: bytes, from: index).map { $0 + close.count } ?? count
                        // A formula's TeX source ends the formula, not a word.
                        if name != "annotation" { pendingSpace = !plain.isEmpty }
                        continue
                    }
                    // A root is drawn, not written: `\sqrt{d}` reads "√d".
                    if !isClosing && (name == "msqrt" || name == "mroot") {
                        for byte in "√".utf8 { append(byte) }
                        continue
                    }
                    // A block ends a word: `</p><p>` must not glue the last word to the next.
                    if blockElements.contains(name) { pendingSpace = !plain.isEmpty }
                    continue
                }
                if byte == UInt8(ascii: "&") {
                    var decoded = false
                    for (entity, character) in entities where matches(entity, in: bytes, at: index) {
                        append(character)
                        index += entity.count
                        decoded = true
                        break
                    }
                    if decoded { continue }
                }
                if byte >= 0xC0 {
                    // A multi-byte character: Unicode's other spaces (no-break, thin, …) are spaces too.
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    let end = min(index + length, count)
                    let character = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    if character.unicodeScalars.count == 1, character.unicodeScalars.first!.properties.isWhitespace {
                        append(UInt8(ascii: " "))
                    } else {
                        for position in index..<end { append(bytes[position]) }
                    }
                    index = end
                    continue
                }
                append(byte)
                index += 1
            }
            return String(decoding: plain, as: UTF8.self)
        }
    }
}

/// Elements whose content is not text a reader sees.
private let skippedElements: Set<String> = ["annotation", "svg", "script", "style"]
private let entities: [([UInt8], UInt8)] = [
    (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")),
    (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&#39;".utf8), UInt8(ascii: "'")),
    (Array("&amp;".utf8), UInt8(ascii: "&")),
]

@inline(__always) private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
}

@inline(__always) private func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
}

private func matches(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index + pattern.count <= bytes.count else { return false }
    for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
    return true
}

private func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index + pattern.count <= bytes.count {
        if bytes[index] == pattern[0] && matches(pattern, in: bytes, at: index) { return index }
        index += 1
    }
    return nil
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
    /// `href="02-vectors.md#x"` → `href="02-vectors.html#x"` (also `./02-vectors.md`) for every
    /// lesson of the course, in one pass over the page; every other link is left as it is.
    static func rewriteLessonLinks(in html: String, pageNames: [String: String]) -> String {
        let marker = "href=\""
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let start = rest.firstRange(ofBytes: marker), let end = rest[start.upperBound...].firstIndex(of: "\"") {
            result += rest[..<start.upperBound]
            let value = rest[start.upperBound..<end]
            let target = value.hasPrefix("./") ? value.dropFirst(2) : value
            let file = target.prefix(while: { $0 != "#" })
            if let page = pageNames[String(file)] {
                result += page
                result += target[file.endIndex...]
            } else {
                result += value
            }
            rest = rest[end...]
        }
        result += rest
        return result
    }
}
