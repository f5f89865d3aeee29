import Interpreter
import Testing

/// No input makes the interpreter crash or hang: every corpus program, broken in fixed, seeded
/// ways (cut short, a line dropped, two lines swapped, a line doubled, a word dropped), either runs
/// or ends with diagnostics that point inside the program.
@Suite("Mutated corpus")
struct MutatedCorpusTests {
    /// A small linear congruential generator, so the mutations are the same on every run.
    struct Mutator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }

        mutating func mutate(_ source: String) -> String {
            var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            switch next(5) {
            case 0:
                return String(source.prefix(next(source.count + 1)))
            case 1 where !lines.isEmpty:
                lines.remove(at: next(lines.count))
            case 2 where lines.count > 1:
                lines.swapAt(next(lines.count), next(lines.count))
            case 3 where !lines.isEmpty:
                let index = next(lines.count)
                lines.insert(lines[index], at: index)
            default:
                var words = source.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                if words.count > 1 { words.remove(at: next(words.count)) }
                return words.joined(separator: " ")
            }
            return lines.joined(separator: "\n")
        }
    }

    @Test func brokenProgramsFailCleanly() throws {
        var mutator = Mutator(state: 2026)
        let limits = Limits(timeLimit: .seconds(2))
        for program in try Corpus.programs() {
            for _ in 0..<2 {
                let source = mutator.mutate(program.source)
                let result = Session(limits: limits).run(source)
                let lineCount = source.split(separator: "\n", omittingEmptySubsequences: false).count
                for diagnostic in result.diagnostics {
                    #expect(diagnostic.location.line >= 1 && diagnostic.location.line <= lineCount + 1,
                            "\(program): \(diagnostic) points outside the program")
                    #expect(diagnostic.location.column >= 1, "\(program): \(diagnostic)")
                    #expect(!diagnostic.message.isEmpty)
                }
            }
        }
    }
}
