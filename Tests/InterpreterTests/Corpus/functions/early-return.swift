func indexOfFirstNegative(_ values: [Double]) -> Int {
    for (i, v) in values.enumerated() {
        if v < 0 {
            return i
        }
    }
    return -1
}
print(indexOfFirstNegative([1, 2, -3, -4]))
print(indexOfFirstNegative([1, 2]))
func classify(_ x: Double) -> String {
    if x.isNaN { return "not a number" }
    if x == 0 { return "zero" }
    return x > 0 ? "positive" : "negative"
}
print(classify(Double.nan), classify(0), classify(-2), classify(3))
