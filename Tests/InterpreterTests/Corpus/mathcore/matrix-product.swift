import MathCore

let A: Matrix = [[1, 2], [3, 4]]
let B: Matrix = [[0, 1], [1, 0]]
print(A • B)
print(B • A)
print(A • Tensor([1, 1]))
print(matmul(A, identity(2)))
let C: Matrix = [[1, 2, 3], [4, 5, 6]]
print(C.transposed())
print(C • C.transposed())
print(C.transposed() • C)
let x: Vector = [1, 0, -1]
print(C • x)
print(Tensor([1, 1]) • C)
