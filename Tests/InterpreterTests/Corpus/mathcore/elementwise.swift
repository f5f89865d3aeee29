import MathCore

let v: Vector = [0, 1, 2]
print(exp(v))
print(log(Tensor([1, 10, 100])))
print(sqrt(Tensor([1, 2, 4])))
print(abs(Tensor([-1.5, 0, 2])))
print(pow(v, 2))
print(pow(2, v))
print(tanh(v))
print(sigmoid(Tensor([-1000, 0, 1000])))
print(relu(Tensor([-2, -0.5, 0, 3])))
print(sin(Tensor([0, Double.pi / 2])))
print(v.map { $0 * 10 + 1 })
print(sigmoid(0.0), relu(-3.0))
