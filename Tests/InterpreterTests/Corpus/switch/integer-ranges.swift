func describe(_ n: Int) -> String {
    switch n {
    case Int.min..<0:
        return "negative"
    case 0:
        return "zero"
    case 1...9:
        return "single digit"
    case 10..<100:
        return "double digit"
    default:
        return "large"
    }
}
for n in [-5, 0, 7, 10, 99, 100, 12345] {
    print(n, describe(n))
}
