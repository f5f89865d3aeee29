// expect-error: 3:5: cannot assign to value: 'x' is a 'let' constant
func double(_ x: Int) -> Int {
    x = x * 2
    return x
}
print(double(2))
