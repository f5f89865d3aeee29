import MathCore

print(meanSquaredError([2, 4], [1, 1]))
print(meanSquaredError([1.5, 2.5, 3.5], [1, 2, 3]))
print(crossEntropy([0.7, 0.2, 0.1], [1, 0, 0]))
print(crossEntropy([[0.7, 0.3], [0.4, 0.6]], [[1, 0], [0, 1]]))
print(binaryCrossEntropy([0.9, 0.2], [1, 0]))
print(binaryCrossEntropy([1, 0], [1, 0]))
print(hingeLoss([0.5, -2, 3], [1, -1, -1]))
let predictions: Vector = [0.1, 0.9]
let targets: Vector = [0, 1]
print(meanSquaredError(predictions, targets), binaryCrossEntropy(predictions, targets))
