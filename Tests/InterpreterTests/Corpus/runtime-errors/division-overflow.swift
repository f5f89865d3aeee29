// expect-error: 5:7: division results in an overflow
let values = [Int.min, -1]
print(values[0] / 2)
print("dividing Int.min by -1")
print(values[0] / values[1])
