import MathCore
let (value, gradients) = valueWithGradients(at: [[1, 2], [3.0]]) { p in sum(p[0] * p[0]) + sum(p[1]) }
print(value, gradients, probabilityFloor)
