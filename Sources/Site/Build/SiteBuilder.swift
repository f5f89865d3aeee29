import Dispatch
import Foundation
import Interpreter
import Lessons

/// What `mathbook build` is asked to do.
public struct BuildOptions: Sendable {
    /// The folder of the lessons and of `course.yml`.
    public var lessonsFolder: String
    /// Where the site goes (replaced as a whole).
    public var outputFolder: String
    /// The course's templates, overriding the built-in theme file by file.
    public var templatesFolder: String
    /// Where the results of each lesson's run are kept between builds.
    public var cacheFolder: String
    /// Build even when blocks fail, showing their errors on the pages.
    public var keepGoing: Bool
    /// Add the dev server's reload script to every page.
    public var liveReload: Bool
    public var limits: Limits
    /// Remembers sessions between builds, to re-run a changed lesson from its first changed block
    /// (the dev server's); nil to run every changed lesson from the top.
    public var incrementalRunner: IncrementalLessonRunner?

    public init(lessonsFolder: String = "lessons", outputFolder: String = "site", templatesFolder: String = "templates",
                cacheFolder: String = ".mathbook-cache", keepGoing: Bool = false, liveReload: Bool = false, limits: Limits = .standard) {
        self.lessonsFolder = lessonsFolder
        self.outputFolder = outputFolder
        self.templatesFolder = templatesFolder
        self.cacheFolder = cacheFolder
        self.keepGoing = keepGoing
        self.liveReload = liveReload
        self.limits = limits
    }
}

/// How a build went.
public struct BuildReport: Sendable {
    /// Lesson files whose blocks ran, with the seconds each took.
    public var rebuilt: [(file: String, seconds: Double)] = []
    /// Lesson files whose results came from the cache.
    public var cached: [String] = []
    /// What stopped the build (empty when the site was written).
    public var errors: [SiteError] = []
    /// Failing blocks shown on the pages (with `keepGoing`).
    public var failuresShown: [String] = []
    /// The site's build version (a digest of everything it was made from).
    public var buildVersion = ""
    public var pageCount = 0

    public var succeeded: Bool { errors.isEmpty }
}

/// Builds the course site: reads the lessons, runs those the cache does not know, renders every
/// page from the theme, checks the links, and swaps the new site in.
public enum SiteBuilder {
    /// Mathbook's version, part of the build cache's key.
    public static let version = "0.6.0"

    /// Builds the site; `progress` hears a line per lesson as it finishes.
    public static func build(_ options: BuildOptions, progress: @escaping @Sendable (String) -> Void = { _ in }) -> BuildReport {
        var report = BuildReport()
        let lessonsFolder = URL(fileURLWithPath: options.lessonsFolder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: lessonsFolder.path, isDirectory: &isFolder), isFolder.boolValue else {
            report.errors = [SiteError(path: options.lessonsFolder, "there is no lessons folder here")]
            return report
        }
        do {
            let configuration = try CourseConfiguration.load(from: lessonsFolder, displayFolder: options.lessonsFolder)
            let theme = try Theme.load(overrides: URL(fileURLWithPath: options.templatesFolder), displayPath: options.templatesFolder)
            var (lessons, readErrors) = readLessons(in: options.lessonsFolder)
            if options.keepGoing {
                // A lesson that cannot be read becomes a page that says why.
                for error in readErrors {
                    report.failuresShown.append(error.description)
                    lessons.append(errorLesson(error))
                }
            } else {
                report.errors += readErrors
            }
            let ordered = try order(lessons, by: configuration, folder: options.lessonsFolder)
            let pageNames = Dictionary(uniqueKeysWithValues: ordered.map { (fileName(of: $0), pageName(of: $0)) })
            let course = runOrRecall(ordered, pageNames: pageNames, theme: theme, options: options, report: &report, progress: progress)
            for entry in course {
                for failure in entry.failures {
                    if options.keepGoing {
                        report.failuresShown.append(failure)
                    } else {
                        // The failure is a whole diagnostic already (`file:line:col: error: …`, line, caret).
                        report.errors.append(SiteError(path: "", failure))
                    }
                }
            }
            guard report.errors.isEmpty else { return report }

            var hasher = StableHasher()
            hasher.combine(theme.digest)
            hasher.combine(configuration.title + "\u{0}" + configuration.introduction)
            for entry in course {
                hasher.combine(entry.lesson.path)
                hasher.combine(entry.lesson.source)
            }
            report.buildVersion = hasher.hexDigest

            let (files, renderErrors) = render(course, pageNames: pageNames, configuration: configuration, theme: theme, options: options,
                                               version: report.buildVersion)
            report.errors += renderErrors
            guard report.errors.isEmpty else { return report }
            report.pageCount = course.count + 1
            try SiteOutput.write(files, to: URL(fileURLWithPath: options.outputFolder))
        } catch {
            report.errors.append(error)
        }
        return report
    }

