import Foundation
import Lessons
import Site

/// `mathbook build`: turns the lessons into the static course site.
public enum BuildCommand {
    /// Builds the site; with `quiet` false, `progress` hears a line per lesson as it finishes.
    public static func run(
        _ options: BuildOptions, quiet: Bool, style: OutputStyle,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) -> CommandResult {
        let clock = ContinuousClock()
        let start = clock.now
        let silent: @Sendable (String) -> Void = { _ in }
        let report = SiteBuilder.build(options, progress: quiet ? silent : progress)
        let seconds = (clock.now - start).seconds
        guard report.succeeded else {
            let errors = report.errors.map { $0.path.isEmpty ? $0.message : Report.error(at: $0.place, $0.message, style: style) }.joined(separator: "\n")
            return CommandResult(
                standardOutput: "",
                standardError: errors + "\n" + "error: the site was not built; \(options.outputFolder) is unchanged\n",
                exitCode: 1)
        }
        var output = ""
        for failure in report.failuresShown {
            output += "warning: shown on the page (--keep-going): \(failure)\n"
        }
        if !quiet {
            let ran = report.rebuilt.count
            output += "Built \(options.outputFolder) (\(report.pageCount) pages): \(ran) lesson\(ran == 1 ? "" : "s") ran, "
                + "\(report.cached.count) from the cache, in \(SiteBuilder.duration(seconds))\n"
        }
        return CommandResult(standardOutput: output, standardError: "", exitCode: 0)
    }
}

extension SiteError {
    /// `path:line:column`, as much of it as is known.
    var place: String {
        line > 0 ? (column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)") : path
    }
}
