/// A lesson's prose as HTML, with its code blocks and formulas left to the page renderer.
public enum LessonHTML {
    /// The lesson rendered by cmark, where each fenced code block becomes `codeBlock(index)` (its
    /// index in `lesson.blocks`; its `output` block goes with it), and each formula becomes
    /// `math(span)`, its TeX untouched by Markdown.
    public static func render<Failure: Error>(
        _ lesson: Lesson,
        codeBlock: (Int) throws(Failure) -> String,
        math: (MathSpan) throws(Failure) -> String
    ) throws(Failure) -> String {
        let (text, spans, blockPlaceholders) = prepare(lesson)
        var html = Markdown.html(text)
        for (index, placeholder) in blockPlaceholders {
            let rendered = try codeBlock(index)
            // A placeholder line alone is a paragraph; the block's HTML takes its place.
            if let range = html.firstRange(ofBytes: "<p>\(placeholder)</p>") {
                html.replaceSubrange(range, with: rendered)
            } else if let range = html.firstRange(ofBytes: placeholder) {
                html.replaceSubrange(range, with: rendered)
            }
        }
        let extractor = MathExtractor(text: lesson.source)
        // From the last formula to the first, so that placeholder 1 is not found inside 12.
        for (index, span) in spans.enumerated().reversed() {
            let placeholder = extractor.placeholder(index)
            let rendered = try math(span)
            if span.display, let range = html.firstRange(ofBytes: "<p>\(placeholder)</p>") {
                html.replaceSubrange(range, with: rendered)
            } else if let range = html.firstRange(ofBytes: placeholder) {
                html.replaceSubrange(range, with: rendered)
            }
        }
        return html
    }

    /// Markdown (a course's introduction, say) rendered by cmark, raw HTML kept.
    public static func markdownToHTML(_ text: String) -> String {
        Markdown.html(text)
    }

    /// The formulas of a lesson, in order (for checking them before rendering).
    public static func formulas(of lesson: Lesson) -> [MathSpan] {
        prepare(lesson).spans
    }

    /// The Markdown cmark renders: front matter blanked, each fenced block replaced by a
    /// placeholder line at its indentation (its `output` block blanked), formulas by placeholders.
    static func prepare(_ lesson: Lesson) -> (text: String, spans: [MathSpan], blocks: [(Int, String)]) {
        let lines = SourceLines(lesson.source)
        var output = lines.lines.map(String.init)
        // Front matter: blank it, as the parser did.
        if lines.count > 1, lines[1].trimmingTrailingWhitespace == "---",
           let closing = (2...lines.count).first(where: { lines[$0].trimmingTrailingWhitespace == "---" || lines[$0].trimmingTrailingWhitespace == "..." }) {
            for line in 1...closing { output[line - 1] = "" }
        }
        let extractor = MathExtractor(text: lesson.source)
        var skipped: Set<Int> = []
        var placeholders: [(Int, String)] = []
        for (index, block) in lesson.blocks.enumerated() {
            let placeholder = extractor.prefix + "block\(index)q"
            placeholders.append((index, placeholder))
            var fences = [block.fence]
            if let recorded = block.recordedOutput { fences.append(recorded.fence) }
            for fence in fences {
                for line in fence.openingLine...fence.closingLine { output[line - 1] = "" }
            }
            output[block.fence.openingLine - 1] = block.fence.indentation + placeholder
            skipped.insert(block.fence.openingLine)
        }
        // Indented code blocks and raw HTML keep their dollars.
        for markdownBlock in Markdown.blocks(in: output.joined(separator: "\n")) {
            switch markdownBlock.kind {
            case .fencedCode, .indentedCode:
                skipped.formUnion(markdownBlock.startLine...markdownBlock.endLine)
            default:
                break
            }
        }
        let (text, spans) = extractor.extract(from: output.joined(separator: "\n"), skipping: skipped)
        return (text, spans, placeholders)
    }
}
