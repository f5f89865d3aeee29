// expect-error: 2:28: throws is not supported in Swift-math
func parse(_ text: String) throws -> Int {
    return Int(text) ?? 0
}
print("parsing")
