import Foundation
import Lessons
import Mustache

/// The templates and assets pages are made with: Mathbook's built-in theme, with any file of the
/// course's templates folder taking the place of the built-in file of the same name.
public struct Theme: Sendable {
    /// The Mustache templates and partials, by name (`page`, `index`, `block`, `sidebar`, …).
    let library: MustacheLibrary
    /// The files under `assets/`, by path relative to it, copied into the site.
    let assets: [String: Data]
    /// A digest of every template and asset, so that a change to the theme is a change of the site.
    let digest: String
    /// The ids the templates write as they are (`id="mathbook-main"`), which no heading may take.
    let literalIDs: Set<String>

    /// The templates every theme must have.
    static let requiredTemplates = ["page", "index", "block"]

    /// The built-in theme's folder (a resource of this module).
    static var builtInFolder: URL? {
        Bundle.module.url(forResource: "Theme", withExtension: nil)
    }

    /// Loads the built-in theme, overridden by the files of `overrides` (if it exists).
    public static func load(overrides: URL?, displayPath: String = "templates") throws(SiteError) -> Theme {
        guard let builtIn = builtInFolder else {
            throw SiteError(path: "Theme", "the built-in theme is missing from Mathbook's resources")
        }
        var files: [String: (url: URL, display: String)] = [:]
        for (relative, url) in listFiles(in: builtIn) {
            files[relative] = (url, "Theme/\(relative)")
        }
        if let overrides, FileManager.default.fileExists(atPath: overrides.path) {
            for (relative, url) in listFiles(in: overrides) where relative.hasSuffix(".mustache") || relative.hasPrefix("assets/") {
                files[relative] = (url, "\(displayPath)/\(relative)")
            }
        }
        var library = MustacheLibrary()
        var assets: [String: Data] = [:]
        var hasher = StableHasher()
        var literalIDs: Set<String> = []
        for relative in files.keys.sorted() {
            guard let (url, display) = files[relative], let data = try? Data(contentsOf: url) else {
                throw SiteError(path: relative, "cannot read the template")
            }
            hasher.combine(relative)
            hasher.combine(data)
            if relative.hasPrefix("assets/") {
                assets[String(relative.dropFirst("assets/".count))] = data
            } else if relative.hasSuffix(".mustache") {
                guard let text = String(data: data, encoding: .utf8) else {
                    throw SiteError(path: display, "the template is not valid UTF-8")
                }
                literalIDs.formUnion(Self.literalIDs(in: text))
                do {
                    library.register(try MustacheTemplate(string: text), named: String(relative.dropLast(".mustache".count)))
                } catch let error as MustacheTemplate.ParserError {
                    throw SiteError(path: display, line: error.context.lineNumber, column: error.context.columnNumber,
                                    "the template cannot be read: \(error.error)")
                } catch {
                    throw SiteError(path: display, "the template cannot be read: \(error)")
                }
            }
        }
        for name in requiredTemplates where library.getTemplate(named: name) == nil {
            throw SiteError(path: "\(displayPath)/\(name).mustache", "the theme has no '\(name)' template")
        }
        return Theme(library: library, assets: assets, digest: hasher.hexDigest, literalIDs: literalIDs)
    }

    /// The values of the `id="…"` attributes of a template that hold no Mustache tag.
    static func literalIDs(in template: String) -> Set<String> {
        var ids: Set<String> = []
        var rest = template[...]
        while let start = rest.firstRange(ofBytes: "id=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let value = rest[..<end]
            // `data-id="…"` is not an id; `{{id}}` is filled in per page.
            let isAttribute = start.lowerBound == template.startIndex || !isNameCharacter(template[template.index(before: start.lowerBound)])
            if isAttribute && !value.isEmpty && !value.contains("{{") {
                ids.insert(String(value))
            }
            rest = rest[end...]
        }
        return ids
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_"
    }

    /// Renders template `name` with `context`.
    func render(_ name: String, _ context: [String: Any]) throws(SiteError) -> String {
        guard let html = library.render(context, withTemplate: name) else {
            throw SiteError(path: "\(name).mustache", "the theme has no '\(name)' template")
        }
        return html
    }

    /// The regular files under `folder`, by path relative to it, hidden files skipped.
    private static func listFiles(in folder: URL) -> [(String, URL)] {
        let root = folder.resolvingSymlinksInPath().standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var files: [(String, URL)] = []
        while let url = walker.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = url.resolvingSymlinksInPath().standardizedFileURL.path.dropFirst(root.path.count).drop(while: { $0 == "/" })
            files.append((String(relative), url))
        }
        return files
    }
}
