import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import Site
import Testing

/// `mathbook serve` as a browser sees it: pages over HTTP from 127.0.0.1, the reload long poll
/// answered by a rebuild after an edit, the edited lesson re-run from its changed block, and a
/// failing block shown on the page while the server keeps serving.
@Suite("Dev server", .serialized)
struct DevServerTests {
    /// The server on a free port, with what it logged; stopped by `stop()`.
    final class Running: Sendable {
        let port: UInt16
        let task: Task<Void, Error>
        let log = LineCollector()

        init(_ course: TestCourse) {
            port = UInt16.random(in: 40_000..<60_000)
            let server = DevServer(options: course.options(), port: port) { [log] line in log.append(line) }
            task = Task { try await server.run() }
        }

        func url(_ path: String) -> URL {
            URL(string: "http://127.0.0.1:\(port)\(path)")!
        }

        /// Status and body of a GET.
        func get(_ path: String) async throws -> (status: Int, body: String) {
            var request = URLRequest(url: url(path))
            request.timeoutInterval = 40
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        /// Waits until the first build is served.
        func ready() async throws -> String {
            for _ in 0..<200 {
                if let (status, body) = try? await get("/index.html"), status == 200 { return body }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw URLError(.cannotConnectToHost)
        }

        func stop() {
            task.cancel()
        }
    }

    @Test func servesTheSiteAndReloadsAfterAnEditRerunningFromTheChangedBlock() async throws {
        let course = try TestCourse()
        defer { course.remove() }
        let server = Running(course)
        defer { server.stop() }
        let index = try await server.ready()
        #expect(index.contains("/assets/reload.js") || index.contains("assets/reload.js"), "pages carry the reload script")

        // A page, the search index, and nothing outside the site.
        let page = try await server.get("/01-first.html")
        #expect(page.status == 200 && page.body.contains("[5.0, 7.0, 9.0]"))
        #expect(try await server.get("/search-index.js").status == 200)
        #expect(try await server.get("/missing.html").status == 404)
        #expect(try await server.get("/../lessons/01-first.md").status == 404)

        // The version the pages know; asking with another one is answered at once.
        let version = try await server.get("/__mathbook/wait?version=unknown").body
        #expect(!version.isEmpty && index.contains(version))

        // A page waiting with the current version hears the new one after an edit of the first block.
        async let answer = server.get("/__mathbook/wait?version=\(version)")
        try await Task.sleep(for: .milliseconds(300))
        let lesson = try String(contentsOf: course.lessons.appendingPathComponent("01-first.md"), encoding: .utf8)
        let plot = "plot([0.0, 1.0, 2.0], [0.0, 1.0, 4.0], title: \"squares\")"
        try course.write(lesson.replacingOccurrences(of: plot, with: "plot([0.0, 1.0, 2.0], [0.0, 1.0, 8.0], title: \"cubes\")"),
                         to: "01-first.md")
        let newVersion = try await answer.body
        #expect(newVersion != version && !newVersion.isEmpty)
        let edited = try await server.get("/01-first.html").body
        #expect(edited.contains("cubes") && edited.contains(newVersion))
        #expect(server.log.values.contains { $0.contains("01-first.md") && $0.contains("(from block 2 of") },
                "the lesson re-ran from the edited block: \(server.log.values)")

        // A failing block is shown on the page; the server goes on.
        try course.write(lesson.replacingOccurrences(of: "print(\"after\")", with: "print([1][5])"), to: "01-first.md")
        let failing = try await server.get("/__mathbook/wait?version=\(newVersion)").body
        #expect(failing != newVersion)
        let errorPage = try await server.get("/01-first.html").body
        #expect(errorPage.contains("index out of range"))
        #expect(try await server.get("/02-second.html").status == 200)
    }
}
