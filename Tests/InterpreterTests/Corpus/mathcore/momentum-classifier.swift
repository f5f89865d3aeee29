import MathCore

// Logistic regression on four points with gradient descent with momentum.
let points: Matrix = [[0, 0], [0, 1], [1, 0], [1, 1]]
let labels: Vector = [0, 0, 0, 1]
seed(3)
let w = Variable(randomNormal(2, standardDeviation: 0.1))
let b = Variable(0.0)
var optimizer = Momentum(learningRate: 0.5)
for epoch in 1...400 {
    let p = sigmoid(points • w + b)
    let loss = binaryCrossEntropy(p, labels)
    loss.backward()
    optimizer.update([w, b])
    if epoch % 100 == 0 {
        print(epoch, loss.value)
    }
}
let probabilities = sigmoid(points • w.value + b.value)
print(probabilities.map { $0 > 0.5 ? 1 : 0 })
