import MathCore

let v: Vector = [3, 1, 4]
print(v)
let w: Vector = [-1, 2.5, -30]
print(w)
print(v.shape, v.rank, v.count)
print(Tensor([1, 2, 3]))
let mixed: Vector = [0.1, 100, -0.001]
print(mixed)
print(v + w)
print("v = \(v)")
print([v, w])
let single: Vector = [42]
print(single)
