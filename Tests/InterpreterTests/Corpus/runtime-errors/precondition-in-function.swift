// expect-error: 3:5: precondition failed: rate must be positive, got -0.5
func step(rate: Double, value: Double) -> Double {
    precondition(rate > 0, "rate must be positive, got \(rate)")
    return value * (1 - rate)
}
print(step(rate: 0.5, value: 10))
print(step(rate: -0.5, value: 10))
