import MathCore

let t: Tensor = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]
print(t)
print(t.shape, t.rank, t.count)
let n: Tensor = [[[1, -2, 3]], [[-40, 5, 6]]]
print(n)
print(n.shape)
let r = Tensor(shape: [2, 3, 2], scalars: (1...12).map { Double($0) })
print(r)
print(r.reshaped(3, 4))
