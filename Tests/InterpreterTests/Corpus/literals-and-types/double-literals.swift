print(1.5, 2.0, -3.25)
print(1e3, 2.5e-3, 1E2)
print(1_000.5)
print(0.1, 0.25, 0.125)
print(6.02e23)
print(1.0e-10)
let d: Double = 42
print(d)
let e: Double = -0
print(e)
let f = -0.0
print(f)
