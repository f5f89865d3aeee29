// expect-error: 5:7: index [5] is out of range for shape [3]
import MathCore
let v: Vector = [10, 20, 30]
print(v[2])
print(v[5])
