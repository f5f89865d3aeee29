import Foundation
import Interpreter
import Testing

/// The interpreter against the corpus: every program prints, byte for byte, the `.expected` output
/// that the real Swift compiler's build of it prints (which `CompiledCorpusTests` re-proves with
/// `swiftc`), and every program that must fail fails with the error its directive names.
@Suite("Interpreter corpus")
struct InterpreterCorpusTests {
    /// Programs whose difference from real Swift is known and not yet closed, with the reason.
    /// A program listed here that starts to pass fails the test, so the list cannot go stale.
    static let knownDifferences: [String: String] = [:]

    static let programs: [CorpusProgram] = (try? Corpus.programs()) ?? []

    @Test("The corpus was found")
    func corpusWasFound() {
        #expect(Self.programs.count >= 120)
    }

    @Test(arguments: programs)
    func interpreterMatchesSwift(_ program: CorpusProgram) {
        let result = Session().run(program.source)
        let check = {
            switch program.kind {
            case .runs:
                #expect(result.diagnostics.isEmpty, "\(program): \(result.diagnostics)")
                let expected = program.expectedOutput().map { String(decoding: $0, as: UTF8.self) }
                #expect(result.output == expected, "\(program) printed something else")
            case .traps, .rejected:
                guard let error = program.expectedError else {
                    Issue.record("\(program) has no expect-error directive")
                    return
                }
                let expectedDiagnostic = "\(error.line):\(error.column): error: \(error.message)"
                #expect(result.diagnostics.map(\.description) == [expectedDiagnostic], "\(program)")
                if program.kind == .traps {
                    #expect(result.diagnostics.first?.phase == .runtime, "\(program) must fail while running")
                    let expected = program.expectedOutput().map { String(decoding: $0, as: UTF8.self) } ?? ""
                    #expect(result.output == expected, "\(program) must keep what it printed before the error")
                } else {
                    #expect(result.diagnostics.first?.phase != .runtime, "\(program) must be rejected before it runs")
                    #expect(result.output.isEmpty, "\(program) must not run")
                }
            }
        }
        if let reason = Self.knownDifferences[program.id] {
            withKnownIssue(Comment(rawValue: reason)) { check() }
        } else {
            check()
        }
    }
}
