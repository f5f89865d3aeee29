print(-0.0)
print(0.0)
print(Double.infinity)
print(-Double.infinity)
print(Double.nan)
print(Double.pi)
print(5e-324)
let inf = Double.infinity
print(inf + 1, inf * -2)
print(inf > 1e308)
let big = 1e308
print(big * 10)
print(-big * 10)
let zero = 0.0
print(1 / zero, -1 / zero)
print(Double.nan.isNaN, inf.isNaN, (1.5).isNaN)
print(Double.nan == Double.nan)
let small = 5e-324
print(small / 2)
