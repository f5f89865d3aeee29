// expect-error: 4:5: cannot assign to value: 'result' is a 'let' constant
func compute() -> Int {
    let result = 1
    result = 2
    return result
}
print(compute())