    /// Every `.md` file directly in the folder, parsed; a lesson that cannot be read is an error.
    static func readLessons(in folder: String) -> ([Lesson], [SiteError]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
        // Parsed on all cores, kept in file-name order.
        let parsed = concurrentMap(names.count) { index -> Result<Lesson, SiteError> in
            let path = folder.hasSuffix("/") ? folder + names[index] : folder + "/" + names[index]
            do throws(LessonError) {
                return .success(try LessonParser.parse(contentsOf: URL(fileURLWithPath: path), path: path))
            } catch {
                return .failure(SiteError(path: error.path, line: error.location.line, column: error.location.column, error.message))
            }
        }
        var lessons: [Lesson] = []
        var errors: [SiteError] = []
        for result in parsed {
            switch result {
            case let .success(lesson): lessons.append(lesson)
            case let .failure(error): errors.append(error)
            }
        }
        return (lessons, errors)
    }

    /// A stand-in lesson showing why the real one cannot be read.
    static func errorLesson(_ error: SiteError) -> Lesson {
        let name = (error.path as NSString).lastPathComponent
        let fence = Fence.marker(enclosing: error.description)
        let source = "# \(name)\n\nThis lesson cannot be read:\n\n\(fence)text\n\(error.description)\n\(fence)\n"
        return (try? LessonParser.parse(source: source, path: error.path))
            ?? Lesson(path: error.path, source: source, frontMatter: FrontMatter(), title: name, blocks: [], headings: [])
    }

    /// The lessons in course order: as `course.yml` lists them, or by front matter `order`, then name.
    static func order(_ lessons: [Lesson], by configuration: CourseConfiguration, folder: String) throws(SiteError) -> [Lesson] {
        let byName = Dictionary(uniqueKeysWithValues: lessons.map { (fileName(of: $0), $0) })
        guard let names = configuration.lessonOrder else {
            return lessons.sorted { ($0.frontMatter.order ?? Int.max, fileName(of: $0)) < ($1.frontMatter.order ?? Int.max, fileName(of: $1)) }
        }
        let configurationPath = (folder as NSString).appendingPathComponent(CourseConfiguration.fileName)
        for name in names where byName[name] == nil {
            throw SiteError(path: configurationPath, "the lesson '\(name)' is listed, but there is no such file in \(folder)")
        }
        for lesson in lessons where !names.contains(fileName(of: lesson)) {
            throw SiteError(path: configurationPath, "the lesson '\(fileName(of: lesson))' is not listed under 'lessons'")
        }
        return names.compactMap { byName[$0] }
    }

    /// A lesson's run time as the progress line shows it: milliseconds below a second.
    public static func duration(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }

    static func fileName(of lesson: Lesson) -> String {
        (lesson.path as NSString).lastPathComponent
    }

