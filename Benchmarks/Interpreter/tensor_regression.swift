import MathCore

// 200 steps of linear regression on 100,000 points with MathCore tensors.
seed(1)
let xs = randomUniform(100_000, 1, low: 0, high: 10)
let noise = randomNormal(100_000, 1, mean: 0, standardDeviation: 0.5)
let ys = 3.0 * xs + 2.0 + noise
var w = 0.0
var b = 0.0
for _ in 0..<200 {
    let predictions = w * xs + b
    let errors = predictions - ys
    let gradientW = 2.0 * mean(errors * xs)
    let gradientB = 2.0 * mean(errors)
    w -= 0.01 * gradientW
    b -= 0.01 * gradientB
}
print(w, b, meanSquaredError(w * xs + b, ys))
