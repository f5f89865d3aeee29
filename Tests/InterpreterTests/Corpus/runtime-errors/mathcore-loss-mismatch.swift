// expect-error: 6:7: meanSquaredError: shapes [3] and [2] are not compatible
import MathCore
let predictions: Vector = [0.5, 0.25, 1]
let targets: Vector = [1, 0]
print(meanSquaredError(predictions, [1, 0, 1]))
print(meanSquaredError(predictions, targets))
