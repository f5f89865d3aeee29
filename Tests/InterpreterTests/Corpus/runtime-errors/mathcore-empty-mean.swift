// expect-error: 5:7: mean of an empty tensor
import MathCore
let empty = zeros(0)
print(empty, sum(empty))
print(mean(empty))
