import Foundation

/// Writes the site beside the old one and swaps it in at the end, so that a build that fails
/// leaves the previous site untouched, and a reader never sees half of each.
enum SiteOutput {
    /// Writes `files` (contents by path relative to the site) into a new folder next to `folder`,
    /// then puts it in `folder`'s place.
    static func write(_ files: [String: Data], to folder: URL) throws(SiteError) {
        let parent = folder.deletingLastPathComponent()
        let name = folder.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).new-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appendingPathComponent(".\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
        let manager = FileManager.default
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for path in files.keys.sorted() {
                guard let data = files[path] else { continue }
                let url = staging.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw SiteError(path: staging.path, "cannot write the new site: \(error.localizedDescription)")
        }
        // The swap: the old site steps aside, the new one takes its name, the old one goes.
        do {
            if manager.fileExists(atPath: folder.path) {
                try? manager.removeItem(at: retired)
                try manager.moveItem(at: folder, to: retired)
            }
            try manager.moveItem(at: staging, to: folder)
            try? manager.removeItem(at: retired)
        } catch {
            if !manager.fileExists(atPath: folder.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: folder)
            }
            try? manager.removeItem(at: staging)
            throw SiteError(path: folder.path, "cannot put the new site in place: \(error.localizedDescription)")
        }
    }
}
