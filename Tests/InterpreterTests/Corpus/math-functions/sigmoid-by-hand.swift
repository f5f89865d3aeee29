import Foundation

func sigmoid(_ x: Double) -> Double {
    1 / (1 + exp(-x))
}
for x in [-10.0, -1.0, 0.0, 1.0, 10.0] {
    print(x, sigmoid(x))
}
let logits = [1.0, 2.0, 3.0]
let exps = logits.map { exp($0) }
let total = exps.reduce(0, +)
print(exps.map { $0 / total })
print(-log(0.5))
