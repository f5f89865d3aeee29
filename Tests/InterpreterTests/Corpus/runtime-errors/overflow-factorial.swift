// expect-error: 3:18: arithmetic overflow
func factorial(_ n: Int) -> Int {
    n <= 1 ? 1 : n * factorial(n - 1)
}
for n in 18...22 {
    print(n, factorial(n))
}
