// expect-error: 5:5: arithmetic overflow
var x = 1
for i in 1...30 {
    print(i, x)
    x *= 10
}
