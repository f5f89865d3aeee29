// expect-error: 5:5: arithmetic overflow
var total = Int.max - 2
for step in 1...5 {
    print("step", step, total)
    total += 1
}
