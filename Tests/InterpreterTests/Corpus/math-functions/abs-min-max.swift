import Foundation

print(abs(-3), abs(3), abs(0))
print(abs(-2.5), abs(2.5))
print(abs(-0.0))
print(min(3, 1), max(3, 1))
print(min(2.5, -1.0), max(2.5, -1.0))
print(min(1, 2, 3), max(4, 9, 2))
print(min("b", "a"))
let xs = [3.5, -7.25, 2.0]
var largest = -Double.infinity
for x in xs {
    largest = max(largest, abs(x))
}
print(largest)
print(max(0, min(10, 15)), max(0, min(10, -5)))
