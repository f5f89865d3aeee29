import Foundation
import Lessons

/// One lesson of the course, ready to be rendered: where it is, what it is called, what it ran.
public struct CourseLesson: Sendable {
    public var lesson: Lesson
    public var results: LessonResults
    /// The page's file name in the site (`02-vectors.html`).
    public var pageName: String
    /// The lesson's file name in the lessons folder (`02-vectors.md`).
    public var fileName: String
    /// The build cache's key of its results.
    public var cacheKey = ""
    /// The build cache's key of its rendered body.
    var bodyKey = ""
    /// Its body, from the cache: then `results` is empty, and not needed.
    var cachedBody: LessonBody?

    /// Its failing blocks' messages (each a whole diagnostic located in the lesson file).
    var failures: [String] {
        cachedBody?.failures ?? results.blocks.filter(\.failed).map { $0.failure ?? "\(lesson.path): error: a block failed" }
    }

    public var title: String { lesson.title ?? fileName }
}

/// A rendered page: its HTML and what the search index and link checker need of it.
struct RenderedPage {
    var name: String
    var html: String
    /// The sections of the page for search: heading, anchor, plain text.
    var sections: [SearchIndex.Section]
}

/// The part of a lesson page that the build cache keeps between builds.
struct LessonBody: Codable, Equatable {
    struct Heading: Codable, Equatable {
        var level: Int
        var text: String
        var anchor: String
    }

    /// The lesson's HTML: prose, code blocks with their outputs, formulas, heading ids.
    var html: String
    /// Its `h2` and `h3` headings, for the table of contents.
    var toc: [Heading]
    var sections: [SearchIndex.Section]
    /// The messages of the lesson's failing blocks (shown on the page with `--keep-going`).
    var failures: [String]
}

/// Renders lesson pages and the index page from the theme's templates.
struct PageRenderer {
    let theme: Theme
    let courseTitle: String
    let lessons: [CourseLesson]
    /// Each lesson's page, by the lesson's file name (links between lessons are rewritten to them).
    let pageNames: [String: String]
    let buildVersion: String
    let liveReload: Bool

    /// The lesson page of `lessons[position]`, around its body (rendered now when not given).
    func lessonPage(at position: Int, body given: LessonBody? = nil) throws(SiteError) -> RenderedPage {
        let entry = lessons[position]
        let body: LessonBody
        if let given { body = given } else { body = try lessonBody(at: position) }
        var context = commonContext(current: position)
        context["page"] = [
            "title": entry.title,
            "summary": entry.lesson.frontMatter.summary ?? "",
            "html": body.html,
            "toc": body.toc.map { ["level": $0.level, "text": $0.text, "anchor": $0.anchor] as [String: Any] },
            "hasToc": !body.toc.isEmpty,
        ] as [String: Any]
        if position > 0 { context["previous"] = ["title": lessons[position - 1].title, "href": lessons[position - 1].pageName] }
        if position + 1 < lessons.count { context["next"] = ["title": lessons[position + 1].title, "href": lessons[position + 1].pageName] }
        let html = try theme.render("page", context)
        return RenderedPage(name: entry.pageName, html: html, sections: body.sections)
    }

    /// What a lesson page holds that depends on the lesson alone (and the theme and the lessons'
    /// page names): the body with its anchors and links, the table of contents, the search sections.
    func lessonBody(at position: Int) throws(SiteError) -> LessonBody {
        let entry = lessons[position]
        var body = try bodyHTML(of: entry)
        var anchors = AnchorNamer(reserved: theme.literalIDs.union(entry.lesson.blocks.indices.map(BlockContext.id(of:))))
        var toc: [LessonBody.Heading] = []
        var dropTitle = true
        body = HeadingAnchors.addIDs(to: body) { level, text in
            let plain = HeadingAnchors.plainText(ofHTML: text)
            // The page template shows the title; the lesson's own first level-1 heading repeats it.
            if dropTitle && level == 1 && plain == entry.title {
                dropTitle = false
                return nil
            }
            dropTitle = false
            let anchor = anchors.anchor(for: plain)
            if level == 2 || level == 3 { toc.append(LessonBody.Heading(level: level, text: plain, anchor: anchor)) }
            return anchor
        }
        body = LinkRewriter.rewriteLessonLinks(in: body, pageNames: pageNames)
        return LessonBody(html: body, toc: toc, sections: SearchIndex.sections(ofBody: body, title: entry.title), failures: entry.failures)
    }

    /// The index page: the course title, its introduction, the lessons with their summaries.
    func indexPage(introductionHTML: String) throws(SiteError) -> RenderedPage {
        var context = commonContext(current: nil)
        var site = context["site"] as? [String: Any] ?? [:]
        site["introductionHTML"] = introductionHTML
        context["site"] = site
        return RenderedPage(name: "index.html", html: try theme.render("index", context), sections: [])
    }

    /// What every page's templates see: the site and the lessons in order.
    private func commonContext(current: Int?) -> [String: Any] {
        [
            "site": ["title": courseTitle, "buildVersion": buildVersion] as [String: Any],
            "liveReload": liveReload,
            "lessons": lessons.enumerated().map { position, entry in
                [
                    "number": position + 1,
                    "title": entry.title,
                    "href": entry.pageName,
                    "summary": entry.lesson.frontMatter.summary ?? "",
                    "current": position == current,
                ] as [String: Any]
            },
        ]
    }

    /// The lesson's prose from cmark, each code block from the `block` template, each formula as MathML.
    private func bodyHTML(of entry: CourseLesson) throws(SiteError) -> String {
        let lesson = entry.lesson
        let resultsByBlock = Dictionary(uniqueKeysWithValues: entry.results.blocks.map { ($0.blockIndex, $0) })
        return try LessonHTML.render(lesson, codeBlock: { (index: Int) throws(SiteError) -> String in
            try theme.render("block", BlockContext.make(lesson.blocks[index], index: index, results: resultsByBlock[index]))
        }, math: { (span: MathSpan) throws(SiteError) -> String in
            do throws(MathError) {
                return try MathML.render(span.tex, display: span.display)
            } catch {
                throw SiteError(path: lesson.path, line: span.line, "\(error.message) in the formula $\(span.tex)$")
            }
        })
    }
}

/// The context of the `block` template for one code block.
enum BlockContext {
    /// The id of the element of the lesson's code block `index`.
    static func id(of index: Int) -> String {
        "block-\(index)"
    }

    static func make(_ block: CodeBlock, index: Int, results: LessonResults.Block?) -> [String: Any] {
        let isSwift = block.language == .swiftMath || block.language == .swift
        let codeHTML = isSwift ? SwiftHighlighter.html(block.code) : HTML.escape(block.code)
        let showOutput = !block.options.contains(.silent)
        let outputs: [[String: Any]] = showOutput ? (results?.segments ?? []).map { segment in
            switch segment {
            case let .text(text): return ["isText": true, "text": text]
            case let .figure(svg): return ["isFigure": true, "svg": svg]
            case let .error(text): return ["isError": true, "text": text]
            }
        } : []
        let language: String
        switch block.language {
        case .swiftMath, .swift: language = "swift"
        case let .other(name): language = name
        }
        return [
            "id": id(of: index),
            "line": block.fence.openingLine,
            "showCode": !block.options.contains(.hidden),
            "codeHTML": codeHTML,
            "language": language,
            "runnable": block.isRunnable,
            "exercise": block.options.contains(.exercise),
            "solution": block.options.contains(.solution),
            "hasOutput": !outputs.isEmpty,
            "outputs": outputs,
        ]
    }
}
