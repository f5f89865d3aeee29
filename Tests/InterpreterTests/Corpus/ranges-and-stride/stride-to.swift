for i in stride(from: 0, to: 10, by: 3) {
    print(i, terminator: " ")
}
print()
for i in stride(from: 10, to: 0, by: -4) {
    print(i, terminator: " ")
}
print()
for i in stride(from: 0, to: 0, by: 1) {
    print("never", i)
}
for i in stride(from: 5, to: 0, by: 1) {
    print("never", i)
}
print(Array(stride(from: 0, to: 10, by: 2)))
print(Array(stride(from: 1, to: 2, by: 5)))
