import Testing
import MathCore

/// The outputs that README.md's "MathCore in five minutes" shows in its comments.
@Test func readmeTourPrintsWhatTheReadmeSays() {
    let v: Vector = [3, 1, 4]
    let A: Matrix = [[1, 2], [3, 4]]
    #expect((A • Tensor([1, 1])).description == "[3.0, 7.0]")
    #expect((A + Tensor([10, 20])).description == "[[11.0, 22.0],\n [13.0, 24.0]]")
    #expect("\(dot(v, v)) \(norm(v))" == "26.0 5.0990195135927845")
    #expect("\(mean(A)) \(variance(A)) \(sum(A, axis: 0))" == "2.5 1.25 [4.0, 6.0]")
    #expect(softmax([1000, 1001, 1002]).scalars.allSatisfy { $0.isFinite })
    #expect(meanSquaredError([2, 4], [1, 1]) == 5.0)
    #expect(derivative(of: { x in x * x }, at: 3).description == "6.0")
}
