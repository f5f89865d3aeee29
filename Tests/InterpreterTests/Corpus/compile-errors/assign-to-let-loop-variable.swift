// expect-error: 3:5: cannot assign to value: 'i' is a 'let' constant
for i in 0..<3 {
    i = i + 1
    print(i)
}
