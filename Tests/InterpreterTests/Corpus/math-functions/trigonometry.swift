import Foundation

print(sin(0.0), cos(0.0), tan(0.0))
print(sin(Double.pi / 6))
print(sin(Double.pi / 2), cos(Double.pi / 2))
print(sin(Double.pi), cos(Double.pi))
print(tan(Double.pi / 4))
let angle = 30.0 * Double.pi / 180
print(angle)
print(sin(angle) * sin(angle) + cos(angle) * cos(angle))
for degrees in stride(from: 0.0, through: 90.0, by: 45.0) {
    let r = degrees * .pi / 180
    print(degrees, sin(r))
}
