let pair = (1, "two")
print(pair)
print(pair.0, pair.1)
let point = (x: 3.0, y: -1.5)
print(point)
print(point.x, point.y, point.0)
let (a, b) = pair
print(a, b)
let (x, _) = point
print(x)
let triple = (1, 2.5, true)
print(triple)
