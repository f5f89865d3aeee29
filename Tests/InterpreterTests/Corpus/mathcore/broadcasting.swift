import MathCore

let A: Matrix = [[1, 2], [3, 4]]
print(A + Tensor([10, 20]))
let column: Matrix = [[1], [2], [3]]
let row: Vector = [10, 20, 30]
print(column + row)
print(A * 2)
print(2 * A)
print(A / 2)
print(1.0 - A)
print(A - A)
print(A * A)
print(-A)
let v: Vector = [1, 2, 3]
print(v * v + 1)
print(column * row)
