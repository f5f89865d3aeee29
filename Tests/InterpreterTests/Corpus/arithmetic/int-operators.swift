let a = 17
let b = 5
print(a + b, a - b, a * b, a / b, a % b)
print(-a / b, -a % b, a / -b, a % -b)
print(b - a)
print(0 / 3, 0 % 3)
print(a * 0, a * -1)
print(1 + 2 * 3 - 4 / 2)
