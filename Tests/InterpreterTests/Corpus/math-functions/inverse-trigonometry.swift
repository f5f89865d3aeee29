import Foundation

// The angle between two vectors, back from its cosine.
let cosine = 0.5
let angle = acos(cosine)
print(angle, angle * 180 / .pi)
print(asin(1.0), acos(-1.0), atan(1.0) * 4)
print(asin(0.5) * 180 / Double.pi)
print(acos(1.0), asin(0.0))
print(acos(2.0).isNaN)
print(sinh(0.0), cosh(0.0), sinh(1.0), cosh(1.0))
print((cosh(2.0) * cosh(2.0) - sinh(2.0) * sinh(2.0) - 1).magnitude < 1e-12)
