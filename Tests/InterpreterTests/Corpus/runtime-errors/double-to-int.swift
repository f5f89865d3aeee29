// expect-error: 4:11: double value cannot be converted to Int because the result would be greater than Int.max
let values = [2.5, 1e18, 1e19]
for v in values {
    print(Int(v))
}
