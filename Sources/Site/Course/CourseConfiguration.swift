import Foundation
import Lessons
import Yams

/// The course's configuration, `course.yml` in the lessons folder: its title, a short
/// introduction for the index page (Markdown), and optionally the order of the lessons.
///
/// ```yaml
/// title: Math for AI
/// introduction: |
///   AI models are mathematical functions. …
/// lessons:
///   - 01-models-are-functions.md
///   - 02-vectors.md
/// ```
public struct CourseConfiguration: Equatable, Sendable {
    public var title: String
    public var introduction: String
    /// Lesson file names in course order; nil to order by front matter `order`, then file name.
    public var lessonOrder: [String]?

    public static let fileName = "course.yml"
    static let keys = ["title", "introduction", "lessons"]

    public init(title: String, introduction: String = "", lessonOrder: [String]? = nil) {
        self.title = title
        self.introduction = introduction
        self.lessonOrder = lessonOrder
    }

    /// Reads `course.yml` from `folder`; without one, the course is called after the folder.
    public static func load(from folder: URL, displayFolder: String) throws(SiteError) -> CourseConfiguration {
        let url = folder.appendingPathComponent(fileName)
        let path = displayFolder.hasSuffix("/") ? displayFolder + fileName : displayFolder + "/" + fileName
        guard FileManager.default.fileExists(atPath: url.path) else {
            return CourseConfiguration(title: folder.lastPathComponent)
        }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw SiteError(path: path, line: 1, "cannot read the course configuration (is it UTF-8?)")
        }
        return try parse(text, path: path)
    }

    /// Parses the configuration's YAML, checking every key.
    static func parse(_ text: String, path: String) throws(SiteError) -> CourseConfiguration {
        func error(_ mark: Mark?, _ message: String) -> SiteError {
            SiteError(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1, message)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let yamlError as YamlError {
            switch yamlError {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw error(mark, "not valid YAML: \(problem)")
            default:
                throw error(nil, "not valid YAML: \(yamlError)")
            }
        } catch {
            throw SiteError(path: path, line: 1, "not valid YAML: \(error)")
        }
        guard let mapping = node?.mapping else {
            throw error(node?.mark, "the course configuration must be a mapping with a 'title'")
        }
        var title: String?
        var introduction = ""
        var order: [String]?
        for (key, value) in mapping {
            switch key.string {
            case "title":
                guard let text = value.scalar?.string else { throw error(value.mark, "'title' must be a single value") }
                title = text
            case "introduction":
                guard let text = value.scalar?.string else { throw error(value.mark, "'introduction' must be text") }
                introduction = text
            case "lessons":
                guard let sequence = value.sequence else { throw error(value.mark, "'lessons' must be a list of lesson file names") }
                var names: [String] = []
                for item in sequence {
                    guard let name = item.scalar?.string, name.hasSuffix(".md") else {
                        throw error(item.mark, "each entry of 'lessons' must be a lesson file name ending in .md")
                    }
                    guard !names.contains(name) else { throw error(item.mark, "the lesson '\(name)' is listed twice") }
                    names.append(name)
                }
                order = names
            default:
                throw error(key.mark, "unknown course key '\(key.string ?? "?")' (known: \(keys.joined(separator: ", ")))")
            }
        }
        guard let title else { throw error(node?.mark, "the course configuration needs a 'title'") }
        return CourseConfiguration(title: title, introduction: introduction, lessonOrder: order)
    }
}
