import MathCore

print(zeros(3))
print(zeros(2, 3))
print(ones(2, 2))
print(identity(3))
print(linspace(0, 1, count: 5))
print(linspace(-1, 1, count: 3))
print(Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]))
print(Tensor(repeating: 0.5, shape: [2, 2]))
print(Tensor(scalar: 7))
print(zeros(0))
print(Tensor([1, 2, 3, 4, 5, 6]).reshaped(2, 3))
