print(triple(4))
print(isPrime(7), isPrime(9))
func triple(_ x: Int) -> Int { 3 * x }
func isPrime(_ n: Int) -> Bool {
    if n < 2 { return false }
    var d = 2
    while d * d <= n {
        if n % d == 0 { return false }
        d += 1
    }
    return true
}
print((1...20).filter(isPrime))
