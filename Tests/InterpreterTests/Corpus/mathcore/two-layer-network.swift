import MathCore

// A forward pass through a two-layer network with fixed weights.
let x: Matrix = [[1, 2], [-1, 0.5]]
let W1: Matrix = [[0.5, -0.25, 1], [0.75, 0.5, -1]]
let b1: Vector = [0, 0.1, -0.1]
let W2: Matrix = [[1, -1], [0.5, 0.5], [-0.5, 1]]
let b2: Vector = [0.2, -0.2]
let hidden = relu(x • W1 + b1)
print(hidden)
let scores = hidden • W2 + b2
print(scores)
let probabilities = softmax(scores)
print(probabilities)
print(crossEntropy(probabilities, [[1, 0], [0, 1]]))
print(argmax(probabilities.row(0)), argmax(probabilities.row(1)))
