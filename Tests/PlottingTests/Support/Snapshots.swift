import Foundation
import Testing

/// Compares a rendering with its committed snapshot in `Snapshots/`.
///
/// Set `PLOTTING_UPDATE_SNAPSHOTS=1` to rewrite the files in the source tree instead (then look at
/// every changed figure before committing it: the snapshot is only as good as that look).
func expectSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    if ProcessInfo.processInfo.environment["PLOTTING_UPDATE_SNAPSHOTS"] == "1" {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Snapshots")
        try Data(actual.utf8).write(to: directory.appendingPathComponent(name))
        return
    }
    let url = try #require(
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Snapshots"),
        "missing snapshot \(name); run with PLOTTING_UPDATE_SNAPSHOTS=1", sourceLocation: sourceLocation)
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "rendering differs from Snapshots/\(name)", sourceLocation: sourceLocation)
}
