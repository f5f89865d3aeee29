// expect-error: 4:14: range requires lowerBound <= upperBound
let sizes = [3, -1]
for n in sizes {
    for i in 0..<n {
        print(n, i)
    }
}
