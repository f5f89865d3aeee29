import MathCore

var v: Vector = [10, 20, 30]
print(v[0], v[2])
v[1] = -5
print(v)
var A: Matrix = [[1, 2, 3], [4, 5, 6]]
print(A[0, 1], A[1, 2])
print(A.row(1))
print(A.column(2))
A[0, 0] = 100
print(A)
let copy = A
A[1, 1] = 0
print(copy[1, 1], A[1, 1])
print(A.scalars)
var total = 0.0
for i in 0..<v.count {
    total += v[i]
}
print(total)
