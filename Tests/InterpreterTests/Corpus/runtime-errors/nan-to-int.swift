// expect-error: 5:7: double value cannot be converted to Int because it is either infinite or NaN
let values = [1.0, Double.nan]
print(Int(values[0]))
print(values[1].isNaN)
print(Int(values[1]))
