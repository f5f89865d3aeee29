import Foundation
@testable import Lessons
@testable import Site
import Testing

@Suite("Rendering")
struct RenderingTests {
    @Test func swiftIsHighlightedFromSwiftSyntaxTokensWithTriviaKept() {
        let html = SwiftHighlighter.html("let v: Tensor = [3, 1]  // a <vector>\nprint(norm(v) * 2.5, \"a&b\")\n")
        #expect(html == """
            <span class="tok-keyword">let</span> <span class="tok-identifier">v</span><span class="tok-punctuation">:</span> \
            <span class="tok-type">Tensor</span> <span class="tok-operator">=</span> <span class="tok-punctuation">[</span>\
            <span class="tok-number">3</span><span class="tok-punctuation">,</span> <span class="tok-number">1</span>\
            <span class="tok-punctuation">]</span>  <span class="tok-comment">// a &lt;vector&gt;</span>
            <span class="tok-function">print</span><span class="tok-punctuation">(</span><span class="tok-function">norm</span>\
            <span class="tok-punctuation">(</span><span class="tok-identifier">v</span><span class="tok-punctuation">)</span> \
            <span class="tok-operator">*</span> <span class="tok-number">2.5</span><span class="tok-punctuation">,</span> \
            <span class="tok-string">&quot;</span><span class="tok-string">a&amp;b</span><span class="tok-string">&quot;</span>\
            <span class="tok-punctuation">)</span>

            """)
    }

    @Test func invalidSwiftIsStillShownWhole() {
        let code = "let = = (\n}"
        let html = SwiftHighlighter.html(code)
        #expect(HeadingAnchors.plainText(ofHTML: html) == "let = = ( }")
    }

    @Test func headingsGetUniqueAnchorsAndTheTitleHeadingIsDropped() {
        var namer = AnchorNamer()
        let html = HeadingAnchors.addIDs(to: "<h1>Title</h1>\n<h2>Gradient descent</h2>\n<p>x</p>\n<h2>Gradient  descent!</h2>\n") { level, text in
            level == 1 ? nil : namer.anchor(for: HeadingAnchors.plainText(ofHTML: text))
        }
        #expect(html == "<h2 id=\"gradient-descent\">Gradient descent</h2>\n<p>x</p>\n<h2 id=\"gradient-descent-2\">Gradient  descent!</h2>\n")
    }

    @Test func headingsNeverTakeTheThemesOrTheBlocksIDs() throws {
        let theme = try Theme.load(overrides: nil)
        #expect(theme.literalIDs.isSuperset(of: ["mathbook-main", "mathbook-search", "mathbook-search-results", "mathbook-lessons-heading"]))
        #expect(Theme.literalIDs(in: #"<a id="x" data-id="y" id="{{id}}"><b id="">"#) == ["x"])
        var namer = AnchorNamer(reserved: theme.literalIDs.union(["block-1"]))
        #expect(namer.anchor(for: "Block 1") == "block-1-2")
        #expect(namer.anchor(for: "Mathbook main") == "section-mathbook-main")
        #expect(namer.anchor(for: "Mathbook result 3") == "section-mathbook-result-3")
        #expect(namer.anchor(for: "!!!") == "section")
    }

    @Test func linksToLessonsGoToTheirPagesAndOtherLinksStay() {
        let pages = ["02-vectors.md": "02-vectors.html", "01-a.md": "01-a.html"]
        let html = ##"<a href="02-vectors.md">v</a> <a href="./01-a.md#x-y">a</a> <a href="https://e.org/02-vectors.md">e</a>"##
            + ##" <a href="notes.md">n</a> <a href="#top">t</a> é <a href="02-vectors.md#">z</a>"##
        #expect(LinkRewriter.rewriteLessonLinks(in: html, pageNames: pages)
            == ##"<a href="02-vectors.html">v</a> <a href="01-a.html#x-y">a</a> <a href="https://e.org/02-vectors.md">e</a>"##
            + ##" <a href="notes.md">n</a> <a href="#top">t</a> é <a href="02-vectors.html#">z</a>"##)
    }

    @Test func plainTextOfFormulasReadsAsTheyLook() throws {
        let heading = "Why divide by " + (try MathML.render(#"\sqrt{d}"#, display: false)) + "?"
        #expect(HeadingAnchors.plainText(ofHTML: heading) == "Why divide by √d?")
        #expect(HeadingAnchors.plainText(ofHTML: "<p>a&amp;b</p><p>c\u{00A0}d</p><svg><text>no</text></svg>e") == "a&b c d e")
    }

    @Test func byteSearchFindsMarkupAfterAnyText() {
        let text = "naïve ∑ <h2>x</h2> <h2>y"
        let range = text.firstRange(ofBytes: "<h2>")
        #expect(range.map { String(text[$0.lowerBound...]) } == "<h2>x</h2> <h2>y")
        #expect(text.firstRange(ofBytes: "<h3>") == nil)
        #expect(text.firstRange(ofBytes: "<h2>y") != nil && text.firstRange(ofBytes: "<h2>yz") == nil)
        #expect(text.dropFirst(10).firstRange(ofBytes: "∑") == nil)
        #expect(text.replacingAll(bytes: "<h2>", with: "[") == "naïve ∑ [x</h2> [y")
        #expect("".firstRange(ofBytes: "a") == nil && "aaa".replacingAll(bytes: "aa", with: "b") == "ba")
    }

    @Test func searchSectionsFollowTheHeadings() {
        let sections = SearchIndex.sections(ofBody: "<p>Intro <em>text</em>.</p><h2 id=\"a\">First</h2><p>One</p><p>&amp; two</p><h3 id=\"b\">Sub</h3><p>Three</p>", title: "T")
        #expect(sections == [
            SearchIndex.Section(heading: "T", anchor: "", text: "Intro text."),
            SearchIndex.Section(heading: "First", anchor: "a", text: "One & two"),
            SearchIndex.Section(heading: "Sub", anchor: "b", text: "Three"),
        ])
        #expect(SearchIndex.script([SearchIndex.Page(title: "</script>", href: "a.html", sections: [])])
            == "window.MATHBOOK_SEARCH = [{\"href\":\"a.html\",\"sections\":[],\"title\":\"\\u003c/script>\"}];\n")
    }

    @Test func linksAreCheckedAgainstPagesFilesAndAnchors() {
        let pages = ["a.html": "<h2 id=\"x\">X</h2><a href=\"b.html#y\">b</a><a href=\"#x\">self</a><a href=\"https://example.com/q\">out</a><img src=\"assets/i.png\">",
                     "b.html": "<p id=\"z\"></p><a href=\"a.html#nope\">a</a><a href=\"./c.html\">c</a>"]
        let errors = LinkChecker.brokenLinks(pages: pages, otherFiles: ["assets/i.png"], siteFolder: "site")
        #expect(errors.map(\.description) == [
            "site/a.html: error: broken link 'b.html#y': b.html has no anchor 'y'",
            "site/b.html: error: broken link 'a.html#nope': a.html has no anchor 'nope'",
            "site/b.html: error: broken link './c.html': there is no c.html in the site",
        ])
    }

    @Test func aBlocksOutputIsCutAroundItsFigures() throws {
        let lesson = try LessonParser.parse(source: "```swift-math\nprint(\"a\")\nplot([0.0, 1.0], [1.0, 0.0])\nprint(\"b\", terminator: \"\")\n```\n", path: "x.md")
        let results = LessonResults(LessonCheck(LessonRunner.run(lesson)))
        let segments = try #require(results.blocks.first?.segments)
        #expect(segments.count == 3)
        #expect(segments.first == .text("a\n"))
        #expect(segments.last == .text("b"))
        if case let .figure(svg) = segments[1] {
            #expect(svg.hasPrefix("<svg"))
        } else {
            Issue.record("the middle segment is not a figure: \(segments[1])")
        }
    }

    /// The expected digest is FNV-1a 64 over (length as 8 little-endian bytes, then the bytes),
    /// computed in Python.
    @Test func stableHashesAreFNV1aOverLengthAndBytes() {
        #expect(StableHasher.digest(of: ["abc"]) == "c11ab6d2519bc2b2")
        #expect(StableHasher.digest(of: ["ab", "c"]) != StableHasher.digest(of: ["a", "bc"]))
    }
}

extension StableHasher {
    static func digest(of parts: [String]) -> String {
        var hasher = StableHasher()
        for part in parts { hasher.combine(part) }
        return hasher.hexDigest
    }
}
