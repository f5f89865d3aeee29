func factorial(_ n: Int) -> Int {
    var result = 1
    for i in 1...n {
        result *= i
    }
    return result
}
for n in [1, 5, 10, 15, 20] {
    print(n, factorial(n))
}
print(factorial(20) < Int.max)
