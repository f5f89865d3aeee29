func stats(_ values: [Double]) -> (mean: Double, variance: Double) {
    func mean(_ xs: [Double]) -> Double {
        xs.reduce(0, +) / Double(xs.count)
    }
    let m = mean(values)
    func squaredDistance(_ x: Double) -> Double {
        (x - m) * (x - m)
    }
    return (m, mean(values.map(squaredDistance)))
}
print(stats([1, 2, 3, 4]))
func outer() -> Int {
    var calls = 0
    func bump() {
        calls += 1
    }
    bump()
    bump()
    bump()
    return calls
}
print(outer())