    /// Each lesson, ready to render: its rendered body from the cache when nothing it depends on
    /// changed (then its results are not even read), else its results from the cache, else run
    /// (in parallel) and stored.
    static func runOrRecall(
        _ lessons: [Lesson], pageNames: [String: String], theme: Theme, options: BuildOptions, report: inout BuildReport,
        progress: @escaping @Sendable (String) -> Void
    ) -> [CourseLesson] {
        let cache = BuildCache(folder: URL(fileURLWithPath: options.cacheFolder))
        let tool = BuildCache.toolIdentity
        let limits = String(describing: options.limits)
        let keys = lessons.map { BuildCache.key(path: $0.path, source: $0.source, tool: tool, limits: limits) }
        let bodyKeys = keys.map { BuildCache.bodyKey(resultsKey: $0, themeDigest: theme.digest, pageNames: pageNames) }
        let bodies = concurrentMap(lessons.count) { cache.body(for: bodyKeys[$0]) }
        var results: [LessonResults?] = lessons.indices.map { index in
            bodies[index] != nil ? LessonResults(blocks: []) : cache.results(for: keys[index])
        }
        let toRun = results.indices.filter { results[$0] == nil }
        for index in results.indices where results[index] != nil {
            report.cached.append(lessons[index].path)
            progress("  cached   \(lessons[index].path)")
        }
        let ran = concurrentMap(toRun.count) { position -> (LessonResults, Double) in
            let lesson = lessons[toRun[position]]
            let clock = ContinuousClock()
            let start = clock.now
            var resumedAt = 0
            let executed: ExecutedLesson
            if let runner = options.incrementalRunner {
                (executed, resumedAt) = runner.run(lesson, limits: options.limits)
            } else {
                executed = LessonRunner.run(lesson, limits: options.limits)
            }
            let check = LessonCheck(executed)
            let seconds = (clock.now - start).seconds
            let from = resumedAt > 0 ? String(format: " (from block %d of %d)", resumedAt + 1, executed.runs.count) : ""
            progress("  ran      \(lesson.path) in \(duration(seconds))" + from)
            return (LessonResults(check), seconds)
        }
        for (position, index) in toRun.enumerated() {
            let (lessonResults, seconds) = ran[position]
            results[index] = lessonResults
            cache.store(lessonResults, for: keys[index])
            report.rebuilt.append((lessons[index].path, seconds))
        }
        return lessons.indices.compactMap { index in
            guard let lessonResults = results[index] else { return nil }
            var entry = CourseLesson(lesson: lessons[index], results: lessonResults, pageName: pageName(of: lessons[index]),
                                     fileName: fileName(of: lessons[index]))
            entry.cacheKey = keys[index]
            entry.bodyKey = bodyKeys[index]
            entry.cachedBody = bodies[index]
            return entry
        }
    }

    /// The page of a lesson: `02-vectors.md` → `02-vectors.html`.
    static func pageName(of lesson: Lesson) -> String {
        let name = fileName(of: lesson)
        return (name.hasSuffix(".md") ? String(name.dropLast(3)) : name) + ".html"
    }

    /// Every file of the site, by path: pages, the search index, the theme's assets; and every
    /// error found making them (a formula, a template, a broken link).
    static func render(
        _ course: [CourseLesson], pageNames: [String: String], configuration: CourseConfiguration, theme: Theme,
        options: BuildOptions, version: String
    ) -> (files: [String: Data], errors: [SiteError]) {
        let renderer = PageRenderer(theme: theme, courseTitle: configuration.title, lessons: course, pageNames: pageNames,
                                    buildVersion: version, liveReload: options.liveReload)
        var pages: [String: String] = [:]
        var searchPages: [SearchIndex.Page] = []
        var errors: [SiteError] = []
        // Pages are independent: render them on all cores, then collect them in course order. A
        // lesson's body comes from the cache when neither it, its results, the theme nor the page
        // names changed; only the page around it (sidebar, version) is made again.
        let cache = BuildCache(folder: URL(fileURLWithPath: options.cacheFolder))
        let rendered = concurrentMap(course.count) { position in
            Result { () throws(SiteError) in
                if let body = course[position].cachedBody {
                    return try renderer.lessonPage(at: position, body: body)
                }
                let body = try renderer.lessonBody(at: position)
                cache.store(body, for: course[position].bodyKey)
                return try renderer.lessonPage(at: position, body: body)
            }
        }
        cache.keepOnly(Set(course.map(\.cacheKey) + course.map(\.bodyKey)))
        for position in course.indices {
            switch rendered[position] {
            case let .success(page):
                pages[page.name] = page.html
                searchPages.append(SearchIndex.Page(title: course[position].title, href: page.name, sections: page.sections))
            case let .failure(error):
                errors.append(error)
            }
        }
        do {
            let introduction = LinkRewriter.rewriteLessonLinks(in: LessonHTML.markdownToHTML(configuration.introduction),
                                                               pageNames: pageNames)
            let index = try renderer.indexPage(introductionHTML: introduction)
            pages[index.name] = index.html
        } catch {
            errors.append(error)
        }
        guard errors.isEmpty else { return ([:], errors) }

        var files: [String: Data] = [:]
        for (name, html) in pages { files[name] = Data(html.utf8) }
        files["search-index.js"] = Data(SearchIndex.script(searchPages).utf8)
        for (path, data) in theme.assets { files["assets/" + path] = data }
        let broken = LinkChecker.brokenLinks(pages: pages, otherFiles: Set(files.keys), siteFolder: options.outputFolder)
        return (broken.isEmpty ? files : [:], broken)
    }
}
