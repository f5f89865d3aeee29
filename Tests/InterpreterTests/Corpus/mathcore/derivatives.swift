import MathCore

print(derivative(of: { x in x * x }, at: 3))
print(derivative(of: { x in x * x * x }, at: 2))
print(derivative(of: { sin($0) }, at: 0))
print(derivative(of: { exp($0) }, at: 1))
func f(_ x: Double) -> Double { 3 * x * x - 2 * x + 1 }
print(derivative(of: f, at: 1))
let g = gradient(of: { x in sum(x * x) }, at: [1, 2, 3])
print(g)
let h = gradient(of: { x in dot(x, Tensor([1, -1])) }, at: [5, 5])
print(h)
