import Plotting
import Testing

@Suite struct SnapshotTests {
    static let names = SampleFigures.all.map(\.name)

    @Test(arguments: names)
    func svgMatchesSnapshot(name: String) throws {
        let figure = try #require(SampleFigures.all.first { $0.name == name }?.figure)
        try expectSnapshot(try figure.svg(), named: "\(name).svg")
    }

    @Test(arguments: names)
    func textMatchesSnapshot(name: String) throws {
        let figure = try #require(SampleFigures.all.first { $0.name == name }?.figure)
        try expectSnapshot(try figure.text() + "\n", named: "\(name).txt")
    }

    @Test(arguments: names)
    func asciiTextMatchesSnapshot(name: String) throws {
        let figure = try #require(SampleFigures.all.first { $0.name == name }?.figure)
        try expectSnapshot(try figure.text(width: 60, height: 16, ascii: true) + "\n", named: "\(name).ascii.txt")
    }
}
