import MathCore
let v: Vector = [3, 1, 4]
let A: Matrix = [[1, 2], [3, -4.5]]
print(v, A)
print(A • Tensor([1, 1]))
print(A + Tensor([10, 20]))
print(softmax([1000, 1001, 1002]))
print(linspace(0, 1, count: 5))
print(zeros(2,2,2))
print(sum(A, axis: 0), mean(A, axis: 1), variance(v), standardDeviation(A, axis: 0))
print(randomNormal(2,3))
print(ones(40,40))
print(derivative(of: { $0 * $0 }, at: 3))
print(portableLog(2.0), log(2.0), portableLog(1e-310), log(1e-310))
print(A[1,1], argmax(v), v.min(), v.max(), norm(v), cosineSimilarity(v, v))
print(Tensor(scalar: 2), A.transposed(), Tensor([1,2,3,4,5,6]).reshaped(2, -1))
