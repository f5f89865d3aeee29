import MathCore

let v: Vector = [3, 1, 4]
let w: Vector = [1, 0, -1]
print(dot(v, v), norm(v))
print(dot(v, w))
print(norm(Tensor([3, 4])))
print(cosineSimilarity(v, v))
print(cosineSimilarity(Tensor([1, 0]), Tensor([0, 1])))
print(cosineSimilarity(Tensor([1, 1]), Tensor([-1, -1])))
print(cosineSimilarity(v, w))
