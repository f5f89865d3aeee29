import Foundation

/// The results of each lesson's last run, keyed by the lesson's path and content and the tool's
/// identity: rebuilding with nothing changed runs nothing, and changing one lesson runs that
/// lesson only. One JSON file per key; a file that cannot be read is a miss, never an error.
struct BuildCache {
    let folder: URL

    /// The key of a lesson: what its results depend on.
    static func key(path: String, source: String, tool: String, limits: String) -> String {
        var hasher = StableHasher()
        hasher.combine(tool)
        hasher.combine(limits)
        hasher.combine(path)
        hasher.combine(source)
        return hasher.hexDigest
    }

    func results(for key: String) -> LessonResults? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("\(key).json")) else { return nil }
        return try? JSONDecoder().decode(LessonResults.self, from: data)
    }

    /// Stores results; a cache that cannot be written only makes the next build slower.
    func store(_ results: LessonResults, for key: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(results) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? data.write(to: folder.appendingPathComponent("\(key).json"), options: .atomic)
    }

    /// The key of a lesson's rendered body: its results' key, the theme, and the page names its
    /// links are rewritten to.
    static func bodyKey(resultsKey: String, themeDigest: String, pageNames: [String: String]) -> String {
        var hasher = StableHasher()
        hasher.combine("body")
        hasher.combine(resultsKey)
        hasher.combine(themeDigest)
        for (file, page) in pageNames.sorted(by: { $0.key < $1.key }) {
            hasher.combine(file)
            hasher.combine(page)
        }
        return hasher.hexDigest
    }

    /// A rendered body: its HTML as it is (`KEY.body.html`, no escaping to undo) beside the rest
    /// as JSON (`KEY.body.json`).
    func body(for key: String) -> LessonBody? {
        guard let html = try? Data(contentsOf: folder.appendingPathComponent("\(key).body.html")),
              let data = try? Data(contentsOf: folder.appendingPathComponent("\(key).body.json")),
              var body = try? JSONDecoder().decode(LessonBody.self, from: data) else { return nil }
        body.html = String(decoding: html, as: UTF8.self)
        return body
    }

    func store(_ body: LessonBody, for key: String) {
        var rest = body
        rest.html = ""
        guard let data = try? JSONEncoder().encode(rest) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The HTML first: an entry is only read when both files are there.
        try? Data(body.html.utf8).write(to: folder.appendingPathComponent("\(key).body.html"), options: .atomic)
        try? data.write(to: folder.appendingPathComponent("\(key).body.json"), options: .atomic)
    }

    /// Removes the entries this build did not use, so the cache holds one build's worth.
    func keepOnly(_ keys: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasSuffix(".json") || name.hasSuffix(".html") {
            let key = String(name.prefix(while: { $0 != "." }))
            if !keys.contains(key) { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        }
    }

    /// What identifies this build of Mathbook: its version and its executable's size and date,
    /// so that a rebuilt tool never reuses the results of the one before.
    static var toolIdentity: String {
        #if os(Linux)
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        #else
        let executable = Bundle.main.executablePath ?? ""
        #endif
        let attributes = try? FileManager.default.attributesOfItem(atPath: executable)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "mathbook \(SiteBuilder.version) \(size) \(date)"
    }
}
