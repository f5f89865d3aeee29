// expect-error: 6:7: index [2] is out of range for shape [2, 2]
import MathCore
let A: Matrix = [[1, 2], [3, 4]]
print(A.row(0))
print(A.row(1))
print(A.row(2))
