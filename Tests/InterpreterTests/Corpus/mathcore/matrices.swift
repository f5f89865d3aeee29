import MathCore

let A: Matrix = [[1, 2], [3, 4]]
print(A)
let B: Matrix = [[1, -2.5], [30, 4]]
print(B)
print(A.shape, A.rank, A.count)
let wide: Matrix = [[1, 2, 3, 4], [5, 6, 7, 8]]
print(wide)
let tall: Matrix = [[-1], [10], [100]]
print(tall)
let small: Matrix = [[0.001, 1e-07], [12345.5, -0.5]]
print(small)
print(Tensor([[1, 2], [3, 4]]))
print("A:\n\(A)")
