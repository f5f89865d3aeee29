// expect-error: 2:25: inout is not supported in Swift-math
func increment(_ value: inout Int) {
    value += 1
}
var n = 1
increment(&n)
print(n)
