import Foundation
import Lessons

/// Checks that every internal link and anchor of a built site resolves.
enum LinkChecker {
    /// The broken links of `pages` (HTML by file name), given every other file of the site.
    static func brokenLinks(pages: [String: String], otherFiles: Set<String>, siteFolder: String) -> [SiteError] {
        let ids = pages.mapValues { Set(attributeValues(named: "id", in: $0)) }
        var errors: [SiteError] = []
        for name in pages.keys.sorted() {
            guard let html = pages[name] else { continue }
            var seen: Set<String> = []
            for link in attributeValues(named: "href", in: html) + attributeValues(named: "src", in: html) where seen.insert(link).inserted {
                guard isInternal(link) else { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = String(parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
                let fragment = parts.count > 1 ? String(parts[1]) : ""
                let target = path.isEmpty ? name : normalized(path)
                let page = "\(siteFolder)/\(name)"
                if pages[target] == nil && !otherFiles.contains(target) {
                    errors.append(SiteError(path: page, "broken link '\(link)': there is no \(target) in the site"))
                } else if !fragment.isEmpty, let targetIDs = ids[target], !targetIDs.contains(fragment) {
                    errors.append(SiteError(path: page, "broken link '\(link)': \(target) has no anchor '\(fragment)'"))
                }
            }
        }
        return errors
    }

    /// Links that stay inside the site: no scheme, not protocol-relative.
    static func isInternal(_ link: String) -> Bool {
        if link.hasPrefix("//") || link.hasPrefix("data:") { return false }
        let beforePath = link.prefix(while: { $0 != "/" && $0 != "#" && $0 != "?" })
        return !beforePath.contains(":")
    }

    /// `./a/../b.html` → `b.html`.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// The values of every `name="…"` attribute in `html` (entities in them decoded).
    static func attributeValues(named name: String, in html: String) -> [String] {
        var values: [String] = []
        let marker = " \(name)=\""
        var rest = Substring(html)
        while let start = rest.firstRange(ofBytes: marker) {
            let valueStart = start.upperBound
            guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
            values.append(rest[valueStart..<end].replacingAll(bytes: "&amp;", with: "&"))
            rest = rest[rest.index(after: end)...]
        }
        return values
    }
}
