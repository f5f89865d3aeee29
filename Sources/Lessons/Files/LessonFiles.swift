import Foundation

/// Finding lesson files and writing them back.
public enum LessonFiles {
    /// A path that names no file or folder.
    public struct MissingPath: Error, Equatable, Sendable {
        public var path: String
    }

    /// The `.md` files under `paths` (files as given, folders searched recursively, hidden files
    /// and folders skipped), each once, sorted by path within each folder given.
    public static func find(_ paths: [String]) throws(MissingPath) -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw MissingPath(path: path)
            }
            var files: [String] = []
            if isDirectory.boolValue {
                let root = URL(fileURLWithPath: path).standardizedFileURL
                let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
                while let url = walker?.nextObject() as? URL {
                    guard url.pathExtension == "md", (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                    let relative = url.standardizedFileURL.path.dropFirst(root.path.count).drop(while: { $0 == "/" })
                    files.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
                }
                files.sort()
            } else {
                files = [path]
            }
            for file in files where seen.insert(file).inserted {
                found.append(file)
            }
        }
        return found
    }

    /// Writes `text` to `path` atomically: into a temporary file beside it, then renamed over it,
    /// so that an interrupted write never leaves half a lesson. The file keeps its permissions.
    public static func writeAtomically(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        try Data(text.utf8).write(to: url, options: .atomic)
        if let permissions = attributes?[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
        }
    }
}
