import Foundation
@testable import Lessons
@testable import Site
import Testing

/// The built pages loaded in a real browser (headless Chromium), as a reader would: no console
/// errors, the figures and formulas in the rendered DOM, and a screenshot in each theme kept in
/// `artifacts/screenshots/` (not committed).
@Suite("Pages in a browser", .serialized)
struct BrowserTests {
    static let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { ChildProcess.find($0) }.first

    /// The test course, built once for the suite.
    static let built: Result<TestCourse, BuildFailure> = {
        do {
            let course = try TestCourse()
            let report = course.build()
            guard report.errors.isEmpty else { return .failure(BuildFailure(description: "\(report.errors)")) }
            return .success(course)
        } catch {
            return .failure(BuildFailure(description: "\(error)"))
        }
    }()

    struct BuildFailure: Error, CustomStringConvertible { var description: String }

    /// Chromium's flags for a quiet, reproducible headless run.
    static func flags(profile: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--mute-audio",
         "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000"]
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (scripts/install-system-deps --with-browser installs it)"))
    func pagesRenderWithoutConsoleErrorsWithFiguresAndFormulas() throws {
        let course = try Self.built.get()
        let chromium = try #require(Self.chromium)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        for page in ["index.html", "01-first.html", "02-second.html"] {
            let url = course.site.appendingPathComponent(page)
            let result = try ChildProcess.run(chromium, Self.flags(profile: profile) + ["--dump-dom", url.absoluteString],
                                              in: FileManager.default.temporaryDirectory, timeout: 60)
            #expect(result.exitedNormally, "\(page): Chromium ended with \(result.summary)\n\(result.standardErrorText)")
            let dom = String(decoding: result.standardOutput, as: UTF8.self)
            let consoleErrors = result.standardErrorText.split(separator: "\n").filter { line in
                line.contains("CONSOLE") && (line.contains("ERROR") || line.contains("Uncaught") || line.contains("error"))
            }
            #expect(consoleErrors.isEmpty, "\(page): console errors:\n\(consoleErrors.joined(separator: "\n"))")
            #expect(dom.contains("</html>"), "\(page): no DOM")
            if page == "01-first.html" {
                #expect(dom.contains("<svg") && dom.contains("mathbook-plot"), "the figure is in the DOM")
                #expect(dom.contains("<math") && dom.contains("<mfrac>"), "the formulas are MathML in the DOM")
            }
        }
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed"))
    func searchFindsALessonOffline() throws {
        let course = try Self.built.get()
        let chromium = try #require(Self.chromium)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let url = course.site.appendingPathComponent("index.html").absoluteString + "?q=more+code"
        let result = try ChildProcess.run(chromium, Self.flags(profile: profile) + ["--dump-dom", url],
                                          in: FileManager.default.temporaryDirectory, timeout: 60)
        let dom = String(decoding: result.standardOutput, as: UTF8.self)
        #expect(dom.contains("02-second.html#more-code"), "the search result links to the section")
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed"))
    func screenshotsInBothThemesAndOnAPhone() throws {
        let course = try Self.built.get()
        let chromium = try #require(Self.chromium)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("artifacts/screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = course.site.appendingPathComponent("01-first.html").absoluteString
        let views: [(String, [String])] = [
            ("light", ["--window-size=1280,900", "--blink-settings=preferredColorScheme=1"]),
            ("dark", ["--window-size=1280,900", "--blink-settings=preferredColorScheme=0", "--force-dark-mode"]),
            ("phone", ["--window-size=390,844"]),
        ]
        for (name, extra) in views {
            let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: profile) }
            let file = folder.appendingPathComponent("lesson-\(name).png")
            try? FileManager.default.removeItem(at: file)
            let result = try ChildProcess.run(chromium, Self.flags(profile: profile) + extra + ["--screenshot=\(file.path)", page],
                                              in: FileManager.default.temporaryDirectory, timeout: 60)
            #expect(result.exitedNormally, "\(name): \(result.summary)")
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(name): the screenshot is missing or blank (\(size) bytes)")
        }
    }
}
