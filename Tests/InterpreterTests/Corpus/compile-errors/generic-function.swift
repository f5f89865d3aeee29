// expect-error: 2:11: generics is not supported in Swift-math
func first<T>(_ values: [T]) -> T {
    values[0]
}
print(first([1, 2]))
