// expect-error: 6:7: +: shapes [2] and [3] are not compatible
import MathCore
let a: Vector = [1, 2]
let b: Vector = [1, 2, 3]
print(a + a)
print(a + b)
