import MathCore

let A: Matrix = [[1, 2], [3, 4]]
print(sum(A), mean(A), variance(A), standardDeviation(A))
print(sum(A, axis: 0))
print(sum(A, axis: 1))
print(mean(A, axis: 0), mean(A, axis: 1))
print(variance(A, axis: 0), standardDeviation(A, axis: 1))
print(A.min(), A.max())
let v: Vector = [2, 9, 4, 9]
print(argmax(v), v.max(), v.min())
let t: Tensor = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]
print(sum(t, axis: 0))
print(sum(t, axis: 2))
print(mean(t, axis: -1))
print(sum(Tensor([0.1, 0.2, 0.3])))
