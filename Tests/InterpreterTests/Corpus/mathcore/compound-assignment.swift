import MathCore

var w: Vector = [1, 2, 3]
w += Tensor([1, 1, 1])
print(w)
w -= 0.5
print(w)
w *= 2
print(w)
w /= Tensor([1, 2, 4])
print(w)
var M: Matrix = [[1, 2], [3, 4]]
M += Tensor([10, 100])
print(M)
let learningRate = 0.1
let gradient: Vector = [1, -2, 0.5]
var params: Vector = [0, 0, 0]
params -= learningRate * gradient
print(params)
