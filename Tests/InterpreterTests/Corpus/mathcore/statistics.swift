import MathCore

let data: Matrix = [[170, 65], [180, 80], [160, 55], [175, 70]]
let means = mean(data, axis: 0)
let deviations = standardDeviation(data, axis: 0)
print(means)
print(deviations)
let standardized = (data - means) / deviations
print(standardized)
print(mean(standardized, axis: 0))
print(variance(Tensor([1, 2, 3, 4])))
