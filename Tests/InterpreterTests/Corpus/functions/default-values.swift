func power(_ base: Double, exponent: Int = 2) -> Double {
    var result = 1.0
    for _ in 0..<exponent {
        result *= base
    }
    return result
}
print(power(3))
print(power(3, exponent: 3))
print(power(2, exponent: 0))
func line(_ text: String = "-", count: Int = 5, end: String = "|") -> String {
    var s = ""
    for _ in 0..<count { s += text }
    return s + end
}
print(line())
print(line("=", count: 3))
print(line(count: 2))
print(line(end: "!"))
