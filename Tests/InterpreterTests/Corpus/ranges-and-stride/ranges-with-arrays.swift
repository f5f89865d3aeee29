let values = [10, 20, 30, 40]
for i in 0..<values.count {
    print(i, values[i])
}
for i in stride(from: values.count - 1, through: 0, by: -1) {
    print(values[i], terminator: " ")
}
print()
var evensIndexes: [Int] = []
for i in stride(from: 0, to: values.count, by: 2) {
    evensIndexes.append(values[i])
}
print(evensIndexes)
let lastIndex = values.count - 1
print(Array(1...lastIndex).map { values[$0] - values[$0 - 1] })
