func f(_ x: Double) -> Double { x * x - 1 }
for x in stride(from: -2.0, through: 2.0, by: 1.0) {
    print("f(\(x)) = \(f(x))")
}
let step = 0.5
var area = 0.0
for x in stride(from: 0.0, to: 2.0, by: step) {
    area += f(x) * step
}
print(area)
