import Interpreter
import Yams

/// Reads the YAML front matter between `---` lines at the very top of a lesson, with Yams.
enum FrontMatterReader {
    /// The front matter, and the text for cmark: the whole file with the front matter's lines
    /// blanked, so that every line keeps its number.
    static func read(lines: SourceLines, path: String) throws(LessonError) -> (FrontMatter, String) {
        guard lines.count > 1, lines[1].trimmingTrailingWhitespace == "---" else {
            return (FrontMatter(), lines.lines.joined(separator: "\n"))
        }
        guard let closing = (2...lines.count).first(where: { lines[$0].trimmingTrailingWhitespace == "---" || lines[$0].trimmingTrailingWhitespace == "..." }) else {
            throw LessonError(path: path, line: 1, "the front matter opened on line 1 is never closed (a line '---' is missing)")
        }
        let yaml = (2..<closing).map { String(lines[$0]) }.joined(separator: "\n")
        let frontMatter = try parse(yaml, firstLine: 2, path: path)
        let body = Array(repeating: "", count: closing) + lines.lines[closing...].map(String.init)
        return (frontMatter, body.joined(separator: "\n"))
    }

    /// The front matter's keys, checked: only `title`, `summary` and `order`, each once, of the
    /// right type.
    static func parse(_ yaml: String, firstLine: Int, path: String) throws(LessonError) -> FrontMatter {
        /// An error at a Yams mark (lines counted from the front matter's first line).
        func error(_ mark: Mark?, _ message: String) -> LessonError {
            LessonError(path: path, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1, message)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let yamlError as YamlError {
            switch yamlError {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw error(mark, "the front matter is not valid YAML: \(problem)")
            default:
                throw error(nil, "the front matter is not valid YAML: \(yamlError)")
            }
        } catch {
            throw LessonError(path: path, line: firstLine, "the front matter is not valid YAML: \(error)")
        }
        guard let node else { return FrontMatter() }
        guard let mapping = node.mapping else {
            throw error(node.mark, "the front matter must be a mapping of keys to values (title: …, summary: …, order: …)")
        }
        var frontMatter = FrontMatter()
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard let name = key.string else {
                throw error(key.mark, "a front matter key must be a plain word")
            }
            guard FrontMatter.keys.contains(name) else {
                throw error(key.mark, "unknown front matter key '\(name)' (known: \(FrontMatter.keys.joined(separator: ", ")))")
            }
            guard seen.insert(name).inserted else {
                throw error(key.mark, "the front matter key '\(name)' is given twice")
            }
            guard let text = value.scalar?.string else {
                throw error(value.mark, "'\(name)' must be a single value, not a list or a mapping")
            }
            switch name {
            case "title": frontMatter.title = text
            case "summary": frontMatter.summary = text
            default:
                guard let order = Int(text) else {
                    throw error(value.mark, "'order' must be a whole number, not '\(text)'")
                }
                frontMatter.order = order
            }
        }
        return frontMatter
    }
}

extension Substring {
    /// The line without the spaces and tabs at its end.
    var trimmingTrailingWhitespace: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
