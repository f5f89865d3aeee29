import Foundation
import Interpreter
import Lessons
import MathbookCLI
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("mathbook check")
struct CheckCommandTests {
    static let plain = OutputStyle(colored: false)
    /// Short limits, so that the endless loop of bad/ stops in a second.
    static let limits = Limits(timeLimit: .seconds(1))

    @Test func goodLessonsPassBlockByBlock() throws {
        let folder = try FixtureLessons.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = CheckCommand.run(CheckOptions(paths: [folder.appendingPathComponent("good").path], limits: Self.limits), style: Self.plain, environment: [:])
        #expect(result.standardOutput == "11 passed, 0 failed\n")
        #expect(result.exitCode == 0)
    }

    @Test func aMismatchIsReportedWithTheRecordedBlocksLineAndAUnifiedDiff() throws {
        let folder = try FixtureLessons.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad/wrong-output.md").path
        let result = CheckCommand.run(CheckOptions(paths: [path], limits: Self.limits), style: Self.plain, environment: [:])
        #expect(result.standardOutput == """
            \(path):7: error: the output differs from the one recorded (update it with `mathbook check --update`)
            --- recorded (\(path):7)
            +++ actual
            @@ -1 +1 @@
            -43
            +42
            \(path):11: error: the block is marked expect-error, but it ran without an error
            0 passed, 2 failed

            """)
        #expect(result.exitCode == 1)
    }

    @Test func onGitHubActionsEachFailureIsAlsoAnAnnotation() throws {
        let folder = try FixtureLessons.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad/wrong-output.md").path
        let result = CheckCommand.run(CheckOptions(paths: [path], limits: Self.limits), style: Self.plain, environment: ["GITHUB_ACTIONS": "true"])
        let annotations = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(annotations.count == 2)
        #expect(annotations.first?.hasPrefix("::error file=\(path),line=7,title=Output differs::the output differs") == true)
        #expect(annotations.first?.contains("%0A-43%0A+42") == true)
        #expect(annotations.last?.hasPrefix("::error file=\(path),line=11,title=No error::") == true)
    }

    @Test func badInputIsReportedAndTheOtherLessonsStillRunWithNothingWritten() throws {
        let folder = try FixtureLessons.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad")
        let before = try snapshot(of: bad)
        let result = CheckCommand.run(CheckOptions(paths: [bad.path], limits: Self.limits), style: Self.plain, environment: [:])
        let text = result.standardOutput
        let expectedErrors = [
            "endless-loop.md:6:1: error: execution stopped after 1.0 seconds (the time limit)",
            "orphan-output.md:5:1: error: an output block must come directly after a swift-math code block",
            // Which of the two memory limits stops it first depends on what else the process is
            // running at the time (the total is the whole process's): the tests run in parallel.
            "unbounded-allocation.md:5:14: error: ",
            "unclosed-fence.md:9:1: error: the code fence opened here is never closed",
            "unknown-front-matter-key.md:3:1: error: unknown front matter key 'sumary'",
            "unknown-option.md:3:22: error: unknown block option 'hiden'",
            "wrong-output.md:7: error: the output differs",
            "wrong-output.md:11: error: the block is marked expect-error",
        ]
        for error in expectedErrors {
            #expect(text.contains("\(bad.path)/\(error)"), "missing: \(error)\nin:\n\(text)")
        }
        // The block after the endless loop ran and passed: the only passing block of bad/.
        #expect(text.contains("(the memory limit)\n"))
        #expect(text.hasSuffix("1 passed, 8 failed\n"))
        // In the order of the files, whichever lesson finished first.
        let order = text.split(separator: "\n").filter { $0.hasPrefix(bad.path) }.map { $0.dropFirst(bad.path.count + 1).prefix(while: { $0 != ":" }) }
        #expect(order == ["endless-loop.md", "orphan-output.md", "unbounded-allocation.md", "unclosed-fence.md",
                          "unknown-front-matter-key.md", "unknown-option.md", "wrong-output.md", "wrong-output.md"])
        #expect(result.exitCode == 1)
        #expect(try snapshot(of: bad) == before)
    }

    @Test func aJUnitReportListsEveryBlock() throws {
        let folder = try FixtureLessons.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.xml")
        let options = CheckOptions(paths: [folder.appendingPathComponent("good").path, folder.appendingPathComponent("bad/wrong-output.md").path],
                                   junitPath: report.path, limits: Self.limits)
        let result = CheckCommand.run(options, style: Self.plain, environment: [:])
        #expect(result.exitCode == 1)
        let counter = JUnitCounter()
        let parser = XMLParser(data: try Data(contentsOf: report))
        parser.delegate = counter
        #expect(parser.parse(), "the JUnit report is not well-formed XML")
        #expect(counter.testCases == 13)
        #expect(counter.failures == 2)
        #expect(counter.suites == 3)
    }

    // MARK: - --update

    static let unrecorded = """
        # Update

        ```swift-math
        let xs = [1.5, 2.5]
        print(xs.map { $0 * 2 })
        ```

        Prose between blocks stays exactly as it is.  \t

        ```swift-math
        print("no output block yet")
        ```
        - In a list:

          ```swift-math
          print(xs.count)
          ```

          ```output
          3
          ```

        ```swift-math
        let quiet = 1
        ```

        ```swift-math expect-error
        print(xs[quiet + 5])
        ```

        ````output
        stale
        ````
        """

    static let recorded = """
        # Update

        ```swift-math
        let xs = [1.5, 2.5]
        print(xs.map { $0 * 2 })
        ```

        ```output
        [3.0, 5.0]
        ```

        Prose between blocks stays exactly as it is.  \t

        ```swift-math
        print("no output block yet")
        ```

        ```output
        no output block yet
        ```
        - In a list:

          ```swift-math
          print(xs.count)
          ```

          ```output
          2
          ```

        ```swift-math
        let quiet = 1
        ```

        ```swift-math expect-error
        print(xs[quiet + 5])
        ```

        ````output
        1:7: error: index out of range
        print(xs[quiet + 5])
              ^
        ````
        """

    @Test func updateRecordsTheActualOutputsAndLeavesEveryOtherByte() throws {
        let folder = try FixtureLessons.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lesson = folder.appendingPathComponent("update.md")
        try Self.unrecorded.write(to: lesson, atomically: true, encoding: .utf8)

        let before = CheckCommand.run(CheckOptions(paths: [lesson.path], limits: Self.limits), style: Self.plain, environment: [:])
        #expect(before.standardOutput.hasSuffix("3 passed, 2 failed\n"))

        let update = CheckCommand.run(CheckOptions(paths: [lesson.path], update: true, limits: Self.limits), style: Self.plain, environment: [:])
        #expect(update.standardOutput == "updated 4 outputs in 1 lesson\n5 passed, 0 failed\n")
        #expect(update.exitCode == 0)
        #expect(try String(contentsOf: lesson, encoding: .utf8) == Self.recorded)

        let check = CheckCommand.run(CheckOptions(paths: [lesson.path], limits: Self.limits), style: Self.plain, environment: [:])
        #expect(check.standardOutput == "5 passed, 0 failed\n")
        let again = CheckCommand.run(CheckOptions(paths: [lesson.path], update: true, limits: Self.limits), style: Self.plain, environment: [:])
        #expect(again.standardOutput == "updated 0 outputs in 0 lessons\n5 passed, 0 failed\n")
        #expect(try String(contentsOf: lesson, encoding: .utf8) == Self.recorded)
    }

    @Test func updateKeepsWindowsLineEndingsAndWritesOnlyLessonsThatChange() throws {
        let folder = try FixtureLessons.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lesson = folder.appendingPathComponent("crlf.md")
        try Data("# CRLF\r\n\r\n```swift-math\r\nprint(1)\r\nprint(2)\r\n```\r\n".utf8).write(to: lesson)
        let good = folder.appendingPathComponent("good/mapping.md")
        let modified = try FileManager.default.attributesOfItem(atPath: good.path)[.modificationDate] as? Date
        let result = CheckCommand.run(CheckOptions(paths: [lesson.path, good.path], update: true, limits: Self.limits), style: Self.plain, environment: [:])
        #expect(result.exitCode == 0)
        #expect(try Data(contentsOf: lesson) == Data("# CRLF\r\n\r\n```swift-math\r\nprint(1)\r\nprint(2)\r\n```\r\n\r\n```output\r\n1\r\n2\r\n```\r\n".utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: good.path)[.modificationDate] as? Date == modified)
    }

    @Test func updateLeavesBadLessonsAndFailingBlocksAlone() throws {
        let folder = try FixtureLessons.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad")
        var before = try snapshot(of: bad)
        let result = CheckCommand.run(CheckOptions(paths: [bad.path], update: true, limits: Self.limits), style: Self.plain, environment: [:])
        #expect(result.exitCode == 1)
        // Only wrong-output.md changes: its first block's output; the block that should have failed keeps none.
        let after = try snapshot(of: bad)
        before["wrong-output.md"] = before["wrong-output.md"].map { $0.replacingOccurrences(of: "```output\n43\n```", with: "```output\n42\n```") }
        #expect(after == before)
    }

    // MARK: - --compiled

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/opt/swift/usr/bin/swiftc") || ProcessInfo.processInfo.environment["PATH"]?.contains("swift") == true))
    func compiledLessonsPrintWhatTheInterpreterPrints() throws {
        let folder = try FixtureLessons.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let differs = folder.appendingPathComponent("differs.md")
        // A known difference (docs/language.md): a reversed array kept in a variable prints as an array.
        try "# Differs\n\n```swift-math\nlet backwards = [1, 2, 3].reversed()\nprint(backwards)\n```\n".write(to: differs, atomically: true, encoding: .utf8)
        let redeclares = folder.appendingPathComponent("redeclares.md")
        try "# Redeclares\n\n```swift-math\nlet x = 1\n```\n\nText.\n\n```swift-math\nlet x = 2\n```\n".write(to: redeclares, atomically: true, encoding: .utf8)

        let options = CheckOptions(paths: [folder.appendingPathComponent("good").path, differs.path, redeclares.path],
                                   compiled: true, sourcesRoot: packageRoot.path, limits: Self.limits)
        let result = CheckCommand.run(options, style: Self.plain, environment: [:])
        let text = result.standardOutput + result.standardError
        #expect(text.contains("\(differs.path):3: error: compiled by swiftc, the block prints something else\n--- Swift-math (\(differs.path):3)\n+++ swiftc\n"), "\(text)")
        #expect(text.contains("+ReversedCollection<Array<Int>>"), "\(text)")
        #expect(text.contains("\(redeclares.path):10: error: swiftc rejects the lesson's code\nredeclares.md:10:5: error: invalid redeclaration of 'x'\n"), "\(text)")
        #expect(text.hasSuffix("12 passed, 2 failed\n"), "\(text)")
        #expect(result.exitCode == 1)
    }

    // MARK: - mathbook run LESSON.md

    @Test func runPrintsEachBlockUnderAHeaderWithItsLine() throws {
        let folder = try FixtureLessons.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("good/mapping.md").path
        let result = LessonRunCommand.run(path: path, style: Self.plain, limits: Self.limits)
        let rule = { (title: String) in "── \(title) " + String(repeating: "─", count: max(3, 60 - title.count)) }
        #expect(result.standardOutput == """
            \(rule("\(path):7"))
            \(rule("\(path):13 (expect-error)"))
            [3, 4]
            \(path):16:15: error: index out of range
               let cell = row[7]
                          ^

            """)
        #expect(result.exitCode == 0)
        let failing = LessonRunCommand.run(path: folder.appendingPathComponent("bad/wrong-output.md").path, style: Self.plain, limits: Self.limits)
        #expect(failing.exitCode == 1)
        let broken = LessonRunCommand.run(path: folder.appendingPathComponent("bad/unknown-option.md").path, style: Self.plain, limits: Self.limits)
        #expect(broken.exitCode == 1)
        #expect(broken.standardError.contains("unknown-option.md:3:22: error: unknown block option 'hiden'"))
    }

    @Test func aMissingPathIsAUsageError() {
        let result = CheckCommand.run(CheckOptions(paths: ["no/such/lessons"]), style: Self.plain, environment: [:])
        #expect(result.exitCode == 2)
        #expect(result.standardError == "error: no/such/lessons: no such file or folder\n")
    }

    // MARK: - Helpers

    private var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The text of every file under `folder`, by relative path.
    private func snapshot(of folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }
}

/// Counts the elements of a JUnit report.
private final class JUnitCounter: NSObject, XMLParserDelegate {
    var suites = 0, testCases = 0, failures = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch elementName {
        case "testsuite": suites += 1
        case "testcase": testCases += 1
        case "failure": failures += 1
        default: break
        }
    }
}
