import MathCore

// Fit y = 2x + 1 by hand-written gradients of the mean squared error.
let x: Vector = [0, 1, 2, 3, 4]
let y = 2 * x + 1
var w = 0.0
var b = 0.0
let learningRate = 0.05
for step in 0..<200 {
    let predictions = w * x + b
    let errors = predictions - y
    let gradW = 2 * mean(errors * x)
    let gradB = 2 * mean(errors)
    w -= learningRate * gradW
    b -= learningRate * gradB
    if step % 50 == 0 {
        print("step", step, "loss", meanSquaredError(predictions, y))
    }
}
print("w =", w, "b =", b)
print(meanSquaredError(w * x + b, y))
