for x in stride(from: 0.0, to: 1.0, by: 0.25) {
    print(x)
}
print(Array(stride(from: 0.0, through: 1.0, by: 0.1)))
print(Array(stride(from: 0.0, to: 1.0, by: 0.1)))
print(Array(stride(from: 1.0, through: 0.0, by: -0.5)))
var xs: [Double] = []
for x in stride(from: -1.0, through: 1.0, by: 0.5) {
    xs.append(x * x)
}
print(xs)
print(Array(stride(from: 0.0, through: 0.3, by: 0.1)))
