// expect-error: 5:9: fatal error: negative input: -4
func checkedRoot(_ x: Double) -> Double {
    print("root of", x)
    if x < 0 {
        fatalError("negative input: \(Int(x))")
    }
    return x.squareRoot()
}
print(checkedRoot(16))
print(checkedRoot(-4))
