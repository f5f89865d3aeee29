func factorial(_ n: Int) -> Int {
    n <= 1 ? 1 : n * factorial(n - 1)
}
func fibonacci(_ n: Int) -> Int {
    if n < 2 {
        return n
    }
    return fibonacci(n - 1) + fibonacci(n - 2)
}
func gcd(_ a: Int, _ b: Int) -> Int {
    b == 0 ? a : gcd(b, a % b)
}
func sumList(_ values: [Int], from start: Int = 0) -> Int {
    if start == values.count { return 0 }
    return values[start] + sumList(values, from: start + 1)
}
print(factorial(10))
print((0..<15).map { fibonacci($0) })
print(gcd(84, 36))
print(sumList([1, 2, 3, 4]))
func countDown(_ n: Int) {
    if n == 0 {
        print("go")
        return
    }
    print(n)
    countDown(n - 1)
}
countDown(3)
