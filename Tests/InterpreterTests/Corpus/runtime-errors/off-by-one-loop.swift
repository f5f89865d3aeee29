// expect-error: 4:11: index out of range
let values = [1.5, 2.5, 3.5]
for i in 0...values.count {
    print(values[i])
}
