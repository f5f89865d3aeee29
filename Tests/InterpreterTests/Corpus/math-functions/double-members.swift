print(2.0.squareRoot())
print((16.0).squareRoot())
let x = 10.0
print(x.squareRoot())
print((2.5).rounded(), (3.5).rounded(), (-2.5).rounded(), (2.4).rounded())
print((0.1 + 0.2).rounded())
let nan = Double.nan
print(nan.isNaN, x.isNaN)
print(Int.max, Int.min)
print(Double.infinity, -Double.infinity)
print(Double.pi)
print(Double(Int.max))
print(Int(7.9), Int(-7.9), Int(0.999))
print(Double(3) / Double(2))
