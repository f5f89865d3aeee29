import Foundation

func hypotenuse(_ a: Double, _ b: Double) -> Double {
    sqrt(a * a + b * b)
}
print(hypotenuse(3, 4))
print(hypotenuse(1, 1))
let radius = 2.0
print(Double.pi * pow(radius, 2))
let points = [(0.0, 0.0), (3.0, 4.0), (6.0, 8.0)]
var length = 0.0
for i in 1..<points.count {
    let dx = points[i].0 - points[i - 1].0
    let dy = points[i].1 - points[i - 1].1
    length += sqrt(dx * dx + dy * dy)
}
print(length)
let angle = Double.pi / 4
print(angle, angle * 4)
