// expect-error: 5:19: tensor literal: ragged literal: a list of 1 stands where a list of 2 was expected
import MathCore
let good: Matrix = [[1, 2], [3, 4]]
print(good)
let bad: Matrix = [[1, 2], [3]]
print(bad)
