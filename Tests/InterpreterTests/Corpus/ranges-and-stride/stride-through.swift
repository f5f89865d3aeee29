for i in stride(from: 0, through: 9, by: 3) {
    print(i, terminator: " ")
}
print()
for i in stride(from: 10, through: 0, by: -5) {
    print(i, terminator: " ")
}
print()
print(Array(stride(from: 0, through: 10, by: 4)))
print(Array(stride(from: 3, through: 3, by: 1)))
print(Array(stride(from: 3, through: 2, by: 1)))
