import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Lessons
import Testing

@Suite struct JUnitReportTests {
    private let tricky = JUnitReport.Failure(
        message: #"output differs: expected <b> & "c" 'd'"#,
        details: "-\u{1B}[1mbold\u{1B}[0m\n+caf\u{E9} \u{1F389} \u{7}\r\n\tend ]]>"
    )

    private var report: JUnitReport {
        JUnitReport(suites: [
            JUnitReport.Suite(name: "Lessons/01 Basics.md", cases: [
                JUnitReport.Case(name: "block 1", className: "Basics", file: "Lessons/01 Basics.md", line: 12, failure: nil, seconds: 0.25),
                JUnitReport.Case(name: "block 2", className: "Basics", file: "Lessons/01 Basics.md", line: 30, failure: tricky, seconds: 1.5),
            ]),
            JUnitReport.Suite(name: "Lessons/02 <Tensors> & \"more\".md", cases: [
                JUnitReport.Case(name: "block 1", className: "Tensors", file: "Lessons/02.md", line: 4, failure: nil, seconds: 0.0004),
                JUnitReport.Case(name: "block 2", className: "Tensors", file: "Lessons/02.md", line: 9, failure: nil, seconds: .nan),
            ]),
            JUnitReport.Suite(name: "empty", cases: []),
        ])
    }

    @Test func documentIsExactlyAsExpected() {
        #expect(report.xml() == #"""
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites tests="4" failures="1">
              <testsuite name="Lessons/01 Basics.md" tests="2" failures="1" errors="0" skipped="0" time="1.750">
                <testcase name="block 1" classname="Basics" file="Lessons/01 Basics.md" line="12" time="0.250"/>
                <testcase name="block 2" classname="Basics" file="Lessons/01 Basics.md" line="30" time="1.500">
                  <failure message="output differs: expected &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;">-\u{1B}[1mbold\u{1B}[0m
            +café 🎉 \u{7}&#13;
            	end ]]&gt;</failure>
                </testcase>
              </testsuite>
              <testsuite name="Lessons/02 &lt;Tensors&gt; &amp; &quot;more&quot;.md" tests="2" failures="0" errors="0" skipped="0" time="0.000">
                <testcase name="block 1" classname="Tensors" file="Lessons/02.md" line="4" time="0.000"/>
                <testcase name="block 2" classname="Tensors" file="Lessons/02.md" line="9" time="0.000"/>
              </testsuite>
              <testsuite name="empty" tests="0" failures="0" errors="0" skipped="0" time="0.000">
              </testsuite>
            </testsuites>

            """#)
        #expect(report.xml() == report.xml())
    }

    @Test func timesHaveThreeDecimals() {
        func time(_ seconds: Double) -> String? {
            let report = JUnitReport(suites: [
                JUnitReport.Suite(name: "s", cases: [
                    JUnitReport.Case(name: "c", className: "c", file: "f", line: 1, failure: nil, seconds: seconds),
                ]),
            ])
            let xml = report.xml()
            guard let start = xml.range(of: #"line="1" time=""#) else { return nil }
            return String(xml[start.upperBound...].prefix { $0 != "\"" })
        }
        #expect(time(0) == "0.000")
        #expect(time(0.0125) == "0.013")
        #expect(time(12) == "12.000")
        #expect(time(1234.56789) == "1234.568")
        #expect(time(-1) == "0.000")
        #expect(time(.infinity) == "0.000")
    }

    @Test func parsesAndRoundTripsTheText() throws {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(report.xml().utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")

        let root = try #require(collector.elements.first)
        #expect(root.name == "testsuites")
        #expect(root.attributes["tests"] == "4")
        #expect(root.attributes["failures"] == "1")
        let suites = collector.elements.filter { $0.name == "testsuite" }
        #expect(suites.map { $0.attributes["name"] } == ["Lessons/01 Basics.md", "Lessons/02 <Tensors> & \"more\".md", "empty"])
        #expect(suites.map { $0.attributes["tests"] } == ["2", "2", "0"])
        #expect(collector.elements.filter { $0.name == "testcase" }.count == 4)

        let failures = collector.elements.filter { $0.name == "failure" }
        #expect(failures.count == 1)
        let failure = try #require(failures.first)
        #expect(failure.attributes["message"] == tricky.message)
        // Only the characters XML cannot hold come back changed: spelled out instead of raw.
        #expect(failure.text == "-\\u{1B}[1mbold\\u{1B}[0m\n+caf\u{E9} \u{1F389} \\u{7}\r\n\tend ]]>")
    }

    @Test func attributesKeepWhitespaceAndLoseForbiddenCharacters() throws {
        let failure = JUnitReport.Failure(message: "a\tb\nc\r\nd\u{1B}[0m\u{0}", details: "")
        let report = JUnitReport(suites: [
            JUnitReport.Suite(name: "s", cases: [
                JUnitReport.Case(name: "c", className: "c", file: "f", line: 1, failure: failure, seconds: 0),
            ]),
        ])
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(report.xml().utf8))
        parser.delegate = collector
        #expect(parser.parse())
        let parsed = try #require(collector.elements.first { $0.name == "failure" })
        #expect(parsed.attributes["message"] == "a\tb\nc\r\nd\\u{1B}[0m\\u{0}")
    }
}

/// Every element of a parsed document in document order, with its attributes and text.
private final class ElementCollector: NSObject, XMLParserDelegate {
    /// One parsed element.
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    var elements: [Element] = []
    /// The indices in `elements` of the elements not yet closed.
    private var open: [Int] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }
}
