print(1_000_000)
print(0xFF, 0x10)
print(0b1010, 0o17)
print(-0, +5, -42)
let big = 9_223_372_036_854_775_807
print(big)
print(Int.max)
print(Int.min)
print(Int.max == big)
