// expect-error: 3:9: try is not supported in Swift-math
import MathCore
let c = try Throwing.matmul(Tensor([[1, 2]]), Tensor([[3], [4]]))
print(c)
