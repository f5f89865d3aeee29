// expect-error: 7:5: -=: shapes [3] and [2] are not compatible
import MathCore
var weights: Vector = [1, 2, 3]
let gradients: [Vector] = [[0.5, 0.5, 0.5], [1, 1]]
for g in gradients {
    print(weights)
    weights -= g
}
