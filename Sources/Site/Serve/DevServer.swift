import FlyingFox
import Foundation
import Lessons

/// `mathbook serve`: builds the site, serves it on 127.0.0.1, watches the lessons and templates,
/// rebuilds (incrementally, through the build cache) when they change, and tells the open pages
/// to reload. Failing blocks show their errors on the page (`keepGoing`); an error that stops a
/// build (a broken template) is printed, and the last good site stays up.
public final class DevServer: Sendable {
    let options: BuildOptions
    let port: UInt16
    let log: @Sendable (String) -> Void
    let state = ServerState()

    /// How often the watched folders are looked at.
    static let pollInterval: Duration = .milliseconds(200)
    /// How long a page's reload request waits for a new build before it is answered anyway.
    static let longPollLimit: Duration = .seconds(25)

    public init(options: BuildOptions, port: UInt16, log: @escaping @Sendable (String) -> Void) {
        var options = options
        options.liveReload = true
        options.keepGoing = true
        options.incrementalRunner = IncrementalLessonRunner()
        self.options = options
        self.port = port
        self.log = log
    }

    /// Builds, then serves and watches until the task is cancelled.
    public func run() async throws {
        rebuild(reason: "first build")
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
        await server.appendRoute("GET /__mathbook/wait") { [state] request in
            let known = request.query.first(where: { $0.name == "version" })?.value ?? ""
            let clock = ContinuousClock()
            let deadline = clock.now + Self.longPollLimit
            while state.version == known && clock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                                body: Data(state.version.utf8))
        }
        await server.appendRoute("GET *") { [options] request in
            StaticFiles.response(for: request.path, in: URL(fileURLWithPath: options.outputFolder))
        }
        let watcher = Task { await watch() }
        defer { watcher.cancel() }
        log("Serving \(options.outputFolder) at http://127.0.0.1:\(port)/ (watching \(options.lessonsFolder) and \(options.templatesFolder); Ctrl-C stops)")
        try await server.run()
    }

    /// Rebuilds whenever a watched file changes.
    func watch() async {
        var fingerprint = FolderFingerprint([options.lessonsFolder, options.templatesFolder])
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.pollInterval)
            let now = FolderFingerprint([options.lessonsFolder, options.templatesFolder])
            if now != fingerprint {
                fingerprint = now
                rebuild(reason: "change")
            }
        }
    }

    /// One build; the new version wakes the pages waiting to reload.
    func rebuild(reason: String) {
        let clock = ContinuousClock()
        let start = clock.now
        let report = SiteBuilder.build(options, progress: log)
        let elapsed = clock.now - start
        if report.succeeded {
            state.version = report.buildVersion
            let milliseconds = Int(elapsed.seconds * 1000)
            log("Rebuilt after \(reason) in \(milliseconds) ms: \(report.rebuilt.count) ran, \(report.cached.count) from the cache")
        } else {
            for error in report.errors { log(error.description) }
            log("The site was not rebuilt; the last good one is still served.")
        }
    }
}

/// The version of the site being served, read by the pages' reload requests.
final class ServerState: @unchecked Sendable {
    private let lock = NSLock()
    private var current = ""

    var version: String {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}

/// What the watched folders hold: each file's path, size and modification date.
struct FolderFingerprint: Equatable {
    private var entries: [String: String] = [:]

    init(_ folders: [String]) {
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            while let path = walker.nextObject() as? String {
                let full = (folder as NSString).appendingPathComponent(path)
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: full),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                entries[full] = "\(size) \(date)"
            }
        }
    }
}

/// Files of the built site as HTTP responses.
enum StaticFiles {
    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "svg": "image/svg+xml", "png": "image/png", "ico": "image/x-icon",
    ]

    /// The file at `path` (`/` is `index.html`), or 404; nothing outside the site is served.
    static func response(for path: String, in site: URL) -> HTTPResponse {
        let relative = path == "/" || path.isEmpty ? "index.html" : String(path.drop(while: { $0 == "/" }))
        let parts = relative.split(separator: "/")
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }),
              let data = try? Data(contentsOf: site.appendingPathComponent(relative)) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("Not found: \(path)\n".utf8))
        }
        let type = contentTypes[(relative as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
    }
}
