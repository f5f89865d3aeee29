import Interpreter
import Lessons
import Plotting

/// What a lesson's blocks printed and showed, in the form the pages need and the cache keeps:
/// text, each figure as its SVG, and errors. Made once per run of a lesson.
public struct LessonResults: Codable, Equatable, Sendable {
    /// One runnable block's results.
    public struct Block: Codable, Equatable, Sendable {
        public var blockIndex: Int
        /// The output cut into text, figures and errors, in the order they came.
        public var segments: [Segment]
        /// Whether the block failed when it should not have, or did not fail when it should.
        public var failed: Bool
        /// The failure's message, located in the lesson file (for the build's error list).
        public var failure: String?
    }

    /// A piece of a block's output.
    public enum Segment: Codable, Equatable, Sendable {
        case text(String)
        /// A figure's SVG, where its text form was printed.
        case figure(svg: String)
        /// An error, in the block's own lines: `3:7: error: …`, the line of code and a caret.
        case error(String)
    }

    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// The results of an executed, checked lesson.
    public init(_ check: LessonCheck) {
        let lesson = check.lesson
        blocks = zip(check.executed.runs, check.blocks).map { run, blockCheck in
            let block = lesson.blocks[run.blockIndex]
            var segments = Self.segments(of: run)
            if !run.diagnostics.isEmpty {
                let printer = DiagnosticPrinter(colored: false)
                let text = run.diagnostics.map { printer.format($0, fileName: nil, source: block.code) }.joined(separator: "\n")
                segments.append(.error(text))
            }
            var failure: String?
            switch blockCheck.verdict {
            case .unexpectedError:
                let printer = DiagnosticPrinter(colored: false)
                failure = run.diagnostics.map { diagnostic in
                    var located = diagnostic
                    located.location = block.fileLocation(of: diagnostic.location)
                    return printer.format(located, fileName: lesson.path, source: lesson.source)
                }.joined(separator: "\n")
            case .missingError:
                failure = "\(lesson.path):\(block.fence.openingLine): error: the block is marked expect-error, but it ran without an error"
                segments.append(.error("error: the block is marked expect-error, but it ran without an error"))
            case .passed, .outputDiffers:
                break
            }
            return Block(blockIndex: run.blockIndex, segments: segments, failed: failure != nil, failure: failure)
        }
    }

    /// The printed text cut around each figure's text form, the figure shown as its SVG instead.
    static func segments(of run: BlockRun) -> [Segment] {
        var segments: [Segment] = []
        let bytes = Array(run.output.utf8)
        var position = 0
        for shown in run.figures {
            let start = min(max(shown.outputOffset, position), bytes.count)
            if start > position { segments.append(.text(String(decoding: bytes[position..<start], as: UTF8.self))) }
            let textLength = ((try? shown.figure.text()) ?? "").utf8.count
            var end = min(start + textLength, bytes.count)
            if end < bytes.count && bytes[end] == UInt8(ascii: "\n") { end += 1 }
            let svg = (try? shown.figure.svg()) ?? ""
            segments.append(svg.isEmpty ? .text(String(decoding: bytes[start..<end], as: UTF8.self)) : .figure(svg: svg))
            position = end
        }
        if position < bytes.count { segments.append(.text(String(decoding: bytes[position...], as: UTF8.self))) }
        return segments
    }
}
