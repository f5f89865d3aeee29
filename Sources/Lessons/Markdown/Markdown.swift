import CMark
import Foundation

/// A block of a Markdown document, as far as lessons care: fenced code, headings, and where each
/// block sits in the tree, so that "an output block directly after a code block" can be decided.
struct MarkdownBlock: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A fenced code block: its info string as written (`"swift-math hidden"`, `""` when absent)
        /// and its content, with the fence's indentation removed, as cmark reads it.
        case fencedCode(info: String, literal: String)
        /// A code block indented by four spaces (never run).
        case indentedCode
        /// An ATX or setext heading, with its plain text.
        case heading(level: Int, text: String)
        /// Any other block: a paragraph, a list, a quote, a thematic break, raw HTML.
        case other
    }

    var kind: Kind
    /// The first and last line of the block, counted from 1; a fenced block's last line is its
    /// closing fence (or the last line of its container when the fence is never closed).
    var startLine: Int
    var endLine: Int
    /// The column (from 1, in UTF-8 bytes) where the block starts.
    var startColumn: Int
    /// The index, in the list of blocks, of the block just before this one in the same container,
    /// or nil when this block is the first of its container.
    var previousSibling: Int?
}

/// The only place that speaks to cmark (cmark-gfm, for its tables): it turns cmark's nodes into
/// `MarkdownBlock` values at once and frees what it allocated.
enum Markdown {
    /// All the blocks of `text`, in document order (a block's children come after it).
    static func blocks(in text: String) -> [MarkdownBlock] {
        parse(text, options: CMARK_OPT_SOURCEPOS) { document, _ in blocks(of: document) } ?? []
    }

    /// Parses `text` (CommonMark plus tables) and hands the document and its parser to `body`;
    /// both are freed after it. Nil when cmark cannot make a parser or a document.
    private static func parse<Result>(_ text: String, options: Int32, _ body: (OpaquePointer, OpaquePointer) -> Result) -> Result? {
        guard let parser = mathbook_parser_with_tables(options) else { return nil }
        defer { cmark_parser_free(parser) }
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        return body(document, parser)
    }

    /// All the blocks of a parsed document, in document order.
    private static func blocks(of document: OpaquePointer) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        /// Appends the block children of `container`, each pointing at the one before it.
        func visitChildren(of container: OpaquePointer) {
            var previous: Int?
            var child = cmark_node_first_child(container)
            while let current = child {
                if var entry = block(for: current) {
                    entry.previousSibling = previous
                    blocks.append(entry)
                    previous = blocks.count - 1
                    visitChildren(of: current)
                }
                child = cmark_node_next(current)
            }
        }
        visitChildren(of: document)
        return blocks
    }

    /// The block `node` is, or nil for an inline node (text, emphasis, code spans, links).
    private static func block(for node: OpaquePointer) -> MarkdownBlock? {
        let type = cmark_node_get_type(node)
        let kind: MarkdownBlock.Kind
        switch type {
        case CMARK_NODE_CODE_BLOCK:
            let info = string(cmark_node_get_fence_info(node))
            let literal = string(cmark_node_get_literal(node))
            // cmark 0.30 cannot tell a fenced block from an indented one (no
            // `cmark_node_get_fenced`); an indented block never has an info string, and the caller
            // looks at the fence line itself to tell the two apart when the info is empty.
            kind = .fencedCode(info: info, literal: literal)
        case CMARK_NODE_HEADING:
            kind = .heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(of: node))
        default:
            // Any other block (a paragraph, a list, a table, …) is just a block; inlines are not.
            guard type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK) else { return nil }
            kind = .other
        }
        return MarkdownBlock(
            kind: kind,
            startLine: Int(cmark_node_get_start_line(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            startColumn: Int(cmark_node_get_start_column(node)),
            previousSibling: nil)
    }

    /// The text of a heading, without its markup: text, code spans and the text inside emphasis
    /// and links, with soft breaks as spaces.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                text += string(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    /// Markdown rendered to HTML by cmark. Raw HTML in the text is kept (`CMARK_OPT_UNSAFE`):
    /// lessons are written by the course's authors, and the site inserts its own HTML blocks.
    static func html(_ text: String) -> String {
        parse(text, options: CMARK_OPT_UNSAFE) { document, parser in
            guard let rendered = cmark_render_html(document, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser)) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        } ?? ""
    }

    /// A string that cmark owns, copied (nil becomes "").
    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
