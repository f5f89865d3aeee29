import MathCore

seed(42)
let W = randomNormal(2, 3)
print(W)
print(randomNormal(3))
seed(42)
print(randomNormal(2, 3) == W)
seed(7)
print(randomUniform(4))
print(randomUniform(2, low: -1, high: 1))
print(randomNormal(2, mean: 10, standardDeviation: 0.1))
var generator = RandomGenerator(seed: 1)
print(randomNormal(shape: [3], using: &generator))
