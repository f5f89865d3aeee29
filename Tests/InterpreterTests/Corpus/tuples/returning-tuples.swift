func minMax(_ values: [Int]) -> (min: Int, max: Int) {
    var lo = values[0]
    var hi = values[0]
    for v in values {
        if v < lo { lo = v }
        if v > hi { hi = v }
    }
    return (lo, hi)
}
let result = minMax([3, 9, -2, 7])
print(result)
print(result.min, result.max)
let (lo, hi) = minMax([5])
print(lo, hi)
func divide(_ a: Int, by b: Int) -> (Int, Int) {
    (a / b, a % b)
}
print(divide(17, by: 5))
