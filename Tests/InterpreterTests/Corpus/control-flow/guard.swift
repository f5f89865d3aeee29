func safeDivide(_ a: Double, _ b: Double) -> Double? {
    guard b != 0 else {
        print("cannot divide", a, "by zero")
        return nil
    }
    return a / b
}
print(safeDivide(1, 4) as Any)
print(safeDivide(1, 0) as Any)
func process(_ values: [Int]) {
    guard !values.isEmpty else {
        print("empty input")
        return
    }
    print("first is", values[0])
}
process([])
process([7, 8])
for i in 0..<5 {
    guard i % 2 == 0 else { continue }
    print("even", i)
}
