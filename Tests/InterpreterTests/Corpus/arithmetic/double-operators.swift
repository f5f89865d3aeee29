let a = 17.0
let b = 5.0
print(a + b, a - b, a * b, a / b)
print(-a / b)
print(1.0 / 3.0)
print(2.0 / 3.0)
print(10.0 / 4)
print(0.1 * 3)
print(1.1 * 1.1)
print(100.0 / 3.0)
print(1e10 * 1e10)
print(3.0 - 2.9)
