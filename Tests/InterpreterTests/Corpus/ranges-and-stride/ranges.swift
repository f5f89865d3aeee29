let halfOpen = 0..<5
let closed = 1...5
print(halfOpen)
print(closed)
print(halfOpen.count, closed.count)
print(Array(halfOpen))
print(Array(closed))
print(closed.contains(5), halfOpen.contains(5))
print((0..<0).isEmpty, (1...1).count)
let n = 3
print(Array(0..<n), Array(1...n))
print(Array((0..<4).reversed()))
print((1...4).map { $0 * $0 })
print((1...5).reduce(1, *))
print((1...10).filter { $0 % 4 == 0 })
