let xs = [0.1, 0.2, 0.3]
print(xs)
let sum = xs.reduce(0, +)
print(sum)
print(sum / Double(xs.count))
let squares = xs.map { $0 * $0 }
print(squares)
print(xs.max()!, xs.min()!)
print(xs.contains(0.3))
print([1.0, 2.0].map { $0 / 3 })
