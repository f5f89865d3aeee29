import MathCore

// Linear regression with Adam on a tiny data set.
let inputs: Matrix = [[0], [1], [2], [3]]
let targets: Matrix = [[1], [3], [5], [7]]
let weights = Variable([[0.0]])
let bias = Variable([0.0])
var optimizer = Adam(learningRate: 0.1)
for step in 1...300 {
    let predictions = inputs • weights + bias
    let loss = meanSquaredError(predictions, targets)
    loss.backward()
    optimizer.update([weights, bias])
    if step % 100 == 0 {
        print(step, loss.value)
    }
}
print(weights.value)
print(bias.value)
