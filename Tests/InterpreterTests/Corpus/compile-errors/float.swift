// expect-error: 2:8: Float is not supported in Swift-math
let f: Float = 1.5
print(f)
