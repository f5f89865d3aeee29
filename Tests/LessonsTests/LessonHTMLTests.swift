import Foundation
@testable import Lessons
import Testing

@Suite("Lesson HTML and math")
struct LessonHTMLTests {
    /// Renders `markdown` with formulas as `[TeX]` (inline) or `[[TeX]]` (display) and code blocks as `<CODE n/>`.
    func render(_ markdown: String) throws -> (html: String, spans: [MathSpan]) {
        let lesson = try LessonParser.parse(source: markdown, path: "a.md")
        var spans: [MathSpan] = []
        let html = LessonHTML.render(lesson, codeBlock: { "<CODE \($0)/>" }, math: { span in
            spans.append(span)
            return span.display ? "[[\(span.tex)]]" : "[\(span.tex)]"
        })
        return (html, spans)
    }

    @Test func mathKeepsItsTeXThroughMarkdown() throws {
        let (html, spans) = try render("The product $a_i * b_j$ and *this* and $x^*_1 * y^*$.\n")
        #expect(html == "<p>The product [a_i * b_j] and <em>this</em> and [x^*_1 * y^*].</p>\n")
        #expect(spans.map(\.tex).sorted() == ["a_i * b_j", "x^*_1 * y^*"])
    }

    @Test func displayMathMaySpanLinesAndStandsAlone() throws {
        let (html, spans) = try render("Before.\n\n$$\n\\hat{y} = \\sum_{i=1}^n w_i x_i\n$$\n\nAfter $$a*b$$ inline.\n")
        #expect(html == "<p>Before.</p>\n[[\\hat{y} = \\sum_{i=1}^n w_i x_i]]\n<p>After [[a*b]] inline.</p>\n")
        #expect(spans.map(\.line).sorted() == [3, 7])
    }

    @Test func dollarsThatAreNotMathStayText() throws {
        let (html, spans) = try render("It costs $5 and $10, or \\$3; `$x$` is code.\n\n    $indented$ code\n")
        #expect(spans.isEmpty)
        #expect(html == "<p>It costs $5 and $10, or $3; <code>$x$</code> is code.</p>\n<pre><code>$indented$ code\n</code></pre>\n")
    }

    @Test func codeBlocksAndTheirOutputsLeaveThePageToTheRenderer() throws {
        let (html, _) = try render("# T\n\n```swift-math\nlet cost = 5 // $5\n```\n\n```output\n$1$\n```\n\n- item\n\n  ```swift\n  x\n  ```\n")
        #expect(html == "<h1>T</h1>\n<CODE 0/>\n<ul>\n<li>\n<p>item</p>\n<CODE 1/>\n</li>\n</ul>\n")
    }

    @Test func pipeTablesAreTablesWithMathInTheirCells() throws {
        let (html, spans) = try render("| rate $\\eta$ | result |\n| --- | ---: |\n| $0.1$ | converges |\n| *1.1* | diverges |\n\nAfter.\n")
        #expect(html == """
            <table>
            <thead>
            <tr>
            <th>rate [\\eta]</th>
            <th align="right">result</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>[0.1]</td>
            <td align="right">converges</td>
            </tr>
            <tr>
            <td><em>1.1</em></td>
            <td align="right">diverges</td>
            </tr>
            </tbody>
            </table>
            <p>After.</p>

            """)
        #expect(spans.map(\.tex).sorted() == ["0.1", "\\eta"])
        // Other extensions of GitHub's Markdown stay off: no strikethrough, no bare-URL links.
        #expect(try render("~~no~~ www.example.org\n").html == "<p>~~no~~ www.example.org</p>\n")
    }

    @Test func anOutputBlockAfterATableBelongsToNoCode() throws {
        #expect(throws: LessonError.self) {
            try LessonParser.parse(source: "```swift-math\nprint(1)\n```\n\n| a |\n| - |\n| 1 |\n\n```output\n1\n```\n", path: "a.md")
        }
    }

    @Test func placeholdersNeverClashWithTheText() throws {
        let (html, spans) = try render("Writing mathbookmath0q is fine, and $x$ too.\n")
        #expect(spans.map(\.tex) == ["x"])
        #expect(html == "<p>Writing mathbookmath0q is fine, and [x] too.</p>\n")
    }
}
