var s = 0.0
for _ in 0..<10 {
    s += 0.1
}
print(s)
print(s == 1.0)
var product = 1.0
for _ in 0..<5 {
    product *= 1.1
}
print(product)
let values = [0.1, 0.2, 0.3]
print(values.reduce(0, +))
var x = 1.0
for _ in 0..<4 {
    x /= 3
}
print(x)
