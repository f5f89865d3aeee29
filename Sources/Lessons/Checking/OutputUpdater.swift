import Foundation

/// Rewrites a lesson's recorded `output` blocks with the actual outputs (`mathbook check --update`),
/// leaving every other byte of the file as it was.
public enum OutputUpdater {
    /// The lesson's new text, and how many blocks changed; nil when nothing needs to change.
    ///
    /// A block whose output differs gets its `output` block rewritten; a block that printed
    /// something and has no `output` block gets one, after a blank line. Blocks that failed
    /// unexpectedly, or did not fail as marked, keep what they have: their failure is reported.
    public static func updatedSource(of check: LessonCheck) -> (source: String, changedBlocks: Int)? {
        let lesson = check.lesson
        let newline = lesson.source.contains("\r\n") ? "\r\n" : "\n"
        // Split on the byte: in a Swift string "\r\n" is one character, which "\n" never equals.
        var lines = lesson.source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(Substring($0)) }
        var edits: [(after: Int, removing: Int, lines: [String])] = []
        for blockCheck in check.blocks {
            let block = lesson.blocks[blockCheck.blockIndex]
            switch (blockCheck.verdict, block.recordedOutput) {
            case let (.outputDiffers, recorded?):
                let rewritten = outputBlock(blockCheck.actualText, like: recorded.fence, newline: newline)
                let count = recorded.fence.closingLine - recorded.fence.openingLine + 1
                edits.append((after: recorded.fence.openingLine - 1, removing: count, lines: rewritten))
            case (.passed, nil) where !blockCheck.actualText.isEmpty:
                let fence = Fence(openingLine: 0, closingLine: 0, indentation: block.fence.indentation, marker: "```", info: "output")
                let blank = String(block.fence.indentation.trimmingTrailingSpaces) + (newline == "\r\n" ? "\r" : "")
                let inserted = [blank] + outputBlock(blockCheck.actualText, like: fence, newline: newline)
                edits.append((after: block.fence.closingLine, removing: 0, lines: inserted))
            default:
                continue
            }
        }
        guard !edits.isEmpty else { return nil }
        // From the bottom up, so that the line numbers of the edits still to come stay right.
        for edit in edits.sorted(by: { $0.after > $1.after }) {
            lines.replaceSubrange(edit.after..<(edit.after + edit.removing), with: edit.lines)
        }
        return (lines.joined(separator: "\n"), edits.count)
    }

    /// The lines of an output block holding `text`, written as `fence` is (its indentation, its
    /// fence character, its info string); the fence is made longer than any run of its character
    /// in the text, so that no line of the output can close it.
    static func outputBlock(_ text: String, like fence: Fence, newline: String) -> [String] {
        let marker = Fence.marker(enclosing: text, character: fence.marker.first ?? "`", atLeast: max(fence.marker.count, 3))
        let ending = newline == "\r\n" ? "\r" : ""
        let content = text.utf8.last == UInt8(ascii: "\n") ? Substring(text.utf8.dropLast()) : Substring(text)
        let blank = String(fence.indentation.trimmingTrailingSpaces)
        var block: [String] = [fence.indentation + marker + fence.info + ending]
        if !text.isEmpty {
            for bytes in content.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                let line = String(Substring(bytes))
                block.append((line.isEmpty ? blank : fence.indentation + line) + ending)
            }
        }
        block.append(fence.indentation + marker + ending)
        return block
    }
}

extension String {
    /// The text without spaces and tabs at its end (a quote's `> ` prefix on a blank line is `>`).
    var trimmingTrailingSpaces: Substring {
        Substring(self).trimmingTrailingWhitespace
    }
}
