let x = 1
let y: Double = 1
let z = 1.0
print(x, y, z)
print(7 / 2)
print(7.0 / 2)
print(7 / 2.0)
let half: Double = 7 / 2
print(half)
print(Double(7 / 2))
print(-7 / 2)
print(-7 % 3)
print(7 % -3)
print(-7.0 / 2)
let sum = x + 2
let mixed = y + 2
print(sum, mixed)
let scale: Double = 3
print(scale * 2, scale / 2)
