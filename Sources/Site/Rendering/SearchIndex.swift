import Foundation
import Lessons

/// The offline search index: every lesson's sections as plain text, written as a script
/// (`search-index.js`) rather than JSON, because a page opened from `file://` may load a script
/// but not fetch a file.
enum SearchIndex {
    /// A part of a page under one heading.
    struct Section: Codable, Equatable {
        var heading: String
        var anchor: String
        var text: String
    }

    /// A page in the index.
    struct Page: Encodable, Equatable {
        var title: String
        var href: String
        var sections: [Section]
    }

    /// The sections of a lesson body whose `h2`/`h3` carry ids: the text before the first one
    /// belongs to the page itself (anchor "").
    static func sections(ofBody body: String, title: String) -> [Section] {
        var sections: [Section] = []
        var heading = title
        var anchor = ""
        var rest = Substring(body)
        while let start = nextHeading(in: rest) {
            let text = HeadingAnchors.plainText(ofHTML: String(rest[..<start.range.lowerBound]))
            if !text.isEmpty || !anchor.isEmpty { sections.append(Section(heading: heading, anchor: anchor, text: text)) }
            heading = start.text
            anchor = start.id
            rest = rest[start.range.upperBound...]
        }
        sections.append(Section(heading: heading, anchor: anchor, text: HeadingAnchors.plainText(ofHTML: String(rest))))
        return sections
    }

    /// The next `<h2 id="…">…</h2>` or `<h3 id="…">…</h3>`.
    private static func nextHeading(in html: Substring) -> (range: Range<Substring.Index>, id: String, text: String)? {
        var search = html
        while let open = search.firstRange(ofBytes: "<h") {
            let after = search[open.upperBound...]
            if let level = after.first, level == "2" || level == "3", after.dropFirst().hasPrefix(" id=\""),
               let idEnd = after.dropFirst(6).firstIndex(of: "\""),
               let close = after.firstRange(ofBytes: "</h\(level)>") {
                let id = String(after[after.index(after.startIndex, offsetBy: 6)..<idEnd])
                let contentStart = after.index(after: idEnd)
                let content = after[after.index(after: contentStart)..<close.lowerBound]
                return (open.lowerBound..<close.upperBound, id, HeadingAnchors.plainText(ofHTML: String(content)))
            }
            search = after
        }
        return nil
    }

    /// `window.MATHBOOK_SEARCH = [...];`, with keys in a stable order.
    static func script(_ pages: [Page]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(pages)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // `</script>` cannot appear in JSON text from a page, but `<` is escaped anyway for safety.
        return "window.MATHBOOK_SEARCH = " + json.replacingAll(bytes: "<", with: "\\u003c") + ";\n"
    }
}
