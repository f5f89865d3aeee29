func describe(_ text: String) -> String {
    guard let n = Int(text) else {
        return "\(text) is not a number"
    }
    guard n >= 0 else {
        return "\(n) is negative"
    }
    return "\(n) squared is \(n * n)"
}
print(describe("12"))
print(describe("-3"))
print(describe("twelve"))
func firstEven(_ values: [Int]) -> Int? {
    for v in values {
        if v % 2 == 0 {
            return v
        }
    }
    return nil
}
print(firstEven([1, 3, 4, 6]) as Any)
print(firstEven([1, 3]) as Any)
