// expect-error: 6:9: matmul: shapes [2, 3] and [2, 3] are not compatible
import MathCore
let A: Matrix = [[1, 2, 3], [4, 5, 6]]
print(A • A.transposed())
print("now without transposing")
let C = A • A
print(C)
