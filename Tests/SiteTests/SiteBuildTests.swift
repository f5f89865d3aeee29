import Foundation
import Interpreter
import Lessons
import MathbookCLI
@testable import Site
import Testing

/// A copy of Tests/SiteTests/Course in a temporary folder, with its own site and cache folders.
struct TestCourse {
    let root: URL
    var lessons: URL { root.appendingPathComponent("lessons") }
    var site: URL { root.appendingPathComponent("site") }
    var templates: URL { root.appendingPathComponent("templates") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("course-\(UUID().uuidString)", isDirectory: true)
        let fixture = try #require(Bundle.module.url(forResource: "Course", withExtension: nil))
        try FileManager.default.copyItem(at: fixture, to: root)
    }

    func options(keepGoing: Bool = false) -> BuildOptions {
        BuildOptions(lessonsFolder: lessons.path, outputFolder: site.path, templatesFolder: templates.path,
                     cacheFolder: root.appendingPathComponent(".cache").path, keepGoing: keepGoing, limits: Limits(timeLimit: .seconds(2)))
    }

    func build(keepGoing: Bool = false) -> BuildReport {
        SiteBuilder.build(options(keepGoing: keepGoing))
    }

    /// Every file of the built site, by relative path.
    func siteFiles() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: site.path)
        while let path = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let url = site.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    func page(_ name: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
    }

    func write(_ text: String, to name: String) throws {
        try text.write(to: lessons.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

@Suite("Site build")
struct SiteBuildTests {
    @Test func theCourseBuildsIntoPagesAnIndexASearchIndexAndAssets() throws {
        let course = try TestCourse()
        defer { course.remove() }
        let report = course.build()
        #expect(report.errors.isEmpty, "\(report.errors)")
        let files = try course.siteFiles()
        for name in ["index.html", "01-first.html", "02-second.html", "search-index.js", "assets/style.css", "assets/search.js"] {
            #expect(files[name] != nil, "missing \(name)")
        }
        let first = try course.page("01-first.html")
        #expect(first.contains("<math"), "formulas are MathML")
        #expect(first.contains("<svg"), "figures are inline SVG")
        #expect(first.contains("<h2 id=\"code-and-output\">"))
        #expect(first.contains("href=\"02-second.html\""), "links between lessons go to the pages")
        #expect(first.contains("only the output"))
        #expect(first.contains("secret"), "a silent block shows its code")
        #expect(first.contains("index out of range"), "an expected error is shown")
        #expect(first.contains("<span class=\"tok-keyword\">let</span>"), "code is highlighted on the server")
        #expect(!first.contains("mathbookmath"), "no placeholder is left")
        // The text form of the figure is replaced by its SVG; the text around it stays.
        #expect(first.contains("before") && first.contains("after"))
        #expect(!first.contains("⠀⠀"), "the braille text form of the figure is not on the page")
        let second = try course.page("02-second.html")
        #expect(second.contains("&lt;tag&gt; &amp;"), "code is escaped")
        #expect(second.contains("<details"), "a solution is folded")
        let index = try course.page("index.html")
        #expect(index.contains("A Test Course") && index.contains("Lines, plots and formulas."))
        let search = String(decoding: try #require(files["search-index.js"]), as: UTF8.self)
        #expect(search.hasPrefix("window.MATHBOOK_SEARCH = ["))
        #expect(search.contains("\"anchor\":\"more-code\""))
    }

    @Test func buildingTwiceGivesTheSameBytesAndRunsNothingTheSecondTime() throws {
        let course = try TestCourse()
        defer { course.remove() }
        let first = course.build()
        #expect(first.errors.isEmpty, "\(first.errors)")
        #expect(first.rebuilt.count == 2 && first.cached.isEmpty)
        let before = try course.siteFiles()
        let second = course.build()
        #expect(second.rebuilt.isEmpty && second.cached.count == 2)
        #expect(try course.siteFiles() == before)
        // No absolute path of this machine reaches the site.
        for (name, data) in before {
            #expect(!String(decoding: data, as: UTF8.self).contains(course.root.path), "\(name) holds an absolute path")
        }
    }

    @Test func changingOneLessonRunsOnlyThatLesson() throws {
        let course = try TestCourse()
        defer { course.remove() }
        _ = course.build()
        let source = try String(contentsOf: course.lessons.appendingPathComponent("02-second.md"), encoding: .utf8)
        try course.write(source + "\nOne more line.\n", to: "02-second.md")
        let report = course.build()
        #expect(report.rebuilt.map(\.file) == [course.lessons.appendingPathComponent("02-second.md").path])
        #expect(report.cached == [course.lessons.appendingPathComponent("01-first.md").path])
        #expect(try course.page("02-second.html").contains("One more line."))
    }

    @Test func cachedBodiesGiveTheSameSiteAndTheCacheKeepsOneBuildsWorth() throws {
        let course = try TestCourse()
        defer { course.remove() }
        let cacheFolder = course.root.appendingPathComponent(".cache")
        _ = course.build()
        let fresh = try course.siteFiles()
        // Two results and two rendered bodies (HTML, and the rest as JSON).
        let entries = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).sorted()
        #expect(entries.count == 6 && entries.filter { $0.hasSuffix(".body.json") }.count == 2
                && entries.filter { $0.hasSuffix(".body.html") }.count == 2, "\(entries)")
        // A damaged entry is a miss: the body is rendered again, to the same bytes.
        for name in entries where name.hasSuffix(".body.json") {
            try Data("{".utf8).write(to: cacheFolder.appendingPathComponent(name))
        }
        _ = course.build()
        #expect(try course.siteFiles() == fresh)
        _ = course.build()
        #expect(try course.siteFiles() == fresh)
        // After an edit, the old lesson's entries go.
        let source = try String(contentsOf: course.lessons.appendingPathComponent("02-second.md"), encoding: .utf8)
        try course.write(source + "\nOne more line.\n", to: "02-second.md")
        _ = course.build()
        let after = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)
        #expect(after.count == 6 && Set(after).intersection(entries).count == 3)
        // A new theme renders every body again.
        try FileManager.default.createDirectory(at: course.templates, withIntermediateDirectories: true)
        let block = try String(contentsOf: try #require(Theme.builtInFolder).appendingPathComponent("block.mustache"), encoding: .utf8)
        try ("<!-- my block -->\n" + block).write(to: course.templates.appendingPathComponent("block.mustache"), atomically: true, encoding: .utf8)
        _ = course.build()
        #expect(try course.page("01-first.html").contains("<!-- my block -->"))
    }

    @Test func aFailingBlockLeavesThePreviousSiteUntouched() throws {
        let course = try TestCourse()
        defer { course.remove() }
        _ = course.build()
        let before = try course.siteFiles()
        try course.write("# Broken\n\n```swift-math\nlet a = [1]\nprint(a[5])\n```\n", to: "02-second.md")
        let report = course.build()
        let path = course.lessons.appendingPathComponent("02-second.md").path
        #expect(report.errors.map(\.description) == ["\(path):5:7: error: index out of range\nprint(a[5])\n      ^"])
        #expect(try course.siteFiles() == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: course.root.path)
        #expect(!siblings.contains { $0.hasPrefix(".site.") }, "no staging folder is left behind: \(siblings)")
    }

    @Test func keepGoingShowsTheErrorOnThePage() throws {
        let course = try TestCourse()
        defer { course.remove() }
        try course.write("# Broken\n\n```swift-math\nlet a = [1]\nprint(a[5])\n```\n", to: "02-second.md")
        let report = course.build(keepGoing: true)
        #expect(report.errors.isEmpty)
        #expect(report.failuresShown.count == 1)
        #expect(try course.page("02-second.html").contains("2:7: error: index out of range"))
        // From the cache, the failure is still reported; without --keep-going it still stops the build.
        let again = course.build(keepGoing: true)
        #expect(again.rebuilt.isEmpty && again.failuresShown == report.failuresShown)
        let strict = course.build()
        #expect(strict.errors.map(\.message) == report.failuresShown)
    }

    @Test func aBrokenLinkFailsTheBuildNamingThePageAndTheLink() throws {
        let course = try TestCourse()
        defer { course.remove() }
        try course.write("# Second\n\nSee [nowhere](03-missing.md) and [no anchor](01-first.md#missing).\n", to: "02-second.md")
        let report = course.build()
        let page = course.site.path + "/02-second.html"
        #expect(report.errors.map(\.description) == [
            "\(page): error: broken link '03-missing.md': there is no 03-missing.md in the site",
            "\(page): error: broken link '01-first.html#missing': 01-first.html has no anchor 'missing'",
        ])
        #expect(!FileManager.default.fileExists(atPath: course.site.path))
    }

    @Test func unsupportedTeXIsAnErrorAtTheLessonsLine() throws {
        let course = try TestCourse()
        defer { course.remove() }
        try course.write("# Second\n\nFine $x$.\n\nNot fine: $\\notacommand{x}$.\n", to: "02-second.md")
        let report = course.build()
        #expect(report.errors.count == 1)
        let error = try #require(report.errors.first)
        #expect(error.path == course.lessons.appendingPathComponent("02-second.md").path && error.line == 5)
        #expect(error.message.contains("\\notacommand"))
    }

    @Test func aCourseTemplateOverridesTheBuiltInOneAndABrokenOneIsAnError() throws {
        let course = try TestCourse()
        defer { course.remove() }
        try FileManager.default.createDirectory(at: course.templates, withIntermediateDirectories: true)
        try "<footer class=\"course-footer\">Our own footer</footer>\n".write(to: course.templates.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        #expect(course.build().errors.isEmpty)
        #expect(try course.page("01-first.html").contains("Our own footer"))

        try "<p>{{#lessons}}{{title}}</p>\n".write(to: course.templates.appendingPathComponent("index.mustache"), atomically: true, encoding: .utf8)
        let report = course.build()
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.path == course.templates.path + "/index.mustache")
        #expect(try course.page("index.html").contains("A Test Course"), "the previous site is kept")
    }

    @Test func courseConfigurationErrorsNameTheKey() throws {
        #expect(throws: SiteError(path: "c.yml", line: 2, column: 1, "unknown course key 'titel' (known: title, introduction, lessons)")) {
            try CourseConfiguration.parse("title: T\ntitel: U\n", path: "c.yml")
        }
        #expect(throws: SiteError(path: "c.yml", line: 1, column: 1, "the course configuration needs a 'title'")) {
            try CourseConfiguration.parse("introduction: hi\n", path: "c.yml")
        }
        let course = try TestCourse()
        defer { course.remove() }
        try "title: T\nlessons:\n  - 01-first.md\n".write(to: course.lessons.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        let report = course.build()
        #expect(report.errors.map(\.message) == ["the lesson '02-second.md' is not listed under 'lessons'"])
    }

    @Test func theBuildCommandReportsWhatRanAndWhatCameFromTheCache() throws {
        let course = try TestCourse()
        defer { course.remove() }
        let lines = LineCollector()
        let first = BuildCommand.run(course.options(), quiet: false, style: OutputStyle(colored: false)) { lines.append($0) }
        #expect(first.exitCode == 0)
        #expect(first.standardOutput.hasPrefix("Built \(course.site.path) (3 pages): 2 lessons ran, 0 from the cache, in "))
        #expect(lines.values.filter { $0.hasPrefix("  ran      ") }.count == 2)
        let second = BuildCommand.run(course.options(), quiet: true, style: OutputStyle(colored: false))
        #expect(second.standardOutput == "" && second.exitCode == 0)
    }
}

/// Lines heard from concurrent workers.
final class LineCollector: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var values: [String] { lock.withLock { lines } }
}
