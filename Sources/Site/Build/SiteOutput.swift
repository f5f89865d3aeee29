import Foundation
import Lessons

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
            let paths = files.keys.sorted()
            for folder in Set(paths.map { ($0 as NSString).deletingLastPathComponent }).sorted() where !folder.isEmpty {
                try manager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            // The files on all cores; the first failure is the error.
            let failures = concurrentMap(paths.count) { index -> String? in
                do {
                    try files[paths[index]]?.write(to: staging.appendingPathComponent(paths[index]))
                    return nil
                } catch {
                    return error.localizedDescription
                }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first {
                throw SiteError(path: staging.path, "cannot write the new site: \(failure)")
            }
        } catch let error as SiteError {
            try? manager.removeItem(at: staging)
            throw error
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
