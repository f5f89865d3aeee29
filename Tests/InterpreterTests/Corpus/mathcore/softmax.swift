import MathCore

print(softmax([1, 2, 3]))
print(softmax([1000, 1001, 1002]))
print(softmax([0, 0, 0, 0]))
let scores: Matrix = [[1, 2, 3], [1, 1, 1]]
print(softmax(scores))
print(sum(softmax(scores), axis: 1))
print(softmax(Tensor([-1e9, 0])))
