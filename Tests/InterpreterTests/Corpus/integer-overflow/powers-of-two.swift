var power = 1
var exponent = 0
while power <= Int.max / 2 {
    power *= 2
    exponent += 1
}
print(exponent, power)
print(Int.max - power)
var p = 1
for _ in 0..<10 {
    p *= 10
}
print(p)
