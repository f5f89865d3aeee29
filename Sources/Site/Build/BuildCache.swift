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
