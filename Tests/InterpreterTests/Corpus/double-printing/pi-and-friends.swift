print(Double.pi)
print(Double.pi / 2)
print(Double.pi * 2)
print(.pi * 3.0)
let tau: Double = .pi * 2
print(tau)
let area = Double.pi * 2.0 * 2.0
print(area)
print(Double.pi.rounded())
