import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MathCore
import Plotting
import Testing

@Suite struct RenderingTests {
    static let names = SampleFigures.all.map(\.name)

    static func figure(_ name: String) -> Figure {
        SampleFigures.all.first { $0.name == name }!.figure
    }

    @Test(arguments: names)
    func textNeverExceedsItsWidthOrHeight(name: String) throws {
        let figure = Self.figure(name)
        for (width, height) in [(24, 6), (40, 12), (72, 20), (100, 30)] {
            for ascii in [false, true] {
                let lines = try figure.text(width: width, height: height, ascii: ascii).split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.count <= height, "\(lines.count) lines for height \(height)")
                for line in lines {
                    #expect(line.count <= width, "line longer than \(width): \(line)")
                    if ascii { #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII in ASCII mode: \(line)") }
                }
            }
        }
    }

    @Test(arguments: names)
    func svgIsWellFormedXML(name: String) throws {
        let svg = try Self.figure(name).svg()
        let parser = XMLParser(data: Data(svg.utf8))
        let delegate = ElementCounter()
        parser.delegate = delegate
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        #expect(delegate.elements.first == "svg")
        #expect(delegate.elements.contains("title") && delegate.elements.contains("desc"))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("viewBox=\"0 0 640 400\""))
    }

    @Test(arguments: names)
    func svgHasNoColourOutsideCustomPropertyFallbacks(name: String) throws {
        var svg = try Self.figure(name).svg()
        // Remove every `var(--name, fallback)`, then no colour may remain.
        while let range = svg.range(of: #"var\(--[a-z0-9-]+,[^)]*\)"#, options: .regularExpression) {
            svg.removeSubrange(range)
        }
        #expect(svg.range(of: #"#[0-9A-Fa-f]{3,8}\b"#, options: .regularExpression) == nil)
        #expect(svg.range(of: #"\b(rgb|rgba|hsl|hsla)\("#, options: .regularExpression) == nil)
        for named in ["black", "white", "red", "blue", "green", "gray", "grey"] {
            #expect(svg.range(of: #"[:="]\s*\#(named)\b"#, options: .regularExpression) == nil, "\(named) in \(name)")
        }
    }

    @Test(arguments: names)
    func renderingsAreDeterministic(name: String) throws {
        let figure = Self.figure(name)
        let again = Self.figure(name)
        #expect(try figure.svg() == again.svg())
        #expect(try figure.text() == again.text())
    }

    @Test func descriptionIsTheTextForm() throws {
        let figure = Self.figure("line")
        #expect(figure.description == (try figure.text()))
    }

    @Test func lineIsOnePathAndPointsShareAClass() throws {
        var figure = Figure()
        figure.line([0, 1, 2, 3], [0, 1, 0, 1], label: "zigzag")
        figure.points([0, 1, 2], [1, 0, 1])
        let svg = try figure.svg()
        #expect(svg.components(separatedBy: "class=\"line s1\"").count - 1 == 2)  // the line and its legend swatch
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)
        #expect(!svg.contains("<circle class"))
        #expect(svg.contains("<desc>A line &quot;zigzag&quot; of 4 points, x from 0 to 3, y from 0 to 1; 3 points, x from 0 to 2, y from 0 to 1.</desc>"))
    }

    @Test func textEscapesMarkupInLabels() throws {
        let svg = try Figure.line([0, 1], [0, 1], title: "a < b & \"c\"").svg()
        #expect(svg.contains("<title>a &lt; b &amp; &quot;c&quot;</title>"))
    }

    @Test func heatmapMustBeAlone() {
        var figure = Figure.heatmap(Tensor([[1, 2], [3, 4]]))
        figure.line([0, 1], [0, 1])
        #expect(throws: PlotError.invalidArgument(context: "figure", message: "a heatmap fills the figure, so it must be the only series")) {
            try figure.svg()
        }
    }
}

final class ElementCounter: NSObject, XMLParserDelegate {
    var elements: [String] = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(name)
    }
}
