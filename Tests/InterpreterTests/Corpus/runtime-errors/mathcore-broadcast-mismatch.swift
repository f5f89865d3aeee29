// expect-error: 5:7: *: shapes [2, 3] and [2] are not compatible
import MathCore
let M: Matrix = [[1, 2, 3], [4, 5, 6]]
print(M * Tensor([10, 20, 30]))
print(M * Tensor([10, 20]))
